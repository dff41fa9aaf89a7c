import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const MERCHANT_FIELDS = `id shopDomain name currency primaryLocale enabledLocales plan status installedAt
  settings { programEnabled pointsName pointsPerCurrencyUnit pointsExpiryDays }`;

const MERCHANT = `{ merchant { ${MERCHANT_FIELDS} } }`;

const UPDATE_SETTINGS = `mutation($input: UpdateMerchantSettingsInput!) {
  updateMerchantSettings(input: $input) {
    __typename
    ... on Merchant { ${MERCHANT_FIELDS} }
    ... on InvalidSettingsError { code field message }
  }
}`;

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret apiKey { id name prefix scopes createdAt revokedAt } } }
}`;

const API_KEYS = `{ apiKeys { id name prefix scopes createdAt revokedAt } }`;

const REVOKE_KEY = `mutation($id: ID!) {
  revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on ApiKeyNotFoundError { code message } }
}`;

interface MerchantView {
  id: string;
  shopDomain: string;
  name: string;
  currency: string;
  primaryLocale: string;
  enabledLocales: string[];
  plan: string;
  status: string;
  installedAt: string;
  settings: { programEnabled: boolean; pointsName: string; pointsPerCurrencyUnit: number; pointsExpiryDays: number | null };
}

interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  revokedAt: string | null;
}

type UpdateResult = { __typename: 'Merchant' } & MerchantView;
type SettingsError = { __typename: 'InvalidSettingsError'; code: string; field: string; message: string };

describe('the merchant subgraph', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.stop());

  async function readMerchant(merchant: TestMerchant): Promise<MerchantView> {
    const result = await gateway.gql<{ merchant: MerchantView }>(MERCHANT, {}, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.merchant;
  }

  async function updateSettings(merchant: TestMerchant, input: Record<string, unknown>) {
    return gateway.gql<{ updateMerchantSettings: UpdateResult | SettingsError }>(UPDATE_SETTINGS, { input }, merchant.auth);
  }

  async function createKey(merchant: TestMerchant, name: string, scopes: string[]): Promise<{ secret: string; apiKey: ApiKeyView }> {
    const result = await gateway.gql<{ createApiKey: { secret: string; apiKey: ApiKeyView } }>(CREATE_KEY, { input: { name, scopes } }, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.createApiKey;
  }

  function expectBadInput(result: GraphQLResponse<unknown>, field: string): void {
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(field);
  }

  describe('merchant and me', () => {
    let merchant: TestMerchant;

    beforeAll(async () => {
      merchant = await createMerchant(gateway, { currency: 'GBP' });
    });

    it('shows the caller its own merchant', async () => {
      const view = await readMerchant(merchant);

      expect(view).toEqual({
        id: merchant.id,
        shopDomain: merchant.shop,
        name: `Shop ${merchant.shop}`,
        currency: 'GBP',
        primaryLocale: 'EN',
        enabledLocales: ['EN', 'FR'],
        plan: 'FREE',
        status: 'INSTALLED',
        installedAt: expect.any(String),
        settings: { programEnabled: true, pointsName: 'Points', pointsPerCurrencyUnit: 1, pointsExpiryDays: null },
      });
      expect(Math.abs(Date.parse(view.installedAt) - Date.now())).toBeLessThan(60_000);
    });

    it('tells an admin who it is and which merchant it acts for', async () => {
      const result = await gateway.gql<{ me: { kind: string; id: string; scopes: string[]; merchant: { id: string; shopDomain: string } } }>(
        `{ me { kind id scopes merchant { id shopDomain } } }`,
        {},
        merchant.auth,
      );

      expect(result.errors).toBeUndefined();
      expect(result.data!.me).toEqual({ kind: 'ADMIN', id: 'dev', scopes: ADMIN_SCOPES, merchant: { id: merchant.id, shopDomain: merchant.shop } });
    });

    it('tells a partner key who it is, and lets it do only what its scopes allow', async () => {
      const { secret, apiKey } = await createKey(merchant, 'Reader', ['merchant:read']);
      const partner = { authorization: `Bearer ${secret}` };

      const me = await gateway.gql<{ me: { kind: string; id: string; scopes: string[]; merchant: { id: string } } }>(`{ me { kind id scopes merchant { id } } }`, {}, partner);
      const read = await gateway.gql<{ merchant: { id: string } }>(`{ merchant { id } }`, {}, partner);
      const write = await gateway.gql(UPDATE_SETTINGS, { input: { pointsName: 'Hijacked' } }, partner);
      const keys = await gateway.gql(API_KEYS, {}, partner);

      expect(me.data!.me).toEqual({ kind: 'PARTNER', id: apiKey.id, scopes: ['merchant:read'], merchant: { id: merchant.id } });
      expect(read.data!.merchant.id).toBe(merchant.id);
      expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(keys.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await readMerchant(merchant)).settings.pointsName).toBe('Points');
    });

    it('shows every caller the shop profile but keeps account facts behind merchant:read', async () => {
      // given a partner key that may read customers only
      const { secret } = await createKey(merchant, 'Customers only', ['customers:read']);
      const partner = { authorization: `Bearer ${secret}` };

      // when it reads the profile, directly and through customers, then the account facts
      const profile = await gateway.gql<{ merchant: { name: string; currency: string; settings: { pointsName: string } } }>(
        '{ merchant { name currency settings { pointsName } } }',
        {},
        partner,
      );
      const viaMe = await gateway.gql('{ me { merchant { plan } } }', {}, partner);
      const status = await gateway.gql('{ merchant { status installedAt } }', {}, partner);
      const admin = await gateway.gql<{ merchant: { plan: string; status: string } }>('{ merchant { plan status } }', {}, merchant.auth);

      // then the profile is there, the account facts are refused, and an admin sees them
      expect(profile.errors).toBeUndefined();
      expect(profile.data!.merchant).toEqual({ name: `Shop ${merchant.shop}`, currency: 'GBP', settings: { pointsName: 'Points' } });
      expect(viaMe.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(viaMe.errors?.[0].message).toMatch(/merchant:read/);
      expect(status.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(status.data?.merchant ?? null).toBeNull();
      expect(admin.data!.merchant).toEqual({ plan: 'FREE', status: 'INSTALLED' });
    });

    it('resolves Merchant references from other subgraphs to the caller\'s merchant', async () => {
      await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'ref-1@example.com' });
      await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'ref-2@example.com' });

      const result = await gateway.gql<{ customers: { nodes: { merchant: { id: string; name: string; currency: string } }[] } }>(
        `{ customers(first: 10) { nodes { merchant { id name currency } } } }`,
        {},
        merchant.auth,
      );

      expect(result.errors).toBeUndefined();
      expect(result.data!.customers.nodes).toHaveLength(2);
      for (const node of result.data!.customers.nodes) {
        expect(node.merchant).toEqual({ id: merchant.id, name: `Shop ${merchant.shop}`, currency: 'GBP' });
      }
    });

    it("keeps the gateway's internal caller lookups out of the public API", async () => {
      for (const query of [`{ _callerByShop(shopDomain: "${merchant.shop}") { merchantId } }`, `{ _callerByApiKey(secret: "lnk_x") { merchantId } }`]) {
        const result = await gateway.gql(query, {}, merchant.auth);
        expect(result.status).toBe(400);
        expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    });

    it('refuses a caller without credentials', async () => {
      const result = await gateway.gql(MERCHANT);

      expect(result.status).toBe(401);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('updateMerchantSettings', () => {
    it('changes every setting at once and reads them back', async () => {
      const merchant = await createMerchant(gateway);
      const input = {
        name: 'Acme Outdoor',
        currency: 'CAD',
        primaryLocale: 'ES',
        enabledLocales: ['ES', 'EN'],
        programEnabled: false,
        pointsName: 'Stars',
        pointsPerCurrencyUnit: 5,
        pointsExpiryDays: 365,
      };
      const expected = {
        name: 'Acme Outdoor',
        currency: 'CAD',
        primaryLocale: 'ES',
        enabledLocales: ['ES', 'EN'],
        settings: { programEnabled: false, pointsName: 'Stars', pointsPerCurrencyUnit: 5, pointsExpiryDays: 365 },
      };

      const result = await updateSettings(merchant, input);

      expect(result.errors).toBeUndefined();
      expect(result.data!.updateMerchantSettings).toMatchObject({ __typename: 'Merchant', id: merchant.id, ...expected });
      expect(await readMerchant(merchant)).toMatchObject({ id: merchant.id, shopDomain: merchant.shop, plan: 'FREE', status: 'INSTALLED', ...expected });
    });

    it('keeps the settings a partial update leaves out', async () => {
      const merchant = await createMerchant(gateway);
      await updateSettings(merchant, { pointsName: 'Beans', pointsPerCurrencyUnit: 3, pointsExpiryDays: 90, programEnabled: false });
      const before = await readMerchant(merchant);

      const result = await updateSettings(merchant, { pointsPerCurrencyUnit: 7 });

      expect(result.errors).toBeUndefined();
      const after = await readMerchant(merchant);
      expect(after).toEqual({ ...before, settings: { ...before.settings, pointsPerCurrencyUnit: 7 } });
      expect(after.settings).toEqual({ programEnabled: false, pointsName: 'Beans', pointsPerCurrencyUnit: 7, pointsExpiryDays: 90 });
    });

    it('returns InvalidSettingsError and saves nothing when the primary locale is not enabled', async () => {
      const merchant = await createMerchant(gateway);
      const before = await readMerchant(merchant);

      const spanish = await updateSettings(merchant, { primaryLocale: 'ES', name: 'Not saved', pointsName: 'Not saved' });
      const englishDropped = await updateSettings(merchant, { enabledLocales: ['FR'], pointsPerCurrencyUnit: 9 });

      for (const result of [spanish, englishDropped]) {
        expect(result.errors).toBeUndefined();
        expect(result.data!.updateMerchantSettings).toEqual({
          __typename: 'InvalidSettingsError',
          code: 'INVALID_SETTINGS',
          field: 'primaryLocale',
          message: expect.stringMatching(/primary locale/i),
        });
      }
      expect(await readMerchant(merchant)).toEqual(before);
    });

    it('returns InvalidSettingsError and saves nothing when points would expire within 30 days', async () => {
      const merchant = await createMerchant(gateway);
      const before = await readMerchant(merchant);

      const result = await updateSettings(merchant, { pointsExpiryDays: 10, pointsName: 'Not saved', currency: 'JPY' });

      expect(result.errors).toBeUndefined();
      expect(result.data!.updateMerchantSettings).toEqual({
        __typename: 'InvalidSettingsError',
        code: 'INVALID_SETTINGS',
        field: 'pointsExpiryDays',
        message: expect.stringContaining('30 days'),
      });
      expect(await readMerchant(merchant)).toEqual(before);
    });

    it('rejects malformed fields as BAD_USER_INPUT naming the field, saving nothing', async () => {
      const merchant = await createMerchant(gateway);
      const before = await readMerchant(merchant);
      const cases: [Record<string, unknown>, string][] = [
        [{ currency: 'usd', pointsName: 'Not saved' }, 'currency'],
        [{ pointsName: 'x'.repeat(40), name: 'Not saved' }, 'pointsName'],
        [{ pointsName: '' }, 'pointsName'],
        [{ pointsName: '   ' }, 'pointsName'],
        [{ name: '' }, 'name'],
        [{ name: '   ' }, 'name'],
        [{ name: 'x'.repeat(256) }, 'name'],
        [{ pointsPerCurrencyUnit: -1 }, 'pointsPerCurrencyUnit'],
        [{ pointsPerCurrencyUnit: 1001 }, 'pointsPerCurrencyUnit'],
        [{ pointsExpiryDays: -5 }, 'pointsExpiryDays'],
        [{ pointsExpiryDays: 3651 }, 'pointsExpiryDays'],
        [{ enabledLocales: [] }, 'enabledLocales'],
      ];

      for (const [input, field] of cases) {
        const result = await updateSettings(merchant, input);
        expect([input, result.errors?.[0]?.extensions?.code]).toEqual([input, 'BAD_USER_INPUT']);
        expectBadInput(result, field);
      }
      expect(await readMerchant(merchant)).toEqual(before);
    });

    it('names the field in the error extensions too', async () => {
      const merchant = await createMerchant(gateway);

      const result = await updateSettings(merchant, { currency: 'usd' });

      expect(result.errors![0].message).toMatch(/currency/);
      expect(result.errors![0].extensions?.fields).toEqual(['currency']);
    });

    it('treats pointsExpiryDays 0 as never', async () => {
      const merchant = await createMerchant(gateway);
      await updateSettings(merchant, { pointsExpiryDays: 90 });
      expect((await readMerchant(merchant)).settings.pointsExpiryDays).toBe(90);

      const result = await updateSettings(merchant, { pointsExpiryDays: 0 });

      expect(result.data!.updateMerchantSettings).toMatchObject({ settings: { pointsExpiryDays: null } });
      expect((await readMerchant(merchant)).settings.pointsExpiryDays).toBeNull();
      const row = await withOwnerDb('merchant', (db) => db.query<{ settings: Record<string, unknown> }>('select settings from merchant where id = $1', [merchant.id]));
      expect(row.rows[0].settings.pointsExpiryDays).toBeNull();
    });

    it("changes only the caller's own merchant", async () => {
      const a = await createMerchant(gateway);
      const b = await createMerchant(gateway);
      const bBefore = await readMerchant(b);
      const bRowBefore = await withOwnerDb('merchant', (db) => db.query('select * from merchant where id = $1', [b.id]));

      const result = await updateSettings(a, { name: 'A only', currency: 'AUD', pointsName: 'A points', enabledLocales: ['EN', 'ES', 'FR'] });

      expect(result.data!.updateMerchantSettings).toMatchObject({ id: a.id, name: 'A only' });
      expect(await readMerchant(b)).toEqual(bBefore);
      const bRowAfter = await withOwnerDb('merchant', (db) => db.query('select * from merchant where id = $1', [b.id]));
      expect(bRowAfter.rows).toEqual(bRowBefore.rows);
    });
  });

  describe('API keys', () => {
    let a: TestMerchant;
    let b: TestMerchant;

    beforeAll(async () => {
      a = await createMerchant(gateway);
      b = await createMerchant(gateway);
    });

    it('creates keys whose secret is shown once and lists them newest first without it', async () => {
      const first = await createKey(a, 'Reporting', ['merchant:read', 'customers:read']);
      const second = await createKey(a, '  Sync  ', ['customers:write']);

      for (const { secret, apiKey } of [first, second]) {
        expect(secret).toMatch(/^lnk_[A-Za-z0-9_-]{43}$/);
        expect(apiKey.prefix).toBe(secret.slice(0, 12));
        expect(apiKey.revokedAt).toBeNull();
      }
      expect(second.apiKey).toMatchObject({ name: 'Sync', scopes: ['customers:write'] });

      const list = await gateway.gql<{ apiKeys: ApiKeyView[] }>(API_KEYS, {}, a.auth);
      expect(list.errors).toBeUndefined();
      expect(list.data!.apiKeys).toEqual([second.apiKey, first.apiKey]);

      // the secret is no field of ApiKey at all, and only its hash is stored
      const withSecret = await gateway.gql(`{ apiKeys { id secret } }`, {}, a.auth);
      expect(withSecret.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const type = await gateway.gql<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "ApiKey") { fields { name } } }`, {}, a.auth);
      expect(type.data!.__type.fields.map((f) => f.name).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'name', 'prefix', 'revokedAt', 'scopes']);
      const rows = await withOwnerDb('merchant', (db) => db.query('select * from api_key where merchant_id = $1', [a.id]));
      expect(JSON.stringify(rows.rows)).not.toContain(first.secret);
      expect(JSON.stringify(rows.rows)).not.toContain(second.secret);

      // and another merchant sees none of them
      const others = await gateway.gql<{ apiKeys: ApiKeyView[] }>(API_KEYS, {}, b.auth);
      expect(others.data!.apiKeys).toEqual([]);
    });

    it('rejects a key without a name or with a scope partners may not hold', async () => {
      expectBadInput(await gateway.gql(CREATE_KEY, { input: { name: '', scopes: ['merchant:read'] } }, a.auth), 'name');
      expectBadInput(await gateway.gql(CREATE_KEY, { input: { name: '   ', scopes: ['merchant:read'] } }, a.auth), 'name');
      expectBadInput(await gateway.gql(CREATE_KEY, { input: { name: 'Escalate', scopes: ['api_keys:manage'] } }, a.auth), 'scopes');
      expectBadInput(await gateway.gql(CREATE_KEY, { input: { name: 'Empty', scopes: [] } }, a.auth), 'scopes');
    });

    it('revokes a key at once, idempotently', async () => {
      const { secret, apiKey } = await createKey(a, 'Short-lived', ['merchant:read']);
      const partner = { authorization: `Bearer ${secret}` };
      expect((await gateway.gql(`{ merchant { id } }`, {}, partner)).data).toEqual({ merchant: { id: a.id } });

      const revoked = await gateway.gql<{ revokeApiKey: { __typename: string; id: string; revokedAt: string } }>(REVOKE_KEY, { id: apiKey.id }, a.auth);
      const again = await gateway.gql<{ revokeApiKey: { __typename: string; id: string; revokedAt: string } }>(REVOKE_KEY, { id: apiKey.id }, a.auth);

      expect(revoked.data!.revokeApiKey).toEqual({ __typename: 'ApiKey', id: apiKey.id, revokedAt: expect.any(String) });
      expect(again.data!.revokeApiKey).toEqual(revoked.data!.revokeApiKey);
      const listed = (await gateway.gql<{ apiKeys: ApiKeyView[] }>(API_KEYS, {}, a.auth)).data!.apiKeys.find((k) => k.id === apiKey.id);
      expect(listed?.revokedAt).toBe(revoked.data!.revokeApiKey.revokedAt);
      const refused = await gateway.gql(`{ merchant { id } }`, {}, partner);
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it("answers ApiKeyNotFoundError for another merchant's key and leaves it live", async () => {
      const { secret, apiKey } = await createKey(b, "B's key", ['merchant:read']);

      const result = await gateway.gql<{ revokeApiKey: unknown }>(REVOKE_KEY, { id: apiKey.id }, a.auth);

      expect(result.errors).toBeUndefined();
      expect(result.data!.revokeApiKey).toEqual({ __typename: 'ApiKeyNotFoundError', code: 'API_KEY_NOT_FOUND', message: `No API key ${apiKey.id}` });
      const bKeys = await gateway.gql<{ apiKeys: ApiKeyView[] }>(API_KEYS, {}, b.auth);
      expect(bKeys.data!.apiKeys.find((k) => k.id === apiKey.id)?.revokedAt).toBeNull();
      expect((await gateway.gql(`{ merchant { id } }`, {}, { authorization: `Bearer ${secret}` })).data).toEqual({ merchant: { id: b.id } });
    });

    it('answers ApiKeyNotFoundError, not INTERNAL, for a malformed or unknown id', async () => {
      for (const id of ['not-a-uuid', "'; drop table api_key; --", randomUUID(), '']) {
        const result = await gateway.gql<{ revokeApiKey: { __typename: string; code: string } }>(REVOKE_KEY, { id }, a.auth);
        expect([id, result.errors]).toEqual([id, undefined]);
        expect(result.data!.revokeApiKey).toMatchObject({ __typename: 'ApiKeyNotFoundError', code: 'API_KEY_NOT_FOUND' });
      }
    });
  });
});
