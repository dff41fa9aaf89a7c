/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentNode } from 'graphql';
/** Points to give a customer. */
export type AwardPointsInput = {
  /** LoyalNest id of the customer. */
  customerId: string | number;
  /** Makes the call safe to repeat: the same key with the same change is applied once. 1–200 printable characters; unique per merchant and kind of caller. */
  idempotencyKey?: string | null | undefined;
  /** How many points, 1–1,000,000. */
  points: number;
  /** Why, shown in the customer's history (at most 255 characters). */
  reason?: string | null | undefined;
};

/** A new webhook subscription. */
export type CreateWebhookSubscriptionInput = {
  /** A note to recognise it by (at most 200 characters). */
  description?: string | null | undefined;
  /** The topics to deliver (at least one, each once). */
  topics: Array<WebhookTopic>;
  /** The endpoint to POST deliveries to (1–2048 characters): an https URL whose host resolves only to public addresses, without user name, password or #fragment. */
  url: string;
};

/** Narrows a customer list; all given conditions must hold. */
export type CustomerFilter = {
  /** Only customers with (or without) marketing consent. */
  acceptsMarketing?: boolean | null | undefined;
  /** Exact email address (case-insensitive). */
  email?: string | null | undefined;
  /** Only customers with at least this many orders. */
  minOrdersCount?: number | null | undefined;
  /** Customers carrying this tag. */
  tag?: string | null | undefined;
};

/** Points to take from a customer's spendable balance; never below zero. */
export type DeductPointsInput = {
  /** LoyalNest id of the customer. */
  customerId: string | number;
  /** Makes the call safe to repeat: the same key with the same change is applied once. 1–200 printable characters; unique per merchant and kind of caller. */
  idempotencyKey?: string | null | undefined;
  /** How many points, 1–1,000,000. */
  points: number;
  /** Why, shown in the customer's history (at most 255 characters). */
  reason?: string | null | undefined;
};

/** Why Shopify issued no discount code. */
export type DiscountFailureReason =
  /** Shopify (or the shop's install of the app) refused the discount; the same request will fail again. */
  | 'SHOPIFY_REJECTED'
  /** Shopify stayed down, slow or throttled through every retry; trying again later may work. */
  | 'SHOPIFY_UNAVAILABLE';

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

/** What a ledger entry did: earned, spent on a reward, adjusted by hand, expired, or reversed an earlier entry. */
export type PointsEntryKind =
  /** Points added or taken by hand: an admin, a partner app or a Shopify Flow action. */
  | 'ADJUST'
  /** Points added for something the customer did: an order, an activity, a signup or birthday bonus. */
  | 'EARN'
  /** Points removed because they expired under the merchant's expiry policy (negative). */
  | 'EXPIRE'
  /** Points spent on a reward (negative); a cancelled redemption is given back by a REVERSE entry. */
  | 'REDEEM'
  /** Undoes an earlier entry, e.g. the points of a refunded order or a cancelled redemption. */
  | 'REVERSE';

/** Whether an entry counts in the spendable balance yet. */
export type PointsEntryStatus =
  /** Held for the merchant's pending period (so a quick refund can take it back) before it becomes spendable. */
  | 'PENDING'
  /** Counts in the spendable balance. */
  | 'POSTED';

/** What caused a ledger entry. */
export type PointsSource =
  /** A custom activity recorded through `recordActivity`. */
  | 'ACTIVITY'
  /** A merchant admin, or LoyalNest itself, awarding or deducting by hand. */
  | 'ADMIN'
  /** The yearly birthday bonus. */
  | 'BIRTHDAY'
  /** The expiry policy removing points. */
  | 'EXPIRY'
  /** A Shopify Flow action run by the merchant's workflow. */
  | 'FLOW'
  /** A Shopify order (or its refund or cancellation). */
  | 'ORDER'
  /** A partner app calling with an API key. */
  | 'PARTNER'
  /** A referral program's reward to the advocate, once the referred friend's first order completed the referral (once per referral). */
  | 'REFERRAL'
  /** A reward redemption, or giving its points back when it is cancelled or fails. */
  | 'REWARD'
  /** The signup bonus, earned once when the customer joins. */
  | 'SIGNUP'
  /** A VIP tier entry bonus, paid once per tier and qualification period. */
  | 'TIER';

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

