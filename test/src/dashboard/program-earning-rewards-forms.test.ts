import { describe, expect, it } from '@jest/globals';
import type { ProgramEarningRulesFieldsFragment, ProgramRewardFieldsFragment } from '../../../clients/dashboard/src/generated/graphql.js';
import { checkEarningForm, earningFormOf, newActivity, sameEarningForm } from '../../../clients/dashboard/src/pages/program/earning/earning-form.js';
import { decimal, optionalDate, shopifyVariantId, wholeNumber } from '../../../clients/dashboard/src/pages/program/form-checks/form-checks.js';
import { checkRewardForm, EMPTY_REWARD_FORM, onRewardFields, rewardFormOf, rewardStatus, updateRewardInput } from '../../../clients/dashboard/src/pages/program/rewards/reward-form.js';

/** The program forms' conversions between what the merchant types and the API's input, and their checks against the API's bounds. */

const RULES: ProgramEarningRulesFieldsFragment = {
  enabled: true,
  earnOn: 'PAID',
  pointsPerCurrencyUnit: 1.5,
  excludeShipping: true,
  excludeTaxes: true,
  excludeDiscounts: false,
  rounding: 'DOWN',
  signupBonus: 100,
  birthdayBonus: 0,
  pendingDays: 14,
  allowNegativeBalance: false,
  expiryPolicy: 'NEVER',
  expiryMonths: 12,
  expiryWarningDays: 30,
  pointValue: '0.01',
  activities: [{ key: 'instagram_follow', name: 'Follow us', points: 50, limit: 'ONCE' }],
};

describe('field checks', () => {
  it('takes whole numbers inside their bounds only', () => {
    expect(wholeNumber(' 42 ', 0, 100)).toEqual({ ok: true, value: 42 });
    expect(wholeNumber('', 0, 100)).toEqual({ ok: false, problem: { key: 'required' } });
    expect(wholeNumber('4.2', 0, 100)).toEqual({ ok: false, problem: { key: 'wholeNumber' } });
    expect(wholeNumber('1e3', 0, 10_000)).toEqual({ ok: false, problem: { key: 'wholeNumber' } });
    expect(wholeNumber('-1', 0, 100)).toEqual({ ok: false, problem: { key: 'range', values: { min: 0, max: 100 } } });
    expect(wholeNumber('101', 0, 100)).toEqual({ ok: false, problem: { key: 'range', values: { min: 0, max: 100 } } });
  });

  it('takes decimals as the API writes them, a lone comma as the decimal separator', () => {
    expect(decimal('3,5', { min: 0, max: 1000, decimals: 2 })).toEqual({ ok: true, value: '3.5' });
    expect(decimal('007.25', { min: 0, decimals: 2 })).toEqual({ ok: true, value: '7.25' });
    expect(decimal('1.234', { min: 0, decimals: 2 })).toEqual({ ok: false, problem: { key: 'decimals', values: { decimals: 2 } } });
    expect(decimal('-0.5', { min: 0, max: 1000, decimals: 2 })).toEqual({ ok: false, problem: { key: 'range', values: { min: 0, max: 1000 } } });
    expect(decimal('0', { min: 0, exclusiveMin: true, decimals: 2 })).toEqual({ ok: false, problem: { key: 'moreThan', values: { min: 0 } } });
    expect(decimal('-0.01', { min: 0, decimals: 2 })).toEqual({ ok: false, problem: { key: 'atLeast', values: { min: 0 } } });
    expect(decimal('0', { min: 0, decimals: 2 })).toEqual({ ok: true, value: '0' });
    expect(decimal('1,000.5', { min: 0, decimals: 2 })).toEqual({ ok: false, problem: { key: 'number' } });
    expect(decimal('1234567', { min: 0, decimals: 4, integerDigits: 6 })).toEqual({ ok: false, problem: { key: 'range', values: { min: 0, max: 999_999 } } });
  });

  it('takes a variant id as a number or as the gid admin shows, within PostgreSQL’s bigint', () => {
    expect(shopifyVariantId('gid://shopify/ProductVariant/4455667788')).toEqual({ ok: true, value: '4455667788' });
    expect(shopifyVariantId('9223372036854775807')).toEqual({ ok: true, value: '9223372036854775807' });
    expect(shopifyVariantId('9223372036854775808')).toEqual({ ok: false, problem: { key: 'variantId' } });
    expect(shopifyVariantId('gid://shopify/Product/1')).toEqual({ ok: false, problem: { key: 'variantId' } });
    expect(shopifyVariantId('0123')).toEqual({ ok: false, problem: { key: 'variantId' } });
  });

  it('takes real calendar dates only', () => {
    expect(optionalDate('')).toEqual({ ok: true, value: null });
    expect(optionalDate('2028-02-29')).toEqual({ ok: true, value: '2028-02-29' });
    expect(optionalDate('2027-02-29')).toEqual({ ok: false, problem: { key: 'date' } });
    expect(optionalDate('29/02/2028')).toEqual({ ok: false, problem: { key: 'date' } });
  });
});

