import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LIVE_TOPICS, type BalanceChangedMessage } from '@loyalnest/kit';
import { createHmac, randomUUID } from 'node:crypto';
import { mintShopperToken } from '../../gateway/src/auth/shopper-token.js';
import { startNetworkedGateway } from '../../gateway/src/modes.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { connectLive, publishLive, Redis, signAppProxy, type LiveConnection, type LiveSubscription } from './support/live.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { bearer } from './support/tokens.js';
import { orderBody, postWebhook } from './support/webhooks.js';

const BALANCE = `subscription($customerId: ID) {
  pointsBalanceChanged(customerId: $customerId) { balance pending lifetimeEarned delta kind entryId committedAt customer { id firstName } }
}`;
const ACTIVITY = 'subscription { merchantActivity { kind details committedAt customer { id name: firstName } } }';

function balanceMessage(merchantId: string, customerId: string, balance: number, delta = 10): BalanceChangedMessage {
  return { merchantId, customerId, balance, pending: 0, lifetimeEarned: balance, entryId: randomUUID(), kind: 'EARN', delta, committedAt: new Date().toISOString() };
}

const AWARD = `mutation($input: AwardPointsInput!) {
  awardPoints(input: $input) { __typename ... on PointsChange { entry { id points } account { balance pending lifetimeEarned } } }
}`;

/** The first event of a balance subscription: the balance as it stood when it started. */
async function current(subscription: LiveSubscription): Promise<Record<string, unknown>> {
  const first = await subscription.next();
  const change = (first.data as { pointsBalanceChanged: Record<string, unknown> } | undefined)?.pointsBalanceChanged;
  expect(change).toMatchObject({ kind: 'CURRENT', delta: 0 });
  return change!;
}

