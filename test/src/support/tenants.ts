import { ADMIN_SCOPES, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import { mintDevToken } from '../../../gateway/src/auth/dev-token.js';
import { DEFAULT_PROGRAM_SETTINGS, MerchantEntity } from '../../../subgraphs/merchant/src/entities/merchant.entity.js';
import type { TestGateway } from './gateway.js';

export interface TestMerchant {
  id: string;
  shop: string;
  /** A dev token for this merchant's admin. */
  token: string;
  /** `{ authorization: 'Bearer …' }` for that admin. */
  auth: Record<string, string>;
}

/** A fresh merchant of its own for each test file, so tests never depend on each other. */
export async function createMerchant(gateway: TestGateway, options: { currency?: string; status?: 'installed' | 'uninstalled' } = {}): Promise<TestMerchant> {
  const id = randomUUID();
  const shop = `test-${randomBytes(6).toString('hex')}.myshopify.com`;
  const { em } = runtime(gateway, 'merchant').createContext(systemCaller(ADMIN_SCOPES, id));
  em.create(MerchantEntity, {
    id,
    shopDomain: shop,
    name: `Shop ${shop}`,
    currency: options.currency ?? 'EUR',
    primaryLocale: 'en',
    enabledLocales: ['en', 'fr'],
    plan: 'free',
    status: options.status ?? 'installed',
    installedAt: new Date(),
    accessTokenEncrypted: null,
    settings: DEFAULT_PROGRAM_SETTINGS,
  });
  await em.flush();
  const token = await mintDevToken(gateway.config.devTokenSecret, { shop, role: 'admin' });
  return { id, shop, token, auth: { authorization: `Bearer ${token}` } };
}

export function runtime(gateway: TestGateway, name: string): SubgraphRuntime {
  const found = gateway.runtimes.get(name);
  if (!found) throw new Error(`no ${name} runtime`);
  return found;
}

export const UPSERT_CUSTOMER = `mutation($input: UpsertCustomerInput!) {
  upsertCustomer(input: $input) { __typename ... on UpsertCustomerSuccess { created customer { id shopifyId email firstName lastName tags } } }
}`;

export interface CreatedCustomer {
  id: string;
  shopifyId: string;
  email: string | null;
}

/** Creates (or updates) a customer through the gateway as the merchant's admin. */
export async function upsertCustomer(gateway: TestGateway, merchant: TestMerchant, input: Record<string, unknown>): Promise<CreatedCustomer> {
  const result = await gateway.gql<{ upsertCustomer: { customer: CreatedCustomer } }>(UPSERT_CUSTOMER, { input }, merchant.auth);
  if (result.errors?.length || !result.data) throw new Error(`upsertCustomer failed: ${JSON.stringify(result.errors)}`);
  return result.data.upsertCustomer.customer;
}

let nextShopifyId = Date.now() % 1_000_000_000;
/** Shopify ids unique within a test run. */
export function shopifyId(): string {
  return String(++nextShopifyId);
}
