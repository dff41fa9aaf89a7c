import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, upsertCustomer, UPSERT_CUSTOMER, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { bearer, nowSeconds, sessionToken, unsignedToken } from './support/tokens.js';

const ME = '{ me { kind id merchant { id } } }';
const CUSTOMER_BY_ID = 'query($id: ID!) { customer(id: $id) { id email } }';
const CUSTOMER_IDS = '{ customers(first: 100) { nodes { id } } }';
const API_KEYS = '{ apiKeys { id name prefix scopes revokedAt } }';
const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret apiKey { id name prefix scopes revokedAt } } }
}`;
const REVOKE_API_KEY = `mutation($id: ID!) {
  revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on ErrorResult { code message } }
}`;

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  revokedAt: string | null;
}

function expectUnauthenticated(result: GraphQLResponse<unknown>, reason: RegExp): void {
  expect(result.status).toBe(401);
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(result.errors![0].message).toMatch(reason);
}

function expectForbidden(result: GraphQLResponse<unknown>, missingScope: string): void {
  expect(result.status).toBe(200);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions?.code).toBe('FORBIDDEN');
  expect(result.errors![0].message).toBe(`Missing scope: ${missingScope}`);
}

describe('authentication and authorization at the gateway', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let uninstalled: TestMerchant;
  let aCustomers: CreatedCustomer[];
  let bCustomer: CreatedCustomer;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
    uninstalled = await createMerchant(gateway, { status: 'uninstalled' });
    aCustomers = [
      await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'ada@a.example' }),
      await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'alan@a.example' }),
    ];
    bCustomer = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bob@b.example' });
  });
  afterAll(() => gateway.stop());

  describe('Shopify session tokens', () => {
    it("a valid token makes the caller an admin of the token's shop", async () => {
      const token = await sessionToken(gateway.config, a.shop, { sub: '9001' });

      const result = await gateway.gql<{ me: { kind: string; id: string; merchant: { id: string } } }>(ME, {}, bearer(token));

      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      expect(result.data!.me).toEqual({ kind: 'ADMIN', id: '9001', merchant: { id: a.id } });
    });

    it.each([
      ['expired 5 s ago', () => ({ exp: nowSeconds() - 5, iat: nowSeconds() - 65, nbf: nowSeconds() - 65 })],
      ['not valid for another 5 s', () => ({ nbf: nowSeconds() + 5 })],
    ])('a token %s is accepted within the 10 s clock skew', async (_name, claims) => {
      const token = await sessionToken(gateway.config, a.shop, claims());

      const result = await gateway.gql<{ me: { merchant: { id: string } } }>(ME, {}, bearer(token));

      expect(result.errors).toBeUndefined();
      expect(result.data!.me.merchant.id).toBe(a.id);
    });

    const refusals: [string, () => Promise<Record<string, string>>, RegExp][] = [
      ['a bad signature', async () => bearer(await sessionToken(gateway.config, a.shop, { secret: 'not-the-app-secret' })), /Invalid session token: bad signature/],
      ['another app as audience', async () => bearer(await sessionToken(gateway.config, a.shop, { aud: 'another-app' })), /Invalid session token: claim check failed \(aud\)/],
      ['expiry 60 s ago', async () => bearer(await sessionToken(gateway.config, a.shop, { exp: nowSeconds() - 60, iat: nowSeconds() - 120, nbf: nowSeconds() - 120 })), /Invalid session token: expired/],
      ['nbf 60 s ahead', async () => bearer(await sessionToken(gateway.config, a.shop, { nbf: nowSeconds() + 60 })), /Invalid session token: claim check failed \(nbf\)/],
      ['no exp', async () => bearer(await sessionToken(gateway.config, a.shop, { exp: null })), /Invalid session token: .*exp/],
      ['iss and dest naming different shops', async () => bearer(await sessionToken(gateway.config, a.shop, { iss: `https://${b.shop}/admin` })), /Invalid session token: iss and dest name different shops/],
      ['alg none', async () => bearer(unsignedToken({ iss: `https://${a.shop}/admin`, dest: `https://${a.shop}`, aud: gateway.config.kit.shopify.apiKey, sub: '1', exp: nowSeconds() + 60, nbf: nowSeconds() - 5 })), /Invalid session token: .*alg/i],
      ['the dest of an unknown shop', async () => bearer(await sessionToken(gateway.config, 'never-installed-loyalnest.myshopify.com')), /Unknown shop or app not installed: never-installed-loyalnest\.myshopify\.com/],
      ['the dest of an uninstalled merchant', async () => bearer(await sessionToken(gateway.config, uninstalled.shop)), /Unknown shop or app not installed: test-[0-9a-f]{12}\.myshopify\.com/],
      ['no Authorization header', async () => ({}), /Send "Authorization: Bearer <token>"/],
      ['a non-Bearer Authorization header', async () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }), /Send "Authorization: Bearer <token>"/],
      ['a garbage token', async () => bearer('garbage'), /Invalid session token: malformed token/],
    ];

    it.each(refusals)('a request with %s is refused with 401 UNAUTHENTICATED and the reason', async (_name, headers, reason) => {
      const result = await gateway.gql(ME, {}, await headers());

      expectUnauthenticated(result, reason);
    });
  });

  describe('partner API keys', () => {
    async function createKey(merchant: TestMerchant, scopes: string[], name = 'partner'): Promise<{ secret: string; apiKey: ApiKey }> {
      const result = await gateway.gql<{ createApiKey: { __typename: string; secret: string; apiKey: ApiKey } }>(CREATE_API_KEY, { input: { name, scopes } }, merchant.auth);
      if (result.errors?.length || !result.data) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
      return result.data.createApiKey;
    }

    async function listKeys(merchant: TestMerchant): Promise<ApiKey[]> {
      const result = await gateway.gql<{ apiKeys: ApiKey[] }>(API_KEYS, {}, merchant.auth);
      expect(result.errors).toBeUndefined();
      return result.data!.apiKeys;
    }

    let readKey: { secret: string; apiKey: ApiKey };

    beforeAll(async () => {
      readKey = await createKey(a, ['customers:read'], 'read only');
    });

    it('creating a key returns its secret once, with what it may do', () => {
      expect(readKey.secret).toMatch(/^lnk_[A-Za-z0-9_-]{40,}$/);
      expect(readKey.apiKey).toMatchObject({ name: 'read only', scopes: ['customers:read'], revokedAt: null });
      expect(readKey.secret.startsWith(readKey.apiKey.prefix)).toBe(true);
      expect(readKey.apiKey.prefix.length).toBeLessThan(readKey.secret.length / 2);
    });

    it("a customers:read key lists its merchant's customers as a partner", async () => {
      const result = await gateway.gql<{ me: { kind: string; id: string; merchant: { id: string } }; customers: { nodes: { id: string }[] } }>(
        `{ me { kind id merchant { id } } customers(first: 100) { nodes { id } } }`,
        {},
        bearer(readKey.secret),
      );

      expect(result.errors).toBeUndefined();
      expect(result.data!.me).toEqual({ kind: 'PARTNER', id: readKey.apiKey.id, merchant: { id: a.id } });
      expect(result.data!.customers.nodes.map((c) => c.id).sort()).toEqual(aCustomers.map((c) => c.id).sort());
    });

    it("a partner key of A cannot read B's customer", async () => {
      const result = await gateway.gql(CUSTOMER_BY_ID, { id: bCustomer.id }, bearer(readKey.secret));

      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ customer: null });
    });

    it('a customers:read key cannot write customers, and nothing is written', async () => {
      // given
      const newShopifyId = shopifyId();

      // when
      const result = await gateway.gql(UPSERT_CUSTOMER, { input: { shopifyId: newShopifyId, email: 'sneaky@a.example' } }, bearer(readKey.secret));

      // then
      expectForbidden(result, 'customers:write');
      expect(result.data ?? null).toBeNull();
      const asAdmin = await gateway.gql<{ customerByShopifyId: unknown }>(`query($s: ID!) { customerByShopifyId(shopifyId: $s) { id } }`, { s: newShopifyId }, a.auth);
      expect(asAdmin.data).toEqual({ customerByShopifyId: null });
      const { rows } = await withOwnerDb('customer', (db) => db.query('select id from customer where merchant_id = $1 and shopify_id = $2', [a.id, newShopifyId]));
      expect(rows).toEqual([]);
    });

    it('a partner key can neither list nor create API keys', async () => {
      expectForbidden(await gateway.gql(API_KEYS, {}, bearer(readKey.secret)), 'api_keys:manage');

      const before = await listKeys(a);
      const created = await gateway.gql(CREATE_API_KEY, { input: { name: 'escalate', scopes: ['customers:read'] } }, bearer(readKey.secret));
      expectForbidden(created, 'api_keys:manage');
      expect(await listKeys(a)).toEqual(before);
    });

    it.each([['api_keys:manage'], ['auth:resolve'], ['customer:self'], ['*']])('a key with scope %s cannot be created: BAD_USER_INPUT naming the field', async (scope) => {
      const before = await listKeys(a);

      const result = await gateway.gql(CREATE_API_KEY, { input: { name: 'too powerful', scopes: ['customers:read', scope] } }, a.auth);

      expect(result.data ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions?.fields).toContain('scopes');
      expect(result.errors![0].message).toMatch(/^scopes: /);
      expect(result.errors![0].message).toMatch(/merchant:read, customers:read, customers:write/);
      expect(await listKeys(a)).toEqual(before);
    });

    it('a key needs a name that is not blank', async () => {
      const before = await listKeys(a);

      const result = await gateway.gql(CREATE_API_KEY, { input: { name: '   ', scopes: ['customers:read'] } }, a.auth);

      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(/^name: /);
      expect(await listKeys(a)).toEqual(before);
    });

    it('the key list shows the key but never its secret', async () => {
      const response = await gateway.gql<{ apiKeys: ApiKey[] }>(API_KEYS, {}, a.auth);

      expect(response.errors).toBeUndefined();
      expect(response.data!.apiKeys).toContainEqual(readKey.apiKey);
      expect(JSON.stringify(response)).not.toContain(readKey.secret);

      const asking = await gateway.gql(`{ apiKeys { id secret } }`, {}, a.auth);
      expect(asking.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('a revoked key is refused on its very next request', async () => {
      // given: a key that works
      const { secret, apiKey } = await createKey(a, ['customers:read'], 'to revoke');
      expect((await gateway.gql(CUSTOMER_IDS, {}, bearer(secret))).errors).toBeUndefined();

      // when
      const revoked = await gateway.gql<{ revokeApiKey: { __typename: string; id: string; revokedAt: string | null } }>(REVOKE_API_KEY, { id: apiKey.id }, a.auth);

      // then
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data!.revokeApiKey).toMatchObject({ __typename: 'ApiKey', id: apiKey.id });
      expect(revoked.data!.revokeApiKey.revokedAt).not.toBeNull();
      expectUnauthenticated(await gateway.gql(CUSTOMER_IDS, {}, bearer(secret)), /Invalid, revoked or expired API key/);
      expect((await listKeys(a)).find((k) => k.id === apiKey.id)?.revokedAt).not.toBeNull();
    });

    it("revoking another merchant's key finds nothing and leaves it working", async () => {
      // given
      const bKey = await createKey(b, ['customers:read'], "B's partner");

      // when
      const result = await gateway.gql<{ revokeApiKey: { __typename: string; code: string; message: string } }>(REVOKE_API_KEY, { id: bKey.apiKey.id }, a.auth);

      // then
      expect(result.errors).toBeUndefined();
      expect(result.data!.revokeApiKey).toEqual({ __typename: 'ApiKeyNotFoundError', code: 'API_KEY_NOT_FOUND', message: `No API key ${bKey.apiKey.id}` });
      const asB = await gateway.gql<{ customers: { nodes: { id: string }[] } }>(CUSTOMER_IDS, {}, bearer(bKey.secret));
      expect(asB.errors).toBeUndefined();
      expect(asB.data!.customers.nodes.map((c) => c.id)).toEqual([bCustomer.id]);
      expect((await listKeys(b)).find((k) => k.id === bKey.apiKey.id)?.revokedAt).toBeNull();
      expect((await listKeys(a)).map((k) => k.id)).not.toContain(bKey.apiKey.id);
    });

    it('a key of a merchant that uninstalled the app is refused', async () => {
      // given: a merchant of its own with a working key
      const leaving = await createMerchant(gateway);
      const { secret } = await createKey(leaving, ['customers:read']);
      expect((await gateway.gql(CUSTOMER_IDS, {}, bearer(secret))).errors).toBeUndefined();

      // when: the shop uninstalls the app
      await withOwnerDb('merchant', (db) => db.query(`update merchant set status = 'uninstalled', uninstalled_at = now() where id = $1`, [leaving.id]));

      // then
      expectUnauthenticated(await gateway.gql(CUSTOMER_IDS, {}, bearer(secret)), /Invalid, revoked or expired API key/);
    });

    it('an unknown key is refused', async () => {
      expectUnauthenticated(await gateway.gql(CUSTOMER_IDS, {}, bearer(`lnk_${'x'.repeat(43)}`)), /Invalid, revoked or expired API key/);
    });

    it('the stored row holds only a hash of the secret', async () => {
      const row = await withOwnerDb('merchant', async (db) => {
        const { rows } = await db.query<{ secret_hash: string; doc: string }>('select secret_hash, row_to_json(k)::text as doc from api_key k where id = $1', [readKey.apiKey.id]);
        return rows[0];
      });

      expect(row.secret_hash).not.toBe(readKey.secret);
      expect(row.secret_hash).toBe(createHash('sha256').update(readKey.secret).digest('hex'));
      expect(row.doc).not.toContain(readKey.secret);
      // Nor any long piece of it beyond the displayed prefix.
      expect(row.doc).not.toContain(readKey.secret.slice(readKey.apiKey.prefix.length, readKey.apiKey.prefix.length + 16));
    });
  });

  describe('dev tokens', () => {
    async function shopperToken(merchant: TestMerchant, customerId: string): Promise<Record<string, string>> {
      return bearer(await mintDevToken(gateway.config.devTokenSecret, { shop: merchant.shop, role: 'shopper', customerId }));
    }

    it('a shopper reads their own customer', async () => {
      const own = aCustomers[0];

      const result = await gateway.gql<{ me: { kind: string; id: string; merchant: { id: string } }; customer: { id: string; email: string } }>(
        `query($id: ID!) { me { kind id merchant { id } } customer(id: $id) { id email } }`,
        { id: own.id },
        await shopperToken(a, own.id),
      );

      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ me: { kind: 'SHOPPER', id: own.id, merchant: { id: a.id } }, customer: { id: own.id, email: 'ada@a.example' } });
    });

    it('a shopper cannot read another customer of the same shop', async () => {
      const result = await gateway.gql<{ customer: unknown }>(CUSTOMER_BY_ID, { id: aCustomers[1].id }, await shopperToken(a, aCustomers[0].id));

      expectForbidden(result, 'customers:read');
      expect(result.data).toEqual({ customer: null });
    });

    it('a shopper cannot list, look up or change customers', async () => {
      const headers = await shopperToken(a, aCustomers[0].id);

      expectForbidden(await gateway.gql(CUSTOMER_IDS, {}, headers), 'customers:read');
      expectForbidden(await gateway.gql(`query($s: ID!) { customerByShopifyId(shopifyId: $s) { id } }`, { s: aCustomers[1].shopifyId }, headers), 'customers:read');
      const update = await gateway.gql(
        `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { __typename } }`,
        { input: { id: aCustomers[1].id, email: 'taken@evil.example' } },
        headers,
      );
      expectForbidden(update, 'customers:write');
      const after = await gateway.gql<{ customer: { email: string } }>(CUSTOMER_BY_ID, { id: aCustomers[1].id }, a.auth);
      expect(after.data!.customer.email).toBe('alan@a.example');
    });

    it("a shopper token of one shop naming another shop's customer reads nothing", async () => {
      const result = await gateway.gql(CUSTOMER_BY_ID, { id: bCustomer.id }, await shopperToken(a, bCustomer.id));

      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ customer: null });
    });

    it('a dev token signed with another secret is refused', async () => {
      const token = await mintDevToken('not-the-dev-token-secret', { shop: a.shop, role: 'admin' });

      expectUnauthenticated(await gateway.gql(ME, {}, bearer(token)), /Invalid dev token: bad signature/);
    });
  });
});
