import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LIVE_TOPICS, type BalanceChangedMessage } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { loadGatewayConfig } from '../../../gateway/src/config.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { connectLive, publishLive, Redis, type LiveConnection } from '../support/live.js';
import { productionEnv } from '../support/production-env.js';
import { PROGRAM_ON, updateReferralProgram } from '../support/referrals.js';
import { createReward, REDEEM } from '../support/rewards.js';
import { tierInput, updateTierProgram } from '../support/tiers.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from '../support/tenants.js';
import { bearer } from '../support/tokens.js';
import { proxySession, sessionToken } from '../support/proxy-session.js';

/** What the widget reads for a visitor who is not signed in: one request. */
const PROGRAM_FOR_GUESTS = `query {
  earningRules { enabled }
  rewards(activeOnly: true) { id name pointsCost }
  tiers { id name threshold }
  referralOffer { enabled advocatePoints friendReward { kind value } }
}`;

interface GuestProgram {
  earningRules: { enabled: boolean };
  rewards: { id: string; name: string; pointsCost: number }[];
  tiers: { id: string; name: string; threshold: number }[];
  referralOffer: { enabled: boolean; advocatePoints: number | null; friendReward: { kind: string; value: string | null } | null };
}

const CUSTOMER = 'query($id: ID!) { customer(id: $id) { id firstName email points { balance } } }';

