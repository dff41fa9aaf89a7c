import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

@ObjectType('RewardNotFoundError', { implements: ErrorResult, description: 'No reward with that id belongs to this merchant.' })
export class RewardNotFoundError extends ErrorResult {
  @Field(() => ID, { description: 'The id that was asked for.' })
  rewardId: string;

  constructor(rewardId: string) {
    super();
    this.code = ErrorCode.REWARD_NOT_FOUND;
    this.message = `No reward ${rewardId}`;
    this.rewardId = rewardId;
  }
}

export enum RewardUnavailableReason {
  INACTIVE = 'INACTIVE',
  ARCHIVED = 'ARCHIVED',
  NOT_STARTED = 'NOT_STARTED',
  ENDED = 'ENDED',
  USAGE_LIMIT_REACHED = 'USAGE_LIMIT_REACHED',
  CUSTOMER_LIMIT_REACHED = 'CUSTOMER_LIMIT_REACHED',
  NEGATIVE_BALANCE = 'NEGATIVE_BALANCE',
  PROGRAM_DISABLED = 'PROGRAM_DISABLED',
}
registerEnumType(RewardUnavailableReason, {
  name: 'RewardUnavailableReason',
  description: 'Why a reward cannot be redeemed now.',
  valuesConfig: {
    INACTIVE: { description: 'The merchant switched it off.' },
    ARCHIVED: { description: 'It was removed from the catalog.' },
    NOT_STARTED: { description: 'Its window has not opened yet.' },
    ENDED: { description: 'Its window has closed.' },
    USAGE_LIMIT_REACHED: { description: 'It has been redeemed as often as it may be.' },
    CUSTOMER_LIMIT_REACHED: { description: 'This customer has redeemed it as often as one customer may.' },
    NEGATIVE_BALANCE: { description: "The customer's balance is below zero (after a refund took back spent points): no redemption until it is not." },
    PROGRAM_DISABLED: { description: 'The merchant has switched the points program off.' },
  },
});

const MESSAGES: Record<RewardUnavailableReason, string> = {
  INACTIVE: 'The reward is switched off',
  ARCHIVED: 'The reward is no longer in the catalog',
  NOT_STARTED: 'The reward cannot be redeemed yet',
  ENDED: 'The reward can no longer be redeemed',
  USAGE_LIMIT_REACHED: 'The reward has been redeemed as often as it may be',
  CUSTOMER_LIMIT_REACHED: 'The customer has redeemed this reward as often as one customer may',
  NEGATIVE_BALANCE: 'The customer owes points: the balance is below zero',
  PROGRAM_DISABLED: 'The points program is switched off',
};

@ObjectType('RewardUnavailableError', { implements: ErrorResult, description: 'The reward exists but cannot be redeemed now; nothing was spent.' })
export class RewardUnavailableError extends ErrorResult {
  @Field(() => ID, { description: 'The reward.' })
  rewardId: string;

  @Field(() => RewardUnavailableReason, { description: 'Why.' })
  reason: RewardUnavailableReason;

  constructor(rewardId: string, reason: RewardUnavailableReason) {
    super();
    this.code = ErrorCode.REWARD_UNAVAILABLE;
    this.message = MESSAGES[reason];
    this.rewardId = rewardId;
    this.reason = reason;
  }
}

export enum DiscountFailureReason {
  SHOPIFY_UNAVAILABLE = 'SHOPIFY_UNAVAILABLE',
  SHOPIFY_REJECTED = 'SHOPIFY_REJECTED',
}
registerEnumType(DiscountFailureReason, {
  name: 'DiscountFailureReason',
  description: 'Why Shopify issued no discount code.',
  valuesConfig: {
    SHOPIFY_UNAVAILABLE: { description: 'Shopify stayed down, slow or throttled through every retry; trying again later may work.' },
    SHOPIFY_REJECTED: { description: 'Shopify (or the shop\'s install of the app) refused the discount; the same request will fail again.' },
  },
});

@ObjectType('DiscountCreationFailedError', { implements: ErrorResult, description: 'Shopify issued no discount code, so the points spent were given back.' })
export class DiscountCreationFailedError extends ErrorResult {
  @Field(() => ID, { description: 'The redemption, now FAILED, with the debit and the give-back in its ledger entries.' })
  redemptionId: string;

  @Field(() => Int, { description: 'Points given back to the customer.' })
  pointsReturned: number;

  @Field(() => DiscountFailureReason, { description: 'Why Shopify issued no code.' })
  reason: DiscountFailureReason;

  constructor(redemptionId: string, pointsReturned: number, reason: DiscountFailureReason) {
    super();
    this.code = ErrorCode.DISCOUNT_CREATION_FAILED;
    this.message =
      reason === DiscountFailureReason.SHOPIFY_UNAVAILABLE
        ? `Shopify could not be reached to create the discount code; the ${pointsReturned} points were given back`
        : `Shopify refused the discount code; the ${pointsReturned} points were given back`;
    this.redemptionId = redemptionId;
    this.pointsReturned = pointsReturned;
    this.reason = reason;
  }
}
