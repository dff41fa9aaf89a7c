import { beforeAll, describe, expect, it } from '@jest/globals';
import { RedemptionEntity } from '../../subgraphs/points/src/entities/redemption.entity.js';
import { RewardEntity } from '../../subgraphs/points/src/entities/reward.entity.js';
import points from '@loyalnest/points';
import { FieldCipher, Scope, ShopifyDiscounts, systemCaller } from '@loyalnest/kit';
import { LedgerService } from '../../subgraphs/points/src/services/ledger.service.js';
import { RedemptionSettlement } from '../../subgraphs/points/src/services/redemption-settlement.service.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { type FakeShopify } from './support/fake-shopify.js';
import { type TestGateway } from './support/gateway.js';
import { award, pointsOf } from './support/points.js';
import { installMerchant } from './support/install.js';
import { createReward, redeem, type Redeemed } from './support/rewards.js';
import { runtime, type TestMerchant } from './support/tenants.js';
import { adminCaller } from './support/tokens.js';
import { REDEMPTION, redemptionFixture } from './support/redemption-fixture.js';

describe('redeeming rewards when Shopify fails', () => {
  const fx = redemptionFixture();
  const { newCustomer, history, verify, codesAt, requestsForCode, codeOf, readRedemption, compensated, CREATE, job, audit } = fx;
  let fake: FakeShopify;
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  beforeAll(() => {
    ({ fake, gateway, a, b } = fx.world);
  });

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

  it('answers a replayed redemption whose first attempt failed with the same typed error, spending nothing again', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { names: { en: 'Five off' }, pointsCost: 60 });
    const idempotencyKey = 'replay-after-failure';
    // given: Shopify refuses the first attempt
    fake.failNext(a.shop, 403, 1, CREATE);
    const first = await redeem(gateway, a.auth, { customerId: customer.id, rewardId, idempotencyKey });
    expect(first).toMatchObject({ __typename: 'DiscountCreationFailedError', failure: 'SHOPIFY_REJECTED', pointsReturned: 60 });
    // The failure's compensation looks the code up in the background: only creates count here.
    const creates = () => fake.requestsFor(a.shop, '/graphql.json').filter((r) => r.operation === 'discountCodeBasicCreate').length;
    const asked = creates();
    // when: the client replays the same key (its first answer lost), Shopify healthy again
    const replayed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId, idempotencyKey });
    // then: the same error, not the FAILED redemption, and no second debit or code
    expect(replayed).toEqual(first);
    expect(creates()).toBe(asked);
    expect(await history(a, customer.id)).toEqual([
      ['REVERSE', 'REWARD', 60],
      ['REDEEM', 'REWARD', -60],
      ['ADJUST', 'ADMIN', 100],
    ]);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(100);
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

  it('gives up rechecking a failed redemption at a shop that refuses (401), after REDEMPTION_MAX_RECHECKS refusals, marking it abandoned once', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 25 });
    fake.failNext(a.shop, 502, 10, CREATE);
    const failed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    fake.failRequests(a.shop, null);
    expect(failed).toMatchObject({ __typename: 'DiscountCreationFailedError', pointsReturned: 25 });
    await compensated(a, failed.redemptionId);
    const code = await codeOf(a, failed.redemptionId);
    const state = async () =>
      (await withOwnerDb('points', (db) => db.query<{ recheck_refusals: number; recheck_abandoned_at: Date | null; rechecked_at: Date | null }>('select recheck_refusals, recheck_abandoned_at, rechecked_at from redemption where id = $1', [failed.redemptionId]))).rows[0];
    /** One pass of the job once the redemption is due again (each claim puts it off a timeout). */
    const recheckDue = async () => {
      await withOwnerDb('points', (db) => db.query(`update redemption set failed_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' where id = $1`, [failed.redemptionId]));
      await job('redemption recovery').run();
    };
    const max = gateway.config.kit.redemptions.maxRechecks;
    const lookups = () => requestsForCode(a, code).length;

    // given a shop that now refuses every call (its token revoked)
    fake.failRequests(a.shop, 401);
    try {
      // when the job comes to the redemption one time fewer than the limit, it asks each time
      const before = lookups();
      for (let i = 1; i < max; i++) await recheckDue();
      expect(await state()).toMatchObject({ recheck_refusals: max - 1, recheck_abandoned_at: null, rechecked_at: null });
      expect(lookups() - before).toBe(max - 1);

      // then the last refusal leaves it abandoned, and no later pass asks the shop again
      await recheckDue();
      const abandoned = await state();
      expect(abandoned).toMatchObject({ recheck_refusals: max, rechecked_at: null });
      expect(abandoned.recheck_abandoned_at).not.toBeNull();
      const shown = await gateway.gql<{ redemption: { status: string; recheckAbandonedAt: string | null } }>(
        `query($id: ID!) { redemption(id: $id) { status recheckAbandonedAt } }`,
        { id: failed.redemptionId },
        a.auth,
      );
      expect(shown.data!.redemption).toEqual({ status: 'FAILED', recheckAbandonedAt: abandoned.recheck_abandoned_at!.toISOString() });
      await recheckDue();
      await recheckDue();
      expect(lookups() - before).toBe(max);
      expect(await state()).toEqual(abandoned);
    } finally {
      fake.failRequests(a.shop, null);
    }
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(100);
  });

  it('stops the recovery job between two redemptions when its runtime closes; the rest are rechecked on the next pass', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 10 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      fake.failNext(a.shop, 502, 10, CREATE);
      const failed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
      fake.failRequests(a.shop, null);
      expect(failed).toMatchObject({ __typename: 'DiscountCreationFailedError' });
      await compensated(a, failed.redemptionId);
      ids.push(failed.redemptionId);
    }
    const codes = await Promise.all(ids.map((id) => codeOf(a, id)));
    const rechecked = async () =>
      (await withOwnerDb('points', (db) => db.query<{ id: string }>('select id from redemption where id = any($1) and rechecked_at is not null', [ids]))).rows.map((r) => r.id);
    const age = () => withOwnerDb('points', (db) => db.query(`update redemption set failed_at = now() - interval '1 hour', updated_at = now() - interval '1 hour' where id = any($1)`, [ids]));
    await age();

    // The first lookup hangs for one attempt, and the runtime closes (the signal aborts) meanwhile.
    fake.failNext(a.shop, 'timeout', 1, { operation: 'codeDiscountNodeByCode' });
    const seen = fake.requestsFor(a.shop, '/graphql.json').length;
    const lookups = () => fake.requestsFor(a.shop, '/graphql.json').slice(seen).filter((r) => r.operation === 'codeDiscountNodeByCode');
    const closing = new AbortController();
    const pass = points.jobs!(runtime(gateway, 'points')).find((j) => j.name === 'redemption recovery')!.run(closing.signal);
    await eventually(async () => lookups().length > 0, 10_000, 'the first recheck at Shopify');
    closing.abort();
    await pass;

    // The redemption in hand was finished; the two the pass had claimed and not reached were left.
    const first = await rechecked();
    expect(first).toHaveLength(1);
    const asked = new Set(lookups().map((r) => (r.body as { variables: { code: string } }).variables.code));
    expect(asked).toEqual(new Set([codes[ids.indexOf(first[0])]]));
    // Claimable again after the timeout, like the rows of a replica that died: the next pass takes them.
    await age();
    await job('redemption recovery').run();
    expect((await rechecked()).sort()).toEqual([...ids].sort());
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
});
