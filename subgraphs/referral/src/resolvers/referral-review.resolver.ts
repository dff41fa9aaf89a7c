import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver, createUnionType } from 'type-graphql';
import { ReferralNotDecidableError, ReferralNotFoundError, ReferralReviewInvalidError } from '../graphql/referral-review.error.js';
import { ReferralType, referralTypeOf } from '../graphql/referral.type.js';
import type { ReferralReviewService } from '../services/referral-review.service.js';

type ReviewError = ReferralNotFoundError | ReferralNotDecidableError | ReferralReviewInvalidError;

function resolveReview(value: unknown) {
  if (value instanceof ReferralNotFoundError) return ReferralNotFoundError;
  if (value instanceof ReferralNotDecidableError) return ReferralNotDecidableError;
  if (value instanceof ReferralReviewInvalidError) return ReferralReviewInvalidError;
  return ReferralType;
}

export const ApproveReferralResult = createUnionType({
  name: 'ApproveReferralResult',
  description: 'The referral as approved, or why not (then nothing changed).',
  types: () => [ReferralType, ReferralNotFoundError, ReferralNotDecidableError] as const,
  resolveType: resolveReview,
});

export const RejectReferralResult = createUnionType({
  name: 'RejectReferralResult',
  description: 'The referral as rejected, or why not (then nothing changed).',
  types: () => [ReferralType, ReferralNotFoundError, ReferralNotDecidableError, ReferralReviewInvalidError] as const,
  resolveType: resolveReview,
});

@Resolver()
export class ReferralReviewResolver {
  constructor(private readonly review: ReferralReviewService) {}

  @Authorized(Scope.REFERRALS_MANAGE)
  @Mutation(() => ApproveReferralResult, {
    description: 'Lifts the block of a BLOCKED referral (`referrals:manage`): it goes where it would be without it (CLAIMED, PENDING, or COMPLETED when its hold is over, paying the advocate).',
  })
  async approveReferral(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The referral.' }) id: string): Promise<typeof ApproveReferralResult> {
    return typeOf(await this.review.approve(ctx, id));
  }

  @Authorized(Scope.REFERRALS_MANAGE)
  @Mutation(() => RejectReferralResult, { description: 'Refuses a CLAIMED, PENDING or BLOCKED referral for good (`referrals:manage`): the advocate is not paid for it.' })
  async rejectReferral(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The referral.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: "The admin's note, up to 500 characters, kept on the referral." }) reason?: string | null,
  ): Promise<typeof RejectReferralResult> {
    return typeOf(await this.review.reject(ctx, id, reason ?? null));
  }
}

function typeOf<E extends ReviewError>(result: Parameters<typeof referralTypeOf>[0] | E): ReferralType | E {
  return result instanceof ReferralNotFoundError || result instanceof ReferralNotDecidableError || result instanceof ReferralReviewInvalidError ? result : referralTypeOf(result);
}