describe('the earning rules form', () => {
  it('round-trips the rules: loaded unchanged, it sends what it loaded', () => {
    const form = earningFormOf(RULES);
    expect(sameEarningForm(form, earningFormOf(RULES))).toBe(true);
    const { input, problems } = checkEarningForm(form);
    expect(problems).toEqual({});
    // Under NEVER the hidden expiry fields are not sent, so a stored value is kept as it was.
    const { expiryMonths, expiryWarningDays, ...sent } = RULES;
    expect({ expiryMonths, expiryWarningDays }).toEqual({ expiryMonths: 12, expiryWarningDays: 30 });
    expect(input).toEqual(sent);
  });

  it('checks the expiry fields only while points expire', () => {
    const form = { ...earningFormOf(RULES), expiryMonths: '0', expiryWarningDays: '91' };
    expect(checkEarningForm(form).problems).toEqual({});
    expect(checkEarningForm({ ...form, expiryPolicy: 'AFTER_EARNING' }).problems).toEqual({
      expiryMonths: { key: 'range', values: { min: 1, max: 120 } },
      expiryWarningDays: { key: 'range', values: { min: 0, max: 90 } },
    });
    expect(checkEarningForm({ ...form, expiryPolicy: 'AFTER_INACTIVITY', expiryMonths: '6', expiryWarningDays: '7' }).input).toMatchObject({ expiryPolicy: 'AFTER_INACTIVITY', expiryMonths: 6, expiryWarningDays: 7 });
  });

  it('keys every problem by the path the API would name, activities by their position', () => {
    const form = {
      ...earningFormOf(RULES),
      pointsPerCurrencyUnit: '-1',
      signupBonus: '100001',
      pointValue: '0.00001',
      activities: [...earningFormOf(RULES).activities, { ...newActivity(), key: 'instagram_follow', name: '  ', points: '100001' }, { ...newActivity(), key: 'Bad Key', name: 'x'.repeat(101), points: '5' }],
    };
    const { input, problems } = checkEarningForm(form);
    expect(input).toBeNull();
    expect(problems).toEqual({
      pointsPerCurrencyUnit: { key: 'range', values: { min: 0, max: 1000 } },
      signupBonus: { key: 'range', values: { min: 0, max: 100_000 } },
      pointValue: { key: 'decimals', values: { decimals: 4 } },
      'activities.1.key': { key: 'duplicateKey' },
      'activities.1.name': { key: 'required' },
      'activities.1.points': { key: 'range', values: { min: 1, max: 100_000 } },
      'activities.2.key': { key: 'keyFormat' },
      'activities.2.name': { key: 'length', values: { min: 1, max: 100 } },
    });
  });
});

const REWARD: ProgramRewardFieldsFragment = {
  id: '7f1c0b4e-0000-4000-8000-000000000001',
  kind: 'PERCENTAGE',
  names: { en: 'Ten off', fr: null, es: 'Diez' },
  value: '10.00',
  variantId: null,
  pointsCost: 500,
  minimumSubtotal: '25.00',
  usageLimit: null,
  usageLimitPerCustomer: 2,
  startsAt: '2027-01-01T00:00:00.000Z',
  endsAt: null,
  codeValidityDays: 30,
  active: true,
};

