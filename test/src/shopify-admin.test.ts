import { beforeAll, describe, expect, it } from '@jest/globals';
import { PeerQueryError, Scope, systemCaller } from '@loyalnest/kit';
import { type FakeShopify } from './support/fake-shopify.js';
import { type TestGateway } from './support/gateway.js';
import { code, CREATE, errorCode, RETRY, shopifyAdminFixture, type InstalledShop } from './support/shopify-admin-fixture.js';
import { adminCaller } from './support/tokens.js';
import { createMerchant, runtime } from './support/tenants.js';

const FLOW = `mutation($handle: String!, $payload: JSONObject!) { _sendFlowTrigger(handle: $handle, payload: $payload) }`;

const fx = shopifyAdminFixture();
const { internal, createDiscount, graphqlRequests } = fx;
let gateway: TestGateway;
let fake: FakeShopify;
let a: InstalledShop;
let b: InstalledShop;
beforeAll(() => {
  ({ gateway, fake, a, b } = fx.world);
});

describe('creating Shopify discount codes for other subgraphs', () => {
  it('creates each kind of discount through the Admin GraphQL API with the shop token and the right input', async () => {
    const fixed = code();
    const result = await createDiscount(a.caller, {
      code: fixed,
      title: '5 off',
      kind: 'FIXED_AMOUNT',
      value: '5.00',
      minimumSubtotal: '20.00',
      startsAt: '2030-01-01T00:00:00.000Z',
      endsAt: '2030-02-01T00:00:00.000Z',
      customerShopifyId: '7001',
    });
    expect(result.errors).toBeUndefined();
    const created = fake.discounts(a.shop);
    expect(result.data!._createShopifyDiscount).toEqual({ shopifyDiscountId: created[0].id, code: fixed });
    expect(created[0]).toMatchObject({
      mutation: 'discountCodeBasicCreate',
      input: {
        code: fixed,
        title: '5 off',
        startsAt: '2030-01-01T00:00:00.000Z',
        endsAt: '2030-02-01T00:00:00.000Z',
        context: { customers: { add: ['gid://shopify/Customer/7001'] } },
        minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '20.00' } },
        usageLimit: 1,
        appliesOncePerCustomer: true,
        customerGets: { value: { discountAmount: { amount: '5.00', appliesOnEachItem: false } }, items: { all: true } },
      },
    });
    const [request] = graphqlRequests(a.shop);
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/${a.shop}/admin/api/${gateway.config.kit.shopify.apiVersion}/graphql.json`);
    expect(request.headers['x-shopify-access-token']).toBe(fake.tokenFor(a.shop));

    expect((await createDiscount(a.caller, { code: code(), title: '10%', kind: 'PERCENTAGE', value: '10' })).errors).toBeUndefined();
    expect((await createDiscount(a.caller, { code: code(), title: 'Ship free', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
    expect((await createDiscount(a.caller, { code: code(), title: 'Free mug', kind: 'FREE_PRODUCT', variantId: '4242' })).errors).toBeUndefined();
    const [, percentage, shipping, product] = fake.discounts(a.shop);
    expect(percentage.input).toMatchObject({ context: { all: 'ALL' }, minimumRequirement: null, endsAt: null, customerGets: { value: { percentage: 0.1 }, items: { all: true } } });
    expect(shipping).toMatchObject({ mutation: 'discountCodeFreeShippingCreate', input: { destination: { all: true }, usageLimit: 1, context: { all: 'ALL' } } });
    expect(shipping.input).not.toHaveProperty('customerGets');
    expect(product.input).toMatchObject({
      customerGets: { value: { percentage: 1 }, items: { products: { productVariantsToAdd: ['gid://shopify/ProductVariant/4242'] } } },
      usageLimit: 1,
    });
  });

  it('refuses inconsistent input before calling Shopify', async () => {
    const before = graphqlRequests(a.shop).length;
    const tooMuch = await createDiscount(a.caller, { code: code(), title: 'x', kind: 'PERCENTAGE', value: '150' });
    expect(errorCode(tooMuch)).toBe('BAD_USER_INPUT');
    expect(tooMuch.errors![0].message).toMatch(/input\.value/);
    expect(errorCode(await createDiscount(a.caller, { code: code(), title: 'x', kind: 'FREE_PRODUCT' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await createDiscount(a.caller, { code: code(), title: 'x', kind: 'FREE_SHIPPING', value: '3' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await createDiscount(a.caller, { code: 'has space', title: 'x', kind: 'FREE_SHIPPING' }))).toBe('BAD_USER_INPUT');
    expect(graphqlRequests(a.shop)).toHaveLength(before);
  });

  it('retries transient failures until one attempt succeeds: 5xx, a reset connection, a timeout', async () => {
    for (const failure of [503, 'reset', 'timeout'] as const) {
      const before = graphqlRequests(a.shop).length;
      fake.failNext(a.shop, failure, RETRY.attempts - 1);
      const wanted = code();
      const result = await createDiscount(a.caller, { code: wanted, title: 'retried', kind: 'FREE_SHIPPING' });
      expect(result.errors).toBeUndefined();
      expect(result.data!._createShopifyDiscount.code).toBe(wanted);
      expect(graphqlRequests(a.shop).length - before).toBe(RETRY.attempts);
      expect(fake.discounts(a.shop).filter((d) => d.code === wanted)).toHaveLength(1);
    }
  });

  it('is idempotent on the code: an attempt that created the discount but lost the answer is followed by TAKEN, answered with that discount', async () => {
    for (const failure of ['lost-reset', 'lost-timeout'] as const) {
      // given: attempt 1 creates the discount, then its answer is lost (dropped, or never sent)
      fake.failNext(a.shop, failure, 1);
      const wanted = code();
      const before = graphqlRequests(a.shop).length;
      // when
      const result = await createDiscount(a.caller, { code: wanted, title: failure, kind: 'FIXED_AMOUNT', value: '5.00' });
      // then: attempt 2 is told TAKEN, the lookup finds attempt 1's discount, and that is the answer
      expect({ failure, errors: result.errors }).toEqual({ failure, errors: undefined });
      const mine = fake.discounts(a.shop).filter((d) => d.code.toLowerCase() === wanted.toLowerCase());
      expect(mine).toHaveLength(1);
      expect(result.data!._createShopifyDiscount).toEqual({ shopifyDiscountId: mine[0].id, code: wanted });
      const sent = graphqlRequests(a.shop).slice(before);
      expect(sent.map((r) => r.operation)).toEqual(['discountCodeBasicCreate', 'discountCodeBasicCreate', 'codeDiscountNodeByCode']);
      expect(sent[2].body).toMatchObject({ variables: { code: wanted } });
      expect(sent[2].headers['x-shopify-access-token']).toBe(fake.tokenFor(a.shop));
    }

    // A later call for a code already created (as the points recovery job makes) gets the same discount, creating nothing.
    const wanted = code();
    const first = await createDiscount(a.caller, { code: wanted, title: 'once', kind: 'FREE_SHIPPING' });
    const again = await createDiscount(a.caller, { code: wanted, title: 'once', kind: 'FREE_SHIPPING' });
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(fake.discounts(a.shop).filter((d) => d.code === wanted)).toHaveLength(1);
  });

  it('reports a failed lookup of a taken code as it failed: SHOPIFY_UNAVAILABLE when the lookup gave up, SHOPIFY_REJECTED when refused', async () => {
    const wanted = code();
    fake.failNext(a.shop, 'lost-reset', 1);
    fake.failNext(a.shop, 502, RETRY.attempts, { operation: 'codeDiscountNodeByCode' });
    const before = graphqlRequests(a.shop).length;
    const unavailable = await createDiscount(a.caller, { code: wanted, title: 'lookup down', kind: 'FREE_SHIPPING' });
    expect(errorCode(unavailable)).toBe('SHOPIFY_UNAVAILABLE');
    expect(unavailable.errors![0].message).toMatch(/HTTP 502.*gave up/);
    const sent = graphqlRequests(a.shop).slice(before);
    expect(sent.map((r) => r.operation)).toEqual(['discountCodeFreeShippingCreate', 'discountCodeFreeShippingCreate', ...Array(RETRY.attempts).fill('codeDiscountNodeByCode')]);
    expect(fake.discounts(a.shop).filter((d) => d.code === wanted)).toHaveLength(1);

    fake.failNext(a.shop, 403, 1, { operation: 'codeDiscountNodeByCode' });
    const refused = await createDiscount(a.caller, { code: wanted, title: 'lookup refused', kind: 'FREE_SHIPPING' });
    expect(errorCode(refused)).toBe('SHOPIFY_REJECTED');
    expect(refused.errors![0].message).toMatch(/HTTP 403/);

    // Healed, the same call finds the discount.
    const found = await createDiscount(a.caller, { code: wanted, title: 'lookup healed', kind: 'FREE_SHIPPING' });
    expect(found.data!._createShopifyDiscount).toEqual({ shopifyDiscountId: fake.discounts(a.shop).find((d) => d.code === wanted)!.id, code: wanted });
  });

  it("waits as long as Shopify asks: Retry-After on a 429, the cost bucket's refill on THROTTLED", async () => {
    fake.failNext(a.shop, 429, 1, { retryAfterSeconds: 0.3 });
    let started = Date.now();
    expect((await createDiscount(a.caller, { code: code(), title: '429', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);

    // (50 requested − 10 available) / 100 per second = 400 ms.
    fake.throttle(a.shop, 1, { requestedQueryCost: 50, currentlyAvailable: 10, restoreRate: 100 });
    started = Date.now();
    expect((await createDiscount(a.caller, { code: code(), title: 'throttled', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('gives up with SHOPIFY_UNAVAILABLE within the deadline when Shopify stays down, hangs or throttles', async () => {
    const cases: [string, () => void][] = [
      ['always 5xx', () => fake.failRequests(a.shop, 502, '/graphql.json')],
      ['always hanging', () => fake.failRequests(a.shop, 'timeout', '/graphql.json')],
      ['throttled beyond the attempts', () => fake.throttle(a.shop, 100)],
      // Shopify asks for more time than the deadline leaves: no point waiting for it.
      ['asked to wait past the deadline', () => fake.failNext(a.shop, 429, 1, { retryAfterSeconds: 60 })],
    ];
    for (const [label, breakIt] of cases) {
      breakIt();
      const wanted = code();
      const before = graphqlRequests(a.shop).length;
      const started = Date.now();
      const result = await createDiscount(a.caller, { code: wanted, title: label, kind: 'FREE_SHIPPING' });
      const elapsed = Date.now() - started;
      fake.failRequests(a.shop, null);
      expect({ label, code: errorCode(result) }).toEqual({ label, code: 'SHOPIFY_UNAVAILABLE' });
      expect(result.errors![0].message).toMatch(/gave up/);
      expect(elapsed).toBeLessThan(RETRY.deadlineMs + 300);
      expect(graphqlRequests(a.shop).length - before).toBeLessThanOrEqual(RETRY.attempts);
      expect(fake.discounts(a.shop).some((d) => d.code === wanted)).toBe(false);
    }
    // Healed: the next call goes through at once.
    expect((await createDiscount(a.caller, { code: code(), title: 'healed', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
  });

  it('fails with SHOPIFY_REJECTED, without retrying, when Shopify refuses: userErrors or a 4xx', async () => {
    const taken = code();
    expect((await createDiscount(a.caller, { code: taken, title: 'first', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();
    let before = graphqlRequests(a.shop).length;
    // Shopify takes codes without regard to case, but only the very same string is ours from before.
    const duplicate = await createDiscount(a.caller, { code: taken.toLowerCase(), title: 'again', kind: 'FREE_SHIPPING' });
    expect(errorCode(duplicate)).toBe('SHOPIFY_REJECTED');
    expect(duplicate.errors![0].message).toMatch(/Code must be unique.*not one of ours with exactly this code/);
    expect(duplicate.errors![0].extensions).toMatchObject({ attempts: 1, userErrors: [{ field: ['freeShippingCodeDiscount', 'code'], code: 'TAKEN' }] });
    expect(graphqlRequests(a.shop).slice(before).map((r) => r.operation)).toEqual(['discountCodeFreeShippingCreate', 'codeDiscountNodeByCode']);

    before = graphqlRequests(a.shop).length;
    fake.failNext(a.shop, 403, 1);
    const refused = await createDiscount(a.caller, { code: code(), title: 'refused', kind: 'FREE_SHIPPING' });
    expect(errorCode(refused)).toBe('SHOPIFY_REJECTED');
    expect(refused.errors![0].message).toMatch(/HTTP 403/);
    expect(graphqlRequests(a.shop).length - before).toBe(1);
  });
});

describe('sending Shopify Flow triggers', () => {
  const flowSends = (shop: string) => graphqlRequests(shop).filter((r) => r.operation === 'flowTriggerReceive');

  it('sends the trigger with its handle and payload, retrying only what never reached Shopify (a 429)', async () => {
    fake.failNext(a.shop, 429, 1);
    const payload = { 'Customer ID': 7001, 'Points balance': 250, reward: 'Free mug' };
    const sent = await internal(FLOW, { handle: 'points-reward-redeemed', payload }, a.caller);
    expect(sent.errors).toBeUndefined();
    expect(sent.data).toEqual({ _sendFlowTrigger: true });
    expect(fake.flowTriggers(a.shop)).toEqual([{ handle: 'points-reward-redeemed', payload }]);
    const last = graphqlRequests(a.shop).at(-1)!;
    expect(last.body).toMatchObject({ variables: { handle: 'points-reward-redeemed', payload } });
    expect((last.body as { query: string }).query).toMatch(/flowTriggerReceive\(handle: \$handle, payload: \$payload\)/);
    expect(fake.flowTriggers(b.shop)).toEqual([]);
  });

  it('does not send again a trigger that may have reached Shopify (a 500, a lost answer): SHOPIFY_OUTCOME_UNKNOWN', async () => {
    for (const failure of [500, 'lost-timeout'] as const) {
      const before = flowSends(a.shop).length;
      const triggers = fake.flowTriggers(a.shop).length;
      fake.failNext(a.shop, failure, 1);
      const sent = await internal(FLOW, { handle: 'points-earned', payload: { failure } }, a.caller);
      expect(errorCode(sent)).toBe('SHOPIFY_OUTCOME_UNKNOWN');
      expect(flowSends(a.shop).length - before).toBe(1);
      // A lost answer came after Shopify applied it; the 500 here did not.
      expect(fake.flowTriggers(a.shop).length - triggers).toBe(failure === 500 ? 0 : 1);
    }
  });
});

describe('whose shop an internal Shopify call reaches', () => {
  it("uses the caller's merchant's shop and token only, and refuses merchants without an installed token", async () => {
    const aDiscounts = fake.discounts(a.shop).length;
    const aRequests = graphqlRequests(a.shop).length;
    const wanted = code();
    const result = await createDiscount(b.caller, { code: wanted, title: 'for B', kind: 'PERCENTAGE', value: '15' });
    expect(result.errors).toBeUndefined();
    expect(fake.discounts(b.shop).map((d) => d.code)).toContain(wanted);
    expect(fake.discounts(a.shop)).toHaveLength(aDiscounts);
    expect(graphqlRequests(a.shop)).toHaveLength(aRequests);
    const [request] = graphqlRequests(b.shop);
    expect(request.headers['x-shopify-access-token']).toBe(fake.tokenFor(b.shop));
    expect(request.headers['x-shopify-access-token']).not.toBe(fake.tokenFor(a.shop));

    // A code taken in A's shop is free in B's: each shop is its own namespace.
    const inA = fake.discounts(a.shop)[0].code;
    expect((await createDiscount(b.caller, { code: inA, title: 'same code, other shop', kind: 'FREE_SHIPPING' })).errors).toBeUndefined();

    const tokenless = await createMerchant(gateway);
    const uninstalled = await createMerchant(gateway, { status: 'uninstalled' });
    const noToken = await createDiscount(systemCaller([Scope.SHOPIFY_ADMIN], tokenless.id), { code: code(), title: 'x', kind: 'FREE_SHIPPING' });
    expect(errorCode(noToken)).toBe('SHOPIFY_REJECTED');
    expect(noToken.errors![0].message).toMatch(/no Shopify access token/);
    const gone = await createDiscount(systemCaller([Scope.SHOPIFY_ADMIN], uninstalled.id), { code: code(), title: 'x', kind: 'FREE_SHIPPING' });
    expect(errorCode(gone)).toBe('SHOPIFY_REJECTED');
    expect(gone.errors![0].message).toMatch(/uninstalled/);
    const nobody = await createDiscount(systemCaller([Scope.SHOPIFY_ADMIN], null), { code: code(), title: 'x', kind: 'FREE_SHIPPING' });
    expect(errorCode(nobody)).toBe('SHOPIFY_REJECTED');
    expect(fake.requestsFor(tokenless.shop)).toEqual([]);
    expect(fake.requestsFor(uninstalled.shop)).toEqual([]);
  });

  it("reaches other subgraphs' background work through peers, with the error code to act on", async () => {
    const peers = runtime(gateway, 'customer').peers;
    const wanted = code();
    const created = await peers.query<{ _createShopifyDiscount: { code: string } }>('merchant', CREATE, { input: { code: wanted, title: 'peer', kind: 'FREE_SHIPPING' } }, a.caller);
    expect(created._createShopifyDiscount.code).toBe(wanted);
    const failed = await peers.query('merchant', CREATE, { input: { code: wanted.toLowerCase(), title: 'peer again', kind: 'FREE_SHIPPING' } }, a.caller).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(PeerQueryError);
    expect((failed as PeerQueryError).codes).toEqual(['SHOPIFY_REJECTED']);
  });

  it('keeps the internal mutations out of the public API and refuses them to admins and to system callers without the scope', async () => {
    const input = { code: code(), title: 'x', kind: 'FREE_SHIPPING' };
    const admin = await createMerchant(gateway);
    const publicCreate = await gateway.gql(CREATE, { input }, admin.auth);
    expect(publicCreate.errors?.[0]?.message).toMatch(/ShopifyDiscountInput|_createShopifyDiscount/);
    const publicFlow = await gateway.gql(FLOW, { handle: 'h', payload: {} }, admin.auth);
    expect(publicFlow.errors?.[0]?.message).toMatch(/Cannot query field "_sendFlowTrigger"/);
    const introspection = await gateway.gql<{ __schema: { types: { name: string }[] } }>('{ __schema { types { name } } }', {}, admin.auth);
    expect(introspection.data!.__schema.types.map((t) => t.name)).not.toEqual(expect.arrayContaining(['ShopifyDiscount']));
    expect(introspection.data!.__schema.types.map((t) => t.name).filter((n) => n.startsWith('ShopifyDiscount'))).toEqual([]);

    const before = graphqlRequests(a.shop).length;
    expect(errorCode(await createDiscount(adminCaller(a.merchantId), input))).toBe('FORBIDDEN');
    expect(errorCode(await internal(FLOW, { handle: 'h', payload: {} }, adminCaller(a.merchantId)))).toBe('FORBIDDEN');
    expect(errorCode(await createDiscount(systemCaller([Scope.WEBHOOKS_READ], a.merchantId), input))).toBe('FORBIDDEN');
    expect(graphqlRequests(a.shop)).toHaveLength(before);
  });
});
