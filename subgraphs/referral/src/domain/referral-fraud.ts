import { FRAUD_REASONS, type FraudAction, type FraudReason, type ReferralFraudPolicy } from './referral-fraud-policy.js';

/**
 * The fraud checks of a referral, over facts the caller gathered (no store, no clock): every check
 * that matches becomes a reason with its action from the program's policy and an explanation an
 * admin reads when deciding to approve or reject.
 *
 * The checks run at two moments, each with what is known then:
 * - at the claim (`checkClaim`): SELF_REFERRAL, SAME_IP_AS_ADVOCATE, IP_CLAIM_BURST, and
 *   EXISTING_CUSTOMER when the friend is a known customer;
 * - at the conversion, the friend's first qualifying order (`checkConversion`): ADVOCATE_PLACED_ORDER,
 *   SAME_SHIPPING_ADDRESS, EXISTING_CUSTOMER (a guest claim is matched to a customer only by the
 *   order) and ADVOCATE_OVER_CAP, which counts rewards as they are when the reward is due.
 * A referral's verdict is over both: `combineAssessments(claim, conversion)`.
 *
 * Emails are compared in `canonicalEmail` form, IPs and addresses as `Fingerprinter` hashes.
 */

export type FraudStage = 'CLAIM' | 'CONVERSION';
/** BLOCKED if any reason blocks, else FLAGGED if any reason matched, else CLEAN. */
export type FraudVerdict = 'CLEAN' | 'FLAGGED' | 'BLOCKED';

export interface FraudFinding {
  reason: FraudReason;
  action: FraudAction;
  stage: FraudStage;
  /** For the admin, in English; names no email, address or IP. */
  explanation: string;
}

export interface FraudAssessment {
  verdict: FraudVerdict;
  /** In `FRAUD_REASONS` order, each reason once. */
  reasons: FraudFinding[];
}

/** The advocate, as the referral store knows them when a check runs. */
export interface AdvocateFacts {
  customerId: string;
  normalizedEmail: string | null;
  /** Hashes of the IPs the advocate's recent activity came from (their clicks, sessions, orders). */
  recentIpHashes: readonly string[];
  /** Hashes of the shipping addresses of the advocate's orders. */
  shippingAddressHashes: readonly string[];
  /** Referrals of this advocate rewarded in the current calendar month, this one not counted. */
  rewardedThisMonth: number;
  /** Referrals of this advocate ever rewarded, this one not counted. */
  rewardedLifetime: number;
}

export interface ClaimFacts {
  advocate: AdvocateFacts;
  friend: {
    /** Known when the friend claims logged in (app proxy session); null for a guest. */
    customerId: string | null;
    normalizedEmail: string;
    ipHash: string | null;
    /** Other claims from `ipHash` in the 7 days before this one (this one not counted). */
    earlierClaimsFromIpInWeek: number;
    /** Whether the friend had orders before this claim; null when not known (a guest). */
    hadOrdersBeforeClaim: boolean | null;
  };
}

export interface ConversionFacts {
  advocate: AdvocateFacts;
  friend: {
    /** Whether the customer of the order had orders before the claim; null when not known. */
    hadOrdersBeforeClaim: boolean | null;
  };
  order: {
    /** The order's customer; null for an order without one. */
    customerId: string | null;
    normalizedEmail: string | null;
    shippingAddressHash: string | null;
  };
}

/** The checks that can run when a friend claims. */
export function checkClaim(policy: ReferralFraudPolicy, facts: ClaimFacts): FraudAssessment {
  const { advocate, friend } = facts;
  const earlierClaims = count(friend.earlierClaimsFromIpInWeek, 'friend.earlierClaimsFromIpInWeek');
  const found = findings(policy, 'CLAIM');
  if (same(friend.customerId, advocate.customerId)) {
    found.add('SELF_REFERRAL', 'The friend is the advocate: the advocate\'s own customer account claimed the referral.');
  } else if (same(friend.normalizedEmail, advocate.normalizedEmail)) {
    found.add('SELF_REFERRAL', 'The friend\'s email is the advocate\'s own once normalized (letter case, and the dots or +tags its provider ignores).');
  }
  if (friend.ipHash !== null && advocate.recentIpHashes.includes(friend.ipHash)) {
    found.add('SAME_IP_AS_ADVOCATE', 'The friend claimed from the IP address (or IPv6 network) the advocate recently used.');
  }
  const claimNumber = earlierClaims + 1;
  if (friend.ipHash !== null && claimNumber >= policy.ipClaimBurstThreshold) {
    found.add('IP_CLAIM_BURST', `This is claim ${claimNumber} from one IP address in 7 days; the program reports ${policy.ipClaimBurstThreshold} or more.`);
  }
  if (friend.hadOrdersBeforeClaim === true) {
    found.add('EXISTING_CUSTOMER', 'The friend had already ordered before claiming: the referral brings no new customer.');
  }
  return found.assessment();
}

