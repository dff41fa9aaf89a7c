import { describe, expect, it } from '@jest/globals';
import { normalizeFieldPath } from '../../../clients/dashboard/src/forms/field-errors.js';
import { decimalIn, optionalWholeNumberIn, textLength, wholeNumberIn } from '../../../clients/dashboard/src/pages/program/form-checks/form-checks.js';
import { checkReferralProgramForm, decisionsFor, referralFieldKeyOf, referralProgramFormOf, referralProgramInputOf } from '../../../clients/dashboard/src/pages/program/referrals/referrals-form.js';
import { checkSegmentsForm, newCustomSegment, segmentFieldKeyOf, segmentsFormOf, segmentsInputOf } from '../../../clients/dashboard/src/pages/program/segments/segments-form.js';
import { checkTierProgramForm, moveTier, newTier, tierFieldKeyOf, tierProgramFormOf, tierProgramInputOf } from '../../../clients/dashboard/src/pages/program/tiers/tiers-form.js';

const PROGRAM = {
  metric: 'POINTS_EARNED',
  period: 'LIFETIME',
  periodStartMonth: 1,
  periodStartDay: 1,
  rollingMonths: 12,
  graceDays: 0,
  downgradePolicy: 'REPLACE_BY_METRIC',
  skippedTierBonus: 'ALL',
  version: 2,
  tiers: [
    { id: 't-bronze', names: [{ locale: 'EN', text: 'Bronze' }], threshold: 0, earnMultiplier: 1, entryBonusPoints: null, perks: [] },
    { id: 't-gold', names: [{ locale: 'EN', text: 'Gold' }, { locale: 'FR', text: 'Or' }], threshold: 1000, earnMultiplier: 1.5, entryBonusPoints: 200, perks: [{ texts: [{ locale: 'EN', text: 'Free shipping' }] }] },
  ],
} as const;

describe('the VIP tiers form', () => {
  const loaded = () => tierProgramFormOf(structuredClone(PROGRAM) as never);

  it('gives back what it loaded as the input, ids, names by language and perks kept', () => {
    const input = tierProgramInputOf(loaded());
    expect(input).toEqual({
      metric: 'POINTS_EARNED',
      period: 'LIFETIME',
      graceDays: 0,
      downgradePolicy: 'REPLACE_BY_METRIC',
      skippedTierBonus: 'ALL',
      tiers: [
        { id: 't-bronze', names: [{ locale: 'EN', text: 'Bronze' }], threshold: 0, earnMultiplier: 1, entryBonusPoints: null, perks: [] },
        { id: 't-gold', names: [{ locale: 'EN', text: 'Gold' }, { locale: 'FR', text: 'Or' }], threshold: 1000, earnMultiplier: 1.5, entryBonusPoints: 200, perks: [{ texts: [{ locale: 'EN', text: 'Free shipping' }] }] },
      ],
    });
    expect(checkTierProgramForm(loaded())).toEqual({});
  });

  it('sends only the settings the chosen period uses', () => {
    const form = { ...loaded(), period: 'CALENDAR_YEAR' as const, periodStartMonth: '4', periodStartDay: '6' };
    expect(tierProgramInputOf(form)).toMatchObject({ periodStartMonth: 4, periodStartDay: 6 });
    expect(tierProgramInputOf(form)).not.toHaveProperty('rollingMonths');
    expect(tierProgramInputOf({ ...loaded(), period: 'ROLLING_MONTHS', rollingMonths: '6' })).toMatchObject({ rollingMonths: 6 });
  });

  it('refuses what the tier subgraph refuses, on the field it names', () => {
    const form = loaded();
    form.graceDays = '366';
    form.tiers[0].names = { EN: ' ', ES: '', FR: '' };
    form.tiers[1].threshold = '0';
    form.tiers[1].earnMultiplier = '1.255';
    form.tiers[1].entryBonusPoints = '100001';
    expect(checkTierProgramForm(form)).toEqual({
      graceDays: { key: 'wholeNumberRange', values: { min: 0, max: 365 } },
      'tiers.0.names.EN': { key: 'required' },
      'tiers.1.threshold': { key: 'increasing', values: { previous: 0 } },
      'tiers.1.earnMultiplier': { key: 'multiplierDecimals' },
      'tiers.1.entryBonusPoints': { key: 'wholeNumberRange', values: { min: 0, max: 100_000 } },
    });
    expect(checkTierProgramForm({ ...loaded(), period: 'CALENDAR_YEAR', periodStartMonth: '2', periodStartDay: '29' })).toEqual({
      periodStartDay: { key: 'wholeNumberRange', values: { min: 1, max: 28 } },
    });
    const tooLong = loaded();
    tooLong.tiers[0].names.ES = 'x'.repeat(41);
    tooLong.tiers[0].earnMultiplier = '11';
    expect(checkTierProgramForm(tooLong)).toEqual({
      'tiers.0.names.ES': { key: 'textLength', values: { max: 40 } },
      'tiers.0.earnMultiplier': { key: 'numberRange', values: { min: 1, max: 10 } },
    });
  });

  it('adds a tier above the highest, moves and keeps ids with their tiers', () => {
    const form = loaded();
    const added = newTier(form.tiers);
    expect(added).toMatchObject({ id: null, threshold: '2000', earnMultiplier: '1.5' });
    const moved = moveTier([...form.tiers, added], 2, 0);
    expect(moved.map((tier) => tier.id)).toEqual([null, 't-bronze', 't-gold']);
    expect(moveTier(moved, 0, -1)).toBe(moved);
    expect(tierProgramInputOf({ ...form, tiers: moved }).tiers[0]).not.toHaveProperty('id');
  });

  it('puts a server error on the field it names: a name by its language, not its place in the list', () => {
    const input = tierProgramInputOf(loaded());
    expect(tierFieldKeyOf(normalizeFieldPath('tiers[1].names[1].text'), input)).toBe('tiers.1.names.FR');
    expect(tierFieldKeyOf(normalizeFieldPath('tiers[1].threshold'), input)).toBe('tiers.1.threshold');
    expect(tierFieldKeyOf(normalizeFieldPath('graceDays'), input)).toBe('graceDays');
  });
});

