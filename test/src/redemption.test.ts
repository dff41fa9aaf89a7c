import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RedemptionEntity } from '../../subgraphs/points/src/entities/redemption.entity.js';
import { RewardEntity } from '../../subgraphs/points/src/entities/reward.entity.js';
import points from '@loyalnest/points';
import { FieldCipher, liveChannel, Scope, systemCaller, type RedemptionUpdatedMessage, type RequestContext } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { CustomerDirectory } from '../../subgraphs/points/src/services/customer-directory.js';
import { LedgerService } from '../../subgraphs/points/src/services/ledger.service.js';
import { codeAad } from '../../subgraphs/points/src/services/redemption-code.js';
import { PointsProgramService } from '../../subgraphs/points/src/services/points-program.service.js';
import { RedemptionSettlement } from '../../subgraphs/points/src/services/redemption-settlement.service.js';
import { RedemptionService } from '../../subgraphs/points/src/services/redemption.service.js';
import { ShopifyDiscounts } from '../../subgraphs/points/src/services/shopify-discounts.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { award, pointsOf, shopperAuth, VERIFY } from './support/points.js';
import { createReward, installMerchant, redeem, REWARDS_ENV, type Redeemed } from './support/rewards.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { adminCaller } from './support/tokens.js';

const AUDIT = `query($filter: AuditEntryFilter) { auditEntries(first: 100, filter: $filter) { nodes { entityType entityId action summary } } }`;
const REDEMPTION = `query($id: ID!) { redemption(id: $id) { id status discountCode pointsSpent errorCode refundEntryId compensatedAt } }`;
const CUSTOMER_REDEMPTIONS = `query($id: ID!, $after: String) {
  customer(id: $id) { redemptions(first: 2, after: $after) { nodes { id status discountCode reward { id name } } pageInfo { endCursor hasNextPage } } }
}`;