/** What the discount code of a reward gives: an amount off, a percentage off, free shipping, or a product variant for free. */
export type RewardKind =
  /** A fixed amount off the order, in the shop's currency. */
  | 'FIXED_AMOUNT'
  /** One chosen product variant for free. */
  | 'FREE_PRODUCT'
  /** Free shipping on the order. */
  | 'FREE_SHIPPING'
  /** A percentage off the order. */
  | 'PERCENTAGE';

/** What a customer accumulates to reach a tier. */
export type TierMetric =
  /** Paid orders net of refunds, in whole units of the shop's currency. */
  | 'AMOUNT_SPENT'
  /** Orders placed, less cancelled ones. */
  | 'ORDERS_COUNT'
  /** Points earned (earning entries less their reversals); spending points never lowers it. */
  | 'POINTS_EARNED';

/** Changes to a webhook subscription; fields left out stay as they are. */
export type UpdateWebhookSubscriptionInput = {
  /** A new note (at most 200 characters); an empty one removes it. */
  description?: string | null | undefined;
  /** false: disable it (nothing is sent, no new delivery is recorded). true: enable a disabled subscription; its failure count is reset and the deliveries waiting are sent within seconds (at the next poll of the dispatcher). A partner key may enable only one disabled for FAILURES; one paused (MERCHANT), revoked (API_KEY_REVOKED) or uninstalled (APP_UNINSTALLED) is the merchant's admin's to turn on: FORBIDDEN, and nothing changes. An admin's true on a subscription whose creating key is revoked or expired (even one still ACTIVE) makes it the merchant's own, so events are recorded for it again. */
  enabled?: boolean | null | undefined;
  /** The topics to deliver from now on (at least one, each once); events already recorded are still sent. */
  topics?: Array<WebhookTopic> | null | undefined;
  /** A new endpoint (1–2048 characters), checked like a new subscription's. */
  url?: string | null | undefined;
};

/** A customer as Shopify knows it; matched on its Shopify id. */
export type UpsertCustomerInput = {
  /** Marketing consent. */
  acceptsMarketing?: boolean | null | undefined;
  /** Email address. */
  email?: string | null | undefined;
  /** First name, at most 100 characters. */
  firstName?: string | null | undefined;
  /** Last name, at most 100 characters. */
  lastName?: string | null | undefined;
  /** Shopify's numeric customer id. */
  shopifyId: string | number;
  /** Tags (at most 250 of at most 255 characters), replacing the current ones. */
  tags?: Array<string> | null | undefined;
};

/** Why a webhook subscription is disabled. */
export type WebhookDisabledReason =
  /** The partner API key that created it was revoked, or has expired (disabled when the dispatcher next reached it). Only the merchant's admin may enable it again, and then it becomes the merchant's own (events are recorded for it again; the revoked key no longer reaches it). */
  | 'API_KEY_REVOKED'
  /** The merchant uninstalled the app, which disabled all of its subscriptions; only the merchant's admin may enable them again, after a reinstall. */
  | 'APP_UNINSTALLED'
  /** Its endpoint failed every attempt for a long run (many failures in a row over a long time); LoyalNest disabled it. The merchant's admin or the partner key that created it may enable it again. */
  | 'FAILURES'
  /** The merchant or a partner disabled it (`updateWebhookSubscription` with `enabled: false`); only the merchant's admin may enable it again (a partner key gets FORBIDDEN). */
  | 'MERCHANT';

/** Why a webhook endpoint URL was refused. */
export type WebhookEndpointRefusal =
  /** It carries a user name or password. */
  | 'CREDENTIALS'
  /** Not an absolute URL, or it has a #fragment. */
  | 'MALFORMED'
  /** Not an https URL. */
  | 'NOT_HTTPS'
  /** Its host resolves to an address that is not public (private, loopback, link-local such as 169.254.169.254, reserved). */
  | 'PRIVATE_ADDRESS'
  /** Its host name does not resolve. */
  | 'UNRESOLVABLE';