describe('the widget session through the app proxy: customers and guests', () => {
  let gateway: TestGateway;
  let redis: Redis;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let bea: CreatedCustomer;
  let aReward: string;
  let bReward: string;
  const open: LiveConnection[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    redis = new Redis(gateway.config.kit.redisUrl);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    [noor, bea] = await Promise.all([
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com', firstName: 'Noor' }),
      upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com', firstName: 'Bea' }),
    ]);
    [aReward, bReward] = await Promise.all([
      createReward(gateway, a, { names: { en: 'A: 5 off' }, pointsCost: 100 }),
      createReward(gateway, b, { names: { en: 'B: 5 off' }, pointsCost: 200 }),
    ]);
    await Promise.all([
      updateTierProgram(gateway, a.auth, { tiers: [tierInput('A Bronze', 0), tierInput('A Gold', 1000)] }),
      updateTierProgram(gateway, b.auth, { tiers: [tierInput('B Bronze', 0), tierInput('B Gold', 5000)] }),
      updateReferralProgram(gateway, a.auth, { ...PROGRAM_ON, advocatePoints: 300 }),
      updateReferralProgram(gateway, b.auth, { ...PROGRAM_ON, advocatePoints: 900, friendReward: { kind: 'FREE_SHIPPING' } }),
    ]);
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    redis.disconnect();
    await gateway.stop();
  });

  const connect = (token: string) => {
    const connection = connectLive(gateway.url, `Bearer ${token}`);
    open.push(connection);
    return connection;
  };

  describe('/proxy/session', () => {
    it("gives a logged-in customer the program knows a token of their own, and the API's URLs: the gateway's own in development without APP_URL", async () => {
      const answer = await proxySession(gateway, a.shop, noor.shopifyId);
      expect(answer).toEqual({
        status: 200,
        body: {
          token: expect.any(String),
          expiresAt: expect.any(String),
          customerId: noor.id,
          loggedIn: true,
          // The test gateway listens on a port of the system's choosing: the answer names that one.
          graphqlUrl: gateway.url,
          liveUrl: gateway.url.replace(/^http:/, 'ws:'),
        },
      });
      expect(Date.parse(answer.body.expiresAt!)).toBeGreaterThan(Date.now());
      const own = await gateway.gql<{ customer: { id: string; firstName: string } }>(CUSTOMER, { id: noor.id }, bearer(answer.body.token!));
      expect(own.data?.customer).toMatchObject({ id: noor.id, firstName: 'Noor' });
    });

    it('gives a visitor nobody is logged in as a guest token (200), with no customer', async () => {
      const answer = await proxySession(gateway, a.shop, '');
      expect(answer).toEqual({
        status: 200,
        body: { token: expect.any(String), expiresAt: expect.any(String), customerId: null, loggedIn: false, graphqlUrl: gateway.url, liveUrl: gateway.url.replace(/^http:/, 'ws:') },
      });
      expect(Date.parse(answer.body.expiresAt!)).toBeGreaterThan(Date.now());
    });

    it('gives a logged-in customer the program does not know yet a guest token, saying they are logged in', async () => {
      const answer = await proxySession(gateway, a.shop, shopifyId());
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ customerId: null, loggedIn: true, token: expect.any(String) });
      // and a customer of another shop is unknown here too: no token of theirs
      const other = await proxySession(gateway, a.shop, bea.shopifyId);
      expect(other.body).toMatchObject({ customerId: null, loggedIn: true });
    });

    it('still refuses a request Shopify did not sign (401), a stale one (401) and a shop without the app (403), with { error } and no token', async () => {
      const unsigned = await proxySession(gateway, a.shop, '', { signature: null });
      expect(unsigned).toEqual({ status: 401, body: { error: expect.any(String) } });
      const forged = await proxySession(gateway, a.shop, '', { signature: 'ab'.repeat(32) });
      expect(forged).toEqual({ status: 401, body: { error: expect.stringContaining('signature') } });
      const stale = await proxySession(gateway, a.shop, '', { timestamp: Math.floor(Date.now() / 1000) - 3600 });
      expect(stale).toEqual({ status: 401, body: { error: expect.stringContaining('stale') } });
      const gone = await createMerchant(gateway, { status: 'uninstalled' });
      expect(await proxySession(gateway, gone.shop, '')).toEqual({ status: 403, body: { error: expect.any(String) } });
    });
  });

  describe('what a guest token reads', () => {
    it("reads the earning rules, rewards, tiers and referral offer of its own shop's merchant, and nothing of another's", async () => {
      const [guestOfA, guestOfB] = await Promise.all([sessionToken(gateway, a.shop, ''), sessionToken(gateway, b.shop, '')]);
      const ofA = await gateway.gql<GuestProgram>(PROGRAM_FOR_GUESTS, {}, bearer(guestOfA));
      expect(ofA.errors).toBeUndefined();
      expect(ofA.data!.earningRules.enabled).toBe(true);
      expect(ofA.data!.rewards).toEqual([{ id: aReward, name: 'A: 5 off', pointsCost: 100 }]);
      expect(ofA.data!.tiers.map((t) => t.name)).toEqual(['A Bronze', 'A Gold']);
      expect(ofA.data!.referralOffer).toEqual({ enabled: true, advocatePoints: 300, friendReward: { kind: 'PERCENTAGE', value: '10.00' } });
      // B's guest sees B's, and neither sees the other's
      const ofB = await gateway.gql<GuestProgram>(PROGRAM_FOR_GUESTS, {}, bearer(guestOfB));
      expect(ofB.data!.rewards.map((r) => r.id)).toEqual([bReward]);
      expect(ofB.data!.tiers.map((t) => t.name)).toEqual(['B Bronze', 'B Gold']);
      expect(ofB.data!.referralOffer).toEqual({ enabled: true, advocatePoints: 900, friendReward: { kind: 'FREE_SHIPPING', value: null } });
      expect(JSON.stringify(ofA.data)).not.toContain('B ');
      expect(JSON.stringify(ofB.data)).not.toContain('A ');
    });

    it("is refused any customer, their own shop's included: customer(id), the customer list, points", async () => {
      const guest = bearer(await sessionToken(gateway, a.shop, ''));
      const one = await gateway.gql<{ customer: unknown }>(CUSTOMER, { id: noor.id }, guest);
      expect(one.data?.customer ?? null).toBeNull();
      expect(one.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const list = await gateway.gql('query { customers(first: 5) { nodes { id } } }', {}, guest);
      expect(list.data ?? null).toBeNull();
      expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // nor the merchant's own settings, which only its admins and partners read
      const program = await gateway.gql('query { referralProgram { enabled } }', {}, guest);
      expect(program.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it.each<[string, string, Record<string, unknown>]>([
      ['customerByShopifyId', 'query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }', { id: 'NOOR' }],
      ['memberRevenue', 'query { memberRevenue(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { currency } }', {}],
      ['pointsSummary', 'query { pointsSummary(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z") { issued } }', {}],
      ['pointsLiability', 'query { pointsLiability { outstandingPoints } }', {}],
      ['referrals', 'query { referrals { nodes { id } } }', {}],
      ['referralStats', 'query { referralStats { from } }', {}],
      ['segmentMembers', 'query { segmentMembers(handle: "champions") { nodes { customer { id } } } }', {}],
      ['auditEntries', 'query { auditEntries { nodes { id } } }', {}],
      ['gdprRequests', 'query { gdprRequests { nodes { id } } }', {}],
      ['tierProgram', 'query { tierProgram { version } }', {}],
      ['apiKeys', 'query { apiKeys { id } }', {}],
      ['merchant account facts', 'query { merchant { customerCount settings { __typename } } }', {}],
    ])("is refused %s: nothing the merchant's admins read", async (_field, query, variables) => {
      const guest = bearer(await sessionToken(gateway, a.shop, ''));
      const resolved = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v === 'NOOR' ? noor.shopifyId : v]));
      const result = await gateway.gql(query, resolved, guest);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(result.data ?? null)).not.toContain(noor.id);
    });

    it('is a shopper with no customer and no scope, for its own merchant', async () => {
      const guest = bearer(await sessionToken(gateway, a.shop, ''));
      const me = await gateway.gql<{ me: unknown }>('query { me { kind id scopes merchant { id } } }', {}, guest);
      expect(me.data?.me).toEqual({ kind: 'SHOPPER', id: 'guest', scopes: [], merchant: { id: a.id } });
    });

    it('is refused redeemReward, for a real customer of its shop or anyone', async () => {
      const guest = bearer(await sessionToken(gateway, a.shop, ''));
      const result = await gateway.gql<{ redeemReward: unknown }>(REDEEM, { input: { customerId: noor.id, rewardId: aReward, idempotencyKey: `guest-${randomUUID()}` } }, guest);
      expect(result.data?.redeemReward ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it("connects over WebSocket but follows no one's balance, redemptions or tier, not even every customer's", async () => {
      const connection = connect(await sessionToken(gateway, a.shop, ''));
      const subscriptions = [
        connection.subscribe('subscription { pointsBalanceChanged { balance } }'),
        connection.subscribe('subscription($id: ID) { pointsBalanceChanged(customerId: $id) { balance } }', { id: noor.id }),
        connection.subscribe('subscription { redemptionUpdated { status } }'),
        // with no customer named, a caller with tiers:read follows every customer: never a guest
        connection.subscribe('subscription { tierChanged { toTierId customer { id } } }'),
        connection.subscribe('subscription { merchantActivity { kind } }'),
      ];
      for (const subscription of subscriptions) {
        const result = await subscription.next();
        expect(result.data ?? null).toBeNull();
        expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
      // and a balance change of the shop's customer reaches nobody on that socket
      const message: BalanceChangedMessage = { merchantId: a.id, customerId: noor.id, balance: 50, pending: 0, lifetimeEarned: 50, entryId: randomUUID(), kind: 'EARN', delta: 50, committedAt: new Date().toISOString() };
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, message);
      await Promise.all(subscriptions.map((s) => s.nothingFor(300)));
    });

    it("a customer's token still follows their own balance on the same endpoint", async () => {
      const subscription = connect(await sessionToken(gateway, a.shop, noor.shopifyId)).subscribe('subscription { pointsBalanceChanged { kind balance customer { id } } }');
      expect(await subscription.next()).toEqual({ data: { pointsBalanceChanged: { kind: 'CURRENT', balance: 0, customer: { id: noor.id } } } });
    });
  });
});

describe('the widget session in production', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', productionEnv());
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it("names the API at APP_URL, over wss: for an https: app, never the gateway's listening address", async () => {
    const merchant = await createMerchant(gateway);
    const answer = await proxySession(gateway, merchant.shop, '');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ graphqlUrl: 'https://loyalnest.example/graphql', liveUrl: 'wss://loyalnest.example/graphql', customerId: null, loggedIn: false });
  });
});

describe('where the session says the API is', () => {
  const { APP_URL: _ignored, ...withoutAppUrl } = process.env;

  it('is APP_URL whenever it is set, in development too (a tunnel to a development store)', () => {
    expect(loadGatewayConfig({ ...withoutAppUrl, APP_URL: 'https://tunnel.example' }).publicUrl).toBe('https://tunnel.example');
  });

  it("is left to the gateway's listening address in development without APP_URL, whose default names a port the gateway may not listen on", () => {
    expect(loadGatewayConfig(withoutAppUrl).publicUrl).toBeNull();
  });
});
