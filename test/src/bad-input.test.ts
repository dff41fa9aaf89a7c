import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, UPSERT_CUSTOMER, upsertCustomer, type TestMerchant } from './support/tenants.js';

type GraphQLErrorBody = NonNullable<GraphQLResponse['errors']>[number];

/**
 * The one error a client gets for bad input: a stable code, a message and field list naming the
 * problem, never a 5xx and never a stack trace (the suite sets ERROR_STACK_TRACES=0, as production has it).
 */
function expectOneError(result: GraphQLResponse, code: string): GraphQLErrorBody {
  expect(result.status).toBeLessThan(500);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe(code);
  expect(JSON.stringify(result)).not.toMatch(/stacktrace|exception|node_modules|\.ts:\d+/);
  return error;
}

/** Bad input names its field in the message and in `extensions.fields`. */
function expectBadInput(result: GraphQLResponse, field: string): GraphQLErrorBody {
  const error = expectOneError(result, 'BAD_USER_INPUT');
  expect(error.message).toMatch(new RegExp(`^${field}: `));
  expect(error.extensions?.fields).toContain(field);
  return error;
}

async function customerRows(merchant: TestMerchant, shopify: string): Promise<number> {
  const { rows } = await withOwnerDb('customer', (c) =>
    c.query<{ n: number }>('select count(*)::int as n from customer where merchant_id = $1 and shopify_id = $2', [merchant.id, shopify]),
  );
  return rows[0].n;
}

