import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fieldAad, FieldCipher } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { withOwnerDb } from './support/db.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

interface Harness {
  gateway: TestGateway;
  fake: FakeShopify;
  /** Where the gateway serves `/auth/*`. */
  origin: string;
}

interface MerchantRow {
  id: string;
  shop_domain: string;
  name: string;
  currency: string;
  status: string;
  uninstalled_at: Date | null;
  access_token_encrypted: string | null;
  access_scopes: string;
  settings: { pointsName: string };
}

const newShop = (label = 'install') => `${label}-${randomBytes(6).toString('hex')}.myshopify.com`;

async function startHarness(mode: Mode): Promise<Harness> {
  const fake = await startFakeShopify();
  const gateway = await startTestGateway(mode, fake.env);
  return { gateway, fake, origin: new URL(gateway.url).origin };
}

function get(url: string): Promise<Response> {
  return fetch(url, { redirect: 'manual' });
}

/** `/auth/install`: answers the redirect to Shopify's consent screen, with the state nonce in it. */
async function beginInstall(h: Harness, shop: string): Promise<{ location: URL; state: string }> {
  const response = await get(`${h.origin}/auth/install?shop=${encodeURIComponent(shop)}`);
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  return { location, state: location.searchParams.get('state')! };
}

function callback(h: Harness, query: URLSearchParams): Promise<Response> {
  return get(`${h.origin}/auth/callback?${query}`);
}

/** The whole install, as a merchant's browser and Shopify would drive it. */
async function install(h: Harness, shop: string): Promise<{ query: URLSearchParams; response: Response }> {
  const { state } = await beginInstall(h, shop);
  const query = h.fake.callbackQuery({ shop, code: h.fake.issueCode(shop), state });
  return { query, response: await callback(h, query) };
}

async function merchantRow(shop: string): Promise<MerchantRow | undefined> {
  return withOwnerDb('merchant', async (db) => (await db.query<MerchantRow>('select * from merchant where shop_domain = $1', [shop])).rows[0]);
}

async function adminOf(gateway: TestGateway, shop: string, id = ''): Promise<TestMerchant> {
  const token = await mintDevToken(gateway.config.devTokenSecret, { shop, role: 'admin' });
  return { id, shop, token, auth: { authorization: `Bearer ${token}` } };
}

const ME = `{ me { kind merchant { id shopDomain name currency primaryLocale enabledLocales status settings { pointsName } } } }`;

