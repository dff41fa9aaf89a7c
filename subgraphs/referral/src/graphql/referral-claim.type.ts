import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ReferralFriendRewardKindType, ReferralStatusType } from './referral-enums.type.js';

@ObjectType('ReferralClaim', { description: "A friend's claimed referral: their one discount code and the offer it carries." })
export class ReferralClaimType {
  @Field(() => ID, { description: 'The referral.' })
  referralId!: string;

  @Field(() => String, { description: 'The discount code to enter at checkout (`REF-` and 10 characters); the same on every claim of this friend.' })
  discountCode!: string;

  @Field(() => ReferralStatusType, { description: 'Where the referral stands: CLAIMED after a first claim; later claims show how far it went.' })
  status!: ReferralStatusType;

  @Field(() => ReferralFriendRewardKindType, { description: 'What the code takes off, as the program says now.' })
  kind!: ReferralFriendRewardKindType;

  @Field(() => String, { nullable: true, description: "The amount off in the shop's currency (FIXED_AMOUNT) or percent off (PERCENTAGE), a decimal string; null for FREE_SHIPPING." })
  value!: string | null;

  @Field(() => String, { nullable: true, description: "Order subtotal the code needs, a decimal string in the shop's currency; null: any order." })
  minimumOrderAmount!: string | null;

  @Field(() => Int, { nullable: true, description: 'Days the code is valid from its issue; null: no expiry.' })
  expiryDays!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the code stops working; null: never.' })
  endsAt!: Date | null;
}
