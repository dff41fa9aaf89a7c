import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import {
  PROGRAM_ON,
  REFERRAL_PROGRAM,
  storedReferralProgram,
  UPDATE_REFERRAL_PROGRAM,
  updateReferralProgram,
  type ReferralProgramNode,
} from './support/referrals.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const DEFAULT_FRAUD_CHECKS = [
  { check: 'SELF_REFERRAL', action: 'BLOCK' },
  { check: 'ADVOCATE_PLACED_ORDER', action: 'BLOCK' },
  { check: 'SAME_IP_AS_ADVOCATE', action: 'FLAG' },
  { check: 'IP_CLAIM_BURST', action: 'BLOCK' },
  { check: 'SAME_SHIPPING_ADDRESS', action: 'FLAG' },
  { check: 'EXISTING_CUSTOMER', action: 'BLOCK' },
  { check: 'ADVOCATE_OVER_CAP', action: 'BLOCK' },
];

const FULL = {
  enabled: true,
  advocatePoints: 750,
  friendReward: { kind: 'FIXED_AMOUNT', value: '5.5', minimumOrderAmount: '40', expiryDays: 60, singleUse: true, oncePerCustomer: false },
  conversionRule: 'ORDER_FULFILLED',
  minimumOrderValue: '25.00',
  holdDays: 30,
  monthlyCap: 5,
  lifetimeCap: 50,
  fraudChecks: [
    { check: 'SAME_IP_AS_ADVOCATE', action: 'BLOCK' },
    { check: 'EXISTING_CUSTOMER', action: 'FLAG' },
  ],
  claimBurstPerWeek: 3,
};

/** Ways to break the program, each with the field the refusal must name. */
const BAD_INPUT: [string, Record<string, unknown>, string][] = [
  ['no advocate points', { advocatePoints: 0 }, 'advocatePoints'],
  ['more than a million advocate points', { advocatePoints: 1_000_001 }, 'advocatePoints'],
  ['a percentage above 100', { friendReward: { kind: 'PERCENTAGE', value: '100.01' } }, 'friendReward.value'],
  ['a percentage below 1', { friendReward: { kind: 'PERCENTAGE', value: '0.5' } }, 'friendReward.value'],
  ['a percentage without a value', { friendReward: { kind: 'PERCENTAGE' } }, 'friendReward.value'],
  ['a fixed amount of 0', { friendReward: { kind: 'FIXED_AMOUNT', value: '0' } }, 'friendReward.value'],
  ['a fixed amount that is not a decimal', { friendReward: { kind: 'FIXED_AMOUNT', value: '5,00' } }, 'friendReward.value'],
  ['a fixed amount with three decimals', { friendReward: { kind: 'FIXED_AMOUNT', value: '5.001' } }, 'friendReward.value'],
  ['a negative fixed amount', { friendReward: { kind: 'FIXED_AMOUNT', value: '-5' } }, 'friendReward.value'],
  ['free shipping with a value', { friendReward: { kind: 'FREE_SHIPPING', value: '10' } }, 'friendReward.value'],
  ['a negative friend minimum', { friendReward: { kind: 'FREE_SHIPPING', minimumOrderAmount: '-1' } }, 'friendReward.minimumOrderAmount'],
  ['an expiry of 0 days', { friendReward: { kind: 'FREE_SHIPPING', expiryDays: 0 } }, 'friendReward.expiryDays'],
  ['an expiry over a year', { friendReward: { kind: 'FREE_SHIPPING', expiryDays: 366 } }, 'friendReward.expiryDays'],
  ['a minimum order value of 0', { minimumOrderValue: '0' }, 'minimumOrderValue'],
  ['a negative hold window', { holdDays: -1 }, 'holdDays'],
  ['a hold window over 90 days', { holdDays: 91 }, 'holdDays'],
  ['a monthly cap of 0', { monthlyCap: 0 }, 'monthlyCap'],
  ['a monthly cap above the lifetime cap', { monthlyCap: 10, lifetimeCap: 5 }, 'monthlyCap'],
  ['a lifetime cap above 10,000', { lifetimeCap: 10_001 }, 'lifetimeCap'],
  ['a fraud check given twice', { fraudChecks: [{ check: 'SELF_REFERRAL', action: 'FLAG' }, { check: 'SELF_REFERRAL', action: 'BLOCK' }] }, 'fraudChecks[1].check'],
  ['a claim burst threshold of 1', { claimBurstPerWeek: 1 }, 'claimBurstPerWeek'],
];

