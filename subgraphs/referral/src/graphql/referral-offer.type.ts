import { Field, Int, ObjectType } from 'type-graphql';
import { ReferralFriendRewardType } from './referral-program.type.js';

@ObjectType('ReferralOffer', {
  description:
    "What the merchant's referral program offers, as the storefront tells it: \"give your friends X, get Y points\". Readable by every caller of the merchant, a storefront guest included; nothing of the program's fraud policy, caps or any customer. While the program is off, only `enabled` (false).",
})
export class ReferralOfferType {
  @Field(() => Boolean, { description: 'Whether referrals are on: links answer with the offer, and claims are taken.' })
  enabled!: boolean;

  @Field(() => Int, { nullable: true, description: 'Points the advocate earns per completed referral; null while the program is off.' })
  advocatePoints!: number | null;

  @Field(() => ReferralFriendRewardType, { nullable: true, description: 'The discount the friend gets on claiming; null while the program is off.' })
  friendReward!: ReferralFriendRewardType | null;

  @Field(() => String, {
    nullable: true,
    description: "The friend's order total after discounts must reach this for the advocate to earn (a decimal string in the shop's currency); null: any order, or the program is off.",
  })
  minimumOrderValue!: string | null;

  @Field(() => Int, { nullable: true, description: "Days after the friend's qualifying order before the advocate's points arrive; null while the program is off." })
  holdDays!: number | null;
}