describe('live updates over graphql-ws (embedded)', () => {
  let gateway: TestGateway;
  let redis: Redis;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let omar: CreatedCustomer;
  let bea: CreatedCustomer;
  const open: LiveConnection[] = [];

  const origin = () => gateway.url.replace(/\/graphql$/, '');
  const connect = (authorization: string | undefined) => {
    const connection = connectLive(gateway.url, authorization);
    open.push(connection);
    return connection;
  };
  const proxyParams = (shop: string, loggedIn: string, timestamp = Math.floor(Date.now() / 1000)) => ({
    shop,
    logged_in_customer_id: loggedIn,
    path_prefix: '/apps/loyalnest',
    timestamp: String(timestamp),
  });
  const proxySession = async (params: Record<string, string>, signature: string | null = signAppProxy(params, gateway.config.kit.shopify.apiSecret)) => {
    const query = new URLSearchParams({ ...params, ...(signature !== null && { signature }) });
    const response = await fetch(`${origin()}/proxy/session?${query}`);
    return { status: response.status, body: (await response.json()) as { token?: string; customerId?: string; expiresAt?: string; error?: string } };
  };
  const shopperToken = async (merchant: TestMerchant, customer: CreatedCustomer) => {
    const { status, body } = await proxySession(proxyParams(merchant.shop, customer.shopifyId));
    expect(status).toBe(200);
    return body.token!;
  };

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    redis = new Redis(gateway.config.kit.redisUrl);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com', firstName: 'Noor' });
    omar = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'omar@example.com', firstName: 'Omar' });
    bea = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com', firstName: 'Bea' });
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    redis.disconnect();
    await gateway.stop();
  });

  describe('app proxy session', () => {
    it('issues a shopper token for a signed, fresh request of a logged-in customer, usable over HTTP', async () => {
      const { status, body } = await proxySession(proxyParams(a.shop, noor.shopifyId));
      expect(status).toBe(200);
      expect(body.customerId).toBe(noor.id);
      expect(Date.parse(body.expiresAt!)).toBeGreaterThan(Date.now());
      const own = await gateway.gql<{ customer: { id: string; firstName: string } }>('query($id: ID!) { customer(id: $id) { id firstName } }', { id: noor.id }, bearer(body.token!));
      expect(own.data?.customer).toEqual({ id: noor.id, firstName: 'Noor' });
      const other = await gateway.gql('query($id: ID!) { customer(id: $id) { id } }', { id: omar.id }, bearer(body.token!));
      expect(other.data?.customer ?? null).toBeNull();
    });

    it('signs repeated parameters with their values joined by commas', async () => {
      const params = proxyParams(a.shop, noor.shopifyId);
      const signature = signAppProxy({ ...params, extra: '1,2' }, gateway.config.kit.shopify.apiSecret);
      const query = new URLSearchParams(params);
      query.append('extra', '1');
      query.append('extra', '2');
      query.set('signature', signature);
      expect((await fetch(`${origin()}/proxy/session?${query}`)).status).toBe(200);
    });

    it('refuses a tampered, unsigned or stale request and an uninstalled shop; a shopper not logged in gets a guest token', async () => {
      const params = proxyParams(a.shop, noor.shopifyId);
      const signature = signAppProxy(params, gateway.config.kit.shopify.apiSecret);
      const tampered = await proxySession({ ...params, logged_in_customer_id: omar.shopifyId }, signature);
      expect(tampered).toEqual({ status: 401, body: { error: expect.stringContaining('signature') } });
      expect((await proxySession(params, null)).status).toBe(401);
      const ampersands = await proxySession(params, signAppProxyWithAmpersands(params, gateway.config.kit.shopify.apiSecret));
      expect(ampersands.status).toBe(401);
      const stale = await proxySession(proxyParams(a.shop, noor.shopifyId, Math.floor(Date.now() / 1000) - 3600));
      expect(stale).toEqual({ status: 401, body: { error: expect.stringContaining('stale') } });
      const anonymous = await proxySession(proxyParams(a.shop, ''));
      // The widget shows the program to visitors too: a guest's token, no customer (widget/widget-session.test.ts).
      expect(anonymous).toMatchObject({ status: 200, body: { customerId: null, token: expect.any(String) } });
      const gone = await createMerchant(gateway, { status: 'uninstalled' });
      expect((await proxySession(proxyParams(gone.shop, noor.shopifyId))).status).toBe(403);
    });
  });

  describe('authentication of the socket', () => {
    it('closes with 4403 for a forged, an expired or a missing token', async () => {
      const forged = await mintShopperToken({ secret: 'not-the-gateway-secret', ttlSeconds: 60 }, { shop: a.shop, customerId: noor.id });
      const expired = await mintShopperToken(gateway.config.shopperToken, { shop: a.shop, customerId: noor.id }, Date.now() - 3600_000);
      for (const authorization of [`Bearer ${forged.token}`, `Bearer ${expired.token}`, undefined]) {
        const { code, reason } = await connect(authorization).closed;
        expect(code).toBe(4403);
        expect(reason).toMatch(/^Forbidden: /);
      }
    });

    it('closes with 4403 when the token expires while the socket is open', async () => {
      const short = await mintShopperToken({ ...gateway.config.shopperToken, ttlSeconds: 2 }, { shop: a.shop, customerId: noor.id });
      const connection = connect(`Bearer ${short.token}`);
      const subscription = connection.subscribe(ACTIVITY);
      // A shopper is refused the merchant feed, but the socket itself is up until the token ends.
      expect((await subscription.next()).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const closed = await connection.closed;
      expect(closed).toEqual({ code: 4403, reason: 'Forbidden: the token expired' });
      expect(Date.now()).toBeGreaterThanOrEqual(short.expiresAt.getTime());
    });

    it('answers subscriptions sent over HTTP with where they are served', async () => {
      const response = await gateway.gql(ACTIVITY, {}, a.auth);
      expect(response.errors?.[0].message).toMatch(/WebSocket/);
    });
  });

  describe('pointsBalanceChanged', () => {
    it('sends the current balance at once, read through the supergraph', async () => {
      const subscription = connect(`Bearer ${await shopperToken(a, noor)}`).subscribe(BALANCE);
      expect(await current(subscription)).toEqual({
        balance: 0,
        pending: 0,
        lifetimeEarned: 0,
        delta: 0,
        kind: 'CURRENT',
        entryId: null,
        committedAt: expect.any(String),
        customer: { id: noor.id, firstName: 'Noor' },
      });
    });

    it('delivers a published balance change to the shopper, with the customer resolved through the supergraph', async () => {
      const subscription = connect(`Bearer ${await shopperToken(a, noor)}`).subscribe(BALANCE);
      await current(subscription);
      const message = balanceMessage(a.id, noor.id, 120, 20);
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, message);
      expect(await subscription.next()).toEqual({
        data: {
          pointsBalanceChanged: {
            balance: 120,
            pending: 0,
            lifetimeEarned: 120,
            delta: 20,
            kind: 'EARN',
            entryId: message.entryId,
            committedAt: message.committedAt,
            customer: { id: noor.id, firstName: 'Noor' },
          },
        },
      });
    });

    it("never delivers another customer's or another merchant's changes", async () => {
      const subscription = connect(`Bearer ${await shopperToken(a, noor)}`).subscribe(BALANCE);
      await current(subscription);
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, balanceMessage(a.id, omar.id, 5));
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, balanceMessage(b.id, noor.id, 5));
      await subscription.nothingFor(500);
    });

    it('refuses a shopper following another customer', async () => {
      const subscription = connect(`Bearer ${await shopperToken(a, noor)}`).subscribe(BALANCE, { customerId: omar.id });
      const result = await subscription.next();
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it("lets an admin follow any customer of the merchant, and refuses another merchant's customer", async () => {
      const connection = connect(a.auth.authorization);
      const own = connection.subscribe('subscription($c: ID) { pointsBalanceChanged(customerId: $c) { balance who: customer { id } } }', { c: omar.id });
      const foreign = connection.subscribe(BALANCE, { customerId: bea.id });
      expect((await foreign.next()).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await own.next()).data).toEqual({ pointsBalanceChanged: { balance: 0, who: { id: omar.id } } });
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, balanceMessage(b.id, bea.id, 7));
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, balanceMessage(a.id, omar.id, 9));
      expect(await own.next()).toEqual({ data: { pointsBalanceChanged: { balance: 9, who: { id: omar.id } } } });
    });
  });

  describe('end to end, from the points subgraph', () => {
    const WITH_POINTS = 'subscription { pointsBalanceChanged { balance delta kind entryId customer { firstName points { balance lifetimeEarned } } } }';

    it('delivers the new balance after an awardPoints mutation, with fields of the customer and points subgraphs', async () => {
      const subscription = connect(`Bearer ${await shopperToken(a, omar)}`).subscribe(WITH_POINTS);
      const before = await current(subscription);
      const award = await gateway.gql<{ awardPoints: { entry: { id: string; points: number }; account: { balance: number } } }>(
        AWARD,
        { input: { customerId: omar.id, points: 25, reason: 'live test', idempotencyKey: randomUUID() } },
        a.auth,
      );
      expect(award.errors).toBeUndefined();
      const { entry, account } = award.data!.awardPoints;
      expect((await subscription.next()).data).toEqual({
        pointsBalanceChanged: {
          balance: account.balance,
          delta: 25,
          kind: expect.any(String),
          entryId: entry.id,
          customer: { firstName: 'Omar', points: { balance: account.balance, lifetimeEarned: expect.any(Number) } },
        },
      });
      expect(account.balance).toBe((before.balance as number) + 25);
    });

    it('delivers the new balance after an orders/paid webhook is processed', async () => {
      const subscription = connect(`Bearer ${await shopperToken(a, noor)}`).subscribe(WITH_POINTS);
      const before = await current(subscription);
      const status = await postWebhook(origin(), a.shop, gateway.config.kit.shopify.apiSecret, {
        topic: 'orders/paid',
        eventId: randomUUID(),
        body: orderBody(shopifyId(), noor.shopifyId, 4250),
      });
      expect(status).toBe(200);
      const change = (await subscription.next(20_000)).data?.pointsBalanceChanged as { balance: number; delta: number; customer: { firstName: string; points: { balance: number } } };
      expect(change.delta).toBeGreaterThan(0);
      expect(change.balance).toBe((before.balance as number) + change.delta);
      expect(change.customer).toEqual({ firstName: 'Noor', points: { balance: change.balance, lifetimeEarned: expect.any(Number) } });
    });
  });

  describe('merchantActivity', () => {
    it("feeds an admin the merchant's balance changes and webhooks, never another merchant's", async () => {
      const feed = connect(a.auth.authorization).subscribe(ACTIVITY);
      await feed.nothingFor(300);
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, balanceMessage(b.id, bea.id, 3));
      const message = balanceMessage(a.id, noor.id, 42, 2);
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, message);
      expect(await feed.next()).toEqual({
        data: {
          merchantActivity: {
            kind: 'points.changed',
            details: { delta: 2, balance: 42, pending: 0, kind: 'EARN', entryId: message.entryId },
            committedAt: message.committedAt,
            customer: { id: noor.id, name: 'Noor' },
          },
        },
      });
      const status = await postWebhook(origin(), a.shop, gateway.config.kit.shopify.apiSecret, {
        topic: 'customers/update',
        eventId: randomUUID(),
        body: { id: Number(noor.shopifyId), email: 'noor@example.com', first_name: 'Noor', updated_at: new Date().toISOString() },
      });
      expect(status).toBe(200);
      const webhook = await feed.next();
      expect(webhook.data?.merchantActivity).toMatchObject({ kind: 'webhook.received', customer: null, details: { topic: 'customers/update' } });
      await feed.nothingFor(300);
    });
  });
});

