import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { orderId, placePaidOrder, REFERRAL_HOLD_ENV, referralEvents, referralRow, runHoldJob, seedReferral, setHoldUntil } from './support/referral-seed.js';
import { PROGRAM_ON, updateReferralProgram } from './support/referrals.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';

const REFERRAL_FIELDS = `id status discountCode orderId orderTotal orderCurrency claimedAt convertedAt holdUntil completedAt pointsAwarded
  voidReason approvedAt rejectedAt rejectionReason advocate { id } friendCustomer { id }
  fraud { verdict reasons { reason action stage explanation } }`;

const APPROVE = `mutation($id: ID!) { approveReferral(id: $id) {
  __typename ... on Referral { ${REFERRAL_FIELDS} } ... on ErrorResult { code message }
  ... on ReferralNotFoundError { referralId } ... on ReferralNotDecidableError { referralId status } } }`;

const REJECT = `mutation($id: ID!, $reason: String) { rejectReferral(id: $id, reason: $reason) {
  __typename ... on Referral { ${REFERRAL_FIELDS} } ... on ErrorResult { code message }
  ... on ReferralNotFoundError { referralId } ... on ReferralNotDecidableError { referralId status } ... on ReferralReviewInvalidError { field } } }`;

type Result = Record<string, unknown> & { __typename: string };

const SELF_REFERRAL = { reason: 'SELF_REFERRAL', action: 'BLOCK', stage: 'CLAIM', explanation: 'The friend is the advocate.' };
const BLOCKED_AT_CLAIM = { status: 'BLOCKED', fraud: { verdict: 'BLOCKED', reasons: [SELF_REFERRAL] } };

