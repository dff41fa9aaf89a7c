import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLoyalNestClient, LoyalNestError, paginate, type LoyalNestClient, type RetryEvent } from '@loyalnest/partner-sdk';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';

// Partner keys' buckets small enough to run dry in a test (400 points, 40 back each second); the
// merchant-wide partner bucket out of the way, so that each key is limited by its own bucket only.
const ENV = {
  QUERY_MAX_COST: '400',
  RATE_LIMIT_PARTNER_KEY_SIZE: '400',
  RATE_LIMIT_PARTNER_KEY_RESTORE: '40',
  RATE_LIMIT_PARTNER_MERCHANT_SIZE: '1000000',
  RATE_LIMIT_PARTNER_MERCHANT_RESTORE: '1000000',
};

const ALL_SCOPES = ['customers:read', 'customers:write', 'points:read', 'points:write', 'tiers:read', 'referrals:read'];

const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
}`;

/** One request the SDK sent, and what came back. */
interface Sent {
  operationName: string;
  variables: Record<string, unknown>;
  status: number;
  cost?: { requestedQueryCost: number; throttleStatus?: { currentlyAvailable: number } };
}

/** The global fetch, recording every request and its answer's status and cost. */
function recordingFetch(sent: Sent[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const request = JSON.parse(String(init?.body)) as { operationName: string; variables: Record<string, unknown> };
    const body = (await response.clone().json()) as { extensions?: { cost?: Sent['cost'] } };
    sent.push({ operationName: request.operationName, variables: request.variables, status: response.status, cost: body.extensions?.cost });
    return response;
  };
}

describe('the partner SDK against a live supergraph', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  /** A new API key of the merchant, created through the API as its admin would in the dashboard. */
  async function apiKey(merchant: TestMerchant, scopes: string[] = ALL_SCOPES): Promise<string> {
    const result = await gateway.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: `sdk ${Math.random()}`, scopes } }, merchant.auth);
    if (result.errors?.length || !result.data?.createApiKey.secret) throw new Error(`createApiKey failed: ${JSON.stringify(result.errors)}`);
    return result.data.createApiKey.secret;
  }

  async function client(merchant: TestMerchant, options: { scopes?: string[]; sent?: Sent[]; onThrottle?: (event: RetryEvent) => void } = {}): Promise<LoyalNestClient> {
    return createLoyalNestClient({
      url: gateway.url,
      apiKey: await apiKey(merchant, options.scopes),
      fetch: options.sent ? recordingFetch(options.sent) : undefined,
      onThrottle: options.onThrottle,
    });
  }

  async function newCustomer(sdk: LoyalNestClient, email?: string): Promise<{ id: string; shopifyId: string }> {
    const result = await sdk.upsertCustomer({ input: { shopifyId: shopifyId(), email: email ?? `c${Math.random().toString(36).slice(2)}@example.com` } });
    if (result.upsertCustomer.__typename !== 'UpsertCustomerSuccess') throw new Error('upsertCustomer failed');
    return result.upsertCustomer.customer;
  }

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('upserts, reads and finds customers by id and Shopify id', async () => {
    const sdk = await client(a);
    const id = shopifyId();
    const created = await sdk.upsertCustomer({ input: { shopifyId: id, email: 'ada@example.com', firstName: 'Ada', tags: ['vip'] } });
    expect(created.upsertCustomer).toMatchObject({ __typename: 'UpsertCustomerSuccess', created: true, customer: { shopifyId: id, email: 'ada@example.com', firstName: 'Ada', tags: ['vip'] } });
    const again = await sdk.upsertCustomer({ input: { shopifyId: id, lastName: 'Lovelace' } });
    expect(again.upsertCustomer).toMatchObject({ created: false, customer: { shopifyId: id, firstName: 'Ada', lastName: 'Lovelace' } });

    const customerId = again.upsertCustomer.customer.id;
    expect((await sdk.customer({ id: customerId })).customer).toMatchObject({ id: customerId, lastName: 'Lovelace' });
    expect((await sdk.customerByShopifyId({ shopifyId: id })).customerByShopifyId).toMatchObject({ id: customerId });
    expect((await sdk.customers({ filter: { email: 'ada@example.com' } })).customers.nodes.map((c) => c.id)).toEqual([customerId]);
  });

  it('awards points with an idempotency key it fills in, and applies a key given twice once', async () => {
    const sent: Sent[] = [];
    const sdk = await client(a, { sent });
    const customer = await newCustomer(sdk);

    const award = await sdk.awardPoints({ input: { customerId: customer.id, points: 120, reason: 'review' } });
    expect(award.awardPoints).toMatchObject({ __typename: 'PointsChange', duplicate: false, account: { balance: 120 }, entry: { points: 120, reason: 'review' } });
    const filled = sent.find((s) => s.operationName === 'awardPoints')!.variables.input as { idempotencyKey: string };
    expect(filled.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const first = await sdk.deductPoints({ input: { customerId: customer.id, points: 20, idempotencyKey: 'order-77-adjust' } });
    const second = await sdk.deductPoints({ input: { customerId: customer.id, points: 20, idempotencyKey: 'order-77-adjust' } });
    expect(first.deductPoints).toMatchObject({ __typename: 'PointsChange', duplicate: false, account: { balance: 100 } });
    expect(second.deductPoints).toMatchObject({ __typename: 'PointsChange', duplicate: true });
    expect((await sdk.customerPoints({ customerId: customer.id })).customer?.points).toMatchObject({ balance: 100, pending: 0 });
  });

  it('returns business outcomes as typed results, not errors', async () => {
    const sent: Sent[] = [];
    const sdk = await client(a, { sent });
    const customer = await newCustomer(sdk);
    await sdk.awardPoints({ input: { customerId: customer.id, points: 30 } });

    const deduct = await sdk.deductPoints({ input: { customerId: customer.id, points: 50 } });
    expect(deduct.deductPoints).toEqual({ __typename: 'InsufficientPointsError', code: expect.any(String), message: expect.any(String), balance: 30, required: 50 });

    // The API requires redeemReward's key; the SDK's type leaves it optional and fills it in.
    const redeem = await sdk.redeemReward({ input: { customerId: customer.id, rewardId: '00000000-0000-4000-8000-000000000000' } });
    expect(redeem.redeemReward).toMatchObject({ __typename: 'RewardNotFoundError', rewardId: '00000000-0000-4000-8000-000000000000' });
    expect(sent.find((s) => s.operationName === 'redeemReward')!.variables.input).toMatchObject({ idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    // Nothing was spent by either.
    expect((await sdk.customerPoints({ customerId: customer.id })).customer?.points.balance).toBe(30);
  });

  it('reads rewards, tiers, a customer tier and referral', async () => {
    const sdk = await client(a);
    const customer = await newCustomer(sdk);
    expect(Array.isArray((await sdk.rewards()).rewards)).toBe(true);
    expect(Array.isArray((await sdk.tiers()).tiers)).toBe(true);
    const tier = await sdk.customerTier({ customerId: customer.id });
    expect(tier.customer).toMatchObject({ id: customer.id, tier: { progress: { metric: expect.any(String) } } });
    const referral = await sdk.customerReferral({ customerId: customer.id });
    expect(referral.customer?.referral).toMatchObject({ code: expect.any(String), url: expect.stringContaining(referral.customer!.referral!.code), clicks: 0 });
  });

  it('waits out a throttled answer and retries it with the same idempotency key: one award', async () => {
    const sent: Sent[] = [];
    const retries: RetryEvent[] = [];
    const sdk = await client(a, { sent, onThrottle: (event) => retries.push(event) });
    const customer = await newCustomer(sdk);

    // given a key whose bucket is (nearly) empty: a query of cost 399 (1 + 2 × 199) right away
    const key = await apiKey(a);
    const throttledSdk = createLoyalNestClient({ url: gateway.url, apiKey: key, fetch: recordingFetch(sent), onThrottle: (event) => retries.push(event) });
    const drain = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'query Drain($n: Int) { customers(first: $n) { nodes { id } } }', variables: { n: 199 } }),
    });
    expect(drain.status).toBe(200);

    // when the SDK awards points with that key
    const started = Date.now();
    const award = await throttledSdk.awardPoints({ input: { customerId: customer.id, points: 40 } });

    // then the first attempt was refused (429), the SDK waited until the cost had come back, and the retry applied it
    const attempts = sent.filter((s) => s.operationName === 'awardPoints');
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts[0]!.status).toBe(429);
    expect(attempts.at(-1)!.status).toBe(200);
    const keys = new Set(attempts.map((s) => (s.variables.input as { idempotencyKey: string }).idempotencyKey));
    expect(keys.size).toBe(1);
    expect(retries[0]).toMatchObject({ operationName: 'awardPoints', attempt: 1, reason: 'throttled', cost: { requestedQueryCost: attempts[0]!.cost!.requestedQueryCost } });
    const { requestedQueryCost, throttleStatus } = attempts[0]!.cost!;
    const needed = ((requestedQueryCost - throttleStatus!.currentlyAvailable) / 40) * 1000;
    expect(retries[0]!.waitMs).toBeGreaterThanOrEqual(needed);
    expect(Date.now() - started).toBeGreaterThanOrEqual(needed);
    expect(award.awardPoints).toMatchObject({ __typename: 'PointsChange', duplicate: false, account: { balance: 40 } });
    const history = await sdk.pointsHistory({ customerId: customer.id });
    expect(history.customer?.points.history.nodes.map((e) => e.points)).toEqual([40]);
  });

  it('throws THROTTLED as a LoyalNestError once its retries are spent', async () => {
    const key = await apiKey(a);
    const sdk = createLoyalNestClient({ url: gateway.url, apiKey: key, maxRetries: 0 });
    // Two queries of cost 241 back to back: the second cannot fit a 400-point bucket.
    await sdk.customers({ first: 16 });
    const error = await sdk.customers({ first: 16 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoyalNestError);
    expect(error).toMatchObject({ code: 'THROTTLED', status: 429 });
  });

  it('waits Retry-After when a 429 has no cost, and backs off after a 503', async () => {
    // A proxy in front of the API may answer these itself: the first two requests get them, the rest reach the gateway.
    const answers = [
      new Response('{"errors":[{"message":"Too many requests"}]}', { status: 429, headers: { 'retry-after': '1', 'content-type': 'application/json' } }),
      new Response('upstream unavailable', { status: 503 }),
    ];
    const retries: RetryEvent[] = [];
    const sdk = createLoyalNestClient({ url: gateway.url, apiKey: await apiKey(a), fetch: async (input, init) => answers.shift() ?? fetch(input, init), onThrottle: (event) => retries.push(event) });
    const started = Date.now();
    const { tiers } = await sdk.tiers();
    expect(Array.isArray(tiers)).toBe(true);
    expect(retries.map(({ reason, attempt }) => ({ reason, attempt }))).toEqual([
      { reason: 'throttled', attempt: 1 },
      { reason: 'unavailable', attempt: 2 },
    ]);
    expect(retries[0]!.waitMs).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('throws authentication and authorization failures as LoyalNestError with their code', async () => {
    const bogus = createLoyalNestClient({ url: gateway.url, apiKey: 'lnk_not-a-key' });
    const unauthenticated = await bogus.customers({ first: 1 }).catch((e: unknown) => e);
    expect(unauthenticated).toBeInstanceOf(LoyalNestError);
    expect(unauthenticated).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });

    const readOnly = await client(a, { scopes: ['customers:read'] });
    const customer = await newCustomer(await client(a));
    const forbidden = await readOnly.awardPoints({ input: { customerId: customer.id, points: 5 } }).catch((e: unknown) => e);
    expect(forbidden).toBeInstanceOf(LoyalNestError);
    expect((forbidden as LoyalNestError).code).toBe('FORBIDDEN');
    expect((forbidden as LoyalNestError).message).toContain('points:write');

    const unreachable = createLoyalNestClient({ url: 'http://127.0.0.1:9/graphql', apiKey: 'lnk_x', maxRetries: 1 });
    await expect(unreachable.tiers()).rejects.toMatchObject({ name: 'LoyalNestError', code: 'NETWORK_ERROR' });
  });

  it('paginates customers and a points history across pages', async () => {
    const sent: Sent[] = [];
    // A merchant of its own: its customers are exactly the five made here.
    const c = await createMerchant(gateway);
    const sdk = await client(c, { sent });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await newCustomer(sdk));

    const ids: string[] = [];
    for await (const customer of paginate(sdk.customers, { first: 2 })) ids.push(customer.id);
    expect(ids).toEqual(made.map((m) => m.id));
    expect(sent.filter((s) => s.operationName === 'customers').map((s) => s.variables.after === null)).toEqual([true, false, false]);

    for (const points of [1, 2, 3]) await sdk.awardPoints({ input: { customerId: made[0]!.id, points } });
    const entries: number[] = [];
    for await (const entry of paginate(sdk.pointsHistory, { customerId: made[0]!.id, first: 2 })) entries.push(entry.points);
    expect(entries.sort()).toEqual([1, 2, 3]);
  });

  it("isolates tenants: A's key never reads or changes B's customers", async () => {
    const sdkA = await client(a);
    const sdkB = await client(b);
    const bCustomer = await newCustomer(sdkB, `b-only-${Date.now()}@example.com`);
    await sdkB.awardPoints({ input: { customerId: bCustomer.id, points: 10 } });

    expect((await sdkA.customer({ id: bCustomer.id })).customer).toBeNull();
    expect((await sdkA.customerByShopifyId({ shopifyId: bCustomer.shopifyId })).customerByShopifyId).toBeNull();
    expect((await sdkA.customerPoints({ customerId: bCustomer.id })).customer).toBeNull();
    expect((await sdkA.customerReferral({ customerId: bCustomer.id })).customer).toBeNull();
    const history = [];
    for await (const entry of paginate(sdkA.pointsHistory, { customerId: bCustomer.id })) history.push(entry);
    expect(history).toEqual([]);
    const award = await sdkA.awardPoints({ input: { customerId: bCustomer.id, points: 1000 } });
    expect(award.awardPoints.__typename).toBe('CustomerNotFoundError');
    const aIds: string[] = [];
    for await (const customer of paginate(sdkA.customers, { first: 10 })) aIds.push(customer.id);
    expect(aIds).not.toContain(bCustomer.id);

    // B's balance is untouched by A's attempt.
    expect((await sdkB.customerPoints({ customerId: bCustomer.id })).customer?.points.balance).toBe(10);
  });
});