describe('live updates with two gateway replicas (networked)', () => {
  let gateway: TestGateway;
  let replica: Awaited<ReturnType<typeof startNetworkedGateway>>;
  let redis: Redis;

  beforeAll(async () => {
    gateway = await startTestGateway('networked');
    replica = await startNetworkedGateway(gateway.config, subgraphModules, gateway.subgraphUrls);
    redis = new Redis(gateway.config.kit.redisUrl);
  });

  afterAll(async () => {
    redis.disconnect();
    await replica.stop();
    await gateway.stop();
  });

  it('delivers one published change to the sockets of every replica, resolved through each one', async () => {
    const merchant = await createMerchant(gateway);
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'rey@example.com', firstName: 'Rey' });
    const connections = [connectLive(gateway.url, merchant.auth.authorization), connectLive(`${replica.url}/graphql`, merchant.auth.authorization)];
    try {
      const subscriptions = connections.map((c) => c.subscribe(BALANCE, { customerId: customer.id }));
      for (const subscription of subscriptions) await current(subscription);
      await publishLive(redis, gateway.config.kit, LIVE_TOPICS.balanceChanged, balanceMessage(merchant.id, customer.id, 77));
      for (const subscription of subscriptions) {
        expect((await subscription.next()).data?.pointsBalanceChanged).toMatchObject({ balance: 77, customer: { id: customer.id, firstName: 'Rey' } });
      }
      expect(replica.live.sockets).toBe(1);
    } finally {
      await Promise.all(connections.map((c) => c.dispose()));
    }
  });
});

/** The OAuth `hmac` layout (pairs joined by `&`), which an app proxy signature must not be confused with. */
function signAppProxyWithAmpersands(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params).sort().map((k) => `${k}=${params[k]}`).join('&');
  return createHmac('sha256', secret).update(message).digest('hex');
}