/** The checks that run when the friend's first qualifying order converts the referral. */
export function checkConversion(policy: ReferralFraudPolicy, facts: ConversionFacts): FraudAssessment {
  const { advocate, friend, order } = facts;
  const monthly = count(advocate.rewardedThisMonth, 'advocate.rewardedThisMonth');
  const lifetime = count(advocate.rewardedLifetime, 'advocate.rewardedLifetime');
  const found = findings(policy, 'CONVERSION');
  if (same(order.customerId, advocate.customerId)) {
    found.add('ADVOCATE_PLACED_ORDER', 'The referred order was placed by the advocate\'s own customer account.');
  } else if (same(order.normalizedEmail, advocate.normalizedEmail)) {
    found.add('ADVOCATE_PLACED_ORDER', 'The referred order carries the advocate\'s own email once normalized.');
  }
  if (order.shippingAddressHash !== null && advocate.shippingAddressHashes.includes(order.shippingAddressHash)) {
    found.add('SAME_SHIPPING_ADDRESS', 'The referred order ships to an address the advocate\'s own orders shipped to.');
  }
  if (friend.hadOrdersBeforeClaim === true) {
    found.add('EXISTING_CUSTOMER', 'The order\'s customer had already ordered before the claim: the referral brings no new customer.');
  }
  const overCap: string[] = [];
  if (policy.advocateMonthlyCap !== null && monthly >= policy.advocateMonthlyCap) {
    overCap.push(`The advocate already has ${monthly} rewarded referrals this month; the program's monthly cap is ${policy.advocateMonthlyCap}.`);
  }
  if (policy.advocateLifetimeCap !== null && lifetime >= policy.advocateLifetimeCap) {
    overCap.push(`The advocate already has ${lifetime} rewarded referrals in all; the program's lifetime cap is ${policy.advocateLifetimeCap}.`);
  }
  if (overCap.length > 0) found.add('ADVOCATE_OVER_CAP', overCap.join(' '));
  return found.assessment();
}

/**
 * One assessment of a referral from several: each reason once, a blocking finding kept over a
 * flagging one of the same reason (the policy may have changed between claim and conversion),
 * else the earlier stage's; reasons in `FRAUD_REASONS` order and the verdict over all of them.
 */
export function combineAssessments(...assessments: FraudAssessment[]): FraudAssessment {
  const byReason = new Map<FraudReason, FraudFinding>();
  for (const finding of assessments.flatMap((a) => a.reasons)) {
    const kept = byReason.get(finding.reason);
    if (!kept || (kept.action === 'FLAG' && finding.action === 'BLOCK')) byReason.set(finding.reason, finding);
  }
  return assess([...byReason.values()]);
}

function assess(reasons: FraudFinding[]): FraudAssessment {
  const ordered = [...reasons].sort((a, b) => FRAUD_REASONS.indexOf(a.reason) - FRAUD_REASONS.indexOf(b.reason));
  const verdict: FraudVerdict = ordered.some((r) => r.action === 'BLOCK') ? 'BLOCKED' : ordered.length > 0 ? 'FLAGGED' : 'CLEAN';
  return { verdict, reasons: ordered };
}

function findings(policy: ReferralFraudPolicy, stage: FraudStage) {
  const reasons: FraudFinding[] = [];
  return {
    add(reason: FraudReason, explanation: string) {
      reasons.push({ reason, action: policy.actions[reason], stage, explanation });
    },
    assessment: () => assess(reasons),
  };
}

/** Two identities match only when both are known: two missing emails are not one person. */
function same(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.length > 0 && a === b;
}

/** A count that is not a count is a caller's bug; failing beats a NaN that quietly never reaches a cap. */
function count(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${field} must be a count (a whole number, 0 or more); ${value} was given`);
  return value;
}
