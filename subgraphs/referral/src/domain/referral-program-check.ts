import {
  DEFAULT_FRAUD_POLICY,
  DEFAULT_REFERRAL_SETTINGS,
  FRAUD_ACTIONS,
  FRAUD_CHECKS,
  FRIEND_REWARD_KINDS,
  CONVERSION_RULES,
  REFERRAL_LIMITS,
  type FraudPolicy,
  type FriendReward,
  type ReferralProgramDraft,
  type ReferralProgramSettings,
} from './referral-program.js';

/** What breaks a rule: the input field's path (`friendReward.value`, `fraudChecks[2].check`) and why. */
export interface ReferralProgramProblem {
  field: string;
  message: string;
}

/** A plain decimal with at most two places: what Shopify takes for amounts and percentages. */
const DECIMAL = /^[0-9]{1,12}(\.[0-9]{1,2})?$/;

class Refusal extends Error {
  constructor(readonly problem: ReferralProgramProblem) {
    super(problem.message);
  }
}

const refuse = (field: string, message: string): never => {
  throw new Refusal({ field, message });
};

/**
 * Checks a whole program: every setting against its limits and against the others (the value
 * against the reward's kind, the monthly cap within the lifetime cap). Settings left out take their
 * defaults. The first problem found is returned, in input order; nothing is written.
 */
export function checkReferralProgram(draft: ReferralProgramDraft): ReferralProgramSettings | ReferralProgramProblem {
  try {
    return checkSettings(draft);
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    throw error;
  }
}

function checkSettings(draft: ReferralProgramDraft): ReferralProgramSettings {
  const d = DEFAULT_REFERRAL_SETTINGS;
  if (typeof draft.enabled !== 'boolean') refuse('enabled', 'Say whether the program is on (true or false)');
  const { advocatePointsMin: min, advocatePointsMax: max } = REFERRAL_LIMITS;
  if (!Number.isInteger(draft.advocatePoints) || draft.advocatePoints < min || draft.advocatePoints > max) {
    refuse('advocatePoints', `The advocate's reward is a whole number of points from ${min} to ${max.toLocaleString('en')}; ${draft.advocatePoints} was given`);
  }
  const friendReward = checkFriendReward(draft.friendReward);
  const conversionRule = draft.conversionRule ?? d.conversionRule;
  if (!CONVERSION_RULES.includes(conversionRule)) refuse('conversionRule', `Unknown conversion rule "${conversionRule}"`);
  const minimumOrderValue = amountOrNull(draft.minimumOrderValue, 'minimumOrderValue');
  const holdDays = draft.holdDays ?? d.holdDays;
  wholeNumber(holdDays, 'holdDays', 0, REFERRAL_LIMITS.holdDaysMax, 'The hold window is');
  const monthlyCap = draft.monthlyCap ?? null;
  const lifetimeCap = draft.lifetimeCap ?? null;
  if (monthlyCap !== null) wholeNumber(monthlyCap, 'monthlyCap', 1, REFERRAL_LIMITS.capMax, 'The monthly cap is');
  if (lifetimeCap !== null) wholeNumber(lifetimeCap, 'lifetimeCap', 1, REFERRAL_LIMITS.capMax, 'The lifetime cap is');
  if (monthlyCap !== null && lifetimeCap !== null && monthlyCap > lifetimeCap) {
    refuse('monthlyCap', `The monthly cap (${monthlyCap}) cannot exceed the lifetime cap (${lifetimeCap})`);
  }
  const fraudPolicy = checkFraudChecks(draft.fraudChecks ?? []);
  const claimBurstPerWeek = draft.claimBurstPerWeek ?? d.claimBurstPerWeek;
  wholeNumber(claimBurstPerWeek, 'claimBurstPerWeek', REFERRAL_LIMITS.claimBurstMin, REFERRAL_LIMITS.claimBurstMax, 'The claim burst threshold is');
  return { enabled: draft.enabled, advocatePoints: draft.advocatePoints, friendReward, conversionRule, minimumOrderValue, holdDays, monthlyCap, lifetimeCap, fraudPolicy, claimBurstPerWeek };
}

