/**
 * A referral program's fraud policy: what each check does when it matches, and the limits some of
 * them compare against. Stored with the program; read by `checkClaim` and `checkConversion`.
 */

/**
 * The fraud checks, in the order their reasons are reported (the most certain first): a
 * referral's reasons always come out in this order, whatever order the checks ran in.
 */
export const FRAUD_REASONS = [
  'SELF_REFERRAL',
  'ADVOCATE_PLACED_ORDER',
  'SAME_IP_AS_ADVOCATE',
  'IP_CLAIM_BURST',
  'SAME_SHIPPING_ADDRESS',
  'EXISTING_CUSTOMER',
  'ADVOCATE_OVER_CAP',
] as const;
export type FraudReason = (typeof FRAUD_REASONS)[number];

/** BLOCK: the referral pays nothing until an admin approves it. FLAG: it pays, marked for review. */
export const FRAUD_ACTIONS = ['BLOCK', 'FLAG'] as const;
export type FraudAction = (typeof FRAUD_ACTIONS)[number];

export interface ReferralFraudPolicy {
  actions: Readonly<Record<FraudReason, FraudAction>>;
  /** Claims from one IP (hash) within 7 days at which the claim that reaches it is reported. */
  ipClaimBurstThreshold: number;
  /** Rewarded referrals an advocate may have in a calendar month; null for no cap. */
  advocateMonthlyCap: number | null;
  /** Rewarded referrals an advocate may have ever; null for no cap. */
  advocateLifetimeCap: number | null;
}

export const FRAUD_POLICY_LIMITS = {
  ipClaimBurstThresholdMin: 2,
  ipClaimBurstThresholdMax: 10_000,
  capMax: 100_000,
} as const;

/**
 * The policy of a program whose merchant changed nothing. The signals that are near proof of one
 * person on both sides (same customer or email, the advocate's own order, the advocate's shipping
 * address, a friend who was already a customer) block, and so does the cap the merchant set. The
 * IP signals only flag: a household, an office or a campus shares one address honestly.
 */
export const DEFAULT_FRAUD_POLICY: ReferralFraudPolicy = {
  actions: {
    SELF_REFERRAL: 'BLOCK',
    ADVOCATE_PLACED_ORDER: 'BLOCK',
    SAME_IP_AS_ADVOCATE: 'FLAG',
    IP_CLAIM_BURST: 'FLAG',
    SAME_SHIPPING_ADDRESS: 'BLOCK',
    EXISTING_CUSTOMER: 'BLOCK',
    ADVOCATE_OVER_CAP: 'BLOCK',
  },
  ipClaimBurstThreshold: 10,
  advocateMonthlyCap: null,
  advocateLifetimeCap: null,
};

/** A policy as an admin sends it: any field left out keeps the value it had; a cap given as null is removed. */
export interface ReferralFraudPolicyDraft {
  /** Only the checks whose action changes. */
  actions?: Partial<Record<string, string>>;
  ipClaimBurstThreshold?: number;
  advocateMonthlyCap?: number | null;
  advocateLifetimeCap?: number | null;
}

/** Why a draft was refused: the input field's path (`actions.SELF_REFERRAL`) and what is wrong. */
export interface FraudPolicyProblem {
  ok: false;
  field: string;
  message: string;
}

export type CheckedFraudPolicy = { ok: true; policy: ReferralFraudPolicy } | FraudPolicyProblem;

/**
 * Applies `draft` over `current` (the program's policy, or the default) and checks the result:
 * known checks and actions only, a burst threshold of 2 to 10,000 claims, caps of 1 to 100,000 or
 * none (null), and a monthly cap no larger than the lifetime cap. Returns the first problem in
 * field order; the current policy is never changed.
 */
export function checkFraudPolicy(draft: ReferralFraudPolicyDraft, current: ReferralFraudPolicy = DEFAULT_FRAUD_POLICY, field = 'fraudPolicy'): CheckedFraudPolicy {
  const problem = (path: string, message: string): FraudPolicyProblem => ({ ok: false, field: `${field}.${path}`, message });
  const actions: Record<FraudReason, FraudAction> = { ...current.actions };
  for (const [reason, action] of Object.entries(draft.actions ?? {})) {
    if (!(FRAUD_REASONS as readonly string[]).includes(reason)) return problem(`actions.${reason}`, `There is no fraud check ${reason}; the checks are ${FRAUD_REASONS.join(', ')}`);
    if (action == null || !(FRAUD_ACTIONS as readonly string[]).includes(action)) return problem(`actions.${reason}`, `The action for ${reason} must be BLOCK or FLAG`);
    actions[reason as FraudReason] = action as FraudAction;
  }
  const threshold = draft.ipClaimBurstThreshold ?? current.ipClaimBurstThreshold;
  const { ipClaimBurstThresholdMin: min, ipClaimBurstThresholdMax: max, capMax } = FRAUD_POLICY_LIMITS;
  if (!Number.isInteger(threshold) || threshold < min || threshold > max) {
    return problem('ipClaimBurstThreshold', `ipClaimBurstThreshold must be a whole number of claims from ${min} to ${max}; ${threshold} was given`);
  }
  const caps = { advocateMonthlyCap: current.advocateMonthlyCap, advocateLifetimeCap: current.advocateLifetimeCap };
  for (const name of ['advocateMonthlyCap', 'advocateLifetimeCap'] as const) {
    const given = draft[name];
    const value = given === undefined ? current[name] : given;
    if (value !== null && (!Number.isInteger(value) || value < 1 || value > capMax)) {
      return problem(name, `${name} must be a whole number of referrals from 1 to ${capMax}, or null for no cap; ${value} was given`);
    }
    caps[name] = value;
  }
  const { advocateMonthlyCap: monthly, advocateLifetimeCap: lifetime } = caps;
  if (monthly !== null && lifetime !== null && monthly > lifetime) {
    return problem('advocateMonthlyCap', `advocateMonthlyCap (${monthly}) cannot exceed advocateLifetimeCap (${lifetime})`);
  }
  return { ok: true, policy: { actions, ipClaimBurstThreshold: threshold, advocateMonthlyCap: monthly, advocateLifetimeCap: lifetime } };
}
