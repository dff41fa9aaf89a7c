/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Machine-readable code of an expected business error returned in a result union. */
export type ErrorCode =
  /** The customer already earned for this activity as often as its limit allows (ActivityLimitReachedError). */
  | 'ACTIVITY_LIMIT_REACHED'
  /** The merchant's earning rules have no activity with that key (ActivityNotFoundError). */
  | 'ACTIVITY_NOT_FOUND'
  /** No API key with that id belongs to this merchant (ApiKeyNotFoundError). */
  | 'API_KEY_NOT_FOUND'
  /** No customer with that id belongs to this merchant (CustomerNotFoundError). */
  | 'CUSTOMER_NOT_FOUND'
  /** No dead-lettered event with that id belongs to this merchant (DeadLetterEventNotFoundError). */
  | 'DEAD_LETTER_EVENT_NOT_FOUND'
  /** The dead-lettered event was already applied; there is nothing to retry (DeadLetterEventResolvedError). */
  | 'DEAD_LETTER_EVENT_RESOLVED'
  /** Shopify issued no discount code for a redemption (DiscountCreationFailedError); the points were given back. */
  | 'DISCOUNT_CREATION_FAILED'
  /** Shopify did not delete the redemption's discount code, so it still works and the points stay spent (DiscountDeactivationFailedError); try again. */
  | 'DISCOUNT_DEACTIVATION_FAILED'
  /** Reserved for a customer email already in use; no mutation returns it today (customers are matched by their Shopify id). */
  | 'EMAIL_TAKEN'
  /** The idempotency key was already used for a different change (IdempotencyKeyReusedError); use a new key for a new change. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The customer's balance is lower than the points asked for (InsufficientPointsError); nothing was spent. */
  | 'INSUFFICIENT_POINTS'
  /** The program settings, earning rules, tier program or referral program break a rule as a whole (InvalidSettingsError, InvalidTierProgramError, ReferralProgramInvalidError); nothing was saved. */
  | 'INVALID_SETTINGS'
  /** Reserved; a negative balance is reported as REWARD_UNAVAILABLE with reason NEGATIVE_BALANCE. */
  | 'NEGATIVE_BALANCE'
  /** Reserved for a generic missing record; no mutation returns it today (each names what is missing, e.g. REWARD_NOT_FOUND). */
  | 'NOT_FOUND'
  /** The merchant has switched the points program off (ProgramDisabledError); nothing was earned or spent. */
  | 'PROGRAM_DISABLED'
  /** Only an issued redemption can be cancelled; this one is pending, used, expired, cancelled or failed (RedemptionNotCancellableError). */
  | 'REDEMPTION_NOT_CANCELLABLE'
  /** No redemption with that id belongs to this merchant (RedemptionNotFoundError). */
  | 'REDEMPTION_NOT_FOUND'
  /** Someone else already claimed an offer at this shop with that email (ReferralAlreadyClaimedError); nothing about their claim is shown and nothing was claimed. */
  | 'REFERRAL_ALREADY_CLAIMED'
  /** A fraud check blocked the claim (ReferralClaimBlockedError); no discount code was issued and the referral waits for an admin. */
  | 'REFERRAL_CLAIM_BLOCKED'
  /** A field of the claim is not what it must be, e.g. a malformed code or an email that is not one (ReferralClaimInvalidError names the field); nothing was claimed. */
  | 'REFERRAL_CLAIM_INVALID'
  /** No customer of this merchant holds that referral code (ReferralCodeNotFoundError); nothing was claimed. */
  | 'REFERRAL_CODE_NOT_FOUND'
  /** Shopify issued no discount code for the friend's claim (ReferralDiscountUnavailableError); claiming again later issues it. */
  | 'REFERRAL_DISCOUNT_UNAVAILABLE'
  /** The referral is not in a status the decision applies to, e.g. approving one that is not BLOCKED (ReferralNotDecidableError); nothing changed. */
  | 'REFERRAL_NOT_DECIDABLE'
  /** No referral with that id belongs to this merchant (ReferralNotFoundError). */
  | 'REFERRAL_NOT_FOUND'
  /** The merchant has switched the referral program off (ReferralProgramDisabledError); nothing was claimed. */
  | 'REFERRAL_PROGRAM_DISABLED'
  /** An argument of an admin's referral decision is out of range (ReferralReviewInvalidError); nothing changed. */
  | 'REFERRAL_REVIEW_INVALID'
  /** No reward with that id belongs to this merchant (RewardNotFoundError). */
  | 'REWARD_NOT_FOUND'
  /** The reward cannot be redeemed now, e.g. it is disabled or the balance is negative (RewardUnavailableError); nothing was spent. */
  | 'REWARD_UNAVAILABLE'
  /** The merchant already has as many member exports queued or running as it may (SegmentExportLimitReachedError); one must finish before another starts. */
  | 'SEGMENT_EXPORT_LIMIT_REACHED'
  /** The merchant has no segment with that handle (SegmentNotFoundError); nothing was started. */
  | 'SEGMENT_NOT_FOUND'
  /** No outgoing webhook delivery with that id belongs to this merchant (WebhookSubscriptionDeliveryNotFoundError). */
  | 'WEBHOOK_DELIVERY_NOT_FOUND'
  /** The webhook endpoint URL is not one deliveries may go to: malformed, not https, carrying credentials, or resolving to a private address or to none (WebhookEndpointRefusedError says which); nothing was saved. */
  | 'WEBHOOK_ENDPOINT_REFUSED'
  /** The delivery's subscription is disabled, so nothing can be sent to it (WebhookSubscriptionDisabledError); enable it first. */
  | 'WEBHOOK_SUBSCRIPTION_DISABLED'
  /** The merchant already has as many webhook subscriptions as it may (WebhookSubscriptionLimitReachedError); delete one first. */
  | 'WEBHOOK_SUBSCRIPTION_LIMIT_REACHED'
  /** No webhook subscription with that id belongs to this merchant (WebhookSubscriptionNotFoundError). */
  | 'WEBHOOK_SUBSCRIPTION_NOT_FOUND';