/** Narrows the outgoing webhook deliveries; all given conditions must hold. */
export type WebhookSubscriptionDeliveryFilter = {
  /** Deliveries in this status. */
  status?: WebhookSubscriptionDeliveryStatus | null | undefined;
  /** Deliveries of this subscription. */
  subscriptionId?: string | number | null | undefined;
  /** Deliveries of this topic. */
  topic?: WebhookTopic | null | undefined;
};

/** Where an outgoing webhook delivery stands. */
export type WebhookSubscriptionDeliveryStatus =
  /** The endpoint answered 2xx. */
  | 'DELIVERED'
  /** Given up on after its retry window; a replay sends it again. */
  | 'FAILED'
  /** Waiting for its first attempt or a retry (`attempts` says which). */
  | 'PENDING';

/** Whether deliveries go out to a webhook subscription. */
export type WebhookSubscriptionStatus =
  /** Events of its topics are recorded and sent. */
  | 'ACTIVE'
  /** Nothing is sent and no new delivery is recorded; deliveries already waiting are kept for the event retention window (30 days by default) and sent once it is enabled again. */
  | 'DISABLED';

/** A public webhook topic an endpoint can subscribe to. Bodies carry ids and figures, never email addresses, names, addresses or discount codes. */
export type WebhookTopic =
  /** `customer.created`: A customer joined the loyalty program. `data`: `{ customerId }`. */
  | 'CUSTOMER_CREATED'
  /** `points.adjusted`: An admin, a partner or Shopify Flow awarded or deducted points by hand. `data`: the ledger entry, as for POINTS_EARNED. */
  | 'POINTS_ADJUSTED'
  /** `points.earned`: Points were earned (an order, an activity, a referral, a tier bonus…). `data`: the ledger entry `{ customerId, entryId, points, balance, pending, status, source, orderId }`. */
  | 'POINTS_EARNED'
  /** `points.expired`: Points ran out (negative `points`). `data`: the ledger entry, as for POINTS_EARNED. */
  | 'POINTS_EXPIRED'
  /** `points.redeemed`: Points were spent on a reward (negative `points`). `data`: the ledger entry, as for POINTS_EARNED. */
  | 'POINTS_REDEEMED'
  /** `points.reversed`: An earlier entry was reversed: an earn taken back (refund, cancellation) or a spend given back. `data`: the ledger entry, as for POINTS_EARNED, plus `reversesEntryId`. */
  | 'POINTS_REVERSED'
  /** `redemption.updated`: A redemption reached its end: its code was used on an order (USED, `orderId` is Shopify's), ran out (EXPIRED), was cancelled or could not be issued (CANCELLED, FAILED: `pointsReturned` were given back). `data`: `{ redemptionId, rewardId, customerId, status, orderId, pointsReturned }`. */
  | 'REDEMPTION_UPDATED'
  /** `referral.completed`: A referral completed: the friend's qualifying order passed the hold and the advocate earned. `data`: `{ referralId, advocateId, friendCustomerId, points, orderId, orderTotalMinor, currency, completedAt }`. */
  | 'REFERRAL_COMPLETED'
  /** `reward.redeemed`: A reward was redeemed and its discount code issued (the code itself is never sent). `data`: `{ redemptionId, rewardId, customerId, points }`. */
  | 'REWARD_REDEEMED'
  /** `segment.changed`: A recompute moved a customer from one RFM segment to another. `data`: `{ customerId, from, to, recency, frequency, monetary }` (segment handles; null for none). */
  | 'SEGMENT_CHANGED'
  /** `tier.changed`: A customer's VIP tier changed, up or down. `data`: `{ customerId, fromTierId, toTierId, direction, reason, multiplier }` (tier ids null for no tier). */
  | 'TIER_CHANGED';

export type PartnerCustomerFragment = { id: string, shopifyId: string, email: string | null, firstName: string | null, lastName: string | null, tags: Array<string>, acceptsMarketing: boolean, ordersCount: number, totalSpent: string, lastOrderAt: string | null, createdAt: string };

export type PartnerPointsEntryFragment = { id: string, kind: PointsEntryKind, source: PointsSource, status: PointsEntryStatus, points: number, reason: string | null, orderId: string | null, availableAt: string | null, createdAt: string };

