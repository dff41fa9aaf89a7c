import { beforeAll, describe, expect, it } from '@jest/globals';
import { withOwnerDb } from './support/db.js';
import { type FakeShopify } from './support/fake-shopify.js';
import { type TestGateway } from './support/gateway.js';
import { award, pointsOf, shopperAuth } from './support/points.js';
import { deliverWebhook, orderBody, pointsWhen } from './support/points-jobs.js';
import { REDEMPTION, redemptionFixture } from './support/redemption-fixture.js';
import { createReward, redeem } from './support/rewards.js';
import { shopifyId, type TestMerchant } from './support/tenants.js';

/** What becomes of an issued redemption: it expires, an order uses its code, or the merchant cancels it. */
const USED = `query($id: ID!) { redemption(id: $id) { id status discountCode usedAt usedOrderId } }`;
const VERIFY_LIFETIME = `query { verifyLedger { ok mismatches { customerId lifetimeEarned expectedLifetimeEarned } } }`;
const CANCEL = `mutation($input: CancelRedemptionInput!) {
  cancelRedemption(input: $input) {
    __typename
    ... on Redemption { id status cancelledAt refundEntryId }
    ... on ErrorResult { code message }
    ... on RedemptionNotFoundError { redemptionId }
    ... on RedemptionNotCancellableError { status }
    ... on DiscountDeactivationFailedError { redemptionId failure }
  }
}`;

