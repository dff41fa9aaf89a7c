import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { consumeOrderEvent, merchantWithProgram, orderEvents, orderId, placePaidOrder, REFERRAL_HOLD_ENV, referralEvents, referralRow, runHoldJob, seedReferral, setHoldUntil, type TestOrder } from './support/referral-seed.js';
import { PROGRAM_ON, updateReferralProgram } from './support/referrals.js';
import type { TestMerchant } from './support/tenants.js';

describe('referral hold window: completion and voiding', () => {
  let gateway: TestGateway;

  const merchantWith = (settings: Record<string, unknown> = {}) => merchantWithProgram(gateway, { minimumOrderValue: '50.00', ...settings });

  /** A seeded claim converted by a paid order of 60.00 (subtotal), PENDING. */
  async function pending(merchant: TestMerchant, advocateId = randomUUID()): Promise<{ id: string; order: TestOrder; advocateId: string }> {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, merchant, { friendCustomerId: friend, advocateId });
    const order: TestOrder = { orderId: orderId(), customerId: friend, totalMinor: 6500, subtotalMinor: 6000 };
    await placePaidOrder(gateway, merchant, order);
    const row = await referralRow(merchant, referral.id);
    if (row.status !== 'PENDING') throw new Error(`not converted: ${row.status}`);
    return { id: referral.id, order, advocateId };
  }

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', REFERRAL_HOLD_ENV);
  });
  afterAll(() => gateway.stop());

  it('completes once the hold is over: points as the program says, referral.completed emitted once over two runs', async () => {
    const merchant = await merchantWith({ holdDays: 0 });
    const { id, order, advocateId } = await pending(merchant);

    const run = await runHoldJob(gateway);
    await runHoldJob(gateway);

    expect(run.completed).toBeGreaterThanOrEqual(1);
    const row = await referralRow(merchant, id);
    expect(row).toMatchObject({ status: 'COMPLETED', points_awarded: 500 });
    expect(row.completed_at).not.toBeNull();
    const completed = await referralEvents(merchant, 'referral.completed', id);
    expect(completed).toEqual([
      { referralId: id, advocateId, friendCustomerId: order.customerId, points: 500, orderId: order.orderId, orderTotalMinor: 6000, currency: 'EUR', completedAt: row.completed_at!.toISOString() },
    ]);
  });

  it('waits while the hold lasts', async () => {
    const merchant = await merchantWith({ holdDays: 14 });
    const { id } = await pending(merchant);
    await runHoldJob(gateway);
    expect((await referralRow(merchant, id)).status).toBe('PENDING');
    expect(await referralEvents(merchant, 'referral.completed', id)).toEqual([]);
  });

  it('what if two workers run the hold job at once? Each referral completes once', async () => {
    const merchant = await merchantWith({ holdDays: 0 });
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await pending(merchant)).id);

    await Promise.all([runHoldJob(gateway), runHoldJob(gateway), runHoldJob(gateway)]);

    for (const id of ids) {
      expect((await referralRow(merchant, id)).status).toBe('COMPLETED');
      expect(await referralEvents(merchant, 'referral.completed', id)).toHaveLength(1);
    }
  });

  it('pays the advocate points the program has when the referral completes', async () => {
    const merchant = await merchantWith({ holdDays: 14 });
    const { id } = await pending(merchant);
    await updateReferralProgram(gateway, merchant.auth, { ...PROGRAM_ON, advocatePoints: 750, minimumOrderValue: '50.00' });
    await setHoldUntil(merchant, id, new Date(Date.now() - 1000));
    await runHoldJob(gateway);
    expect(await referralRow(merchant, id)).toMatchObject({ status: 'COMPLETED', points_awarded: 750 });
  });

  it('voids on a refund inside the hold that takes the order below the minimum, and keeps one that does not', async () => {
    const merchant = await merchantWith();
    const below = await pending(merchant);
    const above = await pending(merchant);

    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(above.order, '501', 1000));
    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(below.order, '502', 1000));
    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(below.order, '503', 1));

    expect((await referralRow(merchant, above.id)).status).toBe('PENDING');
    expect(await referralRow(merchant, below.id)).toMatchObject({ status: 'VOIDED', void_reason: 'REFUNDED_BELOW_MINIMUM' });
    expect(await referralEvents(merchant, 'referral.voided', below.id)).toEqual([
      { referralId: below.id, advocateId: below.advocateId, friendCustomerId: below.order.customerId, status: 'VOIDED', reason: 'REFUNDED_BELOW_MINIMUM' },
    ]);
    // a voided referral is final: the hold job never pays it, and a redelivered refund changes nothing
    await setHoldUntil(merchant, below.id, new Date(Date.now() - 1000));
    await runHoldJob(gateway);
    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(below.order, '503', 1));
    expect((await referralRow(merchant, below.id)).status).toBe('VOIDED');
    expect(await referralEvents(merchant, 'referral.voided', below.id)).toHaveLength(1);
    expect(await referralEvents(merchant, 'referral.completed', below.id)).toEqual([]);
  });

  it('what if the merchant raises the minimum while a referral is held? It is judged by the minimum it converted under', async () => {
    // given a 30.00 order converted under a 20.00 minimum
    const merchant = await merchantWith({ minimumOrderValue: '20.00' });
    const friend = randomUUID();
    const referral = await seedReferral(gateway, merchant, { friendCustomerId: friend });
    const order: TestOrder = { orderId: orderId(), customerId: friend, totalMinor: 3500, subtotalMinor: 3000 };
    await placePaidOrder(gateway, merchant, order);
    expect(await referralRow(merchant, referral.id)).toMatchObject({ status: 'PENDING', minimum_order_minor: '2000' });

    // when the merchant raises the minimum to 50.00, then the order is fulfilled and partly refunded inside the hold
    await updateReferralProgram(gateway, merchant.auth, { ...PROGRAM_ON, minimumOrderValue: '50.00' });
    await consumeOrderEvent(gateway, merchant, 'order.fulfilled', orderEvents.fulfilled(order));
    expect((await referralRow(merchant, referral.id)).status).toBe('PENDING');
    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(order, '551', 500));
    expect((await referralRow(merchant, referral.id)).status).toBe('PENDING');
    expect(await referralEvents(merchant, 'referral.voided', referral.id)).toEqual([]);

    // then a refund below the old minimum voids it
    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(order, '552', 600));
    expect(await referralRow(merchant, referral.id)).toMatchObject({ status: 'VOIDED', void_reason: 'REFUNDED_BELOW_MINIMUM' });
  });

  it('without a minimum, a partial refund keeps the referral and a full refund voids it', async () => {
    const merchant = await merchantWith({ minimumOrderValue: null });
    const kept = await pending(merchant);
    const refunded = await pending(merchant);
    expect((await referralRow(merchant, kept.id)).minimum_order_minor).toBeNull();
    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(kept.order, '561', 5999));
    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(refunded.order, '562', 6000));
    expect((await referralRow(merchant, kept.id)).status).toBe('PENDING');
    expect(await referralRow(merchant, refunded.id)).toMatchObject({ status: 'VOIDED', void_reason: 'REFUNDED_BELOW_MINIMUM' });
  });

  it('voids on a cancellation inside the hold', async () => {
    const merchant = await merchantWith();
    const { id, order } = await pending(merchant);
    await consumeOrderEvent(gateway, merchant, 'order.cancelled', orderEvents.cancelled(order));
    expect(await referralRow(merchant, id)).toMatchObject({ status: 'VOIDED', void_reason: 'ORDER_CANCELLED' });
  });

  it('does not void for a refund dated after the hold, even before the job ran; it then completes', async () => {
    const merchant = await merchantWith();
    const { id, order } = await pending(merchant);
    const holdEnd = new Date(Date.now() - 60_000);
    await setHoldUntil(merchant, id, holdEnd);
    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(order, '601', 6000, new Date()));
    expect((await referralRow(merchant, id)).status).toBe('PENDING');
    await runHoldJob(gateway);
    expect((await referralRow(merchant, id)).status).toBe('COMPLETED');
  });

  it('changes nothing after completion: a refund or cancellation claws back no points', async () => {
    const merchant = await merchantWith({ holdDays: 0 });
    const { id, order } = await pending(merchant);
    await runHoldJob(gateway);
    const completed = await referralRow(merchant, id);

    await consumeOrderEvent(gateway, merchant, 'order.refunded', orderEvents.refunded(order, '701', 6000));
    await consumeOrderEvent(gateway, merchant, 'order.cancelled', orderEvents.cancelled(order));

    expect(await referralRow(merchant, id)).toEqual(completed);
    expect(await referralEvents(merchant, 'referral.voided', id)).toEqual([]);
  });

  it('counts the cap again at completion: over it, the referral is BLOCKED with ADVOCATE_OVER_CAP instead of paid', async () => {
    const merchant = await merchantWith({ holdDays: 0, monthlyCap: 1 });
    const advocateId = randomUUID();
    const { id } = await pending(merchant, advocateId);
    // another referral of the advocate completed since this one converted
    const other = await seedReferral(gateway, merchant, { advocateId, friendCustomerId: randomUUID() });
    await withOwnerDb('referral', (db) =>
      db.query("update referral set status = 'COMPLETED', order_id = $3, converted_at = now(), hold_until = now(), completed_at = now(), points_awarded = 500 where merchant_id = $1 and id = $2", [merchant.id, other.id, orderId()]),
    );

    await runHoldJob(gateway);

    const row = await referralRow(merchant, id);
    expect(row.status).toBe('BLOCKED');
    expect(row.fraud.verdict).toBe('BLOCKED');
    expect(row.fraud.reasons).toEqual([expect.objectContaining({ reason: 'ADVOCATE_OVER_CAP', action: 'BLOCK', stage: 'CONVERSION' })]);
    expect(await referralEvents(merchant, 'referral.completed', id)).toEqual([]);
    expect(await referralEvents(merchant, 'referral.blocked', id)).toEqual([expect.objectContaining({ stage: 'CONVERSION', reasons: ['ADVOCATE_OVER_CAP'] })]);
  });

  it('voids a referral blocked at the conversion when its order is cancelled inside the hold', async () => {
    const merchant = await merchantWith();
    const advocateId = randomUUID();
    const referral = await seedReferral(gateway, merchant, { advocateId });
    const order: TestOrder = { orderId: orderId(), customerId: advocateId, discountCodes: [referral.discountCode], subtotalMinor: 6000 };
    await placePaidOrder(gateway, merchant, order);
    expect((await referralRow(merchant, referral.id)).status).toBe('BLOCKED');

    await consumeOrderEvent(gateway, merchant, 'order.cancelled', orderEvents.cancelled(order));
    expect(await referralRow(merchant, referral.id)).toMatchObject({ status: 'VOIDED', void_reason: 'ORDER_CANCELLED' });
  });

  it('what if one merchant\'s completion fails? The others complete, and it completes on a later pass', async () => {
    const [failing, healthy] = await Promise.all([merchantWith({ holdDays: 0 }), merchantWith({ holdDays: 0 })]);
    const stuck = await pending(failing);
    const fine = await pending(healthy);
    const trigger = `referral_fail_${failing.id.replace(/-/g, '').slice(0, 12)}`;
    await withOwnerDb('referral', async (db) => {
      await db.query(`create function ${trigger}() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`);
      await db.query(`create trigger ${trigger} before update on referral for each row when (new.merchant_id = '${failing.id}' and new.status = 'COMPLETED') execute function ${trigger}()`);
    });
    try {
      const run = await runHoldJob(gateway);
      expect(run.failed).toBeGreaterThanOrEqual(1);
      expect((await referralRow(healthy, fine.id)).status).toBe('COMPLETED');
      expect((await referralRow(failing, stuck.id)).status).toBe('PENDING');
      expect(await referralEvents(failing, 'referral.completed', stuck.id)).toEqual([]);
    } finally {
      await withOwnerDb('referral', async (db) => {
        await db.query(`drop trigger if exists ${trigger} on referral`);
        await db.query(`drop function if exists ${trigger}()`);
      });
    }
    await runHoldJob(gateway);
    expect((await referralRow(failing, stuck.id)).status).toBe('COMPLETED');
    expect(await referralEvents(failing, 'referral.completed', stuck.id)).toHaveLength(1);
  });

  it('keeps tenants apart: completing one merchant\'s due referrals leaves another\'s hold alone', async () => {
    const [early, late] = await Promise.all([merchantWith({ holdDays: 0 }), merchantWith({ holdDays: 30 })]);
    const done = await pending(early);
    const waiting = await pending(late);
    await runHoldJob(gateway);
    expect((await referralRow(early, done.id)).status).toBe('COMPLETED');
    expect((await referralRow(late, waiting.id)).status).toBe('PENDING');
  });
});