describe.each<Mode>(['embedded', 'networked'])('referral review: approveReferral and rejectReferral (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  async function decide(merchant: TestMerchant, mutation: string, variables: Record<string, unknown>, auth = merchant.auth): Promise<Result> {
    const result = await gateway.gql<Record<string, Result>>(mutation, variables, auth);
    if (result.errors?.length || !result.data) throw new Error(`decision failed: ${JSON.stringify(result.errors)}`);
    return Object.values(result.data)[0];
  }

  /** A referral that converted (order of 60.00) and was blocked at the conversion, hold ending at `holdUntil`. */
  async function blockedAtConversion(merchant: TestMerchant, holdUntil: Date, advocateId = randomUUID()): Promise<string> {
    const friend = randomUUID();
    const referral = await seedReferral(gateway, merchant, { friendCustomerId: friend, advocateId });
    await placePaidOrder(gateway, merchant, { orderId: orderId(), customerId: friend, subtotalMinor: 6000 });
    await withOwnerDb('referral', (db) =>
      db.query(
        "update referral set status = 'BLOCKED', fraud = $3, hold_until = $4 where merchant_id = $1 and id = $2",
        [merchant.id, referral.id, JSON.stringify({ verdict: 'BLOCKED', reasons: [{ ...SELF_REFERRAL, reason: 'ADVOCATE_OVER_CAP', stage: 'CONVERSION' }] }), holdUntil],
      ),
    );
    return referral.id;
  }

  beforeAll(async () => {
    gateway = await startTestGateway(mode, REFERRAL_HOLD_ENV);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    for (const merchant of [a, b]) await updateReferralProgram(gateway, merchant.auth, { ...PROGRAM_ON, monthlyCap: 1 });
  });
  afterAll(() => gateway.stop());

  it('approves a referral blocked at the claim back to CLAIMED, the findings kept for the record; its order then converts it', async () => {
    const friend = randomUUID();
    const seeded = await seedReferral(gateway, a, { ...BLOCKED_AT_CLAIM, friendCustomerId: friend });

    const approved = await decide(a, APPROVE, { id: seeded.id });

    expect(approved).toMatchObject({
      __typename: 'Referral', id: seeded.id, status: 'CLAIMED', advocate: { id: seeded.advocateId }, friendCustomer: { id: friend },
      fraud: { verdict: 'BLOCKED', reasons: [SELF_REFERRAL] }, rejectedAt: null,
    });
    expect(approved.approvedAt).not.toBeNull();
    const row = await referralRow(a, seeded.id);
    expect(row.decided_by).toBeTruthy();

    await placePaidOrder(gateway, a, { orderId: orderId(), customerId: friend });
    expect((await referralRow(a, seeded.id)).status).toBe('PENDING');
  });

  it('approves a referral blocked at the conversion inside its hold to PENDING; the hold job then pays it despite the cap', async () => {
    const advocateId = randomUUID();
    const id = await blockedAtConversion(a, new Date(Date.now() + 86_400_000), advocateId);
    expect(await decide(a, APPROVE, { id })).toMatchObject({ status: 'PENDING', orderTotal: '60.00', orderCurrency: 'EUR' });
    // the advocate's monthly cap (1) is reached by another reward before this one's hold ends
    const other = await seedReferral(gateway, a, { advocateId, friendCustomerId: randomUUID() });
    await withOwnerDb('referral', (db) =>
      db.query("update referral set status = 'COMPLETED', order_id = $3, converted_at = now(), hold_until = now(), completed_at = now(), points_awarded = 500 where merchant_id = $1 and id = $2", [a.id, other.id, orderId()]),
    );

    await setHoldUntil(a, id, new Date(Date.now() - 1000));
    await runHoldJob(gateway);
    expect((await referralRow(a, id)).status).toBe('COMPLETED');
    expect(await referralEvents(a, 'referral.completed', id)).toHaveLength(1);
  });

  it('approves one whose hold is over straight to COMPLETED, with referral.completed', async () => {
    const id = await blockedAtConversion(a, new Date(Date.now() - 1000));
    const approved = await decide(a, APPROVE, { id });
    expect(approved).toMatchObject({ status: 'COMPLETED', pointsAwarded: 500 });
    expect(await referralEvents(a, 'referral.completed', id)).toEqual([expect.objectContaining({ referralId: id, points: 500, orderTotalMinor: 6000 })]);
  });

  it('refuses to approve a referral that is not BLOCKED, naming its status; nothing changes', async () => {
    const seeded = await seedReferral(gateway, a);
    const before = await referralRow(a, seeded.id);
    expect(await decide(a, APPROVE, { id: seeded.id })).toMatchObject({ __typename: 'ReferralNotDecidableError', code: 'REFERRAL_NOT_DECIDABLE', referralId: seeded.id, status: 'CLAIMED' });
    expect(await referralRow(a, seeded.id)).toEqual(before);
  });

  it('rejects a PENDING referral with the admin\'s note, emitting referral.voided as REJECTED; a second rejection is refused', async () => {
    const friend = randomUUID();
    const seeded = await seedReferral(gateway, a, { friendCustomerId: friend });
    await placePaidOrder(gateway, a, { orderId: orderId(), customerId: friend });

    const rejected = await decide(a, REJECT, { id: seeded.id, reason: '  Same household, confirmed by phone.  ' });
    expect(rejected).toMatchObject({ __typename: 'Referral', status: 'REJECTED', rejectionReason: 'Same household, confirmed by phone.' });
    expect(rejected.rejectedAt).not.toBeNull();
    expect(await referralEvents(a, 'referral.voided', seeded.id)).toEqual([
      { referralId: seeded.id, advocateId: seeded.advocateId, friendCustomerId: friend, status: 'REJECTED', reason: 'REJECTED_BY_ADMIN' },
    ]);

    expect(await decide(a, REJECT, { id: seeded.id })).toMatchObject({ __typename: 'ReferralNotDecidableError', status: 'REJECTED' });
    // a rejected referral is final: the hold job never pays it
    await setHoldUntil(a, seeded.id, new Date(Date.now() - 1000));
    await runHoldJob(gateway);
    expect((await referralRow(a, seeded.id)).status).toBe('REJECTED');
  });

  it('rejects CLAIMED and BLOCKED referrals, and refuses a COMPLETED one', async () => {
    const claimed = await seedReferral(gateway, a);
    const blocked = await seedReferral(gateway, a, BLOCKED_AT_CLAIM);
    expect(await decide(a, REJECT, { id: claimed.id })).toMatchObject({ status: 'REJECTED', rejectionReason: null });
    expect(await decide(a, REJECT, { id: blocked.id })).toMatchObject({ status: 'REJECTED' });

    const completed = await blockedAtConversion(a, new Date(Date.now() - 1000));
    await decide(a, APPROVE, { id: completed });
    expect(await decide(a, REJECT, { id: completed })).toMatchObject({ __typename: 'ReferralNotDecidableError', code: 'REFERRAL_NOT_DECIDABLE', status: 'COMPLETED' });
  });

  it('refuses a note over 500 characters, naming the field; nothing changes', async () => {
    const seeded = await seedReferral(gateway, a);
    const before = await referralRow(a, seeded.id);
    expect(await decide(a, REJECT, { id: seeded.id, reason: 'x'.repeat(501) })).toMatchObject({ __typename: 'ReferralReviewInvalidError', code: 'REFERRAL_REVIEW_INVALID', field: 'reason' });
    expect(await referralRow(a, seeded.id)).toEqual(before);
  });

  it.each([['an unknown id', randomUUID()], ['a malformed id', 'not-a-uuid']])('answers %s with ReferralNotFoundError', async (_name, id) => {
    for (const mutation of [APPROVE, REJECT]) {
      expect(await decide(a, mutation, { id })).toMatchObject({ __typename: 'ReferralNotFoundError', code: 'REFERRAL_NOT_FOUND', referralId: id });
    }
  });

  it('keeps tenants apart: B\'s referral through A is not found, and stays as it was', async () => {
    const theirs = await seedReferral(gateway, b, BLOCKED_AT_CLAIM);
    const before = await referralRow(b, theirs.id);
    expect(await decide(a, APPROVE, { id: theirs.id })).toMatchObject({ __typename: 'ReferralNotFoundError' });
    expect(await decide(a, REJECT, { id: theirs.id })).toMatchObject({ __typename: 'ReferralNotFoundError' });
    expect(await referralRow(b, theirs.id)).toEqual(before);
    expect(await decide(b, APPROVE, { id: theirs.id })).toMatchObject({ status: 'CLAIMED' });
  });

  it('forbids a shopper (no referrals:manage) to decide, even on their own referral', async () => {
    const seeded = await seedReferral(gateway, a, BLOCKED_AT_CLAIM);
    const auth = await shopperAuth(gateway, a, seeded.advocateId);
    for (const mutation of [APPROVE, REJECT]) {
      const result = await gateway.gql(mutation, { id: seeded.id }, auth);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await referralRow(a, seeded.id)).status).toBe('BLOCKED');
  });
});