describe('bad input', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  const gql = (query: string, variables: Record<string, unknown> = {}) => gateway.gql(query, variables, merchant.auth);

  beforeAll(async () => {
    gateway = await startTestGateway();
    merchant = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  describe('customer input', () => {
    it('refuses an invalid email, naming it, and writes nothing', async () => {
      const shopify = shopifyId();

      const result = await gql(UPSERT_CUSTOMER, { input: { shopifyId: shopify, email: 'not-an-email', firstName: 'Valid' } });

      const error = expectBadInput(result, 'email');
      expect(error.extensions?.fields).toEqual(['email']);
      expect(result.data?.upsertCustomer ?? null).toBeNull();
      expect(await customerRows(merchant, shopify)).toBe(0);
    });

    it('refuses an invalid email given inline in the document as well', async () => {
      const shopify = shopifyId();

      const result = await gql(`mutation { upsertCustomer(input: { shopifyId: "${shopify}", email: "nope" }) { __typename } }`);

      expectBadInput(result, 'email');
      expect(await customerRows(merchant, shopify)).toBe(0);
    });

    it('refuses a first name of 101 characters', async () => {
      const shopify = shopifyId();

      const result = await gql(UPSERT_CUSTOMER, { input: { shopifyId: shopify, firstName: 'x'.repeat(101) } });

      expectBadInput(result, 'firstName');
      expect(await customerRows(merchant, shopify)).toBe(0);
    });

    it('accepts a first name of exactly 100 characters', async () => {
      const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), firstName: 'x'.repeat(100) });
      expect(customer).toMatchObject({ firstName: 'x'.repeat(100) });
    });

    it('refuses 300 tags', async () => {
      const shopify = shopifyId();

      const result = await gql(UPSERT_CUSTOMER, { input: { shopifyId: shopify, tags: Array.from({ length: 300 }, (_, i) => `tag-${i}`) } });

      const error = expectBadInput(result, 'tags');
      expect(error.message).toContain('250');
      expect(await customerRows(merchant, shopify)).toBe(0);
    });

    it.each(['abc', '0', '-5', '12.5', '9999999999999999999'])('refuses the Shopify id %p', async (bad) => {
      const result = await gql(UPSERT_CUSTOMER, { input: { shopifyId: bad } });

      expectBadInput(result, 'shopifyId');
    });

    it('refuses a Shopify id beyond the stored range on lookup too, instead of failing inside the database', async () => {
      const result = await gql('query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }', { id: '9999999999999999999' });

      expectBadInput(result, 'shopifyId');
    });

    it('accepts the largest Shopify id that can be stored', async () => {
      const largest = '9223372036854775807';
      const customer = await upsertCustomer(gateway, merchant, { shopifyId: largest });
      expect(customer.shopifyId).toBe(largest);
      const found = await gql('query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }', { id: largest });
      expect(found.data).toEqual({ customerByShopifyId: { id: customer.id } });
    });

    it('leaves a customer untouched when an update carries one bad field among good ones', async () => {
      const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'before@example.com', firstName: 'Before' });

      const result = await gql('mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { __typename } }', {
        input: { id: customer.id, firstName: 'After', email: 'still not an email' },
      });

      expectBadInput(result, 'email');
      const reread = await gql('query($id: ID!) { customer(id: $id) { email firstName } }', { id: customer.id });
      expect(reread.data).toEqual({ customer: { email: 'before@example.com', firstName: 'Before' } });
    });
  });

  describe('list arguments', () => {
    it('refuses a page size over 100', async () => {
      expectBadInput(await gql('{ customers(first: 1000) { nodes { id } } }'), 'first');
    });

    it('refuses a page size of 0', async () => {
      expectBadInput(await gql('{ customers(first: 0) { nodes { id } } }'), 'first');
    });

    it('refuses a cursor the API did not issue', async () => {
      expectBadInput(await gql('{ customers(after: "garbage!!") { nodes { id } } }'), 'after');
    });

    it('refuses a negative minimum orders count', async () => {
      expectBadInput(await gql('{ customers(filter: { minOrdersCount: -1 }) { nodes { id } } }'), 'minOrdersCount');
    });
  });

  describe('documents the schema refuses', () => {
    it('refuses an unknown enum value, naming it', async () => {
      const result = await gql('mutation { updateMerchantSettings(input: { primaryLocale: DE }) { __typename } }');

      const error = expectOneError(result, 'GRAPHQL_VALIDATION_FAILED');
      expect(result.status).toBe(400);
      expect(error.message).toContain('"DE"');
      expect(error.message).toContain('LocaleCode');
    });

    it('refuses an unknown enum value given as a variable, naming the variable', async () => {
      const result = await gql('mutation($l: LocaleCode) { updateMerchantSettings(input: { primaryLocale: $l }) { __typename } }', { l: 'DE' });

      const error = expectOneError(result, 'BAD_USER_INPUT');
      expect(result.status).toBe(400);
      expect(error.message).toContain('$l');
      expect(error.message).toContain('"DE"');
    });

    it('refuses a syntax error with 400 GRAPHQL_PARSE_FAILED', async () => {
      const result = await gql('{ customers( { nodes { id } } }');

      const error = expectOneError(result, 'GRAPHQL_PARSE_FAILED');
      expect(result.status).toBe(400);
      expect(error.message).toMatch(/^Syntax Error/);
    });

    it('refuses a body without a query with 400 BAD_REQUEST', async () => {
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...merchant.auth }, body: '{"variables": {}}' });
      const body = { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };

      expectOneError(body, 'BAD_REQUEST');
      expect(body.status).toBe(400);
    });

    it('refuses a malformed JSON body with 400', async () => {
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...merchant.auth }, body: '{"query": ' });

      expect(response.status).toBe(400);
    });

    // Express's default error page would carry a stack trace outside production.
    it('answers a malformed JSON body with a GraphQL error and no stack trace', async () => {
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...merchant.auth }, body: '{"query": ' });
      const text = await response.text();

      expect(text).not.toMatch(/node_modules|at JSON\.parse/);
      const body = JSON.parse(text) as Omit<GraphQLResponse, 'status'>;
      expect(body.errors?.[0]?.extensions?.code).toMatch(/^(BAD_REQUEST|GRAPHQL_PARSE_FAILED)$/);
    });
  });

  describe('query limits', () => {
    it('refuses a query deeper than 10 levels, naming depth', async () => {
      // No type in this supergraph nests deeper than five valid levels, so the extra levels are
      // unknown fields; the depth rule measures the document, and reports its own error besides.
      const result = await gql('{ customers { nodes { merchant { settings { a { b { c { d { e { f { g } } } } } } } } } } }');

      expect(result.status).toBe(400);
      const depth = result.errors?.find((e) => e.extensions?.limit === 'depth');
      expect(depth).toEqual({
        message: 'Query depth 11 exceeds the limit of 10',
        locations: expect.any(Array),
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth', value: 11, max: 10 },
      });
      expect(JSON.stringify(result)).not.toContain('stacktrace');
    });

    it('refuses a valid query that exceeds a configured depth limit', async () => {
      const shallow = await startTestGateway('embedded', { QUERY_MAX_DEPTH: '4' });
      try {
        const shop = await createMerchant(shallow);
        const query = '{ customers { nodes { merchant { settings { programEnabled } } } } }';

        const result = await shallow.gql(query, {}, shop.auth);

        const error = expectOneError(result, 'GRAPHQL_VALIDATION_FAILED');
        expect(result.status).toBe(400);
        expect(error.message).toBe('Query depth 5 exceeds the limit of 4');
        expect(error.extensions).toMatchObject({ limit: 'depth', value: 5, max: 4 });
        expect(result.data).toBeUndefined();
      } finally {
        await shallow.stop();
      }
    });

    it('refuses a query costing more than 5000, naming cost', async () => {
      // Each copy costs 1 + 100 × (nodes 1 + id 1) = 201; 26 copies = 5226, with only 26 aliases.
      const copies = Array.from({ length: 26 }, (_, i) => `c${i}: customers(first: 100) { nodes { id } }`).join('\n');

      const result = await gql(`{ ${copies} }`);

      const error = expectOneError(result, 'GRAPHQL_VALIDATION_FAILED');
      expect(result.status).toBe(400);
      expect(error.message).toBe('Query cost 5226 exceeds the limit of 5000');
      expect(error.extensions).toMatchObject({ limit: 'cost', value: 5226, max: 5000 });
    });

    it('runs the same query at a cost under 5000', async () => {
      const copies = Array.from({ length: 24 }, (_, i) => `c${i}: customers(first: 100) { nodes { id } }`).join('\n');

      const result = await gql(`{ ${copies} }`);

      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    });

    it('refuses 31 aliases, naming aliases', async () => {
      const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: me { kind }`).join('\n');

      const result = await gql(`{ ${aliases} }`);

      const error = expectOneError(result, 'GRAPHQL_VALIDATION_FAILED');
      expect(result.status).toBe(400);
      expect(error.message).toBe('Query uses 31 aliases; the limit is 30');
      expect(error.extensions).toMatchObject({ limit: 'aliases', value: 31, max: 30 });
    });

    it('runs 30 aliases', async () => {
      const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: me { kind }`).join('\n');

      const result = await gql(`{ ${aliases} }`);

      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
    });
  });

  describe('merchant settings rules', () => {
    const UPDATE_SETTINGS = `mutation($input: UpdateMerchantSettingsInput!) {
      updateMerchantSettings(input: $input) {
        __typename
        ... on InvalidSettingsError { code field message }
        ... on Merchant { name primaryLocale enabledLocales }
      }
    }`;
    const current = async () => (await gql('{ merchant { name primaryLocale enabledLocales settings { pointsName pointsExpiryDays } } }')).data;

    it('refuses a primary locale that is not enabled, saving nothing', async () => {
      const before = await current();

      const result = await gql(UPDATE_SETTINGS, { input: { name: 'Renamed Shop', pointsName: 'Stars', primaryLocale: 'ES' } });

      expect(result.errors).toBeUndefined();
      expect(result.data!.updateMerchantSettings).toMatchObject({ __typename: 'InvalidSettingsError', code: 'INVALID_SETTINGS', field: 'primaryLocale' });
      expect((result.data!.updateMerchantSettings as { message: string }).message).toContain('"es"');
      expect(await current()).toEqual(before);
    });

    it('refuses points that expire sooner than 30 days, saving nothing', async () => {
      const before = await current();

      const result = await gql(UPDATE_SETTINGS, { input: { name: 'Renamed Shop', pointsExpiryDays: 10 } });

      expect(result.data!.updateMerchantSettings).toMatchObject({ __typename: 'InvalidSettingsError', code: 'INVALID_SETTINGS', field: 'pointsExpiryDays' });
      expect(await current()).toEqual(before);
    });

    it('saves settings that keep the rules', async () => {
      const result = await gql(UPDATE_SETTINGS, { input: { name: 'Renamed Shop', enabledLocales: ['EN', 'ES'], primaryLocale: 'ES' } });

      expect(result.data!.updateMerchantSettings).toEqual({ __typename: 'Merchant', name: 'Renamed Shop', primaryLocale: 'ES', enabledLocales: ['EN', 'ES'] });
      expect(await current()).toMatchObject({ merchant: { name: 'Renamed Shop', primaryLocale: 'ES' } });
    });
  });

  describe('unexpected failures', () => {
    it('answers a database rejection with a generic INTERNAL error, no SQL and no row', async () => {
      // given: the database refuses inserts for this merchant only, so concurrent test files are unaffected
      const suffix = randomBytes(4).toString('hex');
      const fn = `loyalnest_test_reject_${suffix}`;
      const secret = `rejected-by-trigger-${suffix}`;
      await withOwnerDb('customer', async (c) => {
        await c.query(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception '${secret}'; end $$`);
        await c.query(`create trigger ${fn} before insert on customer for each row when (new.merchant_id = '${merchant.id}') execute function ${fn}()`);
      });
      const shopify = shopifyId();
      try {
        // when
        const result = await gql(UPSERT_CUSTOMER, { input: { shopifyId: shopify, email: 'internal@example.com' } });

        // then
        const error = expectOneError(result, 'INTERNAL');
        expect(error).toEqual({ message: 'Internal server error', path: ['upsertCustomer'], extensions: { code: 'INTERNAL' } });
        const body = JSON.stringify(result);
        for (const leak of [secret, 'insert into', 'customer"', 'internal@example.com']) expect(body).not.toContain(leak);
      } finally {
        await withOwnerDb('customer', async (c) => {
          await c.query(`drop trigger if exists ${fn} on customer`);
          await c.query(`drop function if exists ${fn}()`);
        });
      }
      expect(await customerRows(merchant, shopify)).toBe(0);
    });
  });
});
