import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { consumeOrderEvent, emailHash, merchantWithProgram, orderEvents, orderId, placePaidOrder, REFERRAL_HOLD_ENV, referralEvents, referralRow, seedReferral, type TestOrder } from './support/referral-seed.js';
import { shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

type Finding = { reason: string; action: string; stage: string; explanation: string };

/** Each conversion-stage fraud check blocks (or flags) with its reason, and a clean referral beside it converts. */
describe.each<Mode>(['embedded', 'networked'])('referral conversion fraud checks (%s)', (mode) => {
  let gateway: TestGateway;

  const merchantWith = (settings: Record<string, unknown> = {}) => merchantWithProgram(gateway, settings);

  const order = (customerId: string, extra: Partial<TestOrder> = {}): TestOrder => ({ orderId: orderId(), customerId, ...extra });
  const reasonsOf = (findings: Finding[]) => findings.map((f) => [f.reason, f.action, f.stage]);

  /** A clean referral of the same advocate, converted by its friend's own first order: the control beside each rule. */
  async function expectCleanBeside(merchant: TestMerchant, advocateId: string) {
    const friend = randomUUID();
    const clean = await seedReferral(gateway, merchant, { advocateId, friendCustomerId: friend });
    await placePaidOrder(gateway, merchant, order(friend, { fingerprints: { shippingAddress: `own-address-${friend}` } }));
    expect(await referralRow(merchant, clean.id)).toMatchObject({ status: 'PENDING', fraud: { verdict: 'CLEAN', reasons: [] } });
  }

  beforeAll(async () => {
    gateway = await startTestGateway(mode, REFERRAL_HOLD_ENV);
  });
  afterAll(() => gateway.stop());

  it('ADVOCATE_PLACED_ORDER: the advocate\'s own account places the order with the friend\'s code; blocked, with referral.blocked', async () => {
    const merchant = await merchantWith();
    const advocateId = randomUUID();
    const referral = await seedReferral(gateway, merchant, { advocateId });
    await placePaidOrder(gateway, merchant, order(advocateId, { discountCodes: [referral.discountCode] }));

    const row = await referralRow(merchant, referral.id);
    expect(row.status).toBe('BLOCKED');
    expect(reasonsOf(row.fraud.reasons)).toEqual([['ADVOCATE_PLACED_ORDER', 'BLOCK', 'CONVERSION']]);
    expect(row.fraud.reasons[0].explanation).toMatch(/advocate's own customer account/);
    expect(await referralEvents(merchant, 'referral.blocked', referral.id)).toEqual([
      { referralId: referral.id, advocateId, friendCustomerId: null, stage: 'CONVERSION', reasons: ['ADVOCATE_PLACED_ORDER'] },
    ]);
    await expectCleanBeside(merchant, advocateId);
  });

  it('ADVOCATE_PLACED_ORDER by email: A.B+x@gmail.com on the order is the advocate ab@googlemail.com; dots still matter elsewhere', async () => {
    const merchant = await merchantWith();
    const advocate = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'ab@googlemail.com' });
    const gmail = await seedReferral(gateway, merchant, { advocateId: advocate.id });
    await placePaidOrder(gateway, merchant, order(randomUUID(), { discountCodes: [gmail.discountCode], fingerprints: { email: emailHash(gateway, 'A.B+x@gmail.com') } }));
    expect(reasonsOf((await referralRow(merchant, gmail.id)).fraud.reasons)).toEqual([['ADVOCATE_PLACED_ORDER', 'BLOCK', 'CONVERSION']]);

    const other = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'ab@example.com' });
    const dotted = await seedReferral(gateway, merchant, { advocateId: other.id });
    await placePaidOrder(gateway, merchant, order(randomUUID(), { discountCodes: [dotted.discountCode], fingerprints: { email: emailHash(gateway, 'a.b@example.com') } }));
    expect(await referralRow(merchant, dotted.id)).toMatchObject({ status: 'PENDING', fraud: { verdict: 'CLEAN' } });
  });

  it('SAME_SHIPPING_ADDRESS flags by default (the referral proceeds, FLAGGED) and blocks when the program says so', async () => {
    for (const [action, status, verdict] of [['FLAG', 'PENDING', 'FLAGGED'], ['BLOCK', 'BLOCKED', 'BLOCKED']]) {
      const merchant = await merchantWith(action === 'BLOCK' ? { fraudChecks: [{ check: 'SAME_SHIPPING_ADDRESS', action: 'BLOCK' }] } : {});
      const advocateId = randomUUID();
      // the advocate's own earlier order, shipped to their home
      await consumeOrderEvent(gateway, merchant, 'order.recorded', orderEvents.recorded(order(advocateId, { fingerprints: { shippingAddress: 'home-hash' } })));
      const friend = randomUUID();
      const referral = await seedReferral(gateway, merchant, { advocateId, friendCustomerId: friend });
      await placePaidOrder(gateway, merchant, order(friend, { fingerprints: { shippingAddress: 'home-hash' } }));

      const row = await referralRow(merchant, referral.id);
      expect(row.status).toBe(status);
      expect(row.fraud.verdict).toBe(verdict);
      expect(reasonsOf(row.fraud.reasons)).toEqual([['SAME_SHIPPING_ADDRESS', action, 'CONVERSION']]);
      await expectCleanBeside(merchant, advocateId);
    }
  });

  it('EXISTING_CUSTOMER: the friend had ordered before the claim', async () => {
    const merchant = await merchantWith();
    const advocateId = randomUUID();
    const friend = randomUUID();
    await placePaidOrder(gateway, merchant, order(friend, { placedAt: new Date(Date.now() - 30 * 86_400_000) }));
    const referral = await seedReferral(gateway, merchant, { advocateId, friendCustomerId: friend, claimedAt: new Date(Date.now() - 86_400_000) });
    await placePaidOrder(gateway, merchant, order(friend));

    const row = await referralRow(merchant, referral.id);
    expect(row.status).toBe('BLOCKED');
    expect(reasonsOf(row.fraud.reasons)).toEqual([['EXISTING_CUSTOMER', 'BLOCK', 'CONVERSION']]);
    await expectCleanBeside(merchant, advocateId);
  });

  it('ADVOCATE_OVER_CAP monthly: the advocate\'s second conversion in a month with a cap of 1 (a pending reward counts)', async () => {
    const merchant = await merchantWith({ monthlyCap: 1 });
    const advocateId = randomUUID();
    await expectCleanBeside(merchant, advocateId);
    const friend = randomUUID();
    const second = await seedReferral(gateway, merchant, { advocateId, friendCustomerId: friend });
    await placePaidOrder(gateway, merchant, order(friend));

    const row = await referralRow(merchant, second.id);
    expect(row.status).toBe('BLOCKED');
    expect(reasonsOf(row.fraud.reasons)).toEqual([['ADVOCATE_OVER_CAP', 'BLOCK', 'CONVERSION']]);
    expect(row.fraud.reasons[0].explanation).toMatch(/monthly cap is 1/);
    // another advocate is not capped by this one's rewards
    await expectCleanBeside(merchant, randomUUID());
  });

  it('ADVOCATE_OVER_CAP lifetime: a reward completed months ago counts against a lifetime cap of 1', async () => {
    const merchant = await merchantWith({ lifetimeCap: 1 });
    const advocateId = randomUUID();
    const old = await seedReferral(gateway, merchant, { advocateId, friendCustomerId: randomUUID() });
    await withOwnerDb('referral', (db) =>
      db.query(
        "update referral set status = 'COMPLETED', order_id = $3, converted_at = now() - interval '100 days', hold_until = now() - interval '86 days', completed_at = now() - interval '86 days', points_awarded = 500 where merchant_id = $1 and id = $2",
        [merchant.id, old.id, orderId()],
      ),
    );
    const friend = randomUUID();
    const referral = await seedReferral(gateway, merchant, { advocateId, friendCustomerId: friend });
    await placePaidOrder(gateway, merchant, order(friend));

    const row = await referralRow(merchant, referral.id);
    expect(row.status).toBe('BLOCKED');
    expect(row.fraud.reasons[0].explanation).toMatch(/lifetime cap is 1/);
  });

  it('a referral blocked at the claim records its order and stays BLOCKED, its claim findings kept beside a clean conversion', async () => {
    const merchant = await merchantWith();
    const friend = randomUUID();
    const claimFinding = { reason: 'SELF_REFERRAL', action: 'BLOCK', stage: 'CLAIM', explanation: 'The friend is the advocate.' };
    const referral = await seedReferral(gateway, merchant, { friendCustomerId: friend, status: 'BLOCKED', fraud: { verdict: 'BLOCKED', reasons: [claimFinding] } });
    const placed = order(friend);
    await placePaidOrder(gateway, merchant, placed);

    const row = await referralRow(merchant, referral.id);
    expect(row).toMatchObject({ status: 'BLOCKED', order_id: placed.orderId, fraud: { verdict: 'BLOCKED', reasons: [claimFinding] } });
    expect(row.hold_until).not.toBeNull();
    expect(await referralEvents(merchant, 'referral.blocked', referral.id)).toEqual([]);
  });
});
