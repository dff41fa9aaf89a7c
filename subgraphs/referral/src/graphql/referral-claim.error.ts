import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { FraudReason } from '../domain/referral-fraud-policy.js';

@ObjectType('ReferralProgramDisabledError', { implements: ErrorResult, description: 'The merchant has switched the referral program off; nothing was claimed.' })
export class ReferralProgramDisabledError extends ErrorResult {
  constructor() {
    super();
    this.code = ErrorCode.REFERRAL_PROGRAM_DISABLED;
    this.message = 'The referral program is switched off at this shop';
  }
}

@ObjectType('ReferralCodeNotFoundError', { implements: ErrorResult, description: 'No customer of this merchant holds the referral code; nothing was claimed.' })
export class ReferralCodeNotFoundError extends ErrorResult {
  @Field(() => String, { description: 'The code as read (upper case, mistyped symbols corrected).' })
  referralCode: string;

  constructor(code: string) {
    super();
    this.code = ErrorCode.REFERRAL_CODE_NOT_FOUND;
    this.message = `No referral code ${code} at this shop`;
    this.referralCode = code;
  }
}

@ObjectType('ReferralClaimInvalidError', { implements: ErrorResult, description: 'A field of the claim is not what it must be; nothing was claimed.' })
export class ReferralClaimInvalidError extends ErrorResult {
  @Field(() => String, { description: 'The input field at fault: `code`, `email` or `friendCustomerId`.' })
  field: string;

  constructor(problem: { field: string; message: string }) {
    super();
    this.code = ErrorCode.REFERRAL_CLAIM_INVALID;
    this.field = problem.field;
    this.message = problem.message;
  }
}

/** What the friend is told. The reasons that say how a check works (IP addresses, bursts) stay with the admin. */
const BLOCKED_MESSAGES: Partial<Record<FraudReason, string>> = {
  SELF_REFERRAL: 'This offer cannot be claimed: a referral link is for friends, not for its owner.',
  EXISTING_CUSTOMER: 'This offer cannot be claimed: it is for new customers, and this shop already knows you.',
};

@ObjectType('ReferralClaimBlockedError', {
  implements: ErrorResult,
  description: 'A fraud check blocked the claim: no discount code was issued, and the referral waits for an admin to approve or reject it.',
})
export class ReferralClaimBlockedError extends ErrorResult {
  constructor(reasons: readonly FraudReason[]) {
    super();
    this.code = ErrorCode.REFERRAL_CLAIM_BLOCKED;
    const named = reasons.map((r) => BLOCKED_MESSAGES[r]).find(Boolean);
    this.message = named ?? 'This offer cannot be claimed right now. If you think this is a mistake, contact the shop.';
  }
}

@ObjectType('ReferralAlreadyClaimedError', {
  implements: ErrorResult,
  description:
    "The email's referral was claimed by someone this request cannot be shown to be (another browser, another customer); nothing was claimed, and nothing of that claim is told.",
})
export class ReferralAlreadyClaimedError extends ErrorResult {
  constructor() {
    super();
    this.code = ErrorCode.REFERRAL_ALREADY_CLAIMED;
    this.message = 'This email already claimed an offer at this shop';
  }
}

export enum ReferralDiscountFailureReason {
  SHOPIFY_UNAVAILABLE = 'SHOPIFY_UNAVAILABLE',
  SHOPIFY_REJECTED = 'SHOPIFY_REJECTED',
  OUTCOME_UNKNOWN = 'OUTCOME_UNKNOWN',
}
registerEnumType(ReferralDiscountFailureReason, {
  name: 'ReferralDiscountFailureReason',
  description: "Why Shopify issued no discount code for a friend's claim.",
  valuesConfig: {
    SHOPIFY_UNAVAILABLE: { description: 'Shopify stayed down, slow or throttled through every retry.' },
    SHOPIFY_REJECTED: { description: "Shopify (or the shop's install of the app) refused the discount." },
    OUTCOME_UNKNOWN: { description: 'The shop could not be asked or did not answer; claiming again asks for the very same code, so no second discount is made.' },
  },
});

@ObjectType('ReferralDiscountUnavailableError', {
  implements: ErrorResult,
  description: "Shopify issued no discount code for the claim; nothing is claimed yet, and claiming again later issues the friend's one code.",
})
export class ReferralDiscountUnavailableError extends ErrorResult {
  @Field(() => ReferralDiscountFailureReason, { description: 'Why.' })
  reason: ReferralDiscountFailureReason;

  constructor(reason: ReferralDiscountFailureReason) {
    super();
    this.code = ErrorCode.REFERRAL_DISCOUNT_UNAVAILABLE;
    this.reason = reason;
    this.message = "The shop could not issue the friend's discount code just now; try again shortly";
  }
}

export type ReferralClaimError =
  | ReferralProgramDisabledError
  | ReferralCodeNotFoundError
  | ReferralClaimInvalidError
  | ReferralClaimBlockedError
  | ReferralAlreadyClaimedError
  | ReferralDiscountUnavailableError;