describe.each<Mode>(['embedded', 'networked'])('installing the app through Shopify OAuth (%s)', (mode) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(async () => {
    await h.gateway.stop();
    await h.fake.close();
  });

  it('redirects to Shopify, exchanges the code, creates the merchant and stores the token encrypted', async () => {
    // given: a shop typed in mixed case, which Shopify describes as "Acme Outdoor", priced in CAD
    const shop = `ACME-${randomBytes(6).toString('hex').toUpperCase()}.MyShopify.com`;
    const domain = shop.toLowerCase();
    h.fake.setShop(domain, { name: 'Acme Outdoor', currency: 'CAD', primary_locale: 'fr-CA' });

    // when: the merchant starts the install
    const { location, state } = await beginInstall(h, shop);

    // then: it goes to the shop's consent screen with our client id, scopes, callback and a state
    expect(location.origin).toBe(h.fake.origin);
    expect(location.pathname).toBe(`/${domain}/admin/oauth/authorize`);
    expect(location.searchParams.get('client_id')).toBe(h.fake.apiKey);
    expect(location.searchParams.get('scope')).toBe(h.gateway.config.kit.shopify.scopes);
    expect(location.searchParams.get('redirect_uri')).toMatch(/\/auth\/callback$/);
    expect(state).toMatch(/^[0-9a-f]{32,64}$/);

    // when: Shopify sends the merchant back with a code
    const code = h.fake.issueCode(domain);
    const response = await callback(h, h.fake.callbackQuery({ shop, code, state }));

    // then: the merchant lands in its admin, on the app
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${h.fake.origin}/${domain}/admin/apps/${h.fake.apiKey}`);

    // and the app exchanged the code with its own credentials, then read the shop with the token
    const exchanges = h.fake.requestsFor(domain, '/admin/oauth/access_token');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0].body).toEqual({ client_id: h.fake.apiKey, client_secret: h.fake.apiSecret, code });
    const token = h.fake.tokenFor(domain)!;
    const lookups = h.fake.requestsFor(domain, '/shop.json');
    expect(lookups).toHaveLength(1);
    expect(lookups[0].path).toBe(`/${domain}/admin/api/${h.gateway.config.kit.shopify.apiVersion}/shop.json`);
    expect(lookups[0].headers['x-shopify-access-token']).toBe(token);

    // and it subscribed the shop's webhooks to our inbox with that token (compliance topics are app config)
    const subscribed = h.fake.webhookSubscriptions(domain);
    expect(subscribed.map((w) => w.topic).sort()).toEqual(
      ['app/uninstalled', 'customers/create', 'customers/delete', 'customers/update', 'orders/cancelled', 'orders/create', 'orders/fulfilled', 'orders/paid', 'orders/updated', 'refunds/create', 'shop/update'],
    );
    expect(new Set(subscribed.map((w) => w.address))).toEqual(new Set([`${h.gateway.config.kit.shopify.appUrl}/webhooks/shopify`]));
    expect(h.fake.requestsFor(domain, '/webhooks.json').every((r) => r.headers['x-shopify-access-token'] === token)).toBe(true);

    // and the merchant exists, as Shopify described it, under the lower-cased domain
    const admin = await adminOf(h.gateway, domain);
    const me = await h.gateway.gql<{ me: { kind: string; merchant: Record<string, unknown> } }>(ME, {}, admin.auth);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.kind).toBe('ADMIN');
    expect(me.data!.me.merchant).toMatchObject({
      shopDomain: domain,
      name: 'Acme Outdoor',
      currency: 'CAD',
      primaryLocale: 'FR',
      enabledLocales: ['FR'],
      status: 'INSTALLED',
      settings: { pointsName: 'Points' },
    });

    // and the offline token is stored only encrypted, bound to this merchant
    const row = (await merchantRow(domain))!;
    expect(row.id).toBe(me.data!.me.merchant.id);
    expect(row.access_scopes).toBe('read_customers,read_orders');
    const keyId = h.gateway.config.kit.encryptionKeys.split(',')[0].split(':')[0];
    expect(row.access_token_encrypted!.startsWith(`${keyId}:`)).toBe(true);
    expect(row.access_token_encrypted).not.toContain(token);
    expect(row.access_token_encrypted).not.toContain(token.slice('shpat_'.length));
    const cipher = new FieldCipher(h.gateway.config.kit.encryptionKeys);
    expect(cipher.decrypt(row.access_token_encrypted!, fieldAad(row.id, 'merchant', row.id, 'access_token'))).toBe(token);

    // and the state is spent
    const states = await withOwnerDb('merchant', (db) => db.query('select 1 from oauth_state where nonce = $1', [state]));
    expect(states.rowCount).toBe(0);
  });
});

describe('installing the app through Shopify OAuth: refusals and re-install', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('embedded');
  });
  afterAll(async () => {
    await h.gateway.stop();
    await h.fake.close();
  });

  it('refuses a callback with a bad HMAC (401), creates nothing, and leaves the state usable', async () => {
    const shop = newShop();
    const { state } = await beginInstall(h, shop);
    const code = h.fake.issueCode(shop);

    const wrongSecret = await callback(h, h.fake.callbackQuery({ shop, code, state }, 'not-the-app-secret'));
    const tampered = h.fake.callbackQuery({ shop, code, state });
    tampered.set('timestamp', String(Number(tampered.get('timestamp')) + 1));
    const tamperedResponse = await callback(h, tampered);
    const unsigned = h.fake.callbackQuery({ shop, code, state });
    unsigned.delete('hmac');
    const unsignedResponse = await callback(h, unsigned);

    for (const response of [wrongSecret, tamperedResponse, unsignedResponse]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'HMAC verification failed' });
    }
    expect(await merchantRow(shop)).toBeUndefined();
    expect(h.fake.requestsFor(shop, '/admin/oauth/access_token')).toHaveLength(0);

    // the genuine callback still goes through: a forged one must not burn the merchant's state
    expect((await callback(h, h.fake.callbackQuery({ shop, code, state }))).status).toBe(302);
    expect((await merchantRow(shop))?.status).toBe('installed');
  });

  it('refuses a replayed callback (403) without asking Shopify again', async () => {
    const shop = newShop();
    const { query, response } = await install(h, shop);
    expect(response.status).toBe(302);

    const replay = await callback(h, query);

    expect(replay.status).toBe(403);
    expect(await replay.json()).toEqual({ error: 'OAuth state is unknown, expired or already used' });
    expect(h.fake.requestsFor(shop, '/admin/oauth/access_token')).toHaveLength(1);
  });

  it('refuses a state issued for another shop (403) and an unknown state (403)', async () => {
    const victim = newShop('victim');
    const attacker = newShop('attacker');
    const { state } = await beginInstall(h, victim);

    const crossShop = await callback(h, h.fake.callbackQuery({ shop: attacker, code: h.fake.issueCode(attacker), state }));
    const unknown = await callback(h, h.fake.callbackQuery({ shop: victim, code: h.fake.issueCode(victim), state: randomBytes(24).toString('hex') }));

    expect(crossShop.status).toBe(403);
    expect(unknown.status).toBe(403);
    expect(await merchantRow(attacker)).toBeUndefined();
    expect(await merchantRow(victim)).toBeUndefined();
    expect(h.fake.requestsFor(attacker)).toHaveLength(0);
    expect(h.fake.requestsFor(victim)).toHaveLength(0);
  });

  it('refuses an invalid shop domain (400) at install and at callback', async () => {
    for (const shop of ['evil.example.com', 'acme.myshopify.com.evil.com', '-acme.myshopify.com', 'acme_shop.myshopify.com', '']) {
      const response = await get(`${h.origin}/auth/install?shop=${encodeURIComponent(shop)}`);
      expect([shop, response.status]).toEqual([shop, 400]);
      expect(await response.json()).toEqual({ error: 'shop must be a *.myshopify.com domain' });
    }
    expect((await get(`${h.origin}/auth/install`)).status).toBe(400);

    const { state } = await beginInstall(h, newShop());
    const response = await callback(h, h.fake.callbackQuery({ shop: 'evil.example.com', code: 'x', state }));
    expect(response.status).toBe(400);
    expect(h.fake.requestsFor('evil.example.com')).toHaveLength(0);
  });

  it('answers 502 and creates nothing when Shopify refuses the webhook subscriptions', async () => {
    const shop = newShop();
    h.fake.failRequests(shop, 403, '/webhooks.json');
    try {
      const { response } = await install(h, shop);
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({ error: 'Shopify refused the webhook subscription for orders/create (HTTP 403)' });
      expect(await merchantRow(shop)).toBeUndefined();
    } finally {
      h.fake.failRequests(shop, null);
    }
  });

  it('answers 502 and creates nothing when Shopify refuses the code', async () => {
    const shop = newShop();
    const other = newShop('other');
    const first = await beginInstall(h, shop);
    const second = await beginInstall(h, shop);

    const neverIssued = await callback(h, h.fake.callbackQuery({ shop, code: randomBytes(16).toString('hex'), state: first.state }));
    const issuedForAnotherShop = await callback(h, h.fake.callbackQuery({ shop, code: h.fake.issueCode(other), state: second.state }));

    for (const response of [neverIssued, issuedForAnotherShop]) {
      expect(response.status).toBe(502);
      expect(((await response.json()) as { error: string }).error).toMatch(/Shopify refused the authorization code/);
    }
    expect(h.fake.requestsFor(shop, '/admin/oauth/access_token')).toHaveLength(2);
    expect(h.fake.requestsFor(shop, '/shop.json')).toHaveLength(0);
    expect(await merchantRow(shop)).toBeUndefined();
  });

  it('answers 502, not 500, and creates nothing when Shopify is unreachable or answers garbage', async () => {
    const cases: [Parameters<FakeShopify['failRequests']>[1], string, RegExp][] = [
      ['reset', '/admin/oauth/access_token', /^Shopify could not be reached$/],
      [503, '/admin/oauth/access_token', /^Shopify refused the authorization code \(HTTP 503\)$/],
      ['malformed', '/admin/oauth/access_token', /^Shopify refused the authorization code \(malformed response\)$/],
      ['reset', '/shop.json', /^Shopify could not be reached$/],
      ['malformed', '/shop.json', /^Shopify shop lookup failed \(malformed response\)$/],
      [500, '/shop.json', /^Shopify shop lookup failed \(HTTP 500\)$/],
    ];
    for (const [failure, path, message] of cases) {
      const shop = newShop('flaky');
      h.fake.failRequests(shop, failure, path);

      const { response } = await install(h, shop);

      expect([failure, path, response.status]).toEqual([failure, path, 502]);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
      expect(await merchantRow(shop)).toBeUndefined();
    }
  });

  it('installs a new shop once when two callbacks for it race', async () => {
    const shop = newShop('race');
    const [first, second] = await Promise.all([beginInstall(h, shop), beginInstall(h, shop)]);
    const queries = [first, second].map(({ state }) => h.fake.callbackQuery({ shop, code: h.fake.issueCode(shop), state }));

    const responses = await Promise.all(queries.map((q) => callback(h, q)));

    expect(await Promise.all(responses.map(async (r) => [r.status, r.status === 302 ? null : await r.text()]))).toEqual([[302, null], [302, null]]);
    const rows = await withOwnerDb('merchant', (db) => db.query<MerchantRow>('select * from merchant where shop_domain = $1', [shop]));
    expect(rows.rowCount).toBe(1);
    const cipher = new FieldCipher(h.gateway.config.kit.encryptionKeys);
    const [row] = rows.rows;
    expect(cipher.decrypt(row.access_token_encrypted!, fieldAad(row.id, 'merchant', row.id, 'access_token'))).toMatch(/^shpat_/);
  });

  it('refuses an expired state (403)', async () => {
    const shop = newShop();
    const { state } = await beginInstall(h, shop);
    await withOwnerDb('merchant', (db) => db.query(`update oauth_state set expires_at = now() - interval '1 second' where nonce = $1`, [state]));

    const response = await callback(h, h.fake.callbackQuery({ shop, code: h.fake.issueCode(shop), state }));

    expect(response.status).toBe(403);
    expect(await merchantRow(shop)).toBeUndefined();
    expect(h.fake.requestsFor(shop)).toHaveLength(0);
  });

  it('restores an uninstalled merchant on re-install: same id, its settings, customers and API keys kept, a fresh token', async () => {
    // given: an installed merchant with customers and its own settings
    const shop = newShop();
    expect((await install(h, shop)).response.status).toBe(302);
    const before = (await merchantRow(shop))!;
    const firstToken = h.fake.tokenFor(shop)!;
    const admin = await adminOf(h.gateway, shop, before.id);
    await upsertCustomer(h.gateway, admin, { shopifyId: shopifyId(), email: 'ana@example.com', firstName: 'Ana' });
    await upsertCustomer(h.gateway, admin, { shopifyId: shopifyId(), email: 'bo@example.com', firstName: 'Bo' });
    const renamed = await h.gateway.gql(`mutation { updateMerchantSettings(input: { pointsName: "Acorns" }) { __typename } }`, {}, admin.auth);
    expect(renamed.data).toEqual({ updateMerchantSettings: { __typename: 'Merchant' } });
    const created = await h.gateway.gql<{ createApiKey: { secret: string } }>(
      `mutation { createApiKey(input: { name: "Partner", scopes: ["merchant:read"] }) { ... on ApiKeyCreated { secret } } }`,
      {},
      admin.auth,
    );
    const partner = { authorization: `Bearer ${created.data!.createApiKey.secret}` };
    // and the shop then uninstalled the app
    await withOwnerDb('merchant', (db) => db.query(`update merchant set status = 'uninstalled', uninstalled_at = now(), access_token_encrypted = null where id = $1`, [before.id]));
    // (API keys are never cached: an uninstalled shop's key is refused at once)
    expect((await h.gateway.gql(`{ merchant { id } }`, {}, partner)).status).toBe(401);

    // when: it installs again
    const { response } = await install(h, shop);

    // then: the same merchant is back, installed, with everything it had
    expect(response.status).toBe(302);
    const after = (await merchantRow(shop))!;
    expect(after.id).toBe(before.id);
    expect(after.status).toBe('installed');
    expect(after.uninstalled_at).toBeNull();
    const secondToken = h.fake.tokenFor(shop)!;
    expect(secondToken).not.toBe(firstToken);
    const cipher = new FieldCipher(h.gateway.config.kit.encryptionKeys);
    expect(cipher.decrypt(after.access_token_encrypted!, fieldAad(after.id, 'merchant', after.id, 'access_token'))).toBe(secondToken);

    // and its webhook subscriptions, already in place, are kept rather than doubled
    expect(h.fake.webhookSubscriptions(shop)).toHaveLength(11);

    const result = await h.gateway.gql<{
      me: { merchant: { id: string; status: string; settings: { pointsName: string }; customerCount: number } };
      customers: { nodes: { email: string }[] };
    }>(`{ me { merchant { id status settings { pointsName } customerCount } } customers(first: 10) { nodes { email } } }`, {}, admin.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.merchant).toEqual({ id: before.id, status: 'INSTALLED', settings: { pointsName: 'Acorns' }, customerCount: 2 });
    expect(result.data!.customers.nodes.map((c) => c.email)).toEqual(['ana@example.com', 'bo@example.com']);
    const merchants = await withOwnerDb('merchant', (db) => db.query('select id from merchant where shop_domain = $1', [shop]));
    expect(merchants.rowCount).toBe(1);
    expect((await h.gateway.gql(`{ merchant { id } }`, {}, partner)).data).toEqual({ merchant: { id: before.id } });
  });
});