function checkFriendReward(given: ReferralProgramDraft['friendReward']): FriendReward {
  if (!given || !FRIEND_REWARD_KINDS.includes(given.kind)) refuse('friendReward.kind', `Unknown friend reward kind "${given?.kind}"`);
  let value: string | null = null;
  if (given.kind === 'free_shipping') {
    if (given.value != null) refuse('friendReward.value', 'A FREE_SHIPPING reward takes no value');
  } else {
    if (given.value == null) refuse('friendReward.value', `A ${given.kind.toUpperCase()} reward needs a value`);
    const decimal = decimalOf(given.value!, 'friendReward.value');
    if (given.kind === 'percentage' && (decimal < REFERRAL_LIMITS.percentageMin || decimal > REFERRAL_LIMITS.percentageMax)) {
      refuse('friendReward.value', `A percentage is from ${REFERRAL_LIMITS.percentageMin} to ${REFERRAL_LIMITS.percentageMax}; ${given.value} was given`);
    }
    if (given.kind === 'fixed_amount' && (decimal <= 0 || decimal > REFERRAL_LIMITS.amountMax)) {
      refuse('friendReward.value', `A fixed amount is more than 0 and at most ${REFERRAL_LIMITS.amountMax.toLocaleString('en')}; ${given.value} was given`);
    }
    value = normalDecimal(given.value!);
  }
  const minimumOrderAmount = amountOrNull(given.minimumOrderAmount, 'friendReward.minimumOrderAmount');
  const expiryDays = given.expiryDays ?? null;
  if (expiryDays !== null) wholeNumber(expiryDays, 'friendReward.expiryDays', 1, REFERRAL_LIMITS.expiryDaysMax, 'The expiry is');
  const d = DEFAULT_REFERRAL_SETTINGS.friendReward;
  return { kind: given.kind, value, minimumOrderAmount, expiryDays, singleUse: given.singleUse ?? d.singleUse, oncePerCustomer: given.oncePerCustomer ?? d.oncePerCustomer };
}

/** Each check at most once; a check left out keeps its default action. */
function checkFraudChecks(given: NonNullable<ReferralProgramDraft['fraudChecks']>): FraudPolicy {
  const policy: FraudPolicy = { ...DEFAULT_FRAUD_POLICY };
  const seen = new Set<string>();
  given.forEach(({ check, action }, i) => {
    if (!FRAUD_CHECKS.includes(check)) refuse(`fraudChecks[${i}].check`, `Unknown fraud check "${check}"`);
    if (seen.has(check)) refuse(`fraudChecks[${i}].check`, `The check ${check.toUpperCase()} is given twice`);
    if (!FRAUD_ACTIONS.includes(action)) refuse(`fraudChecks[${i}].action`, `Unknown action "${action}"; use BLOCK or FLAG`);
    seen.add(check);
    policy[check] = action;
  });
  return policy;
}

/** An order minimum: null or absent for none, else a decimal more than 0 and at most the amount limit. */
function amountOrNull(given: string | null | undefined, field: string): string | null {
  if (given == null) return null;
  const decimal = decimalOf(given, field);
  if (decimal <= 0 || decimal > REFERRAL_LIMITS.amountMax) refuse(field, `An amount is more than 0 and at most ${REFERRAL_LIMITS.amountMax.toLocaleString('en')}; leave it out for none`);
  return normalDecimal(given);
}

function decimalOf(given: string, field: string): number {
  if (typeof given !== 'string' || !DECIMAL.test(given)) refuse(field, `"${given}" is not a decimal with at most two places, e.g. "5.00"`);
  return Number(given);
}

/** With two places and no leading zeros, as PostgreSQL's numeric(14,2) gives it back ("05.5" → "5.50"). */
function normalDecimal(given: string): string {
  const [whole, fraction = ''] = given.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

function wholeNumber(value: number, field: string, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) refuse(field, `${what} a whole number from ${min} to ${max.toLocaleString('en')}; ${value} was given`);
}