/** A language the loyalty program speaks to shoppers. */
export type LocaleCode =
  /** English. */
  | 'EN'
  /** Spanish. */
  | 'ES'
  /** French. */
  | 'FR';

/** A reward to redeem for a customer. */
export type RedeemRewardInput = {
  /** The customer who spends the points: a shopper may name only themselves. */
  customerId: string | number;
  /** Makes the call safe to repeat: the same key returns the same redemption and spends once. 1–200 printable characters; unique per merchant and kind of caller. */
  idempotencyKey: string;
  /** The reward. */
  rewardId: string | number;
};

/** Where a redemption stands. */
export type RedemptionStatus =
  /** Cancelled by the merchant (`cancelRedemption`): the code was deleted in Shopify and the points given back. */
  | 'CANCELLED'
  /** The code expired unused; the points stay spent. */
  | 'EXPIRED'
  /** Shopify issued no code; the points were given back. */
  | 'FAILED'
  /** The discount code exists and can be used. */
  | 'ISSUED'
  /** Points spent; the discount code is being created in Shopify. */
  | 'PENDING'
  /** An order used the code. */
  | 'USED';

/** What the discount code a referred friend gets takes off their order. */
export type ReferralFriendRewardKind =
  /** A fixed amount in the shop's currency. */
  | 'FIXED_AMOUNT'
  /** The shipping of the order. */
  | 'FREE_SHIPPING'
  /** A percentage of the order, 1 to 100. */
  | 'PERCENTAGE';

/** What a customer accumulates to reach a tier. */
export type TierMetric =
  /** Paid orders net of refunds, in whole units of the shop's currency. */
  | 'AMOUNT_SPENT'
  /** Orders placed, less cancelled ones. */
  | 'ORDERS_COUNT'
  /** Points earned (earning entries less their reversals); spending points never lowers it. */
  | 'POINTS_EARNED';

export type LauncherBalanceQueryVariables = Exact<{
  id: string | number;
}>;


export type LauncherBalanceQuery = { customer: { id: string, points: { balance: number } } | null };

export type WidgetProgramQueryVariables = Exact<{
  locale?: LocaleCode | null | undefined;
}>;


