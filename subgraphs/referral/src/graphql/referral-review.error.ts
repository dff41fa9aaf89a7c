import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ID, ObjectType } from 'type-graphql';
import { ReferralStatusType } from './referral-enums.type.js';

@ObjectType('ReferralNotFoundError', { implements: ErrorResult, description: 'No referral with that id belongs to this merchant; nothing changed.' })
export class ReferralNotFoundError extends ErrorResult {
  @Field(() => ID, { description: 'The id that was asked for.' })
  referralId: string;

  constructor(referralId: string) {
    super();
    this.code = ErrorCode.REFERRAL_NOT_FOUND;
    this.message = `id: no referral ${referralId}`;
    this.referralId = referralId;
  }
}

@ObjectType('ReferralNotDecidableError', {
  implements: ErrorResult,
  description: 'The decision does not apply to the referral where it stands: only a BLOCKED referral can be approved; only a CLAIMED, PENDING or BLOCKED one can be rejected. Nothing changed.',
})
export class ReferralNotDecidableError extends ErrorResult {
  @Field(() => ID, { description: 'The referral.' })
  referralId: string;

  @Field(() => ReferralStatusType, { description: 'Where it stands.' })
  status: ReferralStatusType;

  constructor(referralId: string, status: string, decision: 'approve' | 'reject', allowed: string) {
    super();
    this.code = ErrorCode.REFERRAL_NOT_DECIDABLE;
    this.message = `id: referral ${referralId} is ${status}; only ${allowed} can be ${decision === 'approve' ? 'approved' : 'rejected'}`;
    this.referralId = referralId;
    this.status = status as ReferralStatusType;
  }
}

@ObjectType('ReferralReviewInvalidError', { implements: ErrorResult, description: 'An argument of the decision is out of range; nothing changed.' })
export class ReferralReviewInvalidError extends ErrorResult {
  @Field(() => String, { description: 'The offending argument, e.g. `reason`.' })
  field: string;

  constructor(field: string, message: string) {
    super();
    this.code = ErrorCode.REFERRAL_REVIEW_INVALID;
    this.field = field;
    this.message = `${field}: ${message}`;
  }
}
