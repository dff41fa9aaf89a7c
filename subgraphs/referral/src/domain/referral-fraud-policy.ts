import { DEFAULT_REFERRAL_SETTINGS, type FraudCheck, type ReferralProgramSettings } from './referral-program.js';

/**
 * A referral program's fraud policy as the checks read it: what each check does when it matches,
 * and the limits some of them compare against. Derived from the stored program (`fraudPolicyOf`);
 * read by `checkClaim` and `checkConversion`.
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

/**
 * The policy the checks apply, read from the merchant's program (`referral_program`, checked by
 * `checkReferralProgram`): the program is the one place the actions, the burst threshold and the
 * caps are stored and validated.
 */
export function fraudPolicyOf(settings: ReferralProgramSettings): ReferralFraudPolicy {
  const actions = Object.fromEntries(FRAUD_REASONS.map((reason) => [reason, settings.fraudPolicy[reason.toLowerCase() as FraudCheck] === 'block' ? 'BLOCK' : 'FLAG'])) as Record<
    FraudReason,
    FraudAction
  >;
  return { actions, ipClaimBurstThreshold: settings.claimBurstPerWeek, advocateMonthlyCap: settings.monthlyCap, advocateLifetimeCap: settings.lifetimeCap };
}

/** The policy of a program whose merchant changed nothing: the program's defaults. */
export const DEFAULT_FRAUD_POLICY: ReferralFraudPolicy = fraudPolicyOf(DEFAULT_REFERRAL_SETTINGS);
