import { forbidden, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Ctx, Mutation, Resolver, createUnionType } from 'type-graphql';
import { ClaimReferralInput } from '../graphql/claim-referral.input.js';
import {
  ReferralAlreadyClaimedError,
  ReferralClaimBlockedError,
  ReferralClaimInvalidError,
  ReferralCodeNotFoundError,
  ReferralDiscountUnavailableError,
  ReferralProgramDisabledError,
} from '../graphql/referral-claim.error.js';
import type { ReferralFriendRewardKindType, ReferralStatusType } from '../graphql/referral-enums.type.js';
import { ReferralClaimType } from '../graphql/referral-claim.type.js';
import type { ReferralClaimService, ReferralClaimView } from '../services/referral-claim.service.js';

const ERRORS = [
  ReferralProgramDisabledError,
  ReferralCodeNotFoundError,
  ReferralClaimInvalidError,
  ReferralClaimBlockedError,
  ReferralAlreadyClaimedError,
  ReferralDiscountUnavailableError,
] as const;

export const ClaimReferralResult = createUnionType({
  name: 'ClaimReferralResult',
  description: "The friend's claim with their discount code, or why there is none (then nothing was claimed).",
  types: () => [ReferralClaimType, ...ERRORS] as const,
  resolveType: (value) => ERRORS.find((type) => value instanceof type) ?? ReferralClaimType,
});

@Resolver()
export class ReferralClaimResolver {
  constructor(private readonly claims: ReferralClaimService) {}

  @Mutation(() => ClaimReferralResult, {
    description:
      "Claims an advocate's referral code for a friend and issues the friend's Shopify discount code, once per friend: claiming again returns the same code. A shopper (app proxy session) claims as themself, and an email another friend already claimed with answers ReferralAlreadyClaimedError (nothing of that claim); a caller with `referrals:manage` claims for any email, or a named customer of the shop.",
  })
  async claimReferral(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ClaimReferralInput, { description: 'The code, the friend\'s email and, for trusted callers, the friend\'s customer id.' }) input: ClaimReferralInput,
  ): Promise<typeof ClaimReferralResult> {
    const result = await this.claims.claim(ctx, { code: input.code, email: input.email, friendCustomerId: friendOf(ctx, input.friendCustomerId ?? null), ipAddress: null, userAgent: null });
    return 'referralId' in result ? claimTypeOf(result) : result;
  }
}

/** The friend: a shopper is themself, from the verified session; only `referrals:manage` may name another customer. */
function friendOf(ctx: RequestContext, named: string | null): string | null {
  if (ctx.scopes.includes(Scope.REFERRALS_MANAGE)) return named;
  if (ctx.actor.kind === 'shopper' && ctx.scopes.includes(Scope.CUSTOMER_SELF) && ctx.customerId) {
    if (named !== null && named !== ctx.customerId) throw forbidden('A shopper claims a referral only as themself');
    return ctx.customerId;
  }
  throw forbidden(`Missing scope: ${Scope.REFERRALS_MANAGE}`);
}

export function claimTypeOf(view: ReferralClaimView): ReferralClaimType {
  const { kind, value, minimumOrderAmount, expiryDays } = view.reward;
  return Object.assign(new ReferralClaimType(), {
    referralId: view.referralId,
    discountCode: view.discountCode,
    status: view.status as ReferralStatusType,
    kind: kind as ReferralFriendRewardKindType,
    value,
    minimumOrderAmount,
    expiryDays,
    endsAt: view.endsAt,
  });
}