const REFERRAL_PROGRAM = {
  enabled: true,
  advocatePoints: 500,
  friendReward: { kind: 'PERCENTAGE', value: '10.00', minimumOrderAmount: null, expiryDays: 30, singleUse: true, oncePerCustomer: true },
  conversionRule: 'ORDER_PAID',
  minimumOrderValue: '25.00',
  holdDays: 14,
  monthlyCap: null,
  lifetimeCap: 20,
  fraudChecks: [
    { check: 'SELF_REFERRAL', action: 'BLOCK' },
    { check: 'ADVOCATE_PLACED_ORDER', action: 'BLOCK' },
    { check: 'SAME_IP_AS_ADVOCATE', action: 'FLAG' },
    { check: 'IP_CLAIM_BURST', action: 'BLOCK' },
    { check: 'SAME_SHIPPING_ADDRESS', action: 'FLAG' },
    { check: 'EXISTING_CUSTOMER', action: 'BLOCK' },
    { check: 'ADVOCATE_OVER_CAP', action: 'BLOCK' },
  ],
  claimBurstPerWeek: 10,
  version: 1,
} as const;

describe('the referral program form', () => {
  const loaded = () => referralProgramFormOf(structuredClone(REFERRAL_PROGRAM) as never);

  it('gives back every setting of the input, "none" as null', () => {
    expect(referralProgramInputOf(loaded())).toEqual({
      enabled: true,
      advocatePoints: 500,
      friendReward: { kind: 'PERCENTAGE', value: '10.00', minimumOrderAmount: null, expiryDays: 30, singleUse: true, oncePerCustomer: true },
      conversionRule: 'ORDER_PAID',
      minimumOrderValue: '25.00',
      holdDays: 14,
      monthlyCap: null,
      lifetimeCap: 20,
      claimBurstPerWeek: 10,
      fraudChecks: REFERRAL_PROGRAM.fraudChecks,
    });
    expect(checkReferralProgramForm(loaded())).toEqual({});
    expect(referralProgramInputOf({ ...loaded(), friendKind: 'FREE_SHIPPING' }).friendReward.value).toBeNull();
  });

  it('refuses what the referral subgraph refuses, on the input path it names', () => {
    const form = { ...loaded(), advocatePoints: '0', friendValue: '101', friendExpiryDays: '366', minimumOrderValue: '1.234', holdDays: '91', monthlyCap: '30', claimBurstPerWeek: '1' };
    expect(checkReferralProgramForm(form)).toEqual({
      advocatePoints: { key: 'wholeNumberRange', values: { min: 1, max: 1_000_000 } },
      'friendReward.value': { key: 'numberRange', values: { min: 1, max: 100 } },
      'friendReward.expiryDays': { key: 'wholeNumberRange', values: { min: 1, max: 365 } },
      minimumOrderValue: { key: 'twoDecimals' },
      holdDays: { key: 'wholeNumberRange', values: { min: 0, max: 90 } },
      monthlyCap: { key: 'capOrder', values: { value: 20 } },
      claimBurstPerWeek: { key: 'wholeNumberRange', values: { min: 2, max: 1000 } },
    });
    expect(checkReferralProgramForm({ ...loaded(), friendKind: 'FIXED_AMOUNT', friendValue: '0' })).toEqual({ 'friendReward.value': { key: 'numberRange', values: { min: 0, max: 1_000_000 } } });
    expect(checkReferralProgramForm({ ...loaded(), friendKind: 'FREE_SHIPPING', friendValue: 'anything' })).toEqual({});
  });

  it('puts a fraud check’s server error on that check’s control', () => {
    expect(referralFieldKeyOf(normalizeFieldPath('fraudChecks[2].action'))).toBe('fraudChecks.SAME_IP_AS_ADVOCATE');
    expect(referralFieldKeyOf(normalizeFieldPath('friendReward.value'))).toBe('friendReward.value');
  });

  it('offers approve for a blocked referral only, reject while it is not settled', () => {
    expect(decisionsFor('BLOCKED')).toEqual({ approve: true, reject: true });
    expect(decisionsFor('PENDING')).toEqual({ approve: false, reject: true });
    expect(decisionsFor('COMPLETED')).toEqual({ approve: false, reject: false });
    expect(decisionsFor('REJECTED')).toEqual({ approve: false, reject: false });
  });
});

