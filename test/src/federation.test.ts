import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbeddedSubgraphClient } from '../../gateway/src/subgraph-client.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { recordSql } from './support/sql-log.js';
import { tierSettled } from './support/tier-members.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

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
  // Stopping waits for the jobs in flight, e.g. the points domain rechecking a redemption another
  // test file left failed, whose Shopify stand-in is gone: its retries can outlast jest's 60 s.
  afterAll(() => gateway.stop(), 180_000);

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

describe('entity references', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    merchant = await createMerchant(gateway);
    for (let i = 0; i < 12; i++) await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `ref${i}@example.com` });
    // The SQL recorded below is the whole runtime's: the points and tier domains consuming these
    // customers' customer.created look each one up in the customer store (one id at a time), and
    // such a lookup running during a recording reads as an N+1 that the batch did not cause.
    await tierSettled(merchant);
  });
  afterAll(() => gateway.stop());

  it('resolves a batch of merchant references behind a customer page with one SQL query', async () => {
    // given twelve customers that all point at their merchant
    // when the gateway fetches the page and then the merchant of each
    const { result, queries } = await recordSql(runtime(gateway, 'merchant'), () =>
      gateway.gql<{ customers: { nodes: { merchant: { id: string; name: string } }[] } }>(
        '{ customers(first: 12) { nodes { merchant { id name } } } }',
        {},
        merchant.auth,
      ),
    );

    // then every reference is resolved, by one select on the merchant table
    expect(result.errors).toBeUndefined();
    expect(result.data!.customers.nodes).toHaveLength(12);
    expect(new Set(result.data!.customers.nodes.map((n) => n.merchant.id))).toEqual(new Set([merchant.id]));
    const selects = queries.filter((q) => /select .* from "merchant"/i.test(q));
    expect(selects).toHaveLength(1);
  });

  it('answers _entities for many customers in key order with one SQL query', async () => {
    const page = await gateway.gql<{ customers: { nodes: { id: string }[] } }>('{ customers(first: 12) { nodes { id } } }', {}, merchant.auth);
    const ids = page.data!.customers.nodes.map((n) => n.id).reverse();
    const customerRuntime = runtime(gateway, 'customer');
    const caller = { merchantId: merchant.id, actor: { kind: 'admin' as const, id: 'test' }, scopes: ['customers:read'], requestId: 'refs' };
    const client = new EmbeddedSubgraphClient(customerRuntime);

    const { result, queries } = await recordSql(customerRuntime, () =>
      client.execute(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id email } } }',
        { r: ids.map((id) => ({ __typename: 'Customer', id })) },
        caller,
      ),
    );

    expect(result.errors).toBeUndefined();
    expect((result.data!._entities as { id: string }[]).map((e) => e.id)).toEqual(ids);
    expect(queries.filter((q) => /from "customer"/i.test(q))).toHaveLength(1);
  });
});
