import { Field, Int, ObjectType } from 'type-graphql';
import { ReferralConversionRuleType, ReferralFraudActionType, ReferralFraudCheckType, ReferralFriendRewardKindType } from './referral-enums.type.js';

@ObjectType('ReferralFriendReward', { description: 'The Shopify discount a referred friend gets when they claim a referral.' })
export class ReferralFriendRewardType {
  @Field(() => ReferralFriendRewardKindType, { description: 'What the discount takes off.' })
  kind!: ReferralFriendRewardKindType;

  @Field(() => String, { nullable: true, description: "Amount off in the shop's currency (FIXED_AMOUNT) or percent off (PERCENTAGE), a decimal string such as \"10.00\"; null for FREE_SHIPPING." })
  value!: string | null;

  @Field(() => String, { nullable: true, description: "Order subtotal the discount needs, a decimal string in the shop's currency; null: any order." })
  minimumOrderAmount!: string | null;

  @Field(() => Int, { nullable: true, description: "Days the friend's code stays valid once issued; null: no expiry." })
  expiryDays!: number | null;

  @Field(() => Boolean, { description: 'The code works for one order only.' })
  singleUse!: boolean;

  @Field(() => Boolean, { description: 'The code works once per Shopify customer.' })
  oncePerCustomer!: boolean;
}

@ObjectType('ReferralFraudCheckPolicy', { description: 'What one fraud check does when it hits.' })
export class ReferralFraudCheckPolicyType {
  @Field(() => ReferralFraudCheckType, { description: 'The check.' })
  check!: ReferralFraudCheckType;

  @Field(() => ReferralFraudActionType, { description: 'Whether it blocks the referral or only flags it.' })
  action!: ReferralFraudActionType;
}

@ObjectType('ReferralProgram', {
  description: "The merchant's referral program: what advocates and their friends get, when a referral counts, and how fraud is handled. Until first saved, the defaults, switched off.",
})
export class ReferralProgramType {
  @Field(() => Boolean, { description: 'Whether referrals are on: links answer with the offer, and claims are taken.' })
  enabled!: boolean;

  @Field(() => Int, { description: 'Points the advocate earns per completed referral, 1–1,000,000.' })
  advocatePoints!: number;

  @Field(() => ReferralFriendRewardType, { description: 'The discount the friend gets.' })
  friendReward!: ReferralFriendRewardType;

  @Field(() => ReferralConversionRuleType, { description: "When the friend's first order counts." })
  conversionRule!: ReferralConversionRuleType;

  @Field(() => String, { nullable: true, description: "The friend's order total after discounts must reach this (a decimal string in the shop's currency); null: any order." })
  minimumOrderValue!: string | null;

  @Field(() => Int, { description: "Days between the friend's qualifying order and the advocate's points, 0–90; a refund or cancellation inside it voids the referral." })
  holdDays!: number;

  @Field(() => Int, { nullable: true, description: 'Rewarded referrals per advocate per calendar month (UTC); null: no cap.' })
  monthlyCap!: number | null;

  @Field(() => Int, { nullable: true, description: 'Rewarded referrals per advocate ever; null: no cap.' })
  lifetimeCap!: number | null;

  @Field(() => [ReferralFraudCheckPolicyType], { description: 'Every fraud check and whether it blocks or only flags, in a fixed order.' })
  fraudChecks!: ReferralFraudCheckPolicyType[];

  @Field(() => Int, { description: 'Claims from one IP address within seven days at which IP_CLAIM_BURST hits, 2–1,000.' })
  claimBurstPerWeek!: number;

  @Field(() => Int, { description: 'How many times the program was saved; 0: never (the defaults).' })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When the program was last saved; null: never.' })
  updatedAt!: Date | null;
}