export type WidgetProgramQuery = { rewards: Array<{ id: string, name: string, pointsCost: number, minimumSubtotal: string | null }>, earningRules: { enabled: boolean, pointsPerCurrencyUnit: number, signupBonus: number, birthdayBonus: number, activities: Array<{ key: string, name: string, points: number }> }, tiers: Array<{ id: string, name: string, threshold: number }>, referralOffer: { enabled: boolean, advocatePoints: number | null, friendReward: { kind: ReferralFriendRewardKind, value: string | null, minimumOrderAmount: string | null } | null } };

export type WidgetAccountQueryVariables = Exact<{
  id: string | number;
  locale?: LocaleCode | null | undefined;
}>;


export type WidgetAccountQuery = { customer: { id: string, points: { balance: number, pending: number, history: { nodes: Array<{ id: string, points: number, reason: string | null, createdAt: string }> } }, tier: { current: { id: string, name: string } | null, progress: { metric: TierMetric, value: number, deltaToNext: number | null, nextTier: { id: string, name: string, threshold: number } | null } }, referral: { code: string, url: string } | null } | null };

export type WidgetBalanceSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WidgetBalanceSubscription = { pointsBalanceChanged: { balance: number, pending: number } };

export type RedeemRewardMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type RedeemRewardMutation = { redeemReward:
    | { __typename: 'CustomerNotFoundError', code: ErrorCode }
    | { __typename: 'DiscountCreationFailedError', code: ErrorCode }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode }
    | { __typename: 'InsufficientPointsError', balance: number, required: number, code: ErrorCode }
    | { __typename: 'Redemption', id: string, status: RedemptionStatus, discountCode: string | null, expiresAt: string | null, pointsSpent: number }
    | { __typename: 'RewardNotFoundError', code: ErrorCode }
    | { __typename: 'RewardUnavailableError', code: ErrorCode }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const LauncherBalanceDocument = new TypedDocumentString(`
    query LauncherBalance($id: ID!) {
  customer(id: $id) {
    id
    points {
      balance
    }
  }
}
    `) as unknown as TypedDocumentString<LauncherBalanceQuery, LauncherBalanceQueryVariables>;
export const WidgetProgramDocument = new TypedDocumentString(`
    query WidgetProgram($locale: LocaleCode) {
  rewards(activeOnly: true) {
    id
    name(locale: $locale)
    pointsCost
    minimumSubtotal
  }
  earningRules {
    enabled
    pointsPerCurrencyUnit
    signupBonus
    birthdayBonus
    activities {
      key
      name
      points
    }
  }
  tiers {
    id
    name(locale: $locale)
    threshold
  }
  referralOffer {
    enabled
    advocatePoints
    friendReward {
      kind
      value
      minimumOrderAmount
    }
  }
}
    `) as unknown as TypedDocumentString<WidgetProgramQuery, WidgetProgramQueryVariables>;
export const WidgetAccountDocument = new TypedDocumentString(`
    query WidgetAccount($id: ID!, $locale: LocaleCode) {
  customer(id: $id) {
    id
    points {
      balance
      pending
      history(first: 20) {
        nodes {
          id
          points
          reason
          createdAt
        }
      }
    }
    tier {
      current {
        id
        name(locale: $locale)
      }
      progress {
        metric
        value
        deltaToNext
        nextTier {
          id
          name(locale: $locale)
          threshold
        }
      }
    }
    referral {
      code
      url
    }
  }
}
    `) as unknown as TypedDocumentString<WidgetAccountQuery, WidgetAccountQueryVariables>;
export const WidgetBalanceDocument = new TypedDocumentString(`
    subscription WidgetBalance {
  pointsBalanceChanged {
    balance
    pending
  }
}
    `) as unknown as TypedDocumentString<WidgetBalanceSubscription, WidgetBalanceSubscriptionVariables>;
export const RedeemRewardDocument = new TypedDocumentString(`
    mutation RedeemReward($input: RedeemRewardInput!) {
  redeemReward(input: $input) {
    __typename
    ... on Redemption {
      id
      status
      discountCode
      expiresAt
      pointsSpent
    }
    ... on InsufficientPointsError {
      balance
      required
    }
    ... on ErrorResult {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<RedeemRewardMutation, RedeemRewardMutationVariables>;