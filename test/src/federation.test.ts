import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const SPANNING_QUERY = `{
  me { kind merchant { name currency customerCount } }
  customers(first: 10) { nodes { id email firstName merchant { id currency shopDomain } } pageInfo { hasNextPage } }
}`;

describe.each<Mode>(['embedded', 'networked'])('a query spanning merchant and customer (%s)', (mode) => {
  let gateway: TestGateway;
  let merchant: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    merchant = await createMerchant(gateway, { currency: 'CAD' });
    await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'Ana@Example.com', firstName: 'Ana' });
    await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'bo@example.com', firstName: 'Bo' });
  });
  afterAll(() => gateway.stop());

  it('resolves customer fields from the customer subgraph and merchant fields from the merchant subgraph', async () => {
    const result = await gateway.gql<{
      me: { kind: string; merchant: { name: string; currency: string; customerCount: number } };
      customers: { nodes: { email: string; firstName: string; merchant: { id: string; currency: string; shopDomain: string } }[]; pageInfo: { hasNextPage: boolean } };
    }>(SPANNING_QUERY, {}, merchant.auth);

    expect(result.errors).toBeUndefined();
    expect(result.data!.me).toEqual({ kind: 'ADMIN', merchant: { name: `Shop ${merchant.shop}`, currency: 'CAD', customerCount: 2 } });
    expect(result.data!.customers.nodes.map((c) => [c.email, c.firstName])).toEqual([
      ['ana@example.com', 'Ana'],
      ['bo@example.com', 'Bo'],
    ]);
    for (const customer of result.data!.customers.nodes) {
      expect(customer.merchant).toEqual({ id: merchant.id, currency: 'CAD', shopDomain: merchant.shop });
    }
    expect(result.data!.customers.pageInfo.hasNextPage).toBe(false);
  });
});