const full = { min: 1, max: 5 };
const SETTINGS = { windowDays: 365, scoring: 'QUINTILE', thresholds: null, syncMetafield: false, version: 0 } as const;
const SEGMENTS = [
  { handle: 'champions', kind: 'RFM', names: { en: 'Champions', es: 'Campeones', fr: 'Champions' }, recency: { min: 4, max: 5 }, frequency: { min: 4, max: 5 }, monetary: full, tierIds: null, pointsMin: null, pointsMax: null, builtin: true, members: 3 },
  { handle: 'vip-gold', kind: 'CUSTOM', names: { en: 'Gold', es: 'Gold', fr: 'Gold' }, recency: full, frequency: full, monetary: full, tierIds: ['t-gold'], pointsMin: 100, pointsMax: null, builtin: false, members: 1 },
] as const;

describe('the segments form', () => {
  const loaded = () => segmentsFormOf(structuredClone(SETTINGS) as never, structuredClone(SEGMENTS) as never);

  it('gives back the settings and every segment; rules of custom segments only, their tiers kept', () => {
    const input = segmentsInputOf(loaded());
    expect(input).toEqual({
      windowDays: 365,
      scoring: 'QUINTILE',
      thresholds: null,
      syncMetafield: false,
      segments: [
        { handle: 'champions', kind: 'RFM', names: { en: 'Champions', es: 'Campeones', fr: 'Champions' }, recency: { min: 4, max: 5 }, frequency: { min: 4, max: 5 }, monetary: full },
        { handle: 'vip-gold', kind: 'CUSTOM', names: { en: 'Gold', es: 'Gold', fr: 'Gold' }, recency: full, frequency: full, monetary: full, tierIds: ['t-gold'], pointsMin: 100, pointsMax: null },
      ],
    });
    expect(checkSegmentsForm(loaded())).toEqual({});
  });

  it('reads thresholds as four numbers each, with THRESHOLD scoring only', () => {
    const form = { ...loaded(), scoring: 'THRESHOLD' as const, thresholds: { recencyDays: '7, 30, 90, 180', frequencyOrders: '2,3,5,8', monetaryMinor: '1000, 5000, 10000, 50000' } };
    expect(checkSegmentsForm(form)).toEqual({});
    expect(segmentsInputOf(form).thresholds).toEqual({ recencyDays: [7, 30, 90, 180], frequencyOrders: [2, 3, 5, 8], monetaryMinor: [1000, 5000, 10000, 50000] });
    expect(checkSegmentsForm({ ...form, windowDays: '100', thresholds: { ...form.thresholds, recencyDays: '7, 30, 90, 180', frequencyOrders: '2, 2, 5, 8', monetaryMinor: '1, 2, 3' } })).toEqual({
      'thresholds.recencyDays': { key: 'thresholdList', values: { min: 0, max: 100 } },
      'thresholds.frequencyOrders': { key: 'thresholdAscending' },
      'thresholds.monetaryMinor': { key: 'thresholdList', values: { min: 0, max: 2_147_483_647 } },
    });
  });

  it('refuses what the segment subgraph refuses, on the field it names', () => {
    const form = loaded();
    form.windowDays = '29';
    form.segments[0].names.en = '';
    form.segments[0].recency = { min: 5, max: 2 };
    form.segments[1].pointsMax = '50';
    const added = { ...newCustomSegment(), handle: 'Win Back', names: { en: 'Win back', es: '', fr: '' } };
    const twice = { ...newCustomSegment(), handle: 'vip-gold', names: { en: 'Again', es: '', fr: '' } };
    expect(checkSegmentsForm({ ...form, segments: [...form.segments, added, twice] })).toEqual({
      windowDays: { key: 'wholeNumberRange', values: { min: 30, max: 1095 } },
      'segments.0.names.en': { key: 'required' },
      'segments.0.recency.min': { key: 'minAboveMax' },
      'segments.1.pointsMax': { key: 'minAboveMax' },
      'segments.2.handle': { key: 'handle', values: { max: 64 } },
      'segments.3.handle': { key: 'handleTaken' },
    });
  });

  it('puts a server error where it belongs: a threshold on its list, thresholds as a whole on the scoring', () => {
    expect(segmentFieldKeyOf(normalizeFieldPath('thresholds.recencyDays[2]'))).toBe('thresholds.recencyDays');
    expect(segmentFieldKeyOf(normalizeFieldPath('thresholds'))).toBe('scoring');
    expect(segmentFieldKeyOf(normalizeFieldPath('segments[3].recency.min'))).toBe('segments.3.recency.min');
    expect(segmentFieldKeyOf(normalizeFieldPath('segments'))).toBe('segments');
  });
});

