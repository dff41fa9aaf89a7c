import { Field, InputType, Int } from 'type-graphql';
import { ReferralConversionRuleType, ReferralFraudActionType, ReferralFraudCheckType, ReferralFriendRewardKindType } from './referral-enums.type.js';

@InputType('ReferralFriendRewardInput', { description: 'The discount a referred friend gets.' })
export class ReferralFriendRewardInput {
  @Field(() => ReferralFriendRewardKindType, { description: 'What the discount takes off.' })
  kind!: ReferralFriendRewardKindType;

  @Field(() => String, {
    nullable: true,
    description: "FIXED_AMOUNT: the amount off in the shop's currency, more than 0 and at most 1,000,000. PERCENTAGE: percent off, 1–100. A decimal string with at most two places (\"5.00\"); omitted for FREE_SHIPPING.",
  })
  value?: string | null;

  @Field(() => String, { nullable: true, description: "Order subtotal the discount needs, a decimal string in the shop's currency, more than 0; omitted: any order." })
  minimumOrderAmount?: string | null;

  @Field(() => Int, { nullable: true, description: "Days the friend's code stays valid once issued, 1–365; omitted: no expiry." })
  expiryDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'The code works for one order only; default true.' })
  singleUse?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The code works once per Shopify customer; default true.' })
  oncePerCustomer?: boolean | null;
}

@InputType('ReferralFraudCheckInput', { description: 'What one fraud check does when it hits.' })
export class ReferralFraudCheckInput {
  @Field(() => ReferralFraudCheckType, { description: 'The check; each at most once per program.' })
  check!: ReferralFraudCheckType;

  @Field(() => ReferralFraudActionType, { description: 'Block the referral, or only flag it.' })
  action!: ReferralFraudActionType;
}

@InputType('UpdateReferralProgramInput', { description: 'The whole referral program: it replaces the current one at once. Settings left out take their defaults.' })
export class UpdateReferralProgramInput {
  @Field(() => Boolean, { description: 'Whether referrals are on.' })
  enabled!: boolean;

  @Field(() => Int, { description: 'Points the advocate earns per completed referral, 1–1,000,000.' })
  advocatePoints!: number;

  @Field(() => ReferralFriendRewardInput, { description: 'The discount the friend gets.' })
  friendReward!: ReferralFriendRewardInput;

  @Field(() => ReferralConversionRuleType, { nullable: true, description: "When the friend's first order counts; default ORDER_PAID." })
  conversionRule?: ReferralConversionRuleType | null;

  @Field(() => String, { nullable: true, description: "The friend's order total after discounts must reach this, a decimal string, more than 0; omitted: any order." })
  minimumOrderValue?: string | null;

  @Field(() => Int, { nullable: true, description: "Days between the friend's qualifying order and the advocate's points, 0–90; default 14." })
  holdDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Rewarded referrals per advocate per calendar month (UTC), 1–10,000, at most the lifetime cap; omitted: no cap.' })
  monthlyCap?: number | null;

  @Field(() => Int, { nullable: true, description: 'Rewarded referrals per advocate ever, 1–10,000; omitted: no cap.' })
  lifetimeCap?: number | null;

  @Field(() => [ReferralFraudCheckInput], {
    nullable: true,
    description: 'Fraud checks to set; a check left out takes its default (SELF_REFERRAL, ADVOCATE_PLACED_ORDER, IP_CLAIM_BURST, EXISTING_CUSTOMER and ADVOCATE_OVER_CAP block; SAME_IP_AS_ADVOCATE and SAME_SHIPPING_ADDRESS flag).',
  })
  fraudChecks?: ReferralFraudCheckInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Claims from one IP address within seven days at which IP_CLAIM_BURST hits, 2–1,000; default 10.' })
  claimBurstPerWeek?: number | null;
}
