import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

interface Customer {
  id: string;
  shopifyId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  tags: string[];
  acceptsMarketing: boolean;
  ordersCount: number;
}

interface UpsertResult {
  upsertCustomer: { __typename: string; created: boolean; customer: Customer };
}

interface CustomersPage {
  customers: { nodes: Customer[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
}

const CUSTOMER_FIELDS = 'id shopifyId email firstName lastName tags acceptsMarketing ordersCount';

const UPSERT = `mutation($input: UpsertCustomerInput!) {
  upsertCustomer(input: $input) { __typename ... on UpsertCustomerSuccess { created customer { ${CUSTOMER_FIELDS} } } }
}`;

const UPDATE = `mutation($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) {
    __typename
    ... on Customer { ${CUSTOMER_FIELDS} }
    ... on CustomerNotFoundError { code message }
  }
}`;

const CUSTOMERS = `query($first: Int, $after: String, $filter: CustomerFilter) {
  customers(first: $first, after: $after, filter: $filter) { nodes { ${CUSTOMER_FIELDS} } pageInfo { endCursor hasNextPage } }
}`;

/** Rows the owner sees for one merchant and Shopify id, bypassing the API, RLS and the tenant filter. */
async function rowCount(merchant: TestMerchant, shopify: string): Promise<number> {
  const { rows } = await withOwnerDb('customer', (c) =>
    c.query<{ n: number }>('select count(*)::int as n from customer where merchant_id = $1 and shopify_id = $2', [merchant.id, shopify]),
  );
  return rows[0].n;
}

function ok<T>(result: GraphQLResponse<T>): T {
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  return result.data!;
}

describe('customers', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let other: TestMerchant;
  const gql = <T>(query: string, variables: Record<string, unknown> = {}, as: TestMerchant = merchant) => gateway.gql<T>(query, variables, as.auth);

  beforeAll(async () => {
    gateway = await startTestGateway();
    merchant = await createMerchant(gateway);
    other = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  describe('upsertCustomer', () => {
    it('creates a customer, then updates the same one when called again with its Shopify id', async () => {
      const shopify = shopifyId();

      const first = ok(await gql<UpsertResult>(UPSERT, { input: { shopifyId: shopify, email: 'Upsert@Example.com', firstName: 'Una', tags: ['a'] } }));
      expect(first.upsertCustomer.__typename).toBe('UpsertCustomerSuccess');
      expect(first.upsertCustomer.created).toBe(true);
      expect(first.upsertCustomer.customer).toMatchObject({ shopifyId: shopify, email: 'upsert@example.com', firstName: 'Una', tags: ['a'] });

      const second = ok(await gql<UpsertResult>(UPSERT, { input: { shopifyId: shopify, firstName: 'Uma', tags: ['b', 'c'] } }));
      expect(second.upsertCustomer.created).toBe(false);
      expect(second.upsertCustomer.customer.id).toBe(first.upsertCustomer.customer.id);
      // Fields the second call left out keep their value.
      expect(second.upsertCustomer.customer).toMatchObject({ email: 'upsert@example.com', firstName: 'Uma', tags: ['b', 'c'] });
      expect(await rowCount(merchant, shopify)).toBe(1);
    });

    it('is idempotent: the same input twice leaves one unchanged customer', async () => {
      const input = { shopifyId: shopifyId(), email: 'same@example.com', firstName: 'Sam', lastName: 'Same', tags: ['x'], acceptsMarketing: true };

      const first = ok(await gql<UpsertResult>(UPSERT, { input }));
      const second = ok(await gql<UpsertResult>(UPSERT, { input }));

      expect([first.upsertCustomer.created, second.upsertCustomer.created]).toEqual([true, false]);
      expect(second.upsertCustomer.customer).toEqual(first.upsertCustomer.customer);
      expect(await rowCount(merchant, input.shopifyId)).toBe(1);
    });

    it('creates exactly one customer when five upserts of a new Shopify id race', async () => {
      for (let round = 0; round < 3; round++) {
        const shopify = shopifyId();

        const results = await Promise.all(
          Array.from({ length: 5 }, (_, i) => gql<UpsertResult>(UPSERT, { input: { shopifyId: shopify, firstName: `Racer ${i}` } })),
        );

        const outcomes = results.map((r) => ok(r).upsertCustomer);
        expect(new Set(outcomes.map((o) => o.customer.id)).size).toBe(1);
        expect(outcomes.filter((o) => o.created)).toHaveLength(1);
        expect(await rowCount(merchant, shopify)).toBe(1);
      }
    });

    it('keeps the same Shopify id at two merchants as two customers', async () => {
      const shopify = shopifyId();

      const mine = await upsertCustomer(gateway, merchant, { shopifyId: shopify, firstName: 'Mine' });
      const theirs = ok(await gql<UpsertResult>(UPSERT, { input: { shopifyId: shopify, firstName: 'Theirs' } }, other));

      expect(theirs.upsertCustomer.created).toBe(true);
      expect(theirs.upsertCustomer.customer.id).not.toBe(mine.id);
      expect(await rowCount(merchant, shopify)).toBe(1);
      expect(await rowCount(other, shopify)).toBe(1);
    });
  });

  describe('updateCustomer', () => {
    it('changes only the fields given', async () => {
      const created = await upsertCustomer(gateway, merchant, {
        shopifyId: shopifyId(),
        email: 'keep@example.com',
        firstName: 'Kim',
        lastName: 'Before',
        tags: ['loyal'],
        acceptsMarketing: true,
      });

      const result = ok(await gql<{ updateCustomer: Customer & { __typename: string } }>(UPDATE, { input: { id: created.id, lastName: 'After' } }));

      const expected = { id: created.id, email: 'keep@example.com', firstName: 'Kim', lastName: 'After', tags: ['loyal'], acceptsMarketing: true };
      expect(result.updateCustomer).toMatchObject({ __typename: 'Customer', ...expected });
      const reread = ok(await gql<{ customer: Customer }>(`query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`, { id: created.id }));
      expect(reread.customer).toMatchObject(expected);
    });

    it('clears a field given as null', async () => {
      const created = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'gone@example.com', firstName: 'Gone' });

      const result = ok(await gql<{ updateCustomer: Customer }>(UPDATE, { input: { id: created.id, email: null } }));

      expect(result.updateCustomer).toMatchObject({ email: null, firstName: 'Gone' });
    });

    it.each([
      ['an unknown id', randomUUID()],
      ['a malformed id', 'not-a-uuid'],
    ])('returns CustomerNotFoundError for %s', async (_, id) => {
      const result = ok(await gql<{ updateCustomer: { __typename: string; code: string; message: string } }>(UPDATE, { input: { id, firstName: 'Nobody' } }));

      expect(result.updateCustomer).toEqual({ __typename: 'CustomerNotFoundError', code: 'CUSTOMER_NOT_FOUND', message: `No customer ${id}` });
    });

    it("returns CustomerNotFoundError for another merchant's customer and leaves it unchanged", async () => {
      const theirs = await upsertCustomer(gateway, other, { shopifyId: shopifyId(), firstName: 'Theirs' });

      const result = ok(await gql<{ updateCustomer: { __typename: string; code: string } }>(UPDATE, { input: { id: theirs.id, firstName: 'Hijacked' } }));

      expect(result.updateCustomer).toMatchObject({ __typename: 'CustomerNotFoundError', code: 'CUSTOMER_NOT_FOUND' });
      const reread = ok(await gql<{ customer: Customer }>(`query($id: ID!) { customer(id: $id) { firstName } }`, { id: theirs.id }, other));
      expect(reread.customer.firstName).toBe('Theirs');
    });
  });

  describe('customers pagination', () => {
    let shop: TestMerchant;
    const created: string[] = [];

    beforeAll(async () => {
      shop = await createMerchant(gateway);
      for (let i = 0; i < 5; i++) created.push((await upsertCustomer(gateway, shop, { shopifyId: shopifyId(), firstName: `Page ${i}` })).id);
    });

    it('walks every customer once, oldest first, two at a time', async () => {
      const seen: string[] = [];
      const pages: { size: number; hasNextPage: boolean }[] = [];
      let after: string | null = null;
      for (;;) {
        const { customers }: CustomersPage = ok(await gql<CustomersPage>(CUSTOMERS, { first: 2, after }, shop));
        seen.push(...customers.nodes.map((c) => c.id));
        pages.push({ size: customers.nodes.length, hasNextPage: customers.pageInfo.hasNextPage });
        if (!customers.pageInfo.hasNextPage) break;
        expect(customers.pageInfo.endCursor).toEqual(expect.any(String));
        after = customers.pageInfo.endCursor;
        expect(pages.length).toBeLessThan(10);
      }

      expect(pages).toEqual([
        { size: 2, hasNextPage: true },
        { size: 2, hasNextPage: true },
        { size: 1, hasNextPage: false },
      ]);
      expect(seen).toEqual(created);
    });

    it('reports no next page when the last page is exactly full', async () => {
      const { customers } = ok(await gql<CustomersPage>(CUSTOMERS, { first: 5 }, shop));

      expect(customers.nodes.map((c) => c.id)).toEqual(created);
      expect(customers.pageInfo.hasNextPage).toBe(false);
      const after = ok(await gql<CustomersPage>(CUSTOMERS, { first: 5, after: customers.pageInfo.endCursor }, shop));
      expect(after.customers).toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
    });

    it('defaults to pages of 20', async () => {
      const { customers } = ok(await gql<CustomersPage>(CUSTOMERS, {}, shop));

      expect(customers.nodes).toHaveLength(5);
      expect(customers.pageInfo.hasNextPage).toBe(false);
    });
  });

  describe('customers filters and lookups', () => {
    let shop: TestMerchant;
    let vipEu: Customer;
    let vip: Customer;
    let plain: Customer;

    const ids = (page: CustomersPage) => page.customers.nodes.map((c) => c.id);
    const filtered = async (filter: Record<string, unknown>, as = shop) => ids(ok(await gql<CustomersPage>(CUSTOMERS, { filter }, as)));

    beforeAll(async () => {
      shop = await createMerchant(gateway);
      const create = async (input: Record<string, unknown>) => ok(await gql<UpsertResult>(UPSERT, { input: { shopifyId: shopifyId(), ...input } }, shop)).upsertCustomer.customer;
      vipEu = await create({ email: 'Mixed.Case@Example.com', tags: ['vip', 'eu'], acceptsMarketing: true });
      vip = await create({ email: 'vip@example.com', tags: ['vip'], acceptsMarketing: false });
      plain = await create({ email: 'plain@example.com', acceptsMarketing: true });
      // Orders come from Shopify events, not the API; set them as the owner.
      await withOwnerDb('customer', async (c) => {
        await c.query('update customer set orders_count = $1 where id = $2', [5, vipEu.id]);
        await c.query('update customer set orders_count = $1 where id = $2', [2, vip.id]);
      });
      // A look-alike at another merchant that no filter here may return.
      await upsertCustomer(gateway, other, { shopifyId: shopifyId(), email: 'vip@example.com', tags: ['vip', 'eu'], acceptsMarketing: true });
    });

    it('filters by tag', async () => {
      expect(await filtered({ tag: 'vip' })).toEqual([vipEu.id, vip.id]);
      expect(await filtered({ tag: 'eu' })).toEqual([vipEu.id]);
      expect(await filtered({ tag: 'none' })).toEqual([]);
    });

    it('filters by marketing consent', async () => {
      expect(await filtered({ acceptsMarketing: true })).toEqual([vipEu.id, plain.id]);
      expect(await filtered({ acceptsMarketing: false })).toEqual([vip.id]);
    });

    it('filters by minimum orders count', async () => {
      expect(await filtered({ minOrdersCount: 0 })).toEqual([vipEu.id, vip.id, plain.id]);
      expect(await filtered({ minOrdersCount: 2 })).toEqual([vipEu.id, vip.id]);
      expect(await filtered({ minOrdersCount: 3 })).toEqual([vipEu.id]);
      const { customers } = ok(await gql<CustomersPage>(CUSTOMERS, { filter: { minOrdersCount: 3 } }, shop));
      expect(customers.nodes[0].ordersCount).toBe(5);
    });

    it('combines filters', async () => {
      expect(await filtered({ tag: 'vip', acceptsMarketing: false })).toEqual([vip.id]);
      expect(await filtered({ tag: 'vip', minOrdersCount: 3, acceptsMarketing: true })).toEqual([vipEu.id]);
      expect(await filtered({ tag: 'eu', acceptsMarketing: false })).toEqual([]);
    });

    it('finds a customer by email, case-insensitively', async () => {
      expect(await filtered({ email: 'mixed.case@example.com' })).toEqual([vipEu.id]);
      expect(await filtered({ email: 'MIXED.CASE@EXAMPLE.COM' })).toEqual([vipEu.id]);
      expect(await filtered({ email: 'nobody@example.com' })).toEqual([]);
    });

    it("never finds another merchant's customer by email", async () => {
      expect(await filtered({ email: 'plain@example.com' }, other)).toEqual([]);
    });

    it('paginates a filtered list', async () => {
      const first = ok(await gql<CustomersPage>(CUSTOMERS, { first: 1, filter: { tag: 'vip' } }, shop));
      const second = ok(await gql<CustomersPage>(CUSTOMERS, { first: 1, after: first.customers.pageInfo.endCursor, filter: { tag: 'vip' } }, shop));

      expect([ids(first), first.customers.pageInfo.hasNextPage]).toEqual([[vipEu.id], true]);
      expect([ids(second), second.customers.pageInfo.hasNextPage]).toEqual([[vip.id], false]);
    });

    it('looks a customer up by Shopify id, within the merchant only', async () => {
      const query = `query($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { id email } }`;

      const found = ok(await gql<{ customerByShopifyId: Customer | null }>(query, { shopifyId: vip.shopifyId }, shop));
      expect(found.customerByShopifyId).toEqual({ id: vip.id, email: 'vip@example.com' });

      const unknown = ok(await gql<{ customerByShopifyId: Customer | null }>(query, { shopifyId: shopifyId() }, shop));
      expect(unknown.customerByShopifyId).toBeNull();

      const elsewhere = ok(await gql<{ customerByShopifyId: Customer | null }>(query, { shopifyId: vip.shopifyId }, other));
      expect(elsewhere.customerByShopifyId).toBeNull();
    });
  });

  it("counts the merchant's own customers on Merchant.customerCount", async () => {
    const shop = await createMerchant(gateway);
    await upsertCustomer(gateway, shop, { shopifyId: shopifyId() });
    await upsertCustomer(gateway, shop, { shopifyId: shopifyId() });
    const count = async () => {
      const result = ok(await gql<{ merchant: { id: string; customerCount: number }; me: { merchant: { customerCount: number } } }>(
        '{ merchant { id customerCount } me { merchant { customerCount } } }',
        {},
        shop,
      ));
      expect(result.merchant.id).toBe(shop.id);
      expect(result.me.merchant.customerCount).toBe(result.merchant.customerCount);
      return result.merchant.customerCount;
    };

    expect(await count()).toBe(2);
    await upsertCustomer(gateway, shop, { shopifyId: shopifyId() });
    await upsertCustomer(gateway, other, { shopifyId: shopifyId() });
    expect(await count()).toBe(3);
  });
});