describe('the reward form', () => {
  it('sends every field of the reward it loaded, empty ones as null so that an edit clears them', () => {
    const { fields, problems } = checkRewardForm(rewardFormOf(REWARD));
    expect(problems).toEqual({});
    expect(updateRewardInput(REWARD.id, fields!)).toEqual({
      id: REWARD.id,
      kind: 'PERCENTAGE',
      names: { en: 'Ten off', fr: null, es: 'Diez' },
      value: '10.00',
      variantId: null,
      pointsCost: 500,
      minimumSubtotal: '25.00',
      usageLimit: null,
      usageLimitPerCustomer: 2,
      startsAt: '2027-01-01T00:00:00.000Z',
      endsAt: null,
      codeValidityDays: 30,
      active: true,
    });
  });

  it('sends only the fields its kind takes: a kind changed away clears the old kind’s value', () => {
    const form = { ...rewardFormOf(REWARD), kind: 'FREE_SHIPPING' as const };
    expect(checkRewardForm(form).fields).toMatchObject({ kind: 'FREE_SHIPPING', value: null, variantId: null });
    expect(checkRewardForm({ ...form, kind: 'FREE_PRODUCT', variantId: 'gid://shopify/ProductVariant/12' }).fields).toMatchObject({ value: null, variantId: '12' });
    expect(checkRewardForm({ ...form, kind: 'FIXED_AMOUNT' }).fields).toMatchObject({ value: '10.00' });
  });

  it('checks each kind’s value against the API’s bounds', () => {
    const form = { ...EMPTY_REWARD_FORM, nameEn: 'R', pointsCost: '1' };
    expect(checkRewardForm({ ...form, kind: 'PERCENTAGE', value: '100.5' }).problems).toEqual({ value: { key: 'range', values: { min: 0, max: 100 } } });
    expect(checkRewardForm({ ...form, kind: 'PERCENTAGE', value: '0' }).problems).toEqual({ value: { key: 'moreThan', values: { min: 0 } } });
    expect(checkRewardForm({ ...form, kind: 'FIXED_AMOUNT', value: '' }).problems).toEqual({ value: { key: 'required' } });
    expect(checkRewardForm({ ...form, kind: 'FIXED_AMOUNT', value: '5,5' }).fields).toMatchObject({ value: '5.5' });
    expect(checkRewardForm({ ...form, kind: 'FREE_PRODUCT' }).problems).toEqual({ variantId: { key: 'required' } });
    expect(checkRewardForm({ ...form, kind: 'FREE_SHIPPING', value: 'left over' }).problems).toEqual({});
  });

  it('asks for a name in one language at least, and a window that ends after it starts', () => {
    const { problems } = checkRewardForm({ ...EMPTY_REWARD_FORM, kind: 'FREE_SHIPPING', pointsCost: '10000001', usageLimit: '0', codeValidityDays: '3651', startsAt: '2027-05-01', endsAt: '2027-05-01' });
    expect(problems).toEqual({
      'names.en': { key: 'nameNeeded' },
      pointsCost: { key: 'range', values: { min: 1, max: 10_000_000 } },
      usageLimit: { key: 'range', values: { min: 1, max: 1_000_000 } },
      codeValidityDays: { key: 'range', values: { min: 1, max: 3650 } },
      endsAt: { key: 'endsBeforeStart' },
    });
    expect(checkRewardForm({ ...EMPTY_REWARD_FORM, kind: 'FREE_SHIPPING', nameFr: ' Livraison ', pointsCost: '5' }).fields?.names).toEqual({ en: null, fr: 'Livraison', es: null });
  });

  it('shows the API’s refusal of all the names on the first name field', () => {
    expect(onRewardFields({ names: 'needs a name', value: 'too much' })).toEqual({ 'names.en': 'needs a name', value: 'too much' });
    expect(onRewardFields({ 'names.fr': 'too long' })).toEqual({ 'names.fr': 'too long' });
  });

  it('tells active, inactive, scheduled and ended rewards apart', () => {
    const now = new Date('2027-06-01T00:00:00Z');
    expect(rewardStatus({ active: true, startsAt: null, endsAt: null }, now)).toBe('ACTIVE');
    expect(rewardStatus({ active: false, startsAt: null, endsAt: null }, now)).toBe('INACTIVE');
    expect(rewardStatus({ active: true, startsAt: '2027-07-01T00:00:00Z', endsAt: null }, now)).toBe('SCHEDULED');
    expect(rewardStatus({ active: true, startsAt: null, endsAt: '2027-06-01T00:00:00Z' }, now)).toBe('ENDED');
  });
});
