import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectLive } from './support/live.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import { bearer } from './support/tokens.js';
import { sessionToken } from './support/proxy-session.js';

// Small buckets that refill fast enough to watch: a query of cost 161 fits a partner key's bucket
// once, a merchant's partner bucket (300) takes fewer than two, and 10 points come back each second;
// a shopper's (the widget's) bucket is 200 too.
const ENV = {
  QUERY_MAX_COST: '200',
  RATE_LIMIT_PARTNER_KEY_SIZE: '200',
  RATE_LIMIT_PARTNER_KEY_RESTORE: '10',
  RATE_LIMIT_PARTNER_MERCHANT_SIZE: '300',
  RATE_LIMIT_PARTNER_MERCHANT_RESTORE: '10',
  // The suite puts admin buckets out of the way (jest.env.mjs); this file proves the default one.
  RATE_LIMIT_ADMIN_SIZE: '20000',
  RATE_LIMIT_ADMIN_RESTORE: '1000',
  RATE_LIMIT_SHOPPER_SIZE: '200',
  RATE_LIMIT_SHOPPER_RESTORE: '10',
  // Two replicas in one process, each with seven stores' pools, under PostgreSQL's default 100
  // connections: a guest query fanning out to tiers and rewards in ten aliases would otherwise open
  // ten connections per store and replica. What is tested here is the buckets, not the pools.
  DATABASE_POOL_MAX: '4',
  EVENTS_POOL_MAX: '2',
};