describe('an issued redemption', () => {
  const fx = redemptionFixture();
  const { newCustomer, history, verify, codesAt, job, audit } = fx;
  let fake: FakeShopify;
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  beforeAll(() => {
    ({ fake, gateway, a, b } = fx.world);
  });

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

  it('marks a redemption USED when an order uses its code: once for repeated deliveries, expired ones too, never from another merchant\'s order', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 40 });
    const issued = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    const lapsed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    expect([issued.status, lapsed.status]).toEqual(['ISSUED', 'ISSUED']);
    // Expired by the job after the order was placed, before its webhook arrived.
    await withOwnerDb('points', (db) => db.query(`update redemption set expires_at = now() - interval '1 minute' where id = $1`, [lapsed.id]));
    await job('redemption expiry').run();
    const read = async (id: string) => (await gateway.gql<{ redemption: Record<string, any> }>(USED, { id }, a.auth)).data!.redemption;
    expect((await read(lapsed.id)).status).toBe('EXPIRED');
    const usedBy = (code: string, orderId = shopifyId(), buyer = customer.shopifyId) => ({
      ...orderBody(orderId, buyer, '30.00'),
      discount_codes: [{ code, amount: '5.00', type: 'fixed_amount' }, { code: 'SUMMER10', amount: '3.00', type: 'percentage' }],
    });

    // Merchant B's order naming A's code (codes are per shop) leaves A's redemption as it was.
    await deliverWebhook(gateway, b, 'orders/paid', usedBy(issued.discountCode, shopifyId(), shopifyId()));
    expect(await read(issued.id)).toMatchObject({ status: 'ISSUED', usedAt: null, usedOrderId: null });

    // A's order, with the code in lower case (Shopify matches codes without case), created then paid.
    const orderId = shopifyId();
    await deliverWebhook(gateway, a, 'orders/create', usedBy(issued.discountCode.toLowerCase(), orderId));
    const used = await read(issued.id);
    expect(used).toMatchObject({ status: 'USED', usedOrderId: orderId, usedAt: expect.any(String), discountCode: issued.discountCode });
    await deliverWebhook(gateway, a, 'orders/paid', usedBy(issued.discountCode, orderId));
    expect(await read(issued.id)).toEqual(used);
    await deliverWebhook(gateway, a, 'orders/paid', usedBy(lapsed.discountCode));
    expect(await read(lapsed.id)).toMatchObject({ status: 'USED', usedAt: expect.any(String) });

    const entries = await audit(a, { entityType: 'Redemption', entityId: issued.id }, 1, (e) => e.action === 'used');
    expect(entries).toHaveLength(1);
    // 100 − 2 × 40 spent, then 30 for each paid order (the created one earns nothing by default).
    await pointsWhen(gateway, a, customer.id, (p) => p.balance === 20 + 30 + 30, 'both orders earned');
    expect(await verify(a)).toBe(true);
  });

  it('cancels an issued redemption for an admin: the code deleted in Shopify first, then the points back; nothing changes when Shopify fails or the id is another merchant\'s', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 60, usageLimit: 1 });
    const issued = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    expect(issued.status).toBe('ISSUED');
    const cancel = (auth: Record<string, string>, redemptionId: string) =>
      gateway.gql<{ cancelRedemption: Record<string, any> }>(CANCEL, { input: { redemptionId, reason: 'Shopper changed their mind' } }, auth);

    // Shopify down: the code still works, so the points stay spent.
    fake.failNext(a.shop, 502, 50, { operation: 'codeDiscountNodeByCode' });
    const down = (await cancel(a.auth, issued.id)).data!.cancelRedemption;
    fake.failRequests(a.shop, null);
    expect(down).toMatchObject({ __typename: 'DiscountDeactivationFailedError', code: 'DISCOUNT_DEACTIVATION_FAILED', failure: 'SHOPIFY_UNAVAILABLE', redemptionId: issued.id });
    expect(codesAt(a)).toContain(issued.discountCode);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(40);

    // Another merchant's admin and a shopper cannot cancel it.
    expect((await cancel(b.auth, issued.id)).data!.cancelRedemption).toMatchObject({ __typename: 'RedemptionNotFoundError', code: 'REDEMPTION_NOT_FOUND' });
    const shopper = await cancel(await shopperAuth(gateway, a, customer.id), issued.id);
    expect(shopper.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await cancel(a.auth, 'not-an-id')).data!.cancelRedemption).toMatchObject({ __typename: 'RedemptionNotFoundError', redemptionId: 'not-an-id' });
    const tooLong = await gateway.gql(CANCEL, { input: { redemptionId: issued.id, reason: 'x'.repeat(256) } }, a.auth);
    expect(tooLong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('reason') });
    expect(codesAt(a)).toContain(issued.discountCode);

    const cancelled = (await cancel(a.auth, issued.id)).data!.cancelRedemption;
    expect(cancelled).toMatchObject({ __typename: 'Redemption', id: issued.id, status: 'CANCELLED', cancelledAt: expect.any(String), refundEntryId: expect.any(String) });
    expect(codesAt(a)).not.toContain(issued.discountCode);
    expect(fake.deletedDiscounts(a.shop).filter((d) => d.code === issued.discountCode)).toHaveLength(1);
    // Once: a repeat answers the cancelled redemption and gives nothing more back.
    expect((await cancel(a.auth, issued.id)).data!.cancelRedemption).toMatchObject({ status: 'CANCELLED', refundEntryId: cancelled.refundEntryId });
    expect(await history(a, customer.id)).toEqual([
      ['REVERSE', 'REWARD', 60],
      ['REDEEM', 'REWARD', -60],
      ['ADJUST', 'ADMIN', 100],
    ]);
    // The usage slot is free again, and a spent code cannot be cancelled.
    const again = await redeem(gateway, a.auth, { customerId: customer.id, rewardId });
    expect(again.status).toBe('ISSUED');
    await deliverWebhook(gateway, a, 'orders/paid', { ...orderBody(shopifyId(), customer.shopifyId, '10.00'), discount_codes: [{ code: again.discountCode, amount: '5.00', type: 'fixed_amount' }] });
    expect((await cancel(a.auth, again.id)).data!.cancelRedemption).toMatchObject({ __typename: 'RedemptionNotCancellableError', code: 'REDEMPTION_NOT_CANCELLABLE', status: 'USED' });
    // An order that had used the cancelled code, reported only now: it is USED, and the points go
    // again as far as the balance has them (100 − 60 + 60 − 60, plus 10 for the paid order).
    await pointsWhen(gateway, a, customer.id, (p) => p.balance === 50, 'the paid order earned');
    const lateOrder = shopifyId();
    await deliverWebhook(gateway, a, 'orders/create', { ...orderBody(lateOrder, customer.shopifyId, '10.00'), discount_codes: [{ code: issued.discountCode, amount: '5.00', type: 'fixed_amount' }] });
    const late = (await gateway.gql<{ redemption: Record<string, any> }>(USED, { id: issued.id }, a.auth)).data!.redemption;
    expect(late).toMatchObject({ status: 'USED', usedOrderId: lateOrder });
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(0);
    expect((await history(a, customer.id))[0]).toEqual(['REVERSE', 'REWARD', -50]);
    // A code past its expiry is not cancellable even before the expiry job has marked it.
    await award(gateway, a, customer.id, 60);
    const lapsing = await redeem(gateway, a.auth, { customerId: customer.id, rewardId: await createReward(gateway, a, { pointsCost: 60, codeValidityDays: 1 }) });
    await withOwnerDb('points', (db) => db.query(`update redemption set expires_at = now() - interval '1 minute' where id = $1`, [lapsing.id]));
    expect((await cancel(a.auth, lapsing.id)).data!.cancelRedemption).toMatchObject({ __typename: 'RedemptionNotCancellableError', status: 'EXPIRED' });
    expect(codesAt(a)).toContain(lapsing.discountCode);
    const entries = await audit(a, { entityType: 'Redemption', entityId: issued.id }, 1, (e) => e.action === 'cancelled');
    expect(entries).toHaveLength(1);
    expect(await verify(a)).toBe(true);
  });

  it('takes a cancelled redemption\'s give-back again for a late order without lowering lifetime earned, which verifyLedger recomputes on its own', async () => {
    // given 100 points earned by an order, 60 of them spent on a code, the redemption cancelled (60 back)
    const customer = await newCustomer(a);
    await deliverWebhook(gateway, a, 'orders/paid', orderBody(shopifyId(), customer.shopifyId, '100.00'));
    const issued = await redeem(gateway, a.auth, { customerId: customer.id, rewardId: await createReward(gateway, a, { pointsCost: 60 }) });
    const cancelled = await gateway.gql<{ cancelRedemption: Record<string, any> }>(CANCEL, { input: { redemptionId: issued.id, reason: null } }, a.auth);
    expect(cancelled.data!.cancelRedemption).toMatchObject({ status: 'CANCELLED' });

    // when an order that had used the code is reported after the cancellation (no points of its own: created, not paid)
    await deliverWebhook(gateway, a, 'orders/create', { ...orderBody(shopifyId(), customer.shopifyId, '10.00'), discount_codes: [{ code: issued.discountCode, amount: '5.00', type: 'fixed_amount' }] });

    // then the give-back is taken again, and lifetime earned is still the 100 the order earned
    const account = await pointsOf(gateway, a, customer.id);
    expect(account).toMatchObject({ balance: 40, lifetimeEarned: 100 });
    expect(await history(a, customer.id)).toEqual([
      ['REVERSE', 'REWARD', -60],
      ['REVERSE', 'REWARD', 60],
      ['REDEEM', 'REWARD', -60],
      ['EARN', 'ORDER', 100],
    ]);
    expect(await verify(a)).toBe(true);

    // and verifyLedger, recomputing lifetime from what each entry reverses, catches the 40 the old rule left
    const setLifetime = (value: number) => withOwnerDb('points', (db) => db.query('update points_account set lifetime_earned = $2 where customer_id = $1', [customer.id, value]));
    await setLifetime(40);
    try {
      const verified = await gateway.gql<{ verifyLedger: { ok: boolean; mismatches: Record<string, unknown>[] } }>(VERIFY_LIFETIME, {}, a.auth);
      expect(verified.data!.verifyLedger).toEqual({ ok: false, mismatches: [{ customerId: customer.id, lifetimeEarned: 40, expectedLifetimeEarned: 100 }] });
    } finally {
      await setLifetime(100);
    }
    expect(await verify(a)).toBe(true);
  });
});
