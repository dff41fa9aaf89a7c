import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ERROR_KEYS, errorKey, GENERIC_ERROR } from '../../../clients/widget/src/shared/error-words.js';
import { formats } from '../../../clients/widget/src/shared/format.js';
import { pointsMissing, tierProgress } from '../../../clients/widget/src/shared/points-math.js';
import { claimErrorCode, offerText } from '../../../clients/widget/src/panel/referral-view.js';
import { translator } from '../../../clients/widget/src/shared/strings.js';

const en = (JSON.parse(readFileSync(fileURLToPath(new URL('../../../extensions/loyalnest-widget/locales/en.default.json', import.meta.url)), 'utf8')) as { loyalnest: Record<string, string> }).loyalnest;

describe('widget error words', () => {
  it('maps the codes a shopper can meet to their own sentences', () => {
    expect(errorKey('INSUFFICIENT_POINTS')).toBe('error_insufficient_points');
    expect(errorKey('REWARD_UNAVAILABLE')).toBe('error_reward_unavailable');
    expect(errorKey('REFERRAL_CODE_NOT_FOUND')).toBe('error_referral_not_found');
    expect(errorKey('REFERRAL_CLAIM_INVALID')).toBe('error_claim_email');
    expect(errorKey('REFERRAL_ALREADY_CLAIMED')).toBe('error_already_claimed');
    expect(errorKey('UNAUTHENTICATED')).toBe('error_session');
    expect(errorKey('NETWORK')).toBe('error_network');
    expect(errorKey('THROTTLED')).toBe('error_busy');
  });

  it('reads anything else (unknown codes, none, internal errors) as the generic sentence', () => {
    for (const code of ['INTERNAL', 'HTTP_500', 'SOMETHING_NEW', '', null, undefined]) expect(errorKey(code)).toBe(GENERIC_ERROR);
  });

  it('never shows a code itself: every sentence it answers exists and differs from its key', () => {
    for (const key of ERROR_KEYS) {
      expect(en[key]).toBeTruthy();
      expect(en[key]).not.toMatch(/[A-Z]{3,}_[A-Z]/);
    }
  });
});

describe('widget points maths', () => {
  it('says how many points are missing, none once affordable', () => {
    expect(pointsMissing(250, 500)).toBe(250);
    expect(pointsMissing(500, 500)).toBe(0);
    expect(pointsMissing(900, 500)).toBe(0);
    expect(pointsMissing(-20, 100)).toBe(120);
  });

  it('measures tier progress from the current threshold to the next', () => {
    expect(tierProgress(750, 500, 1500)).toEqual({ now: 250, max: 1000 });
    expect(tierProgress(100, 0, 500)).toEqual({ now: 100, max: 500 });
    // A value past the next threshold (a recompute pending) shows full, never beyond.
    expect(tierProgress(2000, 500, 1500)).toEqual({ now: 1000, max: 1000 });
    // A downgraded value under the current threshold shows empty, never negative.
    expect(tierProgress(300, 500, 1500)).toEqual({ now: 0, max: 1000 });
    // The top tier: full.
    expect(tierProgress(9000, 5000, null)).toEqual({ now: 1, max: 1 });
  });
});

describe('widget formats', () => {
  it('formats numbers and money for the storefront locale and shop currency', () => {
    expect(formats('fr', 'EUR').number(1250)).toBe(new Intl.NumberFormat('fr').format(1250));
    expect(formats('es', 'EUR').money('10.00')).toBe(new Intl.NumberFormat('es', { style: 'currency', currency: 'EUR' }).format(10));
    expect(formats('en', 'USD').money(5)).toBe('$5.00');
  });

  it('falls back instead of throwing on a malformed locale or currency', () => {
    expect(formats('not a locale!', 'USD').number(1000)).toBe('1,000');
    expect(formats('en', 'DOLLARS').money(1)).toBe('$1.00');
  });
});

describe('widget referral offer', () => {
  const t = translator(en);
  const f = formats('en', 'USD');
  it('describes each kind of friend reward in words', () => {
    expect(offerText(t, f, { kind: 'percentage', value: '10' })).toBe('10% off your order');
    expect(offerText(t, f, { kind: 'FIXED_AMOUNT', value: '5.00', minimumOrderAmount: '50.00' })).toBe('$5.00 off your order (orders over $50.00)');
    expect(offerText(t, f, { kind: 'free_shipping' })).toBe('Free shipping on your order');
    expect(offerText(t, f, null)).toBe(en.offer_generic);
  });
});

describe('widget referral claim errors', () => {
  it('blames the email only when the route names the email', () => {
    expect(errorKey(claimErrorCode({ code: 'REFERRAL_CLAIM_INVALID', field: 'email' }))).toBe('error_claim_email');
    expect(errorKey(claimErrorCode({ code: 'REFERRAL_CLAIM_INVALID' }))).toBe('error_claim_email');
    expect(errorKey(claimErrorCode({ code: 'REFERRAL_CLAIM_INVALID', field: 'code' }))).toBe('error_referral_not_found');
    expect(errorKey(claimErrorCode({ code: 'REFERRAL_CLAIM_INVALID', field: 'friendCustomerId' }))).toBe(GENERIC_ERROR);
    expect(errorKey(claimErrorCode({ code: 'REFERRAL_ALREADY_CLAIMED' }))).toBe('error_already_claimed');
    expect(errorKey(claimErrorCode(undefined))).toBe('error_try_later');
  });
});
