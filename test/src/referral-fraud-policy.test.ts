import { describe, expect, it } from '@jest/globals';
import { checkFraudPolicy, DEFAULT_FRAUD_POLICY, type ReferralFraudPolicy } from '../../subgraphs/referral/src/domain/referral-fraud-policy.js';

/** The fraud policy an admin sends: applied over the current one, refused whole with the field named. */

const current: ReferralFraudPolicy = {
  ...DEFAULT_FRAUD_POLICY,
  actions: { ...DEFAULT_FRAUD_POLICY.actions, SAME_IP_AS_ADVOCATE: 'BLOCK' },
  ipClaimBurstThreshold: 7,
  advocateMonthlyCap: 5,
  advocateLifetimeCap: 50,
};

describe('checkFraudPolicy', () => {
  it('keeps every field left out, and changes only the actions given', () => {
    expect(checkFraudPolicy({}, current)).toEqual({ ok: true, policy: current });
    expect(checkFraudPolicy({ actions: { SELF_REFERRAL: 'FLAG' } }, current)).toEqual({
      ok: true,
      policy: { ...current, actions: { ...current.actions, SELF_REFERRAL: 'FLAG' } },
    });
  });

  it('starts from the default policy for a program that never saved one', () => {
    expect(checkFraudPolicy({})).toEqual({ ok: true, policy: DEFAULT_FRAUD_POLICY });
    expect(checkFraudPolicy({ ipClaimBurstThreshold: 25 })).toEqual({ ok: true, policy: { ...DEFAULT_FRAUD_POLICY, ipClaimBurstThreshold: 25 } });
  });

  it('removes a cap given as null and sets one given as a number', () => {
    expect(checkFraudPolicy({ advocateMonthlyCap: null }, current)).toMatchObject({ ok: true, policy: { advocateMonthlyCap: null, advocateLifetimeCap: 50 } });
    expect(checkFraudPolicy({ advocateMonthlyCap: 60, advocateLifetimeCap: null }, current)).toMatchObject({ ok: true, policy: { advocateMonthlyCap: 60, advocateLifetimeCap: null } });
    expect(checkFraudPolicy({ advocateMonthlyCap: 1, advocateLifetimeCap: 100_000 }, current)).toMatchObject({ ok: true, policy: { advocateMonthlyCap: 1, advocateLifetimeCap: 100_000 } });
  });

  it.each([
    [{ actions: { SELF_REFERAL: 'BLOCK' } }, 'fraudPolicy.actions.SELF_REFERAL', /no fraud check SELF_REFERAL/],
    [{ actions: { SELF_REFERRAL: 'ALLOW' } }, 'fraudPolicy.actions.SELF_REFERRAL', /must be BLOCK or FLAG/],
    [{ actions: { SELF_REFERRAL: 'block' } }, 'fraudPolicy.actions.SELF_REFERRAL', /must be BLOCK or FLAG/],
    [{ actions: { SAME_IP_AS_ADVOCATE: undefined } }, 'fraudPolicy.actions.SAME_IP_AS_ADVOCATE', /must be BLOCK or FLAG/],
    [{ ipClaimBurstThreshold: 1 }, 'fraudPolicy.ipClaimBurstThreshold', /from 2 to 10000; 1 was given/],
    [{ ipClaimBurstThreshold: 0 }, 'fraudPolicy.ipClaimBurstThreshold', /from 2 to 10000/],
    [{ ipClaimBurstThreshold: 10_001 }, 'fraudPolicy.ipClaimBurstThreshold', /from 2 to 10000/],
    [{ ipClaimBurstThreshold: 2.5 }, 'fraudPolicy.ipClaimBurstThreshold', /whole number/],
    [{ ipClaimBurstThreshold: Number.NaN }, 'fraudPolicy.ipClaimBurstThreshold', /whole number/],
    [{ advocateMonthlyCap: 0 }, 'fraudPolicy.advocateMonthlyCap', /from 1 to 100000, or null for no cap; 0 was given/],
    [{ advocateMonthlyCap: -3 }, 'fraudPolicy.advocateMonthlyCap', /from 1 to 100000/],
    [{ advocateLifetimeCap: 1.5 }, 'fraudPolicy.advocateLifetimeCap', /whole number/],
    [{ advocateLifetimeCap: 100_001 }, 'fraudPolicy.advocateLifetimeCap', /from 1 to 100000/],
    [{ advocateMonthlyCap: 51 }, 'fraudPolicy.advocateMonthlyCap', /cannot exceed advocateLifetimeCap \(50\)/],
    [{ advocateLifetimeCap: 4 }, 'fraudPolicy.advocateMonthlyCap', /\(5\) cannot exceed advocateLifetimeCap \(4\)/],
  ])('refuses %j naming %s, and leaves the current policy as it was', (draft, field, message) => {
    const before = structuredClone(current);
    const checked = checkFraudPolicy(draft, current);
    expect(checked).toMatchObject({ ok: false, field });
    if (!checked.ok) expect(checked.message).toMatch(message);
    expect(current).toEqual(before);
  });

  it('refuses the whole draft when a later field is wrong, so no part of it is applied', () => {
    const checked = checkFraudPolicy({ actions: { SELF_REFERRAL: 'FLAG' }, advocateLifetimeCap: 0 }, current);
    expect(checked).toMatchObject({ ok: false, field: 'fraudPolicy.advocateLifetimeCap' });
    expect(checked).not.toHaveProperty('policy');
    expect(current.actions.SELF_REFERRAL).toBe('BLOCK');
  });

  it('names fields under the input path it was given', () => {
    expect(checkFraudPolicy({ ipClaimBurstThreshold: 1 }, current, 'input.fraud')).toMatchObject({ ok: false, field: 'input.fraud.ipClaimBurstThreshold' });
  });
});