export type PartnerPointsChangeFragment = { duplicate: boolean, entry: { id: string, kind: PointsEntryKind, source: PointsSource, status: PointsEntryStatus, points: number, reason: string | null, orderId: string | null, availableAt: string | null, createdAt: string }, account: { balance: number, pending: number, lifetimeEarned: number } };

export type PartnerTierFragment = { id: string, position: number, name: string, threshold: number, earnMultiplier: number, entryBonusPoints: number | null };

export type CustomersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CustomerFilter | null | undefined;
}>;


export type CustomersQuery = { customers: { nodes: Array<{ id: string, shopifyId: string, email: string | null, firstName: string | null, lastName: string | null, tags: Array<string>, acceptsMarketing: boolean, ordersCount: number, totalSpent: string, lastOrderAt: string | null, createdAt: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type CustomerQuery = { customer: { id: string, shopifyId: string, email: string | null, firstName: string | null, lastName: string | null, tags: Array<string>, acceptsMarketing: boolean, ordersCount: number, totalSpent: string, lastOrderAt: string | null, createdAt: string } | null };

export type CustomerByShopifyIdQueryVariables = Exact<{
  shopifyId: string | number;
}>;


export type CustomerByShopifyIdQuery = { customerByShopifyId: { id: string, shopifyId: string, email: string | null, firstName: string | null, lastName: string | null, tags: Array<string>, acceptsMarketing: boolean, ordersCount: number, totalSpent: string, lastOrderAt: string | null, createdAt: string } | null };

export type UpsertCustomerMutationVariables = Exact<{
  input: UpsertCustomerInput;
}>;


export type UpsertCustomerMutation = { upsertCustomer: { __typename: 'UpsertCustomerSuccess', created: boolean, customer: { id: string, shopifyId: string, email: string | null, firstName: string | null, lastName: string | null, tags: Array<string>, acceptsMarketing: boolean, ordersCount: number, totalSpent: string, lastOrderAt: string | null, createdAt: string } } };

export type CustomerPointsQueryVariables = Exact<{
  customerId: string | number;
}>;


export type CustomerPointsQuery = { customer: { id: string, points: { balance: number, pending: number, lifetimeEarned: number } } | null };

export type PointsHistoryQueryVariables = Exact<{
  customerId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type PointsHistoryQuery = { customer: { id: string, points: { history: { nodes: Array<{ id: string, kind: PointsEntryKind, source: PointsSource, status: PointsEntryStatus, points: number, reason: string | null, orderId: string | null, availableAt: string | null, createdAt: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } } } | null };

export type AwardPointsMutationVariables = Exact<{
  input: AwardPointsInput;
}>;


export type AwardPointsMutation = { awardPoints:
    | { __typename: 'CustomerNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'PointsChange', duplicate: boolean, entry: { id: string, kind: PointsEntryKind, source: PointsSource, status: PointsEntryStatus, points: number, reason: string | null, orderId: string | null, availableAt: string | null, createdAt: string }, account: { balance: number, pending: number, lifetimeEarned: number } }
   };

export type DeductPointsMutationVariables = Exact<{
  input: DeductPointsInput;
}>;


export type DeductPointsMutation = { deductPoints:
    | { __typename: 'CustomerNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientPointsError', balance: number, required: number, code: ErrorCode, message: string }
    | { __typename: 'PointsChange', duplicate: boolean, entry: { id: string, kind: PointsEntryKind, source: PointsSource, status: PointsEntryStatus, points: number, reason: string | null, orderId: string | null, availableAt: string | null, createdAt: string }, account: { balance: number, pending: number, lifetimeEarned: number } }
   };

export type RewardsQueryVariables = Exact<{
  activeOnly?: boolean | null | undefined;
}>;


export type RewardsQuery = { rewards: Array<{ id: string, kind: RewardKind, name: string, value: string | null, pointsCost: number, minimumSubtotal: string | null, startsAt: string | null, endsAt: string | null, codeValidityDays: number | null, active: boolean }> };

export type RedeemRewardMutationVariables = Exact<{
  input: RedeemRewardInput;
}>;


export type RedeemRewardMutation = { redeemReward:
    | { __typename: 'CustomerNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'DiscountCreationFailedError', redemptionId: string, pointsReturned: number, failure: DiscountFailureReason, code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientPointsError', balance: number, required: number, code: ErrorCode, message: string }
    | { __typename: 'Redemption', id: string, customerId: string, rewardId: string, pointsSpent: number, status: RedemptionStatus, discountCode: string | null, expiresAt: string | null, createdAt: string }
    | { __typename: 'RewardNotFoundError', rewardId: string, code: ErrorCode, message: string }
    | { __typename: 'RewardUnavailableError', code: ErrorCode, message: string }
   };

export type TiersQueryVariables = Exact<{ [key: string]: never; }>;


export type TiersQuery = { tiers: Array<{ id: string, position: number, name: string, threshold: number, earnMultiplier: number, entryBonusPoints: number | null }> };

export type CustomerTierQueryVariables = Exact<{
  customerId: string | number;
}>;


export type CustomerTierQuery = { customer: { id: string, tier: { since: string | null, expiresAt: string | null, current: { id: string, position: number, name: string, threshold: number, earnMultiplier: number, entryBonusPoints: number | null } | null, progress: { metric: TierMetric, value: number, deltaToNext: number | null, deltaToRetain: number | null, nextTier: { id: string, position: number, name: string, threshold: number, earnMultiplier: number, entryBonusPoints: number | null } | null } } } | null };

export type CustomerReferralQueryVariables = Exact<{
  customerId: string | number;
}>;


export type CustomerReferralQuery = { customer: { id: string, referral: { code: string, url: string, clicks: number, uniqueClicks: number, referred: number, completed: number, pointsEarned: number } | null } | null };

export type PartnerWebhookSubscriptionFragment = { id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string, updatedAt: string };

export type PartnerWebhookSubscriptionDeliveryFragment = { id: string, subscriptionId: string, eventId: string, topic: WebhookTopic, status: WebhookSubscriptionDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, lastResponseExcerpt: string | null, lastDurationMs: number | null, deliveredAt: string | null, replayedAt: string | null, createdAt: string, payload: string };

export type WebhookSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookSubscriptionsQuery = { webhookSubscriptions: Array<{ id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string, updatedAt: string }> };

export type WebhookSubscriptionQueryVariables = Exact<{
  id: string | number;
}>;


export type WebhookSubscriptionQuery = { webhookSubscription: { id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string, updatedAt: string } | null };

export type CreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type CreateWebhookSubscriptionMutation = { createWebhookSubscription:
    | { __typename: 'WebhookEndpointRefusedError', field: string, reason: WebhookEndpointRefusal, code: ErrorCode, message: string }
    | { __typename: 'WebhookSubscriptionCreated', secret: string, subscription: { id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string, updatedAt: string } }
    | { __typename: 'WebhookSubscriptionLimitReachedError', limit: number, code: ErrorCode, message: string }
   };

export type UpdateWebhookSubscriptionMutationVariables = Exact<{
  id: string | number;
  input: UpdateWebhookSubscriptionInput;
}>;


export type UpdateWebhookSubscriptionMutation = { updateWebhookSubscription:
    | { __typename: 'WebhookEndpointRefusedError', field: string, reason: WebhookEndpointRefusal, code: ErrorCode, message: string }
    | { __typename: 'WebhookSubscription', id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string, updatedAt: string }
    | { __typename: 'WebhookSubscriptionNotFoundError', code: ErrorCode, message: string }
   };

export type RotateWebhookSubscriptionSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateWebhookSubscriptionSecretMutation = { rotateWebhookSubscriptionSecret:
    | { __typename: 'WebhookSubscriptionNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'WebhookSubscriptionSecretRotated', secret: string, subscription: { id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string, updatedAt: string } }
   };

export type DeleteWebhookSubscriptionMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteWebhookSubscriptionMutation = { deleteWebhookSubscription:
    | { __typename: 'WebhookSubscriptionDeleted', id: string }
    | { __typename: 'WebhookSubscriptionNotFoundError', code: ErrorCode, message: string }
   };

export type WebhookSubscriptionDeliveriesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: WebhookSubscriptionDeliveryFilter | null | undefined;
}>;


export type WebhookSubscriptionDeliveriesQuery = { webhookSubscriptionDeliveries: { nodes: Array<{ id: string, subscriptionId: string, eventId: string, topic: WebhookTopic, status: WebhookSubscriptionDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, lastResponseExcerpt: string | null, lastDurationMs: number | null, deliveredAt: string | null, replayedAt: string | null, createdAt: string, payload: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ReplayWebhookSubscriptionDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type ReplayWebhookSubscriptionDeliveryMutation = { replayWebhookSubscriptionDelivery:
    | { __typename: 'WebhookSubscriptionDelivery', id: string, subscriptionId: string, eventId: string, topic: WebhookTopic, status: WebhookSubscriptionDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, lastResponseExcerpt: string | null, lastDurationMs: number | null, deliveredAt: string | null, replayedAt: string | null, createdAt: string, payload: string }
    | { __typename: 'WebhookSubscriptionDeliveryNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'WebhookSubscriptionDisabledError', code: ErrorCode, message: string }
   };

export const PartnerCustomerFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shopifyId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"acceptsMarketing"}},{"kind":"Field","name":{"kind":"Name","value":"ordersCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpent"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const PartnerPointsEntryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerPointsEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const PartnerPointsChangeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerPointsChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerPointsEntry"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerPointsEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const PartnerTierFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerTier"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tier"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"earnMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"entryBonusPoints"}}]}}]} as unknown as DocumentNode;
export const PartnerWebhookSubscriptionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode;
export const PartnerWebhookSubscriptionDeliveryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscriptionDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastResponseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"lastDurationMs"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode;
export const CustomersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"customers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shopifyId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"acceptsMarketing"}},{"kind":"Field","name":{"kind":"Name","value":"ordersCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpent"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const CustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"customer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerCustomer"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shopifyId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"acceptsMarketing"}},{"kind":"Field","name":{"kind":"Name","value":"ordersCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpent"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const CustomerByShopifyIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"customerByShopifyId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shopifyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerByShopifyId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shopifyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shopifyId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerCustomer"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shopifyId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"acceptsMarketing"}},{"kind":"Field","name":{"kind":"Name","value":"ordersCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpent"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const UpsertCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"upsertCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertCustomerSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerCustomer"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerCustomer"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Customer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shopifyId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"acceptsMarketing"}},{"kind":"Field","name":{"kind":"Name","value":"ordersCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpent"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const CustomerPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"customerPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}}]}}]}}]} as unknown as DocumentNode;
export const PointsHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"pointsHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerPointsEntry"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerPointsEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const AwardPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"awardPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AwardPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"awardPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerPointsChange"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerPointsEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerPointsChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerPointsEntry"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}}]}}]} as unknown as DocumentNode;
export const DeductPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"deductPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeductPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deductPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerPointsChange"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsufficientPointsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerPointsEntry"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerPointsChange"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerPointsEntry"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}}]}}]} as unknown as DocumentNode;
export const RewardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"rewards"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"activeOnly"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rewards"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"activeOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"activeOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"minimumSubtotal"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"codeValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode;
export const RedeemRewardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"redeemReward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemRewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redeemReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Redemption"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"rewardId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsSpent"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"discountCode"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsufficientPointsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RewardNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rewardId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DiscountCreationFailedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redemptionId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsReturned"}},{"kind":"Field","name":{"kind":"Name","value":"failure"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode;
export const TiersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerTier"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerTier"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tier"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"earnMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"entryBonusPoints"}}]}}]} as unknown as DocumentNode;
export const CustomerTierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"customerTier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerTier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerTier"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deltaToNext"}},{"kind":"Field","name":{"kind":"Name","value":"deltaToRetain"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerTier"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Tier"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"earnMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"entryBonusPoints"}}]}}]} as unknown as DocumentNode;
export const CustomerReferralDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"customerReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueClicks"}},{"kind":"Field","name":{"kind":"Name","value":"referred"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"pointsEarned"}}]}}]}}]}}]} as unknown as DocumentNode;
export const WebhookSubscriptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"webhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerWebhookSubscription"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode;
export const WebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"webhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerWebhookSubscription"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode;
export const CreateWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"createWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionCreated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerWebhookSubscription"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpointRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionLimitReachedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode;
export const UpdateWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"updateWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerWebhookSubscription"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpointRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode;
export const RotateWebhookSubscriptionSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"rotateWebhookSubscriptionSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateWebhookSubscriptionSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionSecretRotated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerWebhookSubscription"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode;
export const DeleteWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"deleteWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDeleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode;
export const WebhookSubscriptionDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"webhookSubscriptionDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDeliveryFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptionDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerWebhookSubscriptionDelivery"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscriptionDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastResponseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"lastDurationMs"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode;
export const ReplayWebhookSubscriptionDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"replayWebhookSubscriptionDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookSubscriptionDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PartnerWebhookSubscriptionDelivery"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PartnerWebhookSubscriptionDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastResponseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"lastDurationMs"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}}]}}]} as unknown as DocumentNode;
export type Requester<C = {}> = <R, V>(doc: DocumentNode, vars?: V, options?: C) => Promise<R> | AsyncIterable<R>
export function getSdk<C>(requester: Requester<C>) {
  return {
    customers(variables?: CustomersQueryVariables, options?: C): Promise<CustomersQuery> {
      return requester<CustomersQuery, CustomersQueryVariables>(CustomersDocument, variables, options) as Promise<CustomersQuery>;
    },
    customer(variables: CustomerQueryVariables, options?: C): Promise<CustomerQuery> {
      return requester<CustomerQuery, CustomerQueryVariables>(CustomerDocument, variables, options) as Promise<CustomerQuery>;
    },
    customerByShopifyId(variables: CustomerByShopifyIdQueryVariables, options?: C): Promise<CustomerByShopifyIdQuery> {
      return requester<CustomerByShopifyIdQuery, CustomerByShopifyIdQueryVariables>(CustomerByShopifyIdDocument, variables, options) as Promise<CustomerByShopifyIdQuery>;
    },
    upsertCustomer(variables: UpsertCustomerMutationVariables, options?: C): Promise<UpsertCustomerMutation> {
      return requester<UpsertCustomerMutation, UpsertCustomerMutationVariables>(UpsertCustomerDocument, variables, options) as Promise<UpsertCustomerMutation>;
    },
    customerPoints(variables: CustomerPointsQueryVariables, options?: C): Promise<CustomerPointsQuery> {
      return requester<CustomerPointsQuery, CustomerPointsQueryVariables>(CustomerPointsDocument, variables, options) as Promise<CustomerPointsQuery>;
    },
    pointsHistory(variables: PointsHistoryQueryVariables, options?: C): Promise<PointsHistoryQuery> {
      return requester<PointsHistoryQuery, PointsHistoryQueryVariables>(PointsHistoryDocument, variables, options) as Promise<PointsHistoryQuery>;
    },
    awardPoints(variables: AwardPointsMutationVariables, options?: C): Promise<AwardPointsMutation> {
      return requester<AwardPointsMutation, AwardPointsMutationVariables>(AwardPointsDocument, variables, options) as Promise<AwardPointsMutation>;
    },
    deductPoints(variables: DeductPointsMutationVariables, options?: C): Promise<DeductPointsMutation> {
      return requester<DeductPointsMutation, DeductPointsMutationVariables>(DeductPointsDocument, variables, options) as Promise<DeductPointsMutation>;
    },
    rewards(variables?: RewardsQueryVariables, options?: C): Promise<RewardsQuery> {
      return requester<RewardsQuery, RewardsQueryVariables>(RewardsDocument, variables, options) as Promise<RewardsQuery>;
    },
    redeemReward(variables: RedeemRewardMutationVariables, options?: C): Promise<RedeemRewardMutation> {
      return requester<RedeemRewardMutation, RedeemRewardMutationVariables>(RedeemRewardDocument, variables, options) as Promise<RedeemRewardMutation>;
    },
    tiers(variables?: TiersQueryVariables, options?: C): Promise<TiersQuery> {
      return requester<TiersQuery, TiersQueryVariables>(TiersDocument, variables, options) as Promise<TiersQuery>;
    },
    customerTier(variables: CustomerTierQueryVariables, options?: C): Promise<CustomerTierQuery> {
      return requester<CustomerTierQuery, CustomerTierQueryVariables>(CustomerTierDocument, variables, options) as Promise<CustomerTierQuery>;
    },
    customerReferral(variables: CustomerReferralQueryVariables, options?: C): Promise<CustomerReferralQuery> {
      return requester<CustomerReferralQuery, CustomerReferralQueryVariables>(CustomerReferralDocument, variables, options) as Promise<CustomerReferralQuery>;
    },
    webhookSubscriptions(variables?: WebhookSubscriptionsQueryVariables, options?: C): Promise<WebhookSubscriptionsQuery> {
      return requester<WebhookSubscriptionsQuery, WebhookSubscriptionsQueryVariables>(WebhookSubscriptionsDocument, variables, options) as Promise<WebhookSubscriptionsQuery>;
    },
    webhookSubscription(variables: WebhookSubscriptionQueryVariables, options?: C): Promise<WebhookSubscriptionQuery> {
      return requester<WebhookSubscriptionQuery, WebhookSubscriptionQueryVariables>(WebhookSubscriptionDocument, variables, options) as Promise<WebhookSubscriptionQuery>;
    },
    createWebhookSubscription(variables: CreateWebhookSubscriptionMutationVariables, options?: C): Promise<CreateWebhookSubscriptionMutation> {
      return requester<CreateWebhookSubscriptionMutation, CreateWebhookSubscriptionMutationVariables>(CreateWebhookSubscriptionDocument, variables, options) as Promise<CreateWebhookSubscriptionMutation>;
    },
    updateWebhookSubscription(variables: UpdateWebhookSubscriptionMutationVariables, options?: C): Promise<UpdateWebhookSubscriptionMutation> {
      return requester<UpdateWebhookSubscriptionMutation, UpdateWebhookSubscriptionMutationVariables>(UpdateWebhookSubscriptionDocument, variables, options) as Promise<UpdateWebhookSubscriptionMutation>;
    },
    rotateWebhookSubscriptionSecret(variables: RotateWebhookSubscriptionSecretMutationVariables, options?: C): Promise<RotateWebhookSubscriptionSecretMutation> {
      return requester<RotateWebhookSubscriptionSecretMutation, RotateWebhookSubscriptionSecretMutationVariables>(RotateWebhookSubscriptionSecretDocument, variables, options) as Promise<RotateWebhookSubscriptionSecretMutation>;
    },
    deleteWebhookSubscription(variables: DeleteWebhookSubscriptionMutationVariables, options?: C): Promise<DeleteWebhookSubscriptionMutation> {
      return requester<DeleteWebhookSubscriptionMutation, DeleteWebhookSubscriptionMutationVariables>(DeleteWebhookSubscriptionDocument, variables, options) as Promise<DeleteWebhookSubscriptionMutation>;
    },
    webhookSubscriptionDeliveries(variables?: WebhookSubscriptionDeliveriesQueryVariables, options?: C): Promise<WebhookSubscriptionDeliveriesQuery> {
      return requester<WebhookSubscriptionDeliveriesQuery, WebhookSubscriptionDeliveriesQueryVariables>(WebhookSubscriptionDeliveriesDocument, variables, options) as Promise<WebhookSubscriptionDeliveriesQuery>;
    },
    replayWebhookSubscriptionDelivery(variables: ReplayWebhookSubscriptionDeliveryMutationVariables, options?: C): Promise<ReplayWebhookSubscriptionDeliveryMutation> {
      return requester<ReplayWebhookSubscriptionDeliveryMutation, ReplayWebhookSubscriptionDeliveryMutationVariables>(ReplayWebhookSubscriptionDeliveryDocument, variables, options) as Promise<ReplayWebhookSubscriptionDeliveryMutation>;
    }
  };
}
export type Sdk = ReturnType<typeof getSdk>;
/** Per operation, the variables whose input takes an `idempotencyKey`: the client fills one in when the caller gives none. */
export const idempotentInputs: Readonly<Record<string, readonly string[]>> = {
  awardPoints: ['input'],
  deductPoints: ['input'],
  redeemReward: ['input'],
};