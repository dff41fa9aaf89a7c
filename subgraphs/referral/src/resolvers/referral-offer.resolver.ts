import type { RequestContext } from '@loyalnest/kit';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { ReferralFriendRewardKindType } from '../graphql/referral-enums.type.js';
import { ReferralOfferType } from '../graphql/referral-offer.type.js';
import type { ReferralProgramService } from '../services/referral-program.service.js';

@Resolver()
export class ReferralOfferResolver {
  constructor(private readonly program: ReferralProgramService) {}

  /**
   * No scope: like `earningRules`, the offer is what the merchant shows every visitor of its store
   * (the widget asks with a guest's token). The merchant is the caller's; the tenant filter keeps
   * any other merchant's program out of reach.
   */
  @Query(() => ReferralOfferType, {
    description: "What the merchant's referral program offers advocates and their friends; readable by every caller of the merchant (the widget shows it). Only `enabled` (false) while the program is off.",
  })
  async referralOffer(@Ctx() ctx: RequestContext): Promise<ReferralOfferType> {
    const program = await this.program.program(ctx);
    // A program switched off may be a draft: none of its figures is shown to visitors.
    if (!program.enabled) return Object.assign(new ReferralOfferType(), { enabled: false, advocatePoints: null, friendReward: null, minimumOrderValue: null, holdDays: null });
    return Object.assign(new ReferralOfferType(), {
      enabled: true,
      advocatePoints: program.advocatePoints,
      friendReward: { ...program.friendReward, kind: program.friendReward.kind as ReferralFriendRewardKindType },
      minimumOrderValue: program.minimumOrderValue,
      holdDays: program.holdDays,
    });
  }
}
