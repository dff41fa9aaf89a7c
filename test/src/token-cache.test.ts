import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INTERNAL_TOKEN_TTL_SECONDS, verifyInternalToken, type Caller } from '@loyalnest/kit';
import { decodeJwt } from 'jose';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { VerifiedTokens, type VerifiedJwt } from '../../gateway/src/auth/verified-tokens.js';
import { internalTokenFor } from '../../gateway/src/subgraph-client.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { expectUnauthenticated, seedTenants, type Tenants } from './support/isolation.js';
import { createMerchant } from './support/tenants.js';
import { adminCaller, bearer, sessionToken } from './support/tokens.js';

const CUSTOMERS = '{ customers(first: 20) { nodes { id merchant { id } } } }';
const ME = '{ me { kind id } }';
const CONCURRENT_PAIRS = 25;

interface CustomersPage {
  customers: { nodes: Array<{ id: string; merchant: { id: string } }> };
}

/**
 * The gateway's token work, done once instead of per fetch and per request: one internal token per
 * request's caller (networked mode), and caller JWTs verified once until they expire. Neither may
 * ever hand one caller's identity to another, nor keep a credential alive past its end.
 */
describe('internal tokens and verified caller tokens, cached (networked)', () => {
  let gateway: TestGateway;
  let t: Tenants;

  beforeAll(async () => {
    gateway = await startTestGateway('networked');
    t = await seedTenants(gateway);
  });
  afterAll(() => gateway.stop());

  const secret = () => gateway.config.kit.internalTokenSecret;

  describe('internal tokens', () => {
    it('race: concurrent requests of two merchants, each fetching from two subgraphs, see only their own customers', async () => {
      const pairs = await Promise.all(
        Array.from({ length: CONCURRENT_PAIRS }, () => Promise.all([gateway.gql<CustomersPage>(CUSTOMERS, {}, t.a.auth), gateway.gql<CustomersPage>(CUSTOMERS, {}, t.b.auth)])),
      );

      for (const [a, b] of pairs) {
        expect(a.errors).toBeUndefined();
        expect(b.errors).toBeUndefined();
        expect(a.data!.customers.nodes.map((n) => n.id).sort()).toEqual(t.aCustomers.map((c) => c.id).sort());
        expect(a.data!.customers.nodes.every((n) => n.merchant.id === t.a.id)).toBe(true);
        expect(b.data!.customers.nodes).toEqual([{ id: t.bCustomer.id, merchant: { id: t.b.id } }]);
      }
    });

    it('two callers interleaved, alike or of two merchants, never share a token; one caller reuses its own', async () => {
      // given: two requests of merchant A's admin (alike but for the request id) and one of B's
      const a1 = adminCaller(t.a.id);
      const b1 = adminCaller(t.b.id);
      const a2 = adminCaller(t.a.id);

      // when: their fetches interleave
      const tokens = [a1, b1, a2, b1, a1, a2].map((caller) => internalTokenFor(secret(), caller));

      // then: each fetch carries its own request's caller, and a request's fetches share one token
      const vouched = await Promise.all(tokens.map((token) => verifyInternalToken(secret(), token)));
      expect(vouched.map((c) => [c.merchantId, c.requestId])).toEqual([a1, b1, a2, b1, a1, a2].map((c) => [c.merchantId, c.requestId]));
      expect(tokens[4]).toBe(tokens[0]);
      expect(tokens[3]).toBe(tokens[1]);
      expect(tokens[5]).toBe(tokens[2]);
      expect(new Set(tokens).size).toBe(3);
    });

    it('a caller changed after its token was signed gets a new token with the change', async () => {
      const caller: Caller = adminCaller(t.a.id);
      const before = internalTokenFor(secret(), caller);

      caller.merchantId = t.b.id;
      const after = internalTokenFor(secret(), caller);

      expect(after).not.toBe(before);
      expect((await verifyInternalToken(secret(), after)).merchantId).toBe(t.b.id);
      expect((await verifyInternalToken(secret(), before)).merchantId).toBe(t.a.id);
    });

    it('a long-lived caller gets a new token well before the old one expires', () => {
      const caller = adminCaller(t.a.id);
      const start = Date.now();
      const first = internalTokenFor(secret(), caller, start);
      const firstExp = decodeJwt(first).exp!;

      // when: the same caller fetches again 41 s later (the system caller of caller lookups lives that long)
      const later = internalTokenFor(secret(), caller, start + 41_000);

      // then: the old token had at most 19 s left; the new one has its full life
      expect(firstExp * 1000 - (start + 41_000)).toBeLessThanOrEqual(20_000);
      expect(later).not.toBe(first);
      expect(decodeJwt(later).exp!).toBeGreaterThanOrEqual(Math.floor((start + 41_000) / 1000) + INTERNAL_TOKEN_TTL_SECONDS);
    });
  });

  describe('verified caller tokens', () => {
    it('an expired dev token is refused although it was verified and cached while valid', async () => {
      const merchant = await createMerchant(gateway);
      const token = await mintDevToken(gateway.config.devTokenSecret, { shop: merchant.shop, role: 'admin' }, '2s');
      expect((await gateway.gql(ME, {}, bearer(token))).status).toBe(200);

      const exp = decodeJwt(token).exp! * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp - Date.now()) + 100));

      expectUnauthenticated(await gateway.gql(ME, {}, bearer(token)), /^Invalid dev token: expired$/);
    });

    it('a cached session token of a merchant that uninstalled is refused once the shop is looked up again', async () => {
      const merchant = await createMerchant(gateway);
      const token = await sessionToken(gateway.config, merchant.shop);
      expect((await gateway.gql(ME, {}, bearer(token))).status).toBe(200);

      await withOwnerDb('merchant', (db) => db.query(`update merchant set status = 'uninstalled', uninstalled_at = now() where id = $1`, [merchant.id]));

      // The shop lookup is cached for 5 s; the token's verification, for the token's life (60 s).
      const refused = await eventually(async () => {
        const result = await gateway.gql(ME, {}, bearer(token));
        return result.status === 401 ? result : undefined;
      }, 10_000, 'the uninstalled shop to be refused');
      expectUnauthenticated(refused, /^Unknown shop or app not installed: test-[0-9a-f]{12}\.myshopify\.com$/);
    });

    it('a tampered copy of a cached token is refused', async () => {
      expect((await gateway.gql(ME, {}, t.a.auth)).status).toBe(200);
      const [header, payload, signature] = t.a.token.split('.');
      const forged = Buffer.from(JSON.stringify({ ...decodeJwt(t.a.token), shop: t.b.shop })).toString('base64url');

      expectUnauthenticated(await gateway.gql(ME, {}, bearer(`${header}.${forged}.${signature}`)), /^Invalid dev token: bad signature$/);
      expect(payload).not.toBe(forged);
    });
  });
});

describe('VerifiedTokens', () => {
  const entry = (expiresAt: number): VerifiedJwt => ({ shop: 'a.myshopify.com', actor: { kind: 'admin', id: 'x' }, scopes: [], expiresAt });

  it('never serves an entry at or after its expiry, and forgets it', () => {
    const cache = new VerifiedTokens();
    cache.set('t', entry(1_000));

    expect(cache.get('t', 999)).toBeDefined();
    expect(cache.get('t', 1_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most its capacity, dropping the oldest first', () => {
    const cache = new VerifiedTokens(2);
    cache.set('first', entry(Number.MAX_SAFE_INTEGER));
    cache.set('second', entry(Number.MAX_SAFE_INTEGER));
    cache.set('third', entry(Number.MAX_SAFE_INTEGER));

    expect(cache.size).toBe(2);
    expect(cache.get('first', 0)).toBeUndefined();
    expect(cache.get('second', 0)).toBeDefined();
    expect(cache.get('third', 0)).toBeDefined();
  });
});