describe('redeeming rewards', () => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...fake.env, ...REWARDS_ENV, REDEMPTION_MAX_ATTEMPTS: '2' });
    a = await installMerchant(gateway, fake, 'redeem-a');
    b = await installMerchant(gateway, fake, 'redeem-b');
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  const newCustomer = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });
  const history = async (merchant: TestMerchant, customerId: string) => (await pointsOf(gateway, merchant, customerId)).history.nodes.map((e) => [e.kind, e.source, e.points]);
  const verify = async (merchant: TestMerchant) => (await gateway.gql<{ verifyLedger: { ok: boolean } }>(VERIFY, {}, merchant.auth)).data!.verifyLedger.ok;
  const codesAt = (merchant: TestMerchant) => fake.discounts(merchant.shop).map((d) => d.code);
  /**
   * The shop's Admin GraphQL requests naming `code` (creating it, looking it up). Flow triggers and
   * the compensations of earlier failed redemptions reach the same endpoint at any time, so
   * failures are injected for one operation only and requests are counted per code.
   */
  const requestsForCode = (merchant: TestMerchant, code: string) =>
    fake.requestsFor(merchant.shop, '/graphql.json').filter((r) => {
      const variables = ((r.body as { variables?: Record<string, any> } | undefined)?.variables ?? {}) as Record<string, any>;
      return [variables.code, variables.basicCodeDiscount?.code, variables.freeShippingCodeDiscount?.code].includes(code);
    });
  /** A redemption's code, which the API never shows for a failed one. */
  const codeOf = async (merchant: TestMerchant, redemptionId: string) => {
    const [row] = await withOwnerDb('points', async (db) => (await db.query<{ code_encrypted: string }>('select code_encrypted from redemption where id = $1', [redemptionId])).rows);
    return new FieldCipher(gateway.config.kit.encryptionKeys).decrypt(row.code_encrypted, codeAad(merchant.id, redemptionId));
  };
  const readRedemption = async (merchant: TestMerchant, id: string) => (await gateway.gql<{ redemption: Record<string, any> }>(REDEMPTION, { id }, merchant.auth)).data!.redemption;
  /** Waits for the compensation of a failed redemption to have marked it. */
  const compensated = (merchant: TestMerchant, id: string) =>
    eventually(async () => {
      const read = await readRedemption(merchant, id);
      return read.compensatedAt ? read : undefined;
    }, 20_000, `redemption ${id} compensated`);
  const CREATE = { operation: 'discountCodeBasicCreate' };
  const job = (name: string) => points.jobs!(runtime(gateway, 'points')).find((j) => j.name === name)!;
  type AuditNode = { entityType: string; entityId: string; action: string; summary: Record<string, unknown> };
  /** Waits until `count` of the merchant's newest audit entries matching `filter` (and `where`) are recorded. */
  const audit = async (merchant: TestMerchant, filter: Record<string, unknown>, count: number, where: (e: AuditNode) => boolean = () => true) =>
    eventually(async () => {
      const result = await gateway.gql<{ auditEntries: { nodes: AuditNode[] } }>(AUDIT, { filter }, merchant.auth);
      const nodes = (result.data?.auditEntries.nodes ?? []).filter(where);
      return nodes.length >= count ? nodes : undefined;
    }, 15_000, `${count} audit entries ${JSON.stringify(filter)}`);

  it('lets a shopper redeem for themselves: points debited, a code issued in Shopify for that customer, replays spend once', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 250);
    const rewardId = await createReward(gateway, a, { kind: 'PERCENTAGE', value: '10', names: { en: '10% off' }, pointsCost: 100, minimumSubtotal: '30.00', codeValidityDays: 7 });
    const shopper = await shopperAuth(gateway, a, customer.id);
    const redis = new Redis(gateway.config.kit.redisUrl);
    const live: RedemptionUpdatedMessage[] = [];
    await redis.subscribe(liveChannel(gateway.config.kit, 'redemption.updated'));
    redis.on('message', (_channel, text) => live.push(JSON.parse(text)));
    try {
      const key = `widget-${randomUUID()}`;
      const redeemed = await redeem(gateway, shopper, { customerId: customer.id, rewardId, idempotencyKey: key });
      expect(redeemed).toMatchObject({ __typename: 'Redemption', status: 'ISSUED', pointsSpent: 100, customerId: customer.id, rewardId, reward: { id: rewardId }, refundEntryId: null });
      expect(redeemed.discountCode).toMatch(/^LN-[A-Z2-7]{10}$/);
      const days = (Date.parse(redeemed.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);
      const [discount] = fake.discounts(a.shop).filter((d) => d.code === redeemed.discountCode);
      expect(discount.id).toBe(redeemed.shopifyDiscountId);
      expect(discount.input).toMatchObject({
        context: { customers: { add: [`gid://shopify/Customer/${customer.shopifyId}`] } },
        minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '30.00' } },
        customerGets: { value: { percentage: 0.1 } },
        endsAt: new Date(redeemed.expiresAt).toISOString(),
      });

      const again = await redeem(gateway, shopper, { customerId: customer.id, rewardId, idempotencyKey: key });
      expect(again).toMatchObject({ __typename: 'Redemption', id: redeemed.id, discountCode: redeemed.discountCode });
      const reused = await redeem(gateway, shopper, { customerId: customer.id, rewardId: await createReward(gateway, a, {}), idempotencyKey: key });
      expect(reused).toMatchObject({ __typename: 'IdempotencyKeyReusedError' });
      expect((await pointsOf(gateway, a, customer.id)).balance).toBe(150);
      expect(await history(a, customer.id)).toEqual([
        ['REDEEM', 'REWARD', -100],
        ['ADJUST', 'ADMIN', 250],
      ]);
      expect(codesAt(a).filter((c) => c === redeemed.discountCode)).toHaveLength(1);

      const read = await gateway.gql<{ redemption: Record<string, unknown> }>(REDEMPTION, { id: redeemed.id }, shopper);
      expect(read.data!.redemption).toMatchObject({ id: redeemed.id, status: 'ISSUED', discountCode: redeemed.discountCode });
      const listed = await gateway.gql<{ customer: { redemptions: { nodes: { id: string; reward: { name: string } }[] } } }>(CUSTOMER_REDEMPTIONS, { id: customer.id }, shopper);
      expect(listed.data!.customer.redemptions.nodes).toEqual([expect.objectContaining({ id: redeemed.id, status: 'ISSUED', reward: { id: rewardId, name: '10% off' } })]);
      const statuses = await eventually(async () => {
        const mine = live.filter((m) => m.redemptionId === redeemed.id).map((m) => m.status);
        return mine.length >= 2 ? mine : undefined;
      }, 5_000, 'redemption.updated messages');
      expect(statuses).toEqual(['pending', 'issued']);
    } finally {
      redis.disconnect();
    }
  });

  it('spends once when the same idempotency key arrives many times at once', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 10 });
    const idempotencyKey = `same-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => redeem(gateway, a.auth, { customerId: customer.id, rewardId, idempotencyKey })));
    expect(results.map((r) => r.__typename)).toEqual(Array(10).fill('Redemption'));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(90);
    expect(codesAt(a).filter((c) => c === results.find((r) => r.discountCode)?.discountCode)).toHaveLength(1);
  });

  it('lets 200 concurrent redemptions on an account that affords 50 issue exactly 50 codes, never below zero', async () => {
    const customer = await newCustomer(a);
    const rewardId = await createReward(gateway, a, { kind: 'FREE_SHIPPING', value: null, names: { en: 'Ship free' }, pointsCost: 20 });
    await award(gateway, a, customer.id, 50 * 20);
    const before = new Set(codesAt(a));
    const results = await Promise.all(Array.from({ length: 200 }, () => redeem(gateway, a.auth, { customerId: customer.id, rewardId })));
    const issued = results.filter((r) => r.__typename === 'Redemption');
    expect(results.filter((r) => !['Redemption', 'InsufficientPointsError'].includes(r.__typename))).toEqual([]);
    expect(issued).toHaveLength(50);
    expect(issued.every((r) => r.status === 'ISSUED')).toBe(true);
    const refused = results.filter((r) => r.__typename === 'InsufficientPointsError');
    expect(refused).toHaveLength(150);
    expect(refused.every((r) => r.balance >= 0 && r.balance < 20)).toBe(true);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(0);
    expect(await verify(a)).toBe(true);
    const created = codesAt(a).filter((c) => !before.has(c));
    expect(created).toHaveLength(50);
    expect(new Set(created)).toEqual(new Set(issued.map((r) => r.discountCode)));
  }, 60_000);

  it('gives the points back with a typed error when Shopify fails for good (5xx, timeout, throttled), with audit entries', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 300);
    const rewardId = await createReward(gateway, a, { names: { en: 'Five off' }, pointsCost: 100, usageLimit: 3 });
    const failures: [string, () => void][] = [
      ['5xx', () => fake.failRequests(a.shop, 502, '/graphql.json')],
      ['timeout', () => fake.failRequests(a.shop, 'timeout', '/graphql.json')],
      ['throttled', () => fake.throttle(a.shop, 100)],
    ];
    const failed: Redeemed[] = [];
    for (const [label, breakIt] of failures) {
      breakIt();
      const before = codesAt(a).length;
      const result = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
      fake.failRequests(a.shop, null);
      expect({ label, result }).toEqual({ label, result: expect.objectContaining({ __typename: 'DiscountCreationFailedError', code: 'DISCOUNT_CREATION_FAILED', failure: 'SHOPIFY_UNAVAILABLE', pointsReturned: 100 }) });
      expect(codesAt(a)).toHaveLength(before);
      expect((await pointsOf(gateway, a, customer.id)).balance).toBe(300);
      failed.push(result);
    }
    expect(await history(a, customer.id)).toEqual([
      ...failures.flatMap(() => [
        ['REVERSE', 'REWARD', 100],
        ['REDEEM', 'REWARD', -100],
      ]),
      ['ADJUST', 'ADMIN', 300],
    ]);
    const read = await gateway.gql<{ redemption: Record<string, unknown> }>(REDEMPTION, { id: failed[0].redemptionId }, a.auth);
    expect(read.data!.redemption).toMatchObject({ status: 'FAILED', discountCode: null, errorCode: 'SHOPIFY_UNAVAILABLE', refundEntryId: expect.any(String) });
    expect(await verify(a)).toBe(true);
    // Failed redemptions hold no slot of the usage limit: all 3 are still there.
    const issued = await Promise.all([1, 2, 3].map(() => redeem(gateway, a.auth, { customerId: customer.id, rewardId })));
    expect(issued.map((r) => r.__typename)).toEqual(['Redemption', 'Redemption', 'Redemption']);

    const id = failed[0].redemptionId;
    const entries = await audit(a, { entityType: 'Redemption', entityId: id }, 2);
    expect(entries.map((e) => e.action).sort()).toEqual(['created', 'failed']);
    expect(entries.find((e) => e.action === 'failed')!.summary).toMatchObject({ errorCode: 'SHOPIFY_UNAVAILABLE', points: 100 });
    const mutations = await audit(a, { entityType: 'Mutation', entityId: 'redeemReward' }, 3, (e) => e.summary.outcome === 'DiscountCreationFailedError');
    expect(mutations.map((e) => e.summary.errorCode)).toEqual(['DISCOUNT_CREATION_FAILED', 'DISCOUNT_CREATION_FAILED', 'DISCOUNT_CREATION_FAILED']);
  }, 60_000);

  it('gives the points back when Shopify rejects the discount, and issues when it fails twice then succeeds', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { names: { en: 'Five off' }, pointsCost: 60 });
    fake.failNext(a.shop, 403, 1, CREATE);
    const rejected = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    expect(rejected).toMatchObject({ __typename: 'DiscountCreationFailedError', failure: 'SHOPIFY_REJECTED', pointsReturned: 60 });
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(100);

    fake.failNext(a.shop, 503, 2, CREATE);
    const issued = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    expect(issued).toMatchObject({ __typename: 'Redemption', status: 'ISSUED' });
    expect(requestsForCode(a, issued.discountCode).map((r) => r.operation)).toEqual(Array(3).fill('discountCodeBasicCreate'));
    expect(codesAt(a).filter((c) => c === issued.discountCode)).toHaveLength(1);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(40);
    expect(await verify(a)).toBe(true);
  });

  it('issues, keeping the points spent, when the first discount attempt created the code but its answer was lost', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { names: { en: 'Five off' }, pointsCost: 40 });
    for (const failure of ['lost-reset', 'lost-timeout'] as const) {
      // given: Shopify creates the code on the first attempt, and the answer never comes back
      fake.failNext(a.shop, failure, 1, CREATE);
      // when
      const redeemed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
      // then: the retry is told TAKEN, the code is found, and the redemption is ISSUED with it
      expect({ failure, redeemed }).toEqual({ failure, redeemed: expect.objectContaining({ __typename: 'Redemption', status: 'ISSUED', refundEntryId: null, errorCode: null }) });
      const atShopify = fake.discounts(a.shop).filter((d) => d.code === redeemed.discountCode);
      expect(atShopify).toHaveLength(1);
      expect(redeemed.shopifyDiscountId).toBe(atShopify[0].id);
      expect(requestsForCode(a, redeemed.discountCode).map((r) => r.operation)).toEqual(['discountCodeBasicCreate', 'discountCodeBasicCreate', 'codeDiscountNodeByCode']);
      const read = await gateway.gql<{ redemption: Record<string, unknown> }>(REDEMPTION, { id: redeemed.id }, a.auth);
      expect(read.data!.redemption).toMatchObject({ status: 'ISSUED', discountCode: redeemed.discountCode, pointsSpent: 40, refundEntryId: null });
    }
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(20);
    expect(await history(a, customer.id)).toEqual([
      ['REDEEM', 'REWARD', -40],
      ['REDEEM', 'REWARD', -40],
      ['ADJUST', 'ADMIN', 100],
    ]);
    expect(await verify(a)).toBe(true);
  });

  it('deletes the code Shopify created while every answer was lost, once, after giving the points back with a typed error', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { names: { en: 'Five off' }, pointsCost: 40 });
    for (const failure of ['lost-reset', 'lost-timeout'] as const) {
      // given: every create attempt does the work at Shopify and loses the answer, until the merchant subgraph gives up
      fake.failNext(a.shop, failure, 10, CREATE);
      // when
      const result = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
      fake.failRequests(a.shop, null);
      // then: the shopper gets the typed error and the points back at once...
      expect({ failure, result }).toEqual({ failure, result: expect.objectContaining({ __typename: 'DiscountCreationFailedError', failure: 'SHOPIFY_UNAVAILABLE', pointsReturned: 40 }) });
      expect((await pointsOf(gateway, a, customer.id)).balance).toBe(100);
      const code = await codeOf(a, result.redemptionId);
      expect(requestsForCode(a, code)[0].operation).toBe('discountCodeBasicCreate');
      // ...and shortly after, the code Shopify did create is deleted by the compensation
      const read = await compensated(a, result.redemptionId);
      expect(read).toMatchObject({ status: 'FAILED', errorCode: 'SHOPIFY_UNAVAILABLE', discountCode: null, refundEntryId: expect.any(String) });
      expect(fake.discounts(a.shop).some((d) => d.code.toLowerCase() === code.toLowerCase())).toBe(false);
      const deleted = fake.deletedDiscounts(a.shop).filter((d) => d.code === code);
      expect(deleted).toHaveLength(1);
      const deletes = () => fake.requestsFor(a.shop, '/graphql.json').filter((r) => r.operation === 'discountCodeDelete' && (r.body as { variables: { id: string } }).variables.id === deleted[0].id);
      expect(deletes()).toHaveLength(1);
    }
    expect(await verify(a)).toBe(true);
    expect(await history(a, customer.id)).toEqual([
      ['REVERSE', 'REWARD', 40],
      ['REDEEM', 'REWARD', -40],
      ['REVERSE', 'REWARD', 40],
      ['REDEEM', 'REWARD', -40],
      ['ADJUST', 'ADMIN', 100],
    ]);
  }, 60_000);

  it('finds nothing to delete when Shopify failed without creating the code (5xx)', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 30 });
    fake.failNext(a.shop, 502, 10, CREATE);
    const result = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    fake.failRequests(a.shop, null);
    expect(result).toMatchObject({ __typename: 'DiscountCreationFailedError', failure: 'SHOPIFY_UNAVAILABLE', pointsReturned: 30 });
    const code = await codeOf(a, result.redemptionId);
    await compensated(a, result.redemptionId);
    const sent = requestsForCode(a, code).map((r) => r.operation);
    expect(sent.filter((o) => o === 'discountCodeBasicCreate').length).toBeGreaterThanOrEqual(1);
    expect(sent.filter((o) => o !== 'discountCodeBasicCreate')).toEqual(['codeDiscountNodeByCode']);
    expect(fake.deletedDiscounts(a.shop).some((d) => d.code === code)).toBe(false);
    expect(fake.discounts(a.shop).some((d) => d.code === code)).toBe(false);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(100);
    expect(await verify(a)).toBe(true);
  });

  it('deletes a code whose creation succeeded only after the points were given back (a late answer racing the recovery)', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 40 });
    fake.failNext(a.shop, 502, 10, CREATE);
    const failed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    fake.failRequests(a.shop, null);
    expect(failed).toMatchObject({ __typename: 'DiscountCreationFailedError', pointsReturned: 40 });
    await compensated(a, failed.redemptionId);
    const code = await codeOf(a, failed.redemptionId);

    // A request that was still waiting on Shopify now gets its answer: the code is created.
    const ctx = runtime(gateway, 'points').createContext(adminCaller(a.id));
    const row = await ctx.em.findOneOrFail(RedemptionEntity, { id: failed.redemptionId });
    const reward = await ctx.em.findOneOrFail(RewardEntity, { id: rewardId });
    const settlement = new RedemptionSettlement(new LedgerService(), new ShopifyDiscounts(), new FieldCipher(gateway.config.kit.encryptionKeys));
    const late = await settlement.complete(ctx, row, reward, code, null);
    expect(late).toMatchObject({ status: 'failed' });

    // The redemption stays failed with the points back, and the code is deleted again at Shopify.
    await eventually(async () => fake.deletedDiscounts(a.shop).some((d) => d.code === code) && !fake.discounts(a.shop).some((d) => d.code === code), 20_000, 'the late code deleted');
    expect(await readRedemption(a, failed.redemptionId)).toMatchObject({ status: 'FAILED', discountCode: null });
    await compensated(a, failed.redemptionId);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(100);
    expect(await verify(a)).toBe(true);
  });

  it('deletes, on the recovery job\'s second look, a code Shopify created late after the first check found nothing', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 25 });
    fake.failNext(a.shop, 502, 10, CREATE);
    const failed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    fake.failRequests(a.shop, null);
    expect(failed).toMatchObject({ __typename: 'DiscountCreationFailedError', pointsReturned: 25 });
    await compensated(a, failed.redemptionId);
    const code = await codeOf(a, failed.redemptionId);

    // Shopify carries out one of the timed-out creates only now, after the first check.
    const created = await runtime(gateway, 'points').peers.query<{ _createShopifyDiscount: { code: string } }>(
      'merchant',
      `mutation($input: ShopifyDiscountInput!) { _createShopifyDiscount(input: $input) { code } }`,
      { input: { code, title: 'late', kind: 'FIXED_AMOUNT', value: '5.00' } },
      systemCaller([Scope.SHOPIFY_ADMIN], a.id),
    );
    expect(created._createShopifyDiscount.code).toBe(code);
    expect(fake.discounts(a.shop).some((d) => d.code === code)).toBe(true);

    // Before the Shopify deadline has surely passed, the job leaves it; after, it deletes the code.
    await job('redemption recovery').run();
    expect(fake.discounts(a.shop).some((d) => d.code === code)).toBe(true);
    await withOwnerDb('points', (db) => db.query(`update redemption set failed_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' where id = $1`, [failed.redemptionId]));
    await job('redemption recovery').run();
    expect(fake.discounts(a.shop).some((d) => d.code === code)).toBe(false);
    const [row] = await withOwnerDb('points', async (db) => (await db.query<{ rechecked_at: Date | null }>('select rechecked_at from redemption where id = $1', [failed.redemptionId])).rows);
    expect(row.rechecked_at).not.toBeNull();
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(100);
  });

  it("compensates merchant A's redemption in A's shop only: the same code in another merchant's shop stays", async () => {
    const other = await installMerchant(gateway, fake, 'redeem-other');
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 25 });
    // given: attempt 1 creates the code and loses the answer; the lookup after TAKEN stays down, so
    // the redemption fails with the code existing (a compensation lookup before the heal fails and is retried)
    fake.failNext(a.shop, 'lost-reset', 1, CREATE);
    fake.failNext(a.shop, 502, 10_000, { operation: 'codeDiscountNodeByCode' });
    const result = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    expect(result).toMatchObject({ __typename: 'DiscountCreationFailedError', failure: 'SHOPIFY_UNAVAILABLE', pointsReturned: 25 });
    const code = await codeOf(a, result.redemptionId);
    expect(fake.discounts(a.shop).filter((d) => d.code === code)).toHaveLength(1);
    // The other merchant's shop holds a discount with the very same code (codes are per shop)
    const CREATE_DISCOUNT = `mutation($input: ShopifyDiscountInput!) { _createShopifyDiscount(input: $input) { shopifyDiscountId } }`;
    await runtime(gateway, 'points').peers.query('merchant', CREATE_DISCOUNT, { input: { code, title: 'B', kind: 'FREE_SHIPPING' } }, systemCaller([Scope.SHOPIFY_ADMIN], other.id));
    const otherRequests = fake.requestsFor(other.shop).length;
    // when: A's Shopify heals
    fake.failRequests(a.shop, null);
    // then
    await compensated(a, result.redemptionId);
    expect(fake.discounts(a.shop).some((d) => d.code === code)).toBe(false);
    expect(fake.deletedDiscounts(a.shop).filter((d) => d.code === code)).toHaveLength(1);
    expect(fake.discounts(other.shop).filter((d) => d.code === code)).toHaveLength(1);
    expect(fake.deletedDiscounts(other.shop)).toEqual([]);
    expect(fake.requestsFor(other.shop).slice(otherRequests)).toEqual([]);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(100);
    expect(await verify(a)).toBe(true);
  }, 60_000);

  it('refuses what cannot be redeemed, spending nothing: unavailable rewards, a negative balance, a disabled program', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 1000);
    const reasons: [Record<string, unknown>, string][] = [
      [{ active: false }, 'INACTIVE'],
      [{ startsAt: new Date(Date.now() + 3_600_000).toISOString() }, 'NOT_STARTED'],
      [{ startsAt: '2020-01-01T00:00:00Z', endsAt: '2021-01-01T00:00:00Z' }, 'ENDED'],
    ];
    for (const [input, reason] of reasons) {
      const result = await redeem(gateway, a.auth, { customerId: customer.id, rewardId: await createReward(gateway, a, input) });
      expect(result).toMatchObject({ __typename: 'RewardUnavailableError', code: 'REWARD_UNAVAILABLE', reason });
    }
    const archived = await createReward(gateway, a, {});
    await gateway.gql(`mutation($id: ID!) { archiveReward(id: $id) { __typename } }`, { id: archived }, a.auth);
    expect(await redeem(gateway, a.auth, { customerId: customer.id, rewardId: archived })).toMatchObject({ reason: 'ARCHIVED' });
    expect(await redeem(gateway, a.auth, { customerId: customer.id, rewardId: randomUUID() })).toMatchObject({ __typename: 'RewardNotFoundError', code: 'REWARD_NOT_FOUND' });
    expect(await redeem(gateway, a.auth, { customerId: randomUUID(), rewardId: archived })).toMatchObject({ __typename: 'CustomerNotFoundError' });
    const costly = await createReward(gateway, a, { pointsCost: 1001 });
    expect(await redeem(gateway, a.auth, { customerId: customer.id, rewardId: costly })).toMatchObject({ __typename: 'InsufficientPointsError', balance: 1000, required: 1001 });
    expect(await history(a, customer.id)).toEqual([['ADJUST', 'ADMIN', 1000]]);

    // On a merchant of its own, whose ledger the balance edit below would break for verifyLedger.
    const c = await createMerchant(gateway);
    const owing = await newCustomer(c);
    await award(gateway, c, owing.id, 5);
    const cheap = await createReward(gateway, c, { pointsCost: 1 });
    // As a refund taking back spent points leaves it, with negative balances allowed.
    await withOwnerDb('points', (db) => db.query('update points_account set balance = -10 where customer_id = $1', [owing.id]));
    expect(await redeem(gateway, c.auth, { customerId: owing.id, rewardId: cheap })).toMatchObject({ reason: 'NEGATIVE_BALANCE' });
    await withOwnerDb('points', (db) => db.query('update points_account set balance = 5 where customer_id = $1', [owing.id]));
    const disabled = await gateway.gql(`mutation { updateEarningRules(input: { enabled: false }) { enabled } }`, {}, c.auth);
    expect(disabled.errors).toBeUndefined();
    expect(await redeem(gateway, c.auth, { customerId: owing.id, rewardId: cheap })).toMatchObject({ reason: 'PROGRAM_DISABLED' });
    expect((await pointsOf(gateway, c, owing.id)).history.nodes).toHaveLength(1);
  });

  it('lets a shopper redeem for nobody else, and keeps merchants apart: no debit crosses either line', async () => {
    const self = await newCustomer(a);
    const other = await newCustomer(a);
    await award(gateway, a, self.id, 500);
    await award(gateway, a, other.id, 500);
    const rewardId = await createReward(gateway, a, { pointsCost: 100 });
    const shopper = await shopperAuth(gateway, a, self.id);
    const forOther = await gateway.gql(`mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { __typename } }`, { input: { customerId: other.id, rewardId, idempotencyKey: 'x' } }, shopper);
    expect(forOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await redeem(gateway, shopper, { customerId: self.id, rewardId });
    expect(mine.__typename).toBe('Redemption');
    const otherShopper = await shopperAuth(gateway, a, other.id);
    expect((await gateway.gql(REDEMPTION, { id: mine.id }, otherShopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.gql(CUSTOMER_REDEMPTIONS, { id: self.id }, otherShopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Merchant B: A's reward for B's customer, B's reward for A's customer, A's redemption by id.
    const bCustomer = await newCustomer(b);
    await award(gateway, b, bCustomer.id, 500);
    const bReward = await createReward(gateway, b, { pointsCost: 100 });
    expect(await redeem(gateway, b.auth, { customerId: bCustomer.id, rewardId })).toMatchObject({ __typename: 'RewardNotFoundError' });
    expect(await redeem(gateway, b.auth, { customerId: other.id, rewardId: bReward })).toMatchObject({ __typename: 'CustomerNotFoundError' });
    expect(await redeem(gateway, b.auth, { customerId: other.id, rewardId })).toMatchObject({ __typename: 'CustomerNotFoundError' });
    expect((await gateway.gql<{ redemption: unknown }>(REDEMPTION, { id: mine.id }, b.auth)).data!.redemption).toBeNull();
    const bShopper = await shopperAuth(gateway, b, bCustomer.id);
    expect(await redeem(gateway, bShopper, { customerId: bCustomer.id, rewardId })).toMatchObject({ __typename: 'RewardNotFoundError' });
    expect((await pointsOf(gateway, a, other.id)).balance).toBe(500);
    expect((await pointsOf(gateway, a, self.id)).balance).toBe(400);
    expect((await pointsOf(gateway, b, bCustomer.id)).balance).toBe(500);
    expect(fake.discounts(b.shop)).toHaveLength(0);
  });

  it('holds usage limits under concurrency: across customers and per customer', async () => {
    const total = await createReward(gateway, a, { pointsCost: 10, usageLimit: 5 });
    const customers = await Promise.all(Array.from({ length: 12 }, () => newCustomer(a)));
    await Promise.all(customers.map((c) => award(gateway, a, c.id, 10)));
    const results = await Promise.all(customers.map((c) => redeem(gateway, a.auth, { customerId: c.id, rewardId: total })));
    expect(results.filter((r) => r.__typename === 'Redemption')).toHaveLength(5);
    expect(results.filter((r) => r.reason === 'USAGE_LIMIT_REACHED')).toHaveLength(7);
    const [row] = await withOwnerDb('points', async (db) => (await db.query<{ redemption_count: number }>('select redemption_count from reward where id = $1', [total])).rows);
    expect(row.redemption_count).toBe(5);

    const perCustomer = await createReward(gateway, a, { pointsCost: 10, usageLimitPerCustomer: 2 });
    const one = await newCustomer(a);
    await award(gateway, a, one.id, 100);
    const mine = await Promise.all(Array.from({ length: 10 }, () => redeem(gateway, a.auth, { customerId: one.id, rewardId: perCustomer })));
    expect(mine.filter((r) => r.__typename === 'Redemption')).toHaveLength(2);
    expect(mine.filter((r) => r.reason === 'CUSTOMER_LIMIT_REACHED')).toHaveLength(8);
    expect((await pointsOf(gateway, a, one.id)).balance).toBe(80);
    expect(await verify(a)).toBe(true);
  }, 60_000);

  it('stores the code encrypted: the owner reads no plaintext in any column', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 10);
    const redeemed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId: await createReward(gateway, a, { pointsCost: 10 }) });
    const [row] = await withOwnerDb('points', async (db) => (await db.query<Record<string, unknown>>('select * from redemption where id = $1', [redeemed.id])).rows);
    expect(JSON.stringify(row)).not.toContain(redeemed.discountCode);
    expect(JSON.stringify(row).toLowerCase()).not.toContain(String(redeemed.discountCode).toLowerCase());
    expect(row.code_encrypted).toMatch(/^[^:]+:[A-Za-z0-9+/=]+$/);
    const cipher = new FieldCipher(gateway.config.kit.encryptionKeys);
    expect(() => cipher.decrypt(String(row.code_encrypted), `${b.id}/redemption/${redeemed.id}/code`)).toThrow();
  });

  it('recovers redemptions left pending: the same code issued when Shopify answers, the points given back when attempts run out', async () => {
    // The request's call to the merchant subgraph fails in a way that leaves Shopify's answer unknown (as a crash would).
    const points = runtime(gateway, 'points');
    const cipher = new FieldCipher(gateway.config.kit.encryptionKeys);
    const service = new RedemptionService(
      new LedgerService(),
      new CustomerDirectory(),
      new PointsProgramService(),
      new RedemptionSettlement(new LedgerService(), new ShopifyDiscounts(), cipher),
      cipher,
      gateway.config.kit.blindIndexKey,
    );
    const cutOff = (): RequestContext => {
      const ctx = points.createContext(adminCaller(a.id));
      return { ...ctx, peers: { query: (subgraph, query, variables, caller) => (subgraph === 'merchant' ? Promise.reject(new Error('socket hang up')) : ctx.peers.query(subgraph, query, variables, caller)) } };
    };
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 30, usageLimit: 10 });
    const first = (await service.redeem(cutOff(), { customerId: customer.id, rewardId, idempotencyKey: randomUUID() })) as { id: string; status: string };
    const second = (await service.redeem(cutOff(), { customerId: customer.id, rewardId, idempotencyKey: randomUUID() })) as { id: string; status: string };
    expect([first.status, second.status]).toEqual(['pending', 'pending']);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(40);

    // The job takes up only redemptions pending past the timeout.
    await job('redemption recovery').run();
    expect((await gateway.gql<{ redemption: { status: string } }>(REDEMPTION, { id: first.id }, a.auth)).data!.redemption.status).toBe('PENDING');
    const backdate = (id: string) => withOwnerDb('points', (db) => db.query(`update redemption set updated_at = now() - interval '1 hour' where id = $1`, [id]));
    // Shopify answers the first one's retry.
    await backdate(first.id);
    await job('redemption recovery').run();
    // The second's retry fails too, and it was its last attempt (REDEMPTION_MAX_ATTEMPTS=2).
    await backdate(second.id);
    fake.failRequests(a.shop, 502, '/graphql.json');
    await job('redemption recovery').run();
    fake.failRequests(a.shop, null);

    const read = async (id: string) => (await gateway.gql<{ redemption: Record<string, any> }>(REDEMPTION, { id }, a.auth)).data!.redemption;
    const issued = await read(first.id);
    const gaveBack = await read(second.id);
    expect(issued).toMatchObject({ status: 'ISSUED' });
    expect(codesAt(a)).toContain(issued.discountCode);
    expect(gaveBack).toMatchObject({ status: 'FAILED', errorCode: 'SHOPIFY_UNAVAILABLE', discountCode: null, refundEntryId: expect.any(String) });
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(70);
    const [row] = await withOwnerDb('points', async (db) => (await db.query<{ redemption_count: number }>('select redemption_count from reward where id = $1', [rewardId])).rows);
    expect(row.redemption_count).toBe(1);
    expect(await verify(a)).toBe(true);
  }, 60_000);

  it('expires issued codes past their validity, keeping the points spent', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 50);
    const redeemed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId: await createReward(gateway, a, { pointsCost: 50, codeValidityDays: 1 }) });
    const fresh = await redeem(gateway, a.auth, { customerId: customer.id, rewardId: await createReward(gateway, a, { pointsCost: 1 }) });
    expect(fresh.__typename).toBe('InsufficientPointsError');
    await withOwnerDb('points', (db) => db.query(`update redemption set expires_at = now() - interval '1 minute' where id = $1`, [redeemed.id]));
    await job('redemption expiry').run();
    const read = (await gateway.gql<{ redemption: Record<string, any> }>(REDEMPTION, { id: redeemed.id }, a.auth)).data!.redemption;
    expect(read).toMatchObject({ status: 'EXPIRED', discountCode: redeemed.discountCode, refundEntryId: null });
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(0);
    const entries = await audit(a, { entityType: 'Redemption', entityId: redeemed.id }, 2);
    expect(entries.map((e) => e.action)).toContain('expired');
  });

  it('pages a customer\'s redemptions newest first', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 3);
    const rewardId = await createReward(gateway, a, { pointsCost: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await redeem(gateway, a.auth, { customerId: customer.id, rewardId })).id);
    type Page = { customer: { redemptions: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } } };
    const first = (await gateway.gql<Page>(CUSTOMER_REDEMPTIONS, { id: customer.id }, a.auth)).data!.customer.redemptions;
    expect(first.nodes.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await gateway.gql<Page>(CUSTOMER_REDEMPTIONS, { id: customer.id, after: first.pageInfo.endCursor }, a.auth)).data!.customer.redemptions;
    expect(next.nodes.map((n) => n.id)).toEqual([ids[0]]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });
});
