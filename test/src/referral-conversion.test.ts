import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, inRequestTransaction, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { ORDER_PAID, ORDER_RECORDED } from '../../subgraphs/customer/src/topics.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { consumeOrderEvent, emailHash, merchantWithProgram, orderEvents, orderId, placePaidOrder, REFERRAL_HOLD_ENV, referralEvents, referralRow, seedReferral, type TestOrder } from './support/referral-seed.js';
import { runtime, shopifyId, type TestMerchant } from './support/tenants.js';
import { deliver, paidOrder } from './support/tier-members.js';

const DAY_MS = 86_400_000;

describe('referral conversion: the friend\'s first qualifying order', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  const merchantWith = (settings: Record<string, unknown> = {}) => merchantWithProgram(gateway, settings);

  const friendOrder = (customerId = randomUUID(), extra: Partial<TestOrder> = {}): TestOrder => ({ orderId: orderId(), customerId, ...extra });

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', REFERRAL_HOLD_ENV);
    [a, b] = await Promise.all([merchantWith({ minimumOrderValue: '50.00' }), merchantWith({ minimumOrderValue: '50.00' })]);
  });
  afterAll(() => gateway.stop());

  it('converts on the paid order that carries the friend\'s discount code, in any letter case, and learns the friend\'s customer', async () => {
    const referral = await seedReferral(gateway, a);
    const order = friendOrder(randomUUID(), { discountCodes: [referral.discountCode.toLowerCase()], subtotalMinor: 5500 });

    await consumeOrderEvent(gateway, a, 'order.recorded', orderEvents.recorded(order));
    expect((await referralRow(a, referral.id)).status).toBe('CLAIMED');
    const paidAt = new Date();
    await consumeOrderEvent(gateway, a, 'order.paid', orderEvents.paid(order), paidAt);

    const row = await referralRow(a, referral.id);
    expect(row).toMatchObject({ status: 'PENDING', order_id: order.orderId, order_total_minor: '5500', friend_customer_id: order.customerId });
    expect(row.converted_at?.getTime()).toBe(paidAt.getTime());
    expect(row.hold_until!.getTime() - row.converted_at!.getTime()).toBe(14 * DAY_MS);
    expect(row.fraud).toEqual({ verdict: 'CLEAN', reasons: [] });
  });

  it('converts on the friend\'s customer id when the order has no code', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    await placePaidOrder(gateway, a, friendOrder(friend));
    expect((await referralRow(a, referral.id)).status).toBe('PENDING');
  });

  it('converts on the order\'s email fingerprint for a friend who claimed as a guest', async () => {
    const referral = await seedReferral(gateway, a, { friendEmail: 'guest.friend@example.com' });
    const order = friendOrder(randomUUID(), { fingerprints: { email: emailHash(gateway, 'Guest.Friend@Example.com') } });
    await placePaidOrder(gateway, a, order);
    expect(await referralRow(a, referral.id)).toMatchObject({ status: 'PENDING', order_id: order.orderId, friend_customer_id: order.customerId });
  });

  it('counts an order recorded already paid without waiting for order.paid', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    await consumeOrderEvent(gateway, a, 'order.recorded', orderEvents.recorded(friendOrder(friend, { financialStatus: 'paid' })));
    expect((await referralRow(a, referral.id)).status).toBe('PENDING');
  });

  it('under the order_fulfilled rule, waits for order.fulfilled and converts at its time', async () => {
    const merchant = await merchantWith({ conversionRule: 'ORDER_FULFILLED' });
    const friend = randomUUID();
    const referral = await seedReferral(gateway, merchant, { friendCustomerId: friend });
    const order = friendOrder(friend);
    await placePaidOrder(gateway, merchant, order);
    expect((await referralRow(merchant, referral.id)).status).toBe('CLAIMED');

    const fulfilledAt = new Date(Date.now() - 60_000);
    await consumeOrderEvent(gateway, merchant, 'order.fulfilled', orderEvents.fulfilled(order, fulfilledAt));
    const row = await referralRow(merchant, referral.id);
    expect(row.status).toBe('PENDING');
    expect(row.converted_at?.getTime()).toBe(fulfilledAt.getTime());
  });

  it('does not convert below the minimum after discounts (the subtotal, not the total), and converts at exactly the minimum', async () => {
    const [below, exact] = [randomUUID(), randomUUID()];
    const low = await seedReferral(gateway, a, { friendCustomerId: below });
    const enough = await seedReferral(gateway, a, { friendCustomerId: exact });
    await placePaidOrder(gateway, a, friendOrder(below, { totalMinor: 6500, subtotalMinor: 4999 }));
    await placePaidOrder(gateway, a, friendOrder(exact, { totalMinor: 5000, subtotalMinor: 5000 }));
    expect((await referralRow(a, low.id)).status).toBe('CLAIMED');
    expect((await referralRow(a, enough.id)).status).toBe('PENDING');
  });

  it('takes the total when the order event has no subtotal', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    await placePaidOrder(gateway, a, friendOrder(friend, { totalMinor: 5200, subtotalMinor: null }));
    expect(await referralRow(a, referral.id)).toMatchObject({ status: 'PENDING', order_total_minor: '5200' });
  });

  it('what if the friend\'s first order is below the minimum and the second above? The second converts', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    await placePaidOrder(gateway, a, friendOrder(friend, { subtotalMinor: 1000, placedAt: new Date(Date.now() - 60_000) }));
    expect((await referralRow(a, referral.id)).status).toBe('CLAIMED');
    const second = friendOrder(friend, { subtotalMinor: 5000 });
    await placePaidOrder(gateway, a, second);
    expect(await referralRow(a, referral.id)).toMatchObject({ status: 'PENDING', order_id: second.orderId, order_total_minor: '5000', minimum_order_minor: '5000' });
    // once converted, a later order changes nothing
    await placePaidOrder(gateway, a, friendOrder(friend, { subtotalMinor: 9000 }));
    expect((await referralRow(a, referral.id)).order_id).toBe(second.orderId);
  });

  it('under the order_fulfilled rule, an earlier order never fulfilled does not stop a later fulfilled one from converting', async () => {
    const merchant = await merchantWith({ conversionRule: 'ORDER_FULFILLED' });
    const friend = randomUUID();
    const referral = await seedReferral(gateway, merchant, { friendCustomerId: friend });
    await placePaidOrder(gateway, merchant, friendOrder(friend, { placedAt: new Date(Date.now() - 60_000) }));
    const later = friendOrder(friend);
    await placePaidOrder(gateway, merchant, later);
    await consumeOrderEvent(gateway, merchant, 'order.fulfilled', orderEvents.fulfilled(later));
    expect(await referralRow(merchant, referral.id)).toMatchObject({ status: 'PENDING', order_id: later.orderId });
  });

  it('what if an order placed before the claim is paid after it? It does not convert', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend, claimedAt: new Date(Date.now() - 3_600_000) });
    const order = friendOrder(friend, { placedAt: new Date(Date.now() - 7_200_000), fingerprints: { email: emailHash(gateway, referral.friendEmail) } });
    await consumeOrderEvent(gateway, a, 'order.recorded', orderEvents.recorded(order));
    await consumeOrderEvent(gateway, a, 'order.paid', orderEvents.paid(order));
    expect(await referralRow(a, referral.id)).toMatchObject({ status: 'CLAIMED', order_id: null });
  });

  it('does not convert a claim whose discount code Shopify has not issued yet (ISSUING), by code, customer or email', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend, discountStatus: 'ISSUING' });
    await placePaidOrder(gateway, a, friendOrder(friend, { discountCodes: [referral.discountCode], fingerprints: { email: emailHash(gateway, referral.friendEmail) } }));
    expect(await referralRow(a, referral.id)).toMatchObject({ status: 'CLAIMED', order_id: null });
  });

  it('what if the refund arrives before the order? It counts, once, and the order below the minimum converts nothing', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    const order = friendOrder(friend, { subtotalMinor: 6000 });
    await consumeOrderEvent(gateway, a, 'order.refunded', orderEvents.refunded(order, '91', 2000));
    await consumeOrderEvent(gateway, a, 'order.refunded', orderEvents.refunded(order, '91', 2000));
    await placePaidOrder(gateway, a, order);

    const { rows } = await withOwnerDb('referral', (db) => db.query('select refunded_minor, refund_ids, placed_at from referral_order where merchant_id = $1 and order_id = $2', [a.id, order.orderId]));
    expect(rows[0]).toMatchObject({ refunded_minor: '2000', refund_ids: ['91'] });
    expect(rows[0].placed_at).not.toBeNull();
    expect((await referralRow(a, referral.id)).status).toBe('CLAIMED');
  });

  it('what if the cancel comes first? The cancelled order never converts', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    const order = friendOrder(friend);
    await consumeOrderEvent(gateway, a, 'order.cancelled', orderEvents.cancelled(order));
    await placePaidOrder(gateway, a, order);
    expect((await referralRow(a, referral.id)).status).toBe('CLAIMED');
    expect(await referralEvents(a, 'referral.voided', referral.id)).toEqual([]);
  });

  it('what if every event of the order comes twice, the payment first? One conversion, the same facts', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    const order = friendOrder(friend, { subtotalMinor: 8000 });
    await consumeOrderEvent(gateway, a, 'order.paid', orderEvents.paid(order));
    await consumeOrderEvent(gateway, a, 'order.refunded', orderEvents.refunded(order, '77', 1000));
    await consumeOrderEvent(gateway, a, 'order.recorded', orderEvents.recorded(order));
    const first = await referralRow(a, referral.id);
    await consumeOrderEvent(gateway, a, 'order.paid', orderEvents.paid(order));
    await consumeOrderEvent(gateway, a, 'order.recorded', orderEvents.recorded(order));
    await consumeOrderEvent(gateway, a, 'order.refunded', orderEvents.refunded(order, '77', 1000));

    const again = await referralRow(a, referral.id);
    expect(first.status).toBe('PENDING');
    expect(again).toEqual(first);
    const { rows } = await withOwnerDb('referral', (db) => db.query('select count(*)::int as n from referral where merchant_id = $1 and order_id = $2', [a.id, order.orderId]));
    expect(rows[0].n).toBe(1);
  });

  it('records the order\'s browser IP as its customer\'s activity, at the time it was placed', async () => {
    const customer = randomUUID();
    const placedAt = new Date('2026-11-30T09:00:00Z');
    await consumeOrderEvent(gateway, a, 'order.recorded', orderEvents.recorded(friendOrder(customer, { placedAt, fingerprints: { browserIp: 'ip-hash-1' } })));
    await consumeOrderEvent(gateway, a, 'order.recorded', orderEvents.recorded(friendOrder(customer, { placedAt: new Date('2026-11-01T09:00:00Z'), fingerprints: { browserIp: 'ip-hash-1' } })));
    // an older event without fingerprints records nothing
    const older = orderEvents.recorded(friendOrder(customer)) as Record<string, unknown>;
    delete older.fingerprints;
    await consumeOrderEvent(gateway, a, 'order.recorded', older);
    const { rows } = await withOwnerDb('referral', (db) => db.query('select ip_hash, last_seen_at from referral_activity where merchant_id = $1 and customer_id = $2', [a.id, customer]));
    expect(rows).toEqual([{ ip_hash: 'ip-hash-1', last_seen_at: placedAt }]);
  });

  it('keeps tenants apart: B\'s orders never convert A\'s referrals, even naming A\'s code and friend', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    await placePaidOrder(gateway, b, friendOrder(friend, { discountCodes: [referral.discountCode], fingerprints: { email: emailHash(gateway, referral.friendEmail) } }));
    expect((await referralRow(a, referral.id)).status).toBe('CLAIMED');
    const { rows } = await withOwnerDb('referral', (db) => db.query('select count(*)::int as n from referral_order where merchant_id = $1 and customer_id = $2', [a.id, friend]));
    expect(rows[0].n).toBe(0);
  });

  it('converts from a real orders/paid webhook carrying the friend\'s code, end to end through the customer domain', async () => {
    const referral = await seedReferral(gateway, a);
    const shopifyOrderId = shopifyId();
    const body = { ...paidOrder(shopifyOrderId, shopifyId(), '64.00'), subtotal_price: '55.00', discount_codes: [{ code: referral.discountCode, amount: '5.00', type: 'fixed_amount' }] };
    await deliver(gateway, a, 'orders/paid', body);

    const row = await eventually(async () => {
      const found = await referralRow(a, referral.id);
      return found.status === 'PENDING' ? found : undefined;
    }, 30_000, 'the webhook\'s order converting the referral');
    expect(row).toMatchObject({ order_id: shopifyOrderId, order_total_minor: '5500' });
    expect(row.friend_customer_id).not.toBeNull();
  });

  it('converts from the customer domain\'s events as the relay delivers them', async () => {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, a, { friendCustomerId: friend });
    const order = friendOrder(friend);
    const customer = runtime(gateway, 'customer');
    const ctx = customer.createContext(systemCaller(ADMIN_SCOPES, a.id));
    await inRequestTransaction(ctx, async () => {
      ctx.emit(ORDER_RECORDED, orderEvents.recorded(order));
      ctx.emit(ORDER_PAID, orderEvents.paid(order));
    });
    await eventually(async () => (await referralRow(a, referral.id)).status === 'PENDING', 20_000, 'the relayed order converting the referral');
  });
});
