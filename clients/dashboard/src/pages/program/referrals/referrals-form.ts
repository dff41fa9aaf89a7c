import type {
  ProgramReferralProgramFieldsFragment,
  ReferralConversionRule,
  ReferralFraudAction,
  ReferralFraudCheck,
  ReferralFriendRewardKind,
  ReferralStatus,
  UpdateReferralProgramInput,
} from '../../../generated/graphql.js';
import { decimalIn, optionalWholeNumberIn, ProblemCollector, wholeNumberIn, type Problems } from '../form-checks/form-checks.js';

/** The referral subgraph's limits (its REFERRAL_LIMITS), checked here before sending. */
export const REFERRAL_LIMITS = {
  advocatePointsMin: 1,
  advocatePointsMax: 1_000_000,
  amountMax: 1_000_000,
  percentageMin: 1,
  percentageMax: 100,
  expiryDaysMax: 365,
  holdDaysMax: 90,
  capMax: 10_000,
  claimBurstMin: 2,
  claimBurstMax: 1_000,
} as const;

/** Every fraud check, in the order the program lists them. */
export const FRAUD_CHECKS: readonly ReferralFraudCheck[] = ['SELF_REFERRAL', 'ADVOCATE_PLACED_ORDER', 'SAME_IP_AS_ADVOCATE', 'IP_CLAIM_BURST', 'SAME_SHIPPING_ADDRESS', 'EXISTING_CUSTOMER', 'ADVOCATE_OVER_CAP'];

/** The program as the form holds it: numbers and amounts as typed, an empty field for "none". */
export interface ReferralProgramForm {
  enabled: boolean;
  advocatePoints: string;
  friendKind: ReferralFriendRewardKind;
  friendValue: string;
  friendMinimumOrderAmount: string;
  friendExpiryDays: string;
  friendSingleUse: boolean;
  friendOncePerCustomer: boolean;
  conversionRule: ReferralConversionRule;
  minimumOrderValue: string;
  holdDays: string;
  monthlyCap: string;
  lifetimeCap: string;
  claimBurstPerWeek: string;
  fraudChecks: Record<ReferralFraudCheck, ReferralFraudAction>;
}

const text = (value: string | number | null | undefined) => (value == null ? '' : String(value));

export function referralProgramFormOf(program: ProgramReferralProgramFieldsFragment): ReferralProgramForm {
  const reward = program.friendReward;
  return {
    enabled: program.enabled,
    advocatePoints: String(program.advocatePoints),
    friendKind: reward.kind,
    friendValue: text(reward.value),
    friendMinimumOrderAmount: text(reward.minimumOrderAmount),
    friendExpiryDays: text(reward.expiryDays),
    friendSingleUse: reward.singleUse,
    friendOncePerCustomer: reward.oncePerCustomer,
    conversionRule: program.conversionRule,
    minimumOrderValue: text(program.minimumOrderValue),
    holdDays: String(program.holdDays),
    monthlyCap: text(program.monthlyCap),
    lifetimeCap: text(program.lifetimeCap),
    claimBurstPerWeek: String(program.claimBurstPerWeek),
    fraudChecks: Object.fromEntries(program.fraudChecks.map(({ check, action }) => [check, action])) as Record<ReferralFraudCheck, ReferralFraudAction>,
  };
}

/**
 * The form's field keys are the input's paths (`friendReward.value`), so the referral subgraph's
 * errors land on them unchanged; these are the form's names for the nested ones.
 */
export const REFERRAL_FIELD_KEYS = {
  friendValue: 'friendReward.value',
  friendMinimumOrderAmount: 'friendReward.minimumOrderAmount',
  friendExpiryDays: 'friendReward.expiryDays',
} as const;

/**
 * The referral subgraph's checks (checkReferralProgram): the advocate's points, the friend's value
 * by its kind, amounts with at most two places, the hold, caps (monthly within lifetime) and the
 * claim burst threshold.
 */
export function checkReferralProgramForm(form: ReferralProgramForm): Problems {
  const check = new ProblemCollector();
  const L = REFERRAL_LIMITS;
  check.take('advocatePoints', wholeNumberIn(form.advocatePoints, L.advocatePointsMin, L.advocatePointsMax));
  if (form.friendKind === 'PERCENTAGE') check.take(REFERRAL_FIELD_KEYS.friendValue, decimalIn(form.friendValue, L.percentageMin - 1, L.percentageMax, L.percentageMin));
  if (form.friendKind === 'FIXED_AMOUNT') check.take(REFERRAL_FIELD_KEYS.friendValue, decimalIn(form.friendValue, 0, L.amountMax));
  if (form.friendMinimumOrderAmount.trim()) check.take(REFERRAL_FIELD_KEYS.friendMinimumOrderAmount, decimalIn(form.friendMinimumOrderAmount, 0, L.amountMax));
  check.take(REFERRAL_FIELD_KEYS.friendExpiryDays, optionalWholeNumberIn(form.friendExpiryDays, 1, L.expiryDaysMax));
  if (form.minimumOrderValue.trim()) check.take('minimumOrderValue', decimalIn(form.minimumOrderValue, 0, L.amountMax));
  check.take('holdDays', wholeNumberIn(form.holdDays, 0, L.holdDaysMax));
  const monthly = check.take('monthlyCap', optionalWholeNumberIn(form.monthlyCap, 1, L.capMax));
  const lifetime = check.take('lifetimeCap', optionalWholeNumberIn(form.lifetimeCap, 1, L.capMax));
  if (monthly != null && lifetime != null && monthly > lifetime) check.add('monthlyCap', 'capOrder', { value: lifetime });
  check.take('claimBurstPerWeek', wholeNumberIn(form.claimBurstPerWeek, L.claimBurstMin, L.claimBurstMax));
  return check.problems;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

/** The mutation's input, every setting given, from a form `checkReferralProgramForm` found no problem in. */
export function referralProgramInputOf(form: ReferralProgramForm): UpdateReferralProgramInput {
  return {
    enabled: form.enabled,
    advocatePoints: Number(form.advocatePoints),
    friendReward: {
      kind: form.friendKind,
      value: form.friendKind === 'FREE_SHIPPING' ? null : orNull(form.friendValue),
      minimumOrderAmount: orNull(form.friendMinimumOrderAmount),
      expiryDays: numberOrNull(form.friendExpiryDays),
      singleUse: form.friendSingleUse,
      oncePerCustomer: form.friendOncePerCustomer,
    },
    conversionRule: form.conversionRule,
    minimumOrderValue: orNull(form.minimumOrderValue),
    holdDays: Number(form.holdDays),
    monthlyCap: numberOrNull(form.monthlyCap),
    lifetimeCap: numberOrNull(form.lifetimeCap),
    claimBurstPerWeek: Number(form.claimBurstPerWeek),
    fraudChecks: FRAUD_CHECKS.map((check) => ({ check, action: form.fraudChecks[check] })),
  };
}

/**
 * A server error's field as the form shows it: a fraud check's (`fraudChecks.2.action`) on that
 * check's own control, whose key is the check's name.
 */
export function referralFieldKeyOf(field: string): string {
  const check = /^fraudChecks\.(\d+)\./.exec(field);
  return check ? `fraudChecks.${FRAUD_CHECKS[Number(check[1])] ?? check[1]}` : field;
}

/** What an admin may decide on a referral in this status (the referral subgraph's rule). */
export function decisionsFor(status: ReferralStatus): { approve: boolean; reject: boolean } {
  return { approve: status === 'BLOCKED', reject: status === 'CLAIMED' || status === 'PENDING' || status === 'BLOCKED' };
}
