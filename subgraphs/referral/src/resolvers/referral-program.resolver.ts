import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver, createUnionType } from 'type-graphql';
import { FRAUD_CHECKS, type ReferralProgramDraft } from '../domain/referral-program.js';
import type { ReferralConversionRuleType, ReferralFraudActionType, ReferralFraudCheckType, ReferralFriendRewardKindType } from '../graphql/referral-enums.type.js';
import { ReferralProgramInvalidError } from '../graphql/referral-program.error.js';
import { ReferralProgramType } from '../graphql/referral-program.type.js';
import { UpdateReferralProgramInput } from '../graphql/update-referral-program.input.js';
import type { ReferralProgramService, ReferralProgramView } from '../services/referral-program.service.js';

export const UpdateReferralProgramResult = createUnionType({
  name: 'UpdateReferralProgramResult',
  description: 'The program as saved, or why it was refused (then nothing changed).',
  types: () => [ReferralProgramType, ReferralProgramInvalidError] as const,
  resolveType: (value) => (value instanceof ReferralProgramInvalidError ? ReferralProgramInvalidError : ReferralProgramType),
});

@Resolver()
export class ReferralProgramResolver {
  constructor(private readonly program: ReferralProgramService) {}

  @Authorized(Scope.REFERRALS_READ)
  @Query(() => ReferralProgramType, { description: "The merchant's referral program (`referrals:read`); the defaults, switched off, while none was saved." })
  async referralProgram(@Ctx() ctx: RequestContext): Promise<ReferralProgramType> {
    return programTypeOf(await this.program.program(ctx));
  }

  @Authorized(Scope.REFERRALS_MANAGE)
  @Mutation(() => UpdateReferralProgramResult, { description: 'Replaces the whole referral program at once (`referrals:manage`), checked as a whole.' })
  async updateReferralProgram(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateReferralProgramInput, { description: 'The whole program; settings left out take their defaults.' }) input: UpdateReferralProgramInput,
  ): Promise<typeof UpdateReferralProgramResult> {
    const result = await this.program.update(ctx, draftOf(input));
    return result instanceof ReferralProgramInvalidError ? result : programTypeOf(result);
  }
}

/** GraphQL's nulls for omitted settings become "not given", so the defaults apply. */
function draftOf(input: UpdateReferralProgramInput): ReferralProgramDraft {
  const given = <T>(value: T | null | undefined) => value ?? undefined;
  const reward = input.friendReward;
  return {
    enabled: input.enabled,
    advocatePoints: input.advocatePoints,
    friendReward: {
      kind: reward.kind,
      value: reward.value ?? null,
      minimumOrderAmount: reward.minimumOrderAmount ?? null,
      expiryDays: reward.expiryDays ?? null,
      singleUse: given(reward.singleUse),
      oncePerCustomer: given(reward.oncePerCustomer),
    },
    conversionRule: given(input.conversionRule),
    minimumOrderValue: input.minimumOrderValue ?? null,
    holdDays: given(input.holdDays),
    monthlyCap: input.monthlyCap ?? null,
    lifetimeCap: input.lifetimeCap ?? null,
    fraudChecks: input.fraudChecks ?? [],
    claimBurstPerWeek: given(input.claimBurstPerWeek),
  };
}

function programTypeOf(view: ReferralProgramView): ReferralProgramType {
  return Object.assign(new ReferralProgramType(), {
    ...view,
    friendReward: { ...view.friendReward, kind: view.friendReward.kind as ReferralFriendRewardKindType },
    conversionRule: view.conversionRule as ReferralConversionRuleType,
    fraudChecks: FRAUD_CHECKS.map((check) => ({ check: check as ReferralFraudCheckType, action: view.fraudPolicy[check] as ReferralFraudActionType })),
  });
}