describe('the checks that tell a whole rule at once', () => {
  it('refuses a sign, decimals or a value out of range with the same problem, and an empty field as required', () => {
    expect(wholeNumberIn(' 12 ', 1, 12)).toEqual({ ok: true, value: 12 });
    expect(wholeNumberIn('', 1, 12)).toEqual({ ok: false, problem: { key: 'required' } });
    for (const typed of ['-0', '1.5', '13']) expect(wholeNumberIn(typed, 0, 12)).toEqual({ ok: false, problem: { key: 'wholeNumberRange', values: { min: 0, max: 12 } } });
    expect(optionalWholeNumberIn('  ', 1, 12)).toEqual({ ok: true, value: null });
  });

  it('takes amounts with at most two places as typed, above the exclusive bound', () => {
    expect(decimalIn('5.00', 0, 100)).toEqual({ ok: true, value: '5.00' });
    expect(decimalIn('5,5', 0, 100)).toEqual({ ok: false, problem: { key: 'twoDecimals' } });
    expect(decimalIn('0', 0, 100)).toEqual({ ok: false, problem: { key: 'numberRange', values: { min: 0, max: 100 } } });
    expect(decimalIn('0.5', 0, 100, 1)).toEqual({ ok: false, problem: { key: 'numberRange', values: { min: 1, max: 100 } } });
  });

  it('counts characters as code points once trimmed', () => {
    expect(textLength(' 😀😀 ', 2)).toEqual({ ok: true, value: '😀😀' });
    expect(textLength('abc', 2)).toEqual({ ok: false, problem: { key: 'textLength', values: { max: 2 } } });
    expect(textLength('  ', 2)).toEqual({ ok: false, problem: { key: 'textLength', values: { max: 2 } } });
  });
});