/** Costs 1 + 2n: `customers` is a page of n, each with `nodes` (1) and `id` (1). */
const CUSTOMERS = 'query Customers($n: Int) { customers(first: $n) { nodes { id } } }';
const cost = (n: number) => 1 + 2 * n;
const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { ... on ApiKeyCreated { secret } }
}`;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: { cost?: { requestedQueryCost: number; throttleStatus?: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } };
  };
}

/** Like postGraphQL, with the response's headers. */
async function post(gateway: TestGateway, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

function expectThrottled(answer: Answer): void {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors![0].extensions).toEqual({ code: 'THROTTLED', retryAfter: Number(answer.retryAfter) });
  expect(answer.body.errors![0].message).toMatch(/^Throttled: this query costs \d+ points and \d+ are available; retry in \d+ s$/);
}

describe('query cost and rate limits', () => {
  let one: TestGateway;
  let two: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let c: TestMerchant;

  async function partnerKey(merchant: TestMerchant): Promise<Record<string, string>> {
    const result = await one.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: `key ${Math.random()}`, scopes: ['customers:read'] } }, merchant.auth);
    if (result.errors?.length || !result.data) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
    return bearer(result.data.createApiKey.secret);
  }

  beforeAll(async () => {
    // Two replicas: nothing but Redis is shared between them.
    one = await startTestGateway('embedded', ENV);
    two = await startTestGateway('embedded', ENV);
    a = await createMerchant(one);
    b = await createMerchant(one);
    c = await createMerchant(one);
  });
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
  });

  describe('cost by variable', () => {
    it('refuses a query cheap by literal but costly by its variable, naming the cost and the limit', async () => {
      const answer = await post(one, CUSTOMERS, { n: 100 }, a.auth);

      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        { message: 'Query cost 201 exceeds the limit of 200', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', value: 201, max: 200 } },
      ]);
      expect(answer.body.extensions).toBeUndefined();
    });

    it("prices a variable left out at the operation's default value", async () => {
      const withDefault = 'query Customers($n: Int = 100) { customers(first: $n) { nodes { id } } }';

      const refused = await post(one, withDefault, {}, a.auth);
      const accepted = await post(one, withDefault, { n: 5 }, a.auth);

      expect(refused.status).toBe(400);
      expect(refused.body.errors![0].message).toBe('Query cost 201 exceeds the limit of 200');
      expect(accepted.status).toBe(200);
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.body.extensions!.cost!.requestedQueryCost).toBe(cost(5));
    });

    it('refuses a subscription costly by its variable on the socket', async () => {
      const live = connectLive(one.url, a.auth.authorization);
      try {
        const query = 'subscription S($n: Int) { pointsBalanceChanged(customerId: "x") { customer { redemptions(first: $n) { nodes { id } } } } }';
        const result = await live.subscribe(query, { n: 100 }).next();
        // 1 (pointsBalanceChanged) + 1 (customer) + 1 + 100 * 2
        expect(result.errors).toEqual([expect.objectContaining({ message: 'Query cost 203 exceeds the limit of 200', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', value: 203, max: 200 } })]);
      } finally {
        await live.dispose();
      }
    });
  });

  describe('cost of a page left to its default', () => {
    it('prices a page without `first` at the default 20 rows, and refuses two such pages nested (20 × 20 rows)', async () => {
      const page = await post(one, '{ customers { nodes { id } } }', {}, a.auth);
      const nested = await post(one, '{ customers { nodes { redemptions { nodes { id } } } } }', {}, a.auth);

      expect(page.status).toBe(200);
      expect(page.body.errors).toBeUndefined();
      expect(page.body.extensions!.cost!.requestedQueryCost).toBe(cost(20));
      // 1 + 20 * (nodes 1 + redemptions (1 + 20 * 2))
      expect(nested.status).toBe(400);
      expect(nested.body.errors).toEqual([
        { message: 'Query cost 841 exceeds the limit of 200', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', value: 841, max: 200 } },
      ]);
    });

    it('refuses a subscription with two default pages nested on the socket', async () => {
      const live = connectLive(one.url, a.auth.authorization);
      try {
        const query = 'subscription { pointsBalanceChanged(customerId: "x") { customer { redemptions { nodes { customer { redemptions { nodes { id } } } } } } } }';
        const result = await live.subscribe(query).next();
        // 1 + customer (1 + redemptions (1 + 20 * (nodes 1 + customer (1 + redemptions (1 + 20 * 2)))))
        expect(result.errors).toEqual([expect.objectContaining({ message: 'Query cost 863 exceeds the limit of 200', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost', value: 863, max: 200 } })]);
      } finally {
        await live.dispose();
      }
    });
  });

  describe('partner buckets', () => {
    it('a partner key exhausted on one gateway replica is throttled on the other, with 429, Retry-After and extensions.cost', async () => {
      const key = await partnerKey(a);

      const first = await post(one, CUSTOMERS, { n: 80 }, key);
      const second = await post(two, CUSTOMERS, { n: 80 }, key);

      expect(first.status).toBe(200);
      expect(first.body.errors).toBeUndefined();
      expect(first.body.extensions!.cost).toEqual({
        requestedQueryCost: 161,
        throttleStatus: { maximumAvailable: 200, currentlyAvailable: expect.any(Number), restoreRate: 10 },
      });
      expect(first.body.extensions!.cost!.throttleStatus!.currentlyAvailable).toBeLessThanOrEqual(200 - 161);
      expectThrottled(second);
      expect(second.body.extensions!.cost!.requestedQueryCost).toBe(161);
      expect(second.body.extensions!.cost!.throttleStatus).toMatchObject({ maximumAvailable: 200, restoreRate: 10 });
      expect(second.body.extensions!.cost!.throttleStatus!.currentlyAvailable).toBeLessThan(161);
    });

    it('the bucket restores at its rate: a refused query fits after Retry-After seconds', async () => {
      const key = await partnerKey(b);
      expect((await post(one, CUSTOMERS, { n: 80 }, key)).status).toBe(200); // 39 left

      const refused = await post(two, CUSTOMERS, { n: 30 }, key); // 61 needed: 2.2 s at 10/s
      expectThrottled(refused);
      await new Promise((resolve) => setTimeout(resolve, Number(refused.retryAfter) * 1000));
      const later = await post(two, CUSTOMERS, { n: 30 }, key);

      expect(later.status).toBe(200);
      expect(later.body.errors).toBeUndefined();
      expect(later.body.extensions!.cost!.requestedQueryCost).toBe(61);
    });

    it("one merchant's partner bucket caps all its keys together; another merchant and the same merchant's admin are unaffected", async () => {
      const [first, second] = [await partnerKey(c), await partnerKey(c)];
      const other = await partnerKey(await createMerchant(one));

      expect((await post(one, CUSTOMERS, { n: 80 }, first)).status).toBe(200); // merchant bucket: 139 left
      const capped = await post(two, CUSTOMERS, { n: 80 }, second); // its own key bucket is full
      const elsewhere = await post(two, CUSTOMERS, { n: 80 }, other);
      const admin = await post(two, CUSTOMERS, { n: 80 }, c.auth);

      expectThrottled(capped);
      expect(capped.body.extensions!.cost!.throttleStatus).toMatchObject({ maximumAvailable: 300, restoreRate: 10 });
      expect(elsewhere.status).toBe(200);
      expect(elsewhere.body.extensions!.cost!.throttleStatus!.maximumAvailable).toBe(200);
      expect(admin.status).toBe(200);
      expect(admin.body.extensions!.cost!.throttleStatus!.maximumAvailable).toBe(20_000);
    });

    it('a subscribe is charged its cost: an exhausted key is refused THROTTLED on the socket', async () => {
      const key = await partnerKey(await createMerchant(one));
      expect((await post(one, CUSTOMERS, { n: 99 }, key)).status).toBe(200); // 1 left

      const live = connectLive(two.url, key.authorization);
      try {
        // 1 + 1 + 1 + 50 * 2 = 103: ten seconds of restoring away
        const query = 'subscription { pointsBalanceChanged(customerId: "x") { customer { redemptions(first: 50) { nodes { id } } } } }';
        const result = await live.subscribe(query).next();
        expect(result.errors).toHaveLength(1);
        expect(result.errors![0].extensions).toMatchObject({ code: 'THROTTLED', retryAfter: expect.any(Number), cost: { requestedQueryCost: 103 } });
      } finally {
        await live.dispose();
      }
    });
  });

  describe('guest buckets', () => {
    /** What the widget reads for a visitor, every list asked for twice over so the bucket empties in a few requests. */
    const PROGRAM = `query {
      earningRules { enabled }
      ${Array.from({ length: 8 }, (_, i) => `r${i}: rewards(activeOnly: true) { id name pointsCost } t${i}: tiers { id name threshold }`).join('\n')}
      referralOffer { enabled }
    }`;

    /** Headers of a guest's request as one proxy in front of the gateway (TRUSTED_PROXY_HOPS=1) forwards it from `ip`. */
    const guestFrom = async (merchant: TestMerchant, ip: string, forged?: string) => ({
      ...bearer(await sessionToken(one, merchant.shop, '')),
      'x-forwarded-for': forged ? `${forged}, ${ip}` : ip,
    });

    /** Asks as `headers` until refused (200 points at 10/s: a handful of requests), over both replicas; the refusal. */
    async function drain(headers: Record<string, string>): Promise<{ served: number; refused: Answer }> {
      let answer = await post(one, PROGRAM, {}, headers);
      let served = 0;
      while (answer.status === 200 && served < 50) {
        served += 1;
        answer = await post(served % 2 ? two : one, PROGRAM, {}, headers);
      }
      return { served, refused: answer };
    }

    it('guests share a bucket per client IP: a new session from the drained IP is still throttled, even with a forged X-Forwarded-For entry', async () => {
      const merchant = await createMerchant(one);

      // given one guest that drains the bucket of its IP
      const { served, refused } = await drain(await guestFrom(merchant, '198.51.100.7'));
      expect(served).toBeGreaterThan(0);
      expect(served).toBeLessThan(50);
      expectThrottled(refused);

      // when it mints fresh sessions (one also forging an address the proxy did not see) and asks again
      const again = await post(two, PROGRAM, {}, await guestFrom(merchant, '198.51.100.7'));
      const forged = await post(one, PROGRAM, {}, await guestFrom(merchant, '198.51.100.7', '203.0.113.99'));

      // then the bucket is the same, still empty
      expectThrottled(again);
      expectThrottled(forged);
    });

    it("a subscribe is charged to the socket's IP: a fresh guest session from a drained address is refused THROTTLED", async () => {
      // given the loopback address's guest bucket at this shop drained over HTTP (no proxy: the connection's own address)
      const merchant = await createMerchant(one);
      expectThrottled((await drain(bearer(await sessionToken(one, merchant.shop, '')))).refused);

      // when a new guest session subscribes over the socket from the same address (1 + 1 + 1 + 98 * 2 = 199 points)
      const live = connectLive(two.url, bearer(await sessionToken(one, merchant.shop, '')).authorization);
      try {
        const query = 'subscription { pointsBalanceChanged(customerId: "x") { customer { redemptions(first: 98) { nodes { id } } } } }';
        const result = await live.subscribe(query).next();

        // then
        expect(result.errors).toHaveLength(1);
        expect(result.errors![0].extensions).toMatchObject({ code: 'THROTTLED', retryAfter: expect.any(Number), cost: { requestedQueryCost: 199 } });
      } finally {
        await live.dispose();
      }
    });

    it("guests from other IPs, and the same IP's guests at another shop, draw on buckets of their own", async () => {
      const merchant = await createMerchant(one);
      const elsewhere = await createMerchant(one);
      expectThrottled((await drain(await guestFrom(merchant, '198.51.100.8'))).refused);

      // when a visitor of the same shop from another IP asks, and one of another shop from the drained IP
      const other = await post(two, PROGRAM, {}, await guestFrom(merchant, '198.51.100.9'));
      const otherShop = await post(two, PROGRAM, {}, await guestFrom(elsewhere, '198.51.100.8'));

      // then each is served from a full bucket
      for (const answer of [other, otherShop]) {
        expect(answer.status).toBe(200);
        expect(answer.body.errors).toBeUndefined();
        const { requestedQueryCost, throttleStatus } = answer.body.extensions!.cost!;
        expect(throttleStatus).toEqual({ maximumAvailable: 200, currentlyAvailable: 200 - requestedQueryCost, restoreRate: 10 });
      }
    });
  });
});