describe.each<Mode>(['embedded', 'networked'])('the referral program (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  const programAs = async (auth: Record<string, string>) => gateway.gql<{ referralProgram: ReferralProgramNode }>(REFERRAL_PROGRAM, {}, auth);

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('is off with the documented defaults while never saved, and nothing is stored for reading it', async () => {
    const read = await programAs(a.auth);
    expect(read.errors).toBeUndefined();
    expect(read.data!.referralProgram).toEqual({
      enabled: false,
      advocatePoints: 500,
      friendReward: { kind: 'PERCENTAGE', value: '10.00', minimumOrderAmount: null, expiryDays: 30, singleUse: true, oncePerCustomer: true },
      conversionRule: 'ORDER_PAID',
      minimumOrderValue: null,
      holdDays: 14,
      monthlyCap: null,
      lifetimeCap: null,
      fraudChecks: DEFAULT_FRAUD_CHECKS,
      claimBurstPerWeek: 10,
      version: 0,
    });
    expect(await storedReferralProgram(a.id)).toBe(await storedReferralProgram('00000000-0000-0000-0000-000000000000'));
  });

  it('saves a whole program, reads it back as saved, and reports the change as referral_program.updated', async () => {
    const saved = await updateReferralProgram(gateway, a.auth, FULL);
    const expected = {
      enabled: true,
      advocatePoints: 750,
      friendReward: { kind: 'FIXED_AMOUNT', value: '5.50', minimumOrderAmount: '40.00', expiryDays: 60, singleUse: true, oncePerCustomer: false },
      conversionRule: 'ORDER_FULFILLED',
      minimumOrderValue: '25.00',
      holdDays: 30,
      monthlyCap: 5,
      lifetimeCap: 50,
      fraudChecks: DEFAULT_FRAUD_CHECKS.map((c) => (c.check === 'SAME_IP_AS_ADVOCATE' ? { ...c, action: 'BLOCK' } : c.check === 'EXISTING_CUSTOMER' ? { ...c, action: 'FLAG' } : c)),
      claimBurstPerWeek: 3,
      version: 1,
    };
    expect(saved).toEqual({ __typename: 'ReferralProgram', ...expected });
    expect((await programAs(a.auth)).data!.referralProgram).toEqual(expected);
    const events = await withOwnerDb('referral', async (db) =>
      (await db.query<{ payload: Record<string, unknown> }>(`select payload from outbox_event where merchant_id = $1 and topic = 'referral_program.updated'`, [a.id])).rows,
    );
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ version: 1, enabled: true, advocatePoints: 750, friendRewardKind: 'fixed_amount', friendRewardValue: '5.50', holdDays: 30 })]);
  });

  it('gives settings left out their defaults: a program saved again without them is not a merge with the old one', async () => {
    const saved = await updateReferralProgram(gateway, a.auth, { enabled: true, advocatePoints: 100, friendReward: { kind: 'FREE_SHIPPING' } });
    expect(saved).toMatchObject({
      friendReward: { kind: 'FREE_SHIPPING', value: null, minimumOrderAmount: null, expiryDays: null, singleUse: true, oncePerCustomer: true },
      conversionRule: 'ORDER_PAID',
      holdDays: 14,
      monthlyCap: null,
      lifetimeCap: null,
      fraudChecks: DEFAULT_FRAUD_CHECKS,
      claimBurstPerWeek: 10,
    });
  });

  it.each(BAD_INPUT)('refuses %s with a typed error naming the field, and writes nothing', async (_, change, field) => {
    const before = await storedReferralProgram(a.id);
    const refused = await updateReferralProgram(gateway, a.auth, { ...PROGRAM_ON, ...change });
    expect(refused).toEqual({ __typename: 'ReferralProgramInvalidError', code: 'INVALID_SETTINGS', field, message: expect.stringMatching(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `)) });
    expect(await storedReferralProgram(a.id)).toBe(before);
  });

  it('refuses an unknown enum value before anything runs, naming the value', async () => {
    const before = await storedReferralProgram(a.id);
    const result = await gateway.gql(UPDATE_REFERRAL_PROGRAM, { input: { ...PROGRAM_ON, friendReward: { kind: 'BOGUS' } } }, a.auth);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.message).toMatch(/BOGUS/);
    const rule = await gateway.gql(UPDATE_REFERRAL_PROGRAM, { input: { ...PROGRAM_ON, conversionRule: 'ORDER_SHIPPED' } }, a.auth);
    expect(rule.errors?.[0]?.message).toMatch(/ORDER_SHIPPED/);
    expect(await storedReferralProgram(a.id)).toBe(before);
  });

  it('what if two admins save at once? Both changes apply, one after the other, and the versions count both', async () => {
    const before = (await programAs(b.auth)).data!.referralProgram.version;
    const [one, two] = await Promise.all([
      updateReferralProgram(gateway, b.auth, { ...PROGRAM_ON, advocatePoints: 111 }),
      updateReferralProgram(gateway, b.auth, { ...PROGRAM_ON, advocatePoints: 222 }),
    ]);
    expect([one.version, two.version].sort()).toEqual([before + 1, before + 2]);
    const last = one.version === before + 2 ? one : two;
    expect((await programAs(b.auth)).data!.referralProgram).toMatchObject({ version: before + 2, advocatePoints: last.advocatePoints });
  });

  it('lets a shopper neither read nor change the program', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'shopper@example.com' });
    const shopper = await shopperAuth(gateway, a, customer.id);
    const before = await storedReferralProgram(a.id);
    expect((await programAs(shopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refused = await gateway.gql(UPDATE_REFERRAL_PROGRAM, { input: PROGRAM_ON }, shopper);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/referrals:manage/);
    expect(await storedReferralProgram(a.id)).toBe(before);
  });

  it('lets a partner read the program only with referrals:read, and change it only with referrals:manage', async () => {
    const keyWith = async (scopes: string[]) => {
      const created = await gateway.gql<{ createApiKey: { secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`,
        { input: { name: `partner ${scopes.join(' ')}`, scopes } },
        b.auth,
      );
      expect(created.errors).toBeUndefined();
      return { authorization: `Bearer ${created.data!.createApiKey.secret}` };
    };
    const [outsider, reader, manager] = await Promise.all([keyWith(['points:read']), keyWith(['referrals:read']), keyWith(['referrals:read', 'referrals:manage'])]);
    const before = await storedReferralProgram(b.id);

    expect((await programAs(outsider)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await programAs(reader)).data?.referralProgram.enabled).toBe(true);
    expect((await gateway.gql(UPDATE_REFERRAL_PROGRAM, { input: PROGRAM_ON }, reader)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storedReferralProgram(b.id)).toBe(before);

    expect(await updateReferralProgram(gateway, manager, { ...PROGRAM_ON, advocatePoints: 42 })).toMatchObject({ __typename: 'ReferralProgram', advocatePoints: 42 });
  });

  it("keeps merchants apart: A's program is invisible to B, and B's changes never touch it", async () => {
    const fresh = await createMerchant(gateway);
    await updateReferralProgram(gateway, a.auth, FULL);
    const aBefore = await storedReferralProgram(a.id);

    expect((await programAs(fresh.auth)).data!.referralProgram).toMatchObject({ enabled: false, advocatePoints: 500, version: 0 });
    expect(await updateReferralProgram(gateway, fresh.auth, { ...PROGRAM_ON, advocatePoints: 9 })).toMatchObject({ advocatePoints: 9, version: 1 });

    expect(await storedReferralProgram(a.id)).toBe(aBefore);
    expect((await programAs(a.auth)).data!.referralProgram).toMatchObject({ advocatePoints: 750, version: expect.any(Number) });
    expect((await programAs(fresh.auth)).data!.referralProgram).toMatchObject({ advocatePoints: 9 });
  });
});
