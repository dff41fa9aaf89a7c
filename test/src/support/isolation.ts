import { expect } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import type { GraphQLResponse, TestGateway } from './gateway.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './tenants.js';

export interface CustomerNode {
  id: string;
  shopifyId: string;
  email: string | null;
  firstName: string | null;
}

export const CUSTOMER_FIELDS = 'id shopifyId email firstName';

export const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Customer { id email }
    ... on Merchant { id }
  }
}`;

export const MERCHANT_ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Merchant { id shopDomain } }
}`;

/** The two tenants every isolation test needs: A acts, B is the one A must never reach. */
export interface Tenants {
  a: TestMerchant;
  b: TestMerchant;
  aCustomers: CreatedCustomer[];
  bCustomer: CreatedCustomer;
}

export async function seedTenants(gateway: TestGateway): Promise<Tenants> {
  const a = await createMerchant(gateway);
  const b = await createMerchant(gateway);
  const aCustomers = [
    await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'alice@a.example', firstName: 'Alice' }),
    await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'arno@a.example', firstName: 'Arno' }),
  ];
  const bCustomer = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bella@b.example', firstName: 'Bella' });
  return { a, b, aCustomers, bCustomer };
}

/** A POST with the path sent exactly as given: `fetch` would resolve dot segments before sending. */
export function rawPost(origin: string, path: string, body: object, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: hostname, port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: text }));
    });
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

export function expectUnauthenticated(result: GraphQLResponse<unknown>, message: RegExp): void {
  expect(result.status).toBe(401);
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.errors![0].message).toMatch(message);
}

