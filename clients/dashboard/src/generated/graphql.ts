/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentNode } from 'graphql';
import * as Urql from 'urql';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
/** How often one customer may earn for an activity. */
export type ActivityLimit =
  /** At most once per calendar day (UTC). */
  | 'DAILY'
  /** Once ever, e.g. following the shop on Instagram. */
  | 'ONCE'
  /** Every time it is recorded; the merchant relies on its own checks against abuse. */
  | 'UNLIMITED'
  /** At most once per calendar week (UTC, weeks start on Monday). */
  | 'WEEKLY';

/** A custom activity that earns points. */
export type ActivityRuleInput = {
  /** Stable key, 1–64 of a-z, 0-9, _ and -. */
  key: string;
  /** How often one customer may earn it. */
  limit: ActivityLimit;
  /** Name shown to shoppers (1–100 characters). */
  name: string;
  /** Points it earns, 1–100,000. */
  points: number;
};

/** What kind of caller made a request. */
export type ActorKind =
  /** A merchant's staff member in the Shopify admin (session token). */
  | 'ADMIN'
  /** A Shopify Flow action run on the merchant's behalf. */
  | 'FLOW'
  /** A partner app authenticated by an API key the merchant created. */
  | 'PARTNER'
  /** A signed-in shopper on the storefront, through the app proxy or the widget. */
  | 'SHOPPER'
  /** LoyalNest itself: webhooks, scheduled jobs and calls between subgraphs. */
  | 'SYSTEM';

/** Why a link of the audit hash chain does not hold. */
export type AuditChainBreakReason =
  /** The entry's fields no longer hash to its stored hash: the entry was changed. */
  | 'HASH_MISMATCH'
  /** The entry's previous hash is not the stored hash of the entry before it. */
  | 'PREV_HASH_MISMATCH'
  /** The entry does not follow the one before it: entries are missing (deleted). */
  | 'SEQUENCE_GAP';

/** Narrows the audit trail; all given conditions must hold. */
export type AuditEntryFilter = {
  /** Entries of this action, e.g. `updated` or `executed`. */
  action?: string | null | undefined;
  /** Entries caused by the caller with this id. */
  actorId?: string | null | undefined;
  /** Entries caused by this kind of caller. */
  actorKind?: ActorKind | null | undefined;
  /** Entries about the thing with this id (or the mutation with this name). */
  entityId?: string | null | undefined;
  /** Entries about this kind of thing, e.g. `Customer` or `Mutation`. */
  entityType?: string | null | undefined;
  /** Entries that occurred at or after this instant. */
  from?: string | null | undefined;
  /** Entries that occurred before this instant. */
  to?: string | null | undefined;
};

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

/** A new partner API key. */
export type CreateApiKeyInput = {
  /** When the key stops working: in the future, at most 365 days from now. Null: valid until revoked. */
  expiresAt?: string | null | undefined;
  /** A name to recognise the key by (1–100 characters). */
  name: string;
  /** Scopes to grant; any of: merchant:read, customers:read, customers:write, points:read, points:write, tiers:read, tiers:manage, referrals:read, referrals:manage, segments:read, segments:manage, webhooks:manage. */
  scopes: Array<string>;
};

/** A new reward for the catalog. */
export type CreateRewardInput = {
  /** Whether it can be redeemed (default true). */
  active?: boolean | null | undefined;
  /** Days an issued code stays valid, 1–3,650; null: no expiry. */
  codeValidityDays?: number | null | undefined;
  /** Redeemable until then; after `startsAt`. Null: no end. */
  endsAt?: string | null | undefined;
  /** What the discount code gives. */
  kind: RewardKind;
  /** Order subtotal the code needs, a decimal string; null: any order. */
  minimumSubtotal?: string | null | undefined;
  /** Its name per language; at least one. */
  names: RewardNamesInput;
  /** Points a redemption spends, 1–10,000,000. */
  pointsCost: number;
  /** Redeemable from then on; null: at once. */
  startsAt?: string | null | undefined;
  /** Redemptions allowed across all customers, 1–1,000,000; null: no limit. */
  usageLimit?: number | null | undefined;
  /** Redemptions allowed per customer, 1–1,000; null: no limit. */
  usageLimitPerCustomer?: number | null | undefined;
  /** Amount off (FIXED_AMOUNT, more than 0) or percent off (PERCENTAGE, more than 0 and at most 100), a decimal string with up to 2 decimals; only for those kinds. */
  value?: string | null | undefined;
  /** Shopify product variant id (numeric, at most 9223372036854775807) of a FREE_PRODUCT reward; only for that kind. */
  variantId?: string | number | null | undefined;
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

/** Where a dead-lettered event stands. */
export type DeadLetterStatus =
  /** Every attempt failed; waiting for an admin to retry it. */
  | 'DEAD'
  /** A retry applied the event. */
  | 'RESOLVED'
  /** An admin asked for a retry that has not settled yet. */
  | 'RETRYING';

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

/** When an order earns points: once it is paid, or as soon as it is created. */
export type EarnOn =
  /** On the orders/create webhook, before payment; a cancelled or refunded order takes its points back. */
  | 'CREATED'
  /** On the orders/paid webhook: unpaid orders (e.g. cash on delivery not yet collected) earn nothing until paid. */
  | 'PAID';

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

/** When points expire: never; all of them after N months without activity; or each earning N months after it was earned, oldest first. */
export type ExpiryPolicy =
  /** Each earning expires the configured number of months after it became spendable; spending uses the oldest points first. */
  | 'AFTER_EARNING'
  /** The whole spendable balance expires once the customer has had no earning, redemption or adjustment for the configured number of months. */
  | 'AFTER_INACTIVITY'
  /** Points never expire. */
  | 'NEVER';

/** Which of Shopify's compliance webhooks asked for the request. */
export type GdprRequestKind =
  /** customers/data_request: export everything held about a customer, readable through `gdprExport` once completed. */
  | 'CUSTOMER_DATA_REQUEST'
  /** customers/redact: erase a customer's personal data (the shop owner or Shopify asked on the customer's behalf). */
  | 'CUSTOMER_REDACT'
  /** shop/redact: remove all of the merchant's data, sent by Shopify 48 hours after the app is uninstalled. */
  | 'SHOP_REDACT'
  /** Former name of CUSTOMER_DATA_REQUEST. */
  | 'customer_data_request'
  /** Former name of CUSTOMER_REDACT. */
  | 'customer_redact'
  /** Former name of SHOP_REDACT. */
  | 'shop_redact';

/** Whether a request (or one part of it) has been carried out. */
export type GdprStatus =
  /** Carried out: the data was erased, or its export is ready. */
  | 'COMPLETED'
  /** Not carried out yet: some data the request concerns may still be held. */
  | 'PENDING'
  /** Former name of COMPLETED. */
  | 'completed'
  /** Former name of PENDING. */
  | 'pending';

/** A language the loyalty program speaks to shoppers. */
export type LocaleCode =
  /** English. */
  | 'EN'
  /** Spanish. */
  | 'ES'
  /** French. */
  | 'FR';

/** A display text in one language. */
export type LocalizedTextInput = {
  /** The language; each at most once per text. */
  locale: LocaleCode;
  /** The text; surrounding spaces are dropped. */
  text: string;
};

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

/** How fractional points of an order are rounded. */
export type PointsRounding =
  /** Drop the fraction: 12.9 points earn 12. */
  | 'DOWN'
  /** Round to the nearest whole point, halves up: 12.5 points earn 13. */
  | 'NEAREST'
  /** Any fraction earns a whole point: 12.1 points earn 13. */
  | 'UP';

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

/** When the friend's first order counts as the referral's conversion. */
export type ReferralConversionRule =
  /** Once the order is fulfilled (shipped), which a cancelled order never is. */
  | 'ORDER_FULFILLED'
  /** Once the order is paid. */
  | 'ORDER_PAID';

/** What a fraud check that hits does to the referral. */
export type ReferralFraudAction =
  /** The referral pays nothing until an admin approves it. */
  | 'BLOCK'
  /** The referral proceeds; the reason is recorded on it for review. */
  | 'FLAG';

/** A signal that a referral may not be a new friend brought by the advocate. */
export type ReferralFraudCheck =
  /** The advocate has reached the monthly or lifetime cap of rewarded referrals. */
  | 'ADVOCATE_OVER_CAP'
  /** The friend's order was placed by the advocate's customer account. */
  | 'ADVOCATE_PLACED_ORDER'
  /** The friend was already a customer with orders before the claim. */
  | 'EXISTING_CUSTOMER'
  /** One IP address claimed at least `claimBurstPerWeek` times in seven days. */
  | 'IP_CLAIM_BURST'
  /** The friend claimed from the IP address of the advocate's recent activity (compared as keyed hashes). */
  | 'SAME_IP_AS_ADVOCATE'
  /** The friend's order ships to the advocate's address (compared as keyed hashes). */
  | 'SAME_SHIPPING_ADDRESS'
  /** The friend is the advocate: the same customer, or the same email once normalized (case, dots and +tags where the provider ignores them). */
  | 'SELF_REFERRAL';

/** What one fraud check does when it hits. */
export type ReferralFraudCheckInput = {
  /** Block the referral, or only flag it. */
  action: ReferralFraudAction;
  /** The check; each at most once per program. */
  check: ReferralFraudCheck;
};

/** The fraud checks' verdict over all of a referral's stages. */
export type ReferralFraudVerdict =
  /** A check that blocks matched. */
  | 'BLOCKED'
  /** No check matched. */
  | 'CLEAN'
  /** Checks matched that only flag; the referral proceeds. */
  | 'FLAGGED';

/** The discount a referred friend gets. */
export type ReferralFriendRewardInput = {
  /** Days the friend's code stays valid once issued, 1–365; omitted: no expiry. */
  expiryDays?: number | null | undefined;
  /** What the discount takes off. */
  kind: ReferralFriendRewardKind;
  /** Order subtotal the discount needs, a decimal string in the shop's currency, more than 0; omitted: any order. */
  minimumOrderAmount?: string | null | undefined;
  /** The code works once per Shopify customer; default true. */
  oncePerCustomer?: boolean | null | undefined;
  /** The code works for one order only; default true. */
  singleUse?: boolean | null | undefined;
  /** FIXED_AMOUNT: the amount off in the shop's currency, more than 0 and at most 1,000,000. PERCENTAGE: percent off, 1–100. A decimal string with at most two places ("5.00"); omitted for FREE_SHIPPING. */
  value?: string | null | undefined;
};

/** What the discount code a referred friend gets takes off their order. */
export type ReferralFriendRewardKind =
  /** A fixed amount in the shop's currency. */
  | 'FIXED_AMOUNT'
  /** The shipping of the order. */
  | 'FREE_SHIPPING'
  /** A percentage of the order, 1 to 100. */
  | 'PERCENTAGE';

/** Where a referral stands, from the friend's claim to the advocate's reward. */
export type ReferralStatus =
  /** A fraud check blocked it; it pays nothing until an admin approves it. */
  | 'BLOCKED'
  /** The friend claimed and holds their discount code; no qualifying order yet. */
  | 'CLAIMED'
  /** The hold window passed and the advocate earned their points. */
  | 'COMPLETED'
  /** The friend's first qualifying order converted it; the advocate's points wait for the hold window. */
  | 'PENDING'
  /** An admin refused it. */
  | 'REJECTED'
  /** The qualifying order was cancelled, or refunded below the minimum, inside the hold window. */
  | 'VOIDED';

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

/** The name of a reward per language (1–100 characters each); at least one is needed. */
export type RewardNamesInput = {
  /** English. */
  en?: string | null | undefined;
  /** Spanish. */
  es?: string | null | undefined;
  /** French. */
  fr?: string | null | undefined;
};

/** An inclusive range of a 1–5 score. */
export type ScoreRangeInput = {
  /** The highest score that matches, `min`–5. */
  max: number;
  /** The lowest score that matches, 1–5. */
  min: number;
};

/** One segment, in its place in the list: RFM segments are tried in the order given. */
export type SegmentInput = {
  /** Frequency scores that match; left out, 1–5. */
  frequency?: ScoreRangeInput | null | undefined;
  /** Stable handle, unique, at most 64 characters: lower-case letters and digits in words joined by hyphens. The eleven built-in handles must all be given. */
  handle: string;
  /** RFM (exactly one per scored customer; the built-ins are RFM) or custom (may overlap). */
  kind: SegmentKind;
  /** Monetary scores that match; left out, 1–5. */
  monetary?: ScoreRangeInput | null | undefined;
  /** The name. */
  names: SegmentNamesInput;
  /** Custom segments only: members have at most this points balance, `pointsMin` or more. */
  pointsMax?: number | null | undefined;
  /** Custom segments only: members have at least this points balance, 0 or more. */
  pointsMin?: number | null | undefined;
  /** Recency scores that match; left out, 1–5. */
  recency?: ScoreRangeInput | null | undefined;
  /** Custom segments only: members hold one of these of the shop's tiers (`Tier.id`); left out, any tier or none. */
  tierIds?: Array<string | number> | null | undefined;
};

/** Whether a segment partitions the scored customers by RFM scores, or is a custom one that may overlap others. */
export type SegmentKind =
  /** Every customer whose scores, tier and points balance meet its rules; may overlap RFM and other custom segments. */
  | 'CUSTOM'
  /** Tried in position order: a scored customer belongs to the first RFM segment whose rules match, and to exactly one. */
  | 'RFM';

/** A segment's name: English required, Spanish and French taking the English name when left out. */
export type SegmentNamesInput = {
  /** English, 1–100 characters once trimmed. */
  en: string;
  /** Spanish; left out, the English name. */
  es?: string | null | undefined;
  /** French; left out, the English name. */
  fr?: string | null | undefined;
};

/** Where a recompute of the segments stands. */
export type SegmentRunStatus =
  /** Given up after repeated failures (`error` says so); what its finished batches wrote stays, and the next run redoes everything. */
  | 'FAILED'
  /** Waiting for a worker; starts within seconds. */
  | 'QUEUED'
  /** Scoring the customers in batches; `processed` of `total` are done. */
  | 'RUNNING'
  /** Every customer was scored and placed; the segment counts and the chart are up to date. */
  | 'SUCCEEDED';

/** What asked for a recompute of the segments. */
export type SegmentRunTrigger =
  /** The merchant's first order facts arrived: the first recompute, once they have stopped arriving for a few seconds, so a new shop need not wait for its night. */
  | 'FIRST'
  /** An admin (`recomputeSegments`). */
  | 'MANUAL'
  /** The nightly recompute, after 03:00 in the shop's time zone. */
  | 'NIGHTLY'
  /** A change of the segment definitions or scoring settings. */
  | 'SETTINGS';

/** How customers get their 1–5 scores. */
export type SegmentScoring =
  /** By quintiles over the merchant's customers with an order in the window: each score holds about a fifth of them. */
  | 'QUINTILE'
  /** By fixed boundaries the merchant sets (`SegmentSettings.thresholds`). */
  | 'THRESHOLD';

/** Fixed score boundaries for THRESHOLD scoring: four strictly ascending whole numbers each. */
export type SegmentThresholdsInput = {
  /** Orders in the window at or above which frequency scores 2, 3, 4 and 5; 1 to 100,000. */
  frequencyOrders: Array<number>;
  /** Net spend in minor units at or above which monetary value scores 2, 3, 4 and 5; 0 or more. */
  monetaryMinor: Array<number>;
  /** Days since the last order at or below which recency scores 5, 4, 3 and 2; 0 to `windowDays`. */
  recencyDays: Array<number>;
};

/** Which entry bonuses a customer receives when one change takes them past several tiers. */
export type SkippedTierBonus =
  /** The entry bonus of every tier passed, each once per qualification period. */
  | 'ALL'
  /** Only the entry bonus of the tier reached. */
  | 'HIGHEST_ONLY';

/** Where a customer lands when they no longer keep their tier. */
export type TierDowngradePolicy =
  /** One tier down per downgrade. */
  | 'ONE_TIER_AT_A_TIME'
  /** In the tier their current metric reaches, however many tiers down. */
  | 'REPLACE_BY_METRIC';

/** One tier of the program, in its place in the list. */
export type TierInput = {
  /** Multiplier of the points members earn, 1–10 with at most two decimals (e.g. 1.25). */
  earnMultiplier: number;
  /** Points given once per qualification period on reaching the tier, 0–100,000; null or 0: none. */
  entryBonusPoints?: number | null | undefined;
  /** An existing tier this one continues (its members and history stay with it). Omitted: the id of the tier now at this position, unless another tier names it; otherwise a new tier. */
  id?: string | number | null | undefined;
  /** The name in one or more languages, 1–40 characters each. */
  names: Array<LocalizedTextInput>;
  /** What membership gives, at most 10; omitted: none. */
  perks?: Array<TierPerkInput> | null | undefined;
  /** What the metric must reach, 0–1,000,000,000, strictly above the previous tier's; only the first tier may be 0. */
  threshold: number;
};

/** What a customer accumulates to reach a tier. */
export type TierMetric =
  /** Paid orders net of refunds, in whole units of the shop's currency. */
  | 'AMOUNT_SPENT'
  /** Orders placed, less cancelled ones. */
  | 'ORDERS_COUNT'
  /** Points earned (earning entries less their reversals); spending points never lowers it. */
  | 'POINTS_EARNED';

/** Over which time the metric is counted. */
export type TierPeriod =
  /** A year starting on `periodStartMonth`/`periodStartDay`; a tier reached in one year is kept until the end of the next. */
  | 'CALENDAR_YEAR'
  /** Everything since the customer joined; a tier is never lost to time. */
  | 'LIFETIME'
  /** The last `rollingMonths` months, re-evaluated daily; a downgrade waits `graceDays`. */
  | 'ROLLING_MONTHS';

/** Something a tier gives its members, for display. */
export type TierPerkInput = {
  /** The perk in one or more languages, 1–200 characters each. */
  texts: Array<LocalizedTextInput>;
};

/** Rules to change; omitted fields keep their value. */
export type UpdateEarningRulesInput = {
  /** Custom activities (at most 50), replacing the current list. */
  activities?: Array<ActivityRuleInput> | null | undefined;
  /** Whether reversals may take a balance below zero. */
  allowNegativeBalance?: boolean | null | undefined;
  /** Birthday bonus, 0–100,000. */
  birthdayBonus?: number | null | undefined;
  /** When an order earns points. */
  earnOn?: EarnOn | null | undefined;
  /** Switch the program on or off. */
  enabled?: boolean | null | undefined;
  /** Points are earned on the price after discounts. */
  excludeDiscounts?: boolean | null | undefined;
  /** Shipping earns no points. */
  excludeShipping?: boolean | null | undefined;
  /** Taxes earn no points. */
  excludeTaxes?: boolean | null | undefined;
  /** Months of the expiry policy, 1–120. */
  expiryMonths?: number | null | undefined;
  /** When points expire. */
  expiryPolicy?: ExpiryPolicy | null | undefined;
  /** Days of warning before expiry, 0–90. */
  expiryWarningDays?: number | null | undefined;
  /** Days order points stay pending, 0–365. */
  pendingDays?: number | null | undefined;
  /** Value of one point in the shop currency, a decimal string with up to 4 decimals, e.g. "0.01". */
  pointValue?: string | null | undefined;
  /** Points per currency unit, 0–1000, at most two decimals. */
  pointsPerCurrencyUnit?: number | null | undefined;
  /** How fractional order points are rounded. */
  rounding?: PointsRounding | null | undefined;
  /** Signup bonus, 0–100,000. */
  signupBonus?: number | null | undefined;
};

/** The whole referral program: it replaces the current one at once. Settings left out take their defaults. */
export type UpdateReferralProgramInput = {
  /** Points the advocate earns per completed referral, 1–1,000,000. */
  advocatePoints: number;
  /** Claims from one IP address within seven days at which IP_CLAIM_BURST hits, 2–1,000; default 10. */
  claimBurstPerWeek?: number | null | undefined;
  /** When the friend's first order counts; default ORDER_PAID. */
  conversionRule?: ReferralConversionRule | null | undefined;
  /** Whether referrals are on. */
  enabled: boolean;
  /** Fraud checks to set; a check left out takes its default (SELF_REFERRAL, ADVOCATE_PLACED_ORDER, IP_CLAIM_BURST, EXISTING_CUSTOMER and ADVOCATE_OVER_CAP block; SAME_IP_AS_ADVOCATE and SAME_SHIPPING_ADDRESS flag). */
  fraudChecks?: Array<ReferralFraudCheckInput> | null | undefined;
  /** The discount the friend gets. */
  friendReward: ReferralFriendRewardInput;
  /** Days between the friend's qualifying order and the advocate's points, 0–90; default 14. */
  holdDays?: number | null | undefined;
  /** Rewarded referrals per advocate ever, 1–10,000; omitted: no cap. */
  lifetimeCap?: number | null | undefined;
  /** The friend's order total after discounts must reach this, a decimal string, more than 0; omitted: any order. */
  minimumOrderValue?: string | null | undefined;
  /** Rewarded referrals per advocate per calendar month (UTC), 1–10,000, at most the lifetime cap; omitted: no cap. */
  monthlyCap?: number | null | undefined;
};

/** Changes to a reward; omitted fields keep their value, null clears an optional one. Redemptions already made keep what they spent. */
export type UpdateRewardInput = {
  /** Whether it can be redeemed. */
  active?: boolean | null | undefined;
  /** Days an issued code stays valid, 1–3,650; null: no expiry. */
  codeValidityDays?: number | null | undefined;
  /** Redeemable until then; after `startsAt`. Null: no end. */
  endsAt?: string | null | undefined;
  /** The reward to change. */
  id: string | number;
  /** What the discount code gives; fields the new kind does not take are cleared. */
  kind?: RewardKind | null | undefined;
  /** Order subtotal the code needs, a decimal string; null: any order. */
  minimumSubtotal?: string | null | undefined;
  /** Replaces all the names; at least one. */
  names?: RewardNamesInput | null | undefined;
  /** Points a redemption spends, 1–10,000,000. */
  pointsCost?: number | null | undefined;
  /** Redeemable from then on; null: at once. */
  startsAt?: string | null | undefined;
  /** Redemptions allowed across all customers, 1–1,000,000; null: no limit. */
  usageLimit?: number | null | undefined;
  /** Redemptions allowed per customer, 1–1,000; null: no limit. */
  usageLimitPerCustomer?: number | null | undefined;
  /** Amount off (FIXED_AMOUNT, more than 0) or percent off (PERCENTAGE, more than 0 and at most 100), a decimal string with up to 2 decimals; only for those kinds. */
  value?: string | null | undefined;
  /** Shopify product variant id (numeric, at most 9223372036854775807) of a FREE_PRODUCT reward; only for that kind. */
  variantId?: string | number | null | undefined;
};

/** The whole segment setup: it replaces the settings and every segment at once. Settings left out take their defaults; the time zone is the shop's and is not set here. */
export type UpdateSegmentsInput = {
  /** Quintiles (default) or fixed thresholds. */
  scoring?: SegmentScoring | null | undefined;
  /** Every segment, at most 50: the RFM ones in the order they are tried must cover all 125 score combinations. */
  segments: Array<SegmentInput>;
  /** Write each customer's segment name to their Shopify metafield `loyalnest.segment`; default false. */
  syncMetafield?: boolean | null | undefined;
  /** Required with THRESHOLD scoring, refused with QUINTILE. */
  thresholds?: SegmentThresholdsInput | null | undefined;
  /** Days back that orders count in, 30–1095; default 365. */
  windowDays?: number | null | undefined;
};

/** The whole tier program: it replaces the current one at once. Settings left out take their defaults. */
export type UpdateTierProgramInput = {
  /** Where a customer lands when they lose their tier; default REPLACE_BY_METRIC. */
  downgradePolicy?: TierDowngradePolicy | null | undefined;
  /** Days of grace before a downgrade, 0–365; default 0. */
  graceDays?: number | null | undefined;
  /** What customers accumulate; default POINTS_EARNED. */
  metric?: TierMetric | null | undefined;
  /** Over which time the metric is counted; default LIFETIME. */
  period?: TierPeriod | null | undefined;
  /** Day a CALENDAR_YEAR period starts on, one every year has (no 29 February); default 1. */
  periodStartDay?: number | null | undefined;
  /** Month (1–12) a CALENDAR_YEAR period starts in; default 1. */
  periodStartMonth?: number | null | undefined;
  /** Months in a ROLLING_MONTHS window, 1–36; default 12. */
  rollingMonths?: number | null | undefined;
  /** Entry bonuses when passing several tiers at once; default ALL. */
  skippedTierBonus?: SkippedTierBonus | null | undefined;
  /** Every tier, lowest first; at most 10. An empty list ends the program. */
  tiers: Array<TierInput>;
};

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

/** Narrows the webhook deliveries; all given conditions must hold. */
export type WebhookDeliveryFilter = {
  /** Deliveries in this status. */
  status?: WebhookDeliveryStatus | null | undefined;
  /** Deliveries of this Shopify topic, e.g. `orders/paid` (1–100 characters, exact match). */
  topic?: string | null | undefined;
};

/** Where a Shopify webhook delivery stands in the inbox. */
export type WebhookDeliveryStatus =
  /** A topic LoyalNest does not act on; kept for the record. */
  | 'IGNORED'
  /** Signed by Shopify but not JSON; kept for the record, never applied. */
  | 'MALFORMED'
  /** Every domain that acts on its topic has applied it. */
  | 'PROCESSED'
  /** Stored and handed to the domains that act on its topic; not every one has applied it yet. */
  | 'RECEIVED';

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

export type DashboardShellQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardShellQuery = { me: { kind: ActorKind, scopes: Array<string> }, merchant: { id: string, name: string, shopDomain: string, currency: string, primaryLocale: LocaleCode, timezone: string } };

export type CustomersListQueryVariables = Exact<{
  email?: string | null | undefined;
  after?: string | null | undefined;
  first: number;
  locale?: LocaleCode | null | undefined;
}>;


export type CustomersListQuery = { customers: { nodes: Array<{ id: string, email: string | null, firstName: string | null, lastName: string | null, ordersCount: number, totalSpent: string, points: { customerId: string, balance: number }, tier: { current: { id: string, name: string } | null } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type CustomerDetailQueryVariables = Exact<{
  id: string | number;
  locale?: LocaleCode | null | undefined;
}>;


export type CustomerDetailQuery = { customer: { id: string, email: string | null, firstName: string | null, lastName: string | null, ordersCount: number, totalSpent: string, lastOrderAt: string | null, createdAt: string, points: { customerId: string, balance: number, pending: number, lifetimeEarned: number }, tier: { since: string | null, current: { id: string, name: string } | null, progress: { metric: TierMetric, value: number, deltaToNext: number | null, nextTier: { id: string, name: string, threshold: number } | null } }, referral: { code: string, url: string, clicks: number, referred: number, completed: number, pointsEarned: number } | null, rfm: { recency: number, frequency: number, monetary: number, since: string | null, segment: { handle: string, name: string } } | null } | null };

export type CustomerPointsHistoryQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
  first: number;
}>;


export type CustomerPointsHistoryQuery = { customer: { id: string, points: { customerId: string, history: { nodes: Array<{ id: string, kind: PointsEntryKind, source: PointsSource, status: PointsEntryStatus, points: number, reason: string | null, createdAt: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } } } | null };

export type CustomerRedemptionsQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
  first: number;
  locale?: LocaleCode | null | undefined;
}>;


export type CustomerRedemptionsQuery = { customer: { id: string, redemptions: { nodes: Array<{ id: string, status: RedemptionStatus, pointsSpent: number, discountCode: string | null, createdAt: string, reward: { id: string, name: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } } | null };

export type CustomerAwardPointsMutationVariables = Exact<{
  input: AwardPointsInput;
}>;


export type CustomerAwardPointsMutation = { awardPoints:
    | { __typename: 'CustomerNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'PointsChange', account: { customerId: string, balance: number, pending: number, lifetimeEarned: number } }
   };

export type CustomerDeductPointsMutationVariables = Exact<{
  input: DeductPointsInput;
}>;


export type CustomerDeductPointsMutation = { deductPoints:
    | { __typename: 'CustomerNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientPointsError', balance: number, required: number, code: ErrorCode, message: string }
    | { __typename: 'PointsChange', account: { customerId: string, balance: number, pending: number, lifetimeEarned: number } }
   };

export type OperationsApiKeyFragment = { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, revokedAt: string | null, expiresAt: string | null };

export type OperationsApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, revokedAt: string | null, expiresAt: string | null }> };

export type OperationsCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type OperationsCreateApiKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string, apiKey: { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, revokedAt: string | null, expiresAt: string | null } } };

export type OperationsRevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type OperationsRevokeApiKeyMutation = { revokeApiKey:
    | { __typename: 'ApiKey', id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, revokedAt: string | null, expiresAt: string | null }
    | { __typename: 'ApiKeyNotFoundError', code: ErrorCode, message: string }
   };

export type OperationsAuditEntriesQueryVariables = Exact<{
  filter?: AuditEntryFilter | null | undefined;
  after?: string | null | undefined;
  first: number;
}>;


export type OperationsAuditEntriesQuery = { auditEntries: { nodes: Array<{ id: string, sequence: number, entityType: string, entityId: string | null, action: string, occurredAt: string, actor: { kind: ActorKind, id: string }, source: { topic: string } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OperationsVerifyAuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsVerifyAuditChainQuery = { verifyAuditChain: { ok: boolean, entriesChecked: number, headHash: string | null, firstBreak: { sequence: number, entryId: string, reason: AuditChainBreakReason, expectedSequence: number } | null } };

export type OperationsDeadLetterFragment = { id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null };

export type OperationsDeadLetterPageFragment = { nodes: Array<{ id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } };

export type OperationsDeadLettersQueryVariables = Exact<{
  status?: DeadLetterStatus | null | undefined;
  after?: string | null | undefined;
  merchant: boolean;
  customer: boolean;
  points: boolean;
  referral: boolean;
  segment: boolean;
  tier: boolean;
  audit: boolean;
}>;


export type OperationsDeadLettersQuery = { merchant?: { nodes: Array<{ id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, customer?: { nodes: Array<{ id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, points?: { nodes: Array<{ id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, referral?: { nodes: Array<{ id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, segment?: { nodes: Array<{ id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, tier?: { nodes: Array<{ id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } }, audit?: { nodes: Array<{ id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OperationsDeadLetterSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsDeadLetterSummaryQuery = { merchant: { nodes: Array<{ id: string }> }, customer: { nodes: Array<{ id: string }> }, points: { nodes: Array<{ id: string }> }, referral: { nodes: Array<{ id: string }> }, segment: { nodes: Array<{ id: string }> }, tier: { nodes: Array<{ id: string }> }, audit: { nodes: Array<{ id: string }> } };

type OperationsRetryResult_DeadLetterEvent_Fragment = { __typename: 'DeadLetterEvent', id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null };

type OperationsRetryResult_DeadLetterEventNotFoundError_Fragment = { __typename: 'DeadLetterEventNotFoundError', code: ErrorCode, message: string };

type OperationsRetryResult_DeadLetterEventResolvedError_Fragment = { __typename: 'DeadLetterEventResolvedError', code: ErrorCode, message: string };

export type OperationsRetryResultFragment =
  | OperationsRetryResult_DeadLetterEvent_Fragment
  | OperationsRetryResult_DeadLetterEventNotFoundError_Fragment
  | OperationsRetryResult_DeadLetterEventResolvedError_Fragment
;

export type OperationsRetryDeadLetterMutationVariables = Exact<{
  id: string | number;
  merchant: boolean;
  customer: boolean;
  points: boolean;
  referral: boolean;
  segment: boolean;
  tier: boolean;
  audit: boolean;
}>;


export type OperationsRetryDeadLetterMutation = { merchant?:
    | { __typename: 'DeadLetterEvent', id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }
    | { __typename: 'DeadLetterEventNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'DeadLetterEventResolvedError', code: ErrorCode, message: string }
  , customer?:
    | { __typename: 'DeadLetterEvent', id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }
    | { __typename: 'DeadLetterEventNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'DeadLetterEventResolvedError', code: ErrorCode, message: string }
  , points?:
    | { __typename: 'DeadLetterEvent', id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }
    | { __typename: 'DeadLetterEventNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'DeadLetterEventResolvedError', code: ErrorCode, message: string }
  , referral?:
    | { __typename: 'DeadLetterEvent', id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }
    | { __typename: 'DeadLetterEventNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'DeadLetterEventResolvedError', code: ErrorCode, message: string }
  , segment?:
    | { __typename: 'DeadLetterEvent', id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }
    | { __typename: 'DeadLetterEventNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'DeadLetterEventResolvedError', code: ErrorCode, message: string }
  , tier?:
    | { __typename: 'DeadLetterEvent', id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }
    | { __typename: 'DeadLetterEventNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'DeadLetterEventResolvedError', code: ErrorCode, message: string }
  , audit?:
    | { __typename: 'DeadLetterEvent', id: string, eventId: string, consumer: string, topic: string, error: string, attempts: number, status: DeadLetterStatus, occurredAt: string, failedAt: string, retryRequestedAt: string | null, resolvedAt: string | null }
    | { __typename: 'DeadLetterEventNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'DeadLetterEventResolvedError', code: ErrorCode, message: string }
   };

export type OperationsGdprRequestsQueryVariables = Exact<{
  after?: string | null | undefined;
  first: number;
}>;


export type OperationsGdprRequestsQuery = { gdprRequests: { nodes: Array<{ id: string, kind: GdprRequestKind, status: GdprStatus, requestedAt: string, completedAt: string | null, parts: Array<{ subgraph: string, status: GdprStatus, completedAt: string | null }> }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OperationsDisabledWebhookSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsDisabledWebhookSubscriptionsQuery = { webhookSubscriptions: Array<{ id: string, url: string, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, failingSince: string | null }> };

export type OperationsWebhookSubscriptionFragment = { id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string };

export type OperationsWebhookSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type OperationsWebhookSubscriptionsQuery = { webhookSubscriptions: Array<{ id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string }> };

export type OperationsWebhookSubscriptionDeliveriesQueryVariables = Exact<{
  filter?: WebhookSubscriptionDeliveryFilter | null | undefined;
  after?: string | null | undefined;
  first: number;
}>;


export type OperationsWebhookSubscriptionDeliveriesQuery = { webhookSubscriptionDeliveries: { nodes: Array<{ id: string, subscriptionId: string, eventId: string, topic: WebhookTopic, status: WebhookSubscriptionDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, lastResponseExcerpt: string | null, deliveredAt: string | null, replayedAt: string | null, createdAt: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OperationsWebhookSubscriptionDeliveryFragment = { id: string, subscriptionId: string, eventId: string, topic: WebhookTopic, status: WebhookSubscriptionDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, lastResponseExcerpt: string | null, deliveredAt: string | null, replayedAt: string | null, createdAt: string };

export type OperationsCreateWebhookSubscriptionMutationVariables = Exact<{
  input: CreateWebhookSubscriptionInput;
}>;


export type OperationsCreateWebhookSubscriptionMutation = { createWebhookSubscription:
    | { __typename: 'WebhookEndpointRefusedError', field: string, reason: WebhookEndpointRefusal, code: ErrorCode, message: string }
    | { __typename: 'WebhookSubscriptionCreated', secret: string, subscription: { id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string } }
    | { __typename: 'WebhookSubscriptionLimitReachedError', limit: number, code: ErrorCode, message: string }
   };

export type OperationsUpdateWebhookSubscriptionMutationVariables = Exact<{
  id: string | number;
  input: UpdateWebhookSubscriptionInput;
}>;


export type OperationsUpdateWebhookSubscriptionMutation = { updateWebhookSubscription:
    | { __typename: 'WebhookEndpointRefusedError', code: ErrorCode, message: string }
    | { __typename: 'WebhookSubscription', id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string }
    | { __typename: 'WebhookSubscriptionNotFoundError', code: ErrorCode, message: string }
   };

export type OperationsRotateWebhookSubscriptionSecretMutationVariables = Exact<{
  id: string | number;
}>;


export type OperationsRotateWebhookSubscriptionSecretMutation = { rotateWebhookSubscriptionSecret:
    | { __typename: 'WebhookSubscriptionNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'WebhookSubscriptionSecretRotated', secret: string, subscription: { id: string, url: string, topics: Array<WebhookTopic>, description: string | null, status: WebhookSubscriptionStatus, disabledReason: WebhookDisabledReason | null, disabledAt: string | null, secretPrefix: string, consecutiveFailures: number, failingSince: string | null, lastSuccessAt: string | null, lastFailureAt: string | null, pendingDeliveries: number, createdAt: string } }
   };

export type OperationsDeleteWebhookSubscriptionMutationVariables = Exact<{
  id: string | number;
}>;


export type OperationsDeleteWebhookSubscriptionMutation = { deleteWebhookSubscription:
    | { __typename: 'WebhookSubscriptionDeleted', id: string }
    | { __typename: 'WebhookSubscriptionNotFoundError', code: ErrorCode, message: string }
   };

export type OperationsReplayWebhookSubscriptionDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type OperationsReplayWebhookSubscriptionDeliveryMutation = { replayWebhookSubscriptionDelivery:
    | { __typename: 'WebhookSubscriptionDelivery', id: string, subscriptionId: string, eventId: string, topic: WebhookTopic, status: WebhookSubscriptionDeliveryStatus, attempts: number, nextAttemptAt: string | null, lastAttemptAt: string | null, lastStatusCode: number | null, lastError: string | null, lastResponseExcerpt: string | null, deliveredAt: string | null, replayedAt: string | null, createdAt: string }
    | { __typename: 'WebhookSubscriptionDeliveryNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'WebhookSubscriptionDisabledError', code: ErrorCode, message: string }
   };

export type OperationsWebhookDeliveriesQueryVariables = Exact<{
  filter?: WebhookDeliveryFilter | null | undefined;
  after?: string | null | undefined;
  first: number;
}>;


export type OperationsWebhookDeliveriesQuery = { webhookDeliveries: { nodes: Array<{ id: string, eventId: string, topic: string, status: WebhookDeliveryStatus, triggeredAt: string | null, receivedAt: string, appliedAt: string | null, appliedBy: Array<string>, attempts: number }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type OverviewFiguresQueryVariables = Exact<{
  from: string;
  to: string;
  fromDay: string;
  toDay: string;
  locale?: LocaleCode | null | undefined;
}>;


export type OverviewFiguresQuery = { merchant: { id: string, customerCount: number }, pointsSummary: { issued: number, redeemed: number, expired: number, deducted: number }, pointsLiability: { outstandingPoints: number, outstandingValue: string, pendingPoints: number }, memberRevenue: Array<{ currency: string | null, orders: number, net: string }>, tierDistribution: { withoutTier: number, total: number, tiers: Array<{ members: number, tier: { id: string, name: string } }> }, segments: Array<{ handle: string, name: string }>, segmentCounts: Array<{ day: string, handle: string, members: number }> };

export type OverviewActivitySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OverviewActivitySubscription = { merchantActivity: { kind: string, details: Record<string, unknown>, committedAt: string, customer: { id: string, firstName: string | null, lastName: string | null, email: string | null } | null } };

export type ProgramEarningRulesFieldsFragment = { enabled: boolean, earnOn: EarnOn, pointsPerCurrencyUnit: number, excludeShipping: boolean, excludeTaxes: boolean, excludeDiscounts: boolean, rounding: PointsRounding, signupBonus: number, birthdayBonus: number, pendingDays: number, allowNegativeBalance: boolean, expiryPolicy: ExpiryPolicy, expiryMonths: number, expiryWarningDays: number, pointValue: string, activities: Array<{ key: string, name: string, points: number, limit: ActivityLimit }> };

export type ProgramEarningRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgramEarningRulesQuery = { earningRules: { enabled: boolean, earnOn: EarnOn, pointsPerCurrencyUnit: number, excludeShipping: boolean, excludeTaxes: boolean, excludeDiscounts: boolean, rounding: PointsRounding, signupBonus: number, birthdayBonus: number, pendingDays: number, allowNegativeBalance: boolean, expiryPolicy: ExpiryPolicy, expiryMonths: number, expiryWarningDays: number, pointValue: string, activities: Array<{ key: string, name: string, points: number, limit: ActivityLimit }> } };

export type ProgramUpdateEarningRulesMutationVariables = Exact<{
  input: UpdateEarningRulesInput;
}>;


export type ProgramUpdateEarningRulesMutation = { updateEarningRules: { enabled: boolean, earnOn: EarnOn, pointsPerCurrencyUnit: number, excludeShipping: boolean, excludeTaxes: boolean, excludeDiscounts: boolean, rounding: PointsRounding, signupBonus: number, birthdayBonus: number, pendingDays: number, allowNegativeBalance: boolean, expiryPolicy: ExpiryPolicy, expiryMonths: number, expiryWarningDays: number, pointValue: string, activities: Array<{ key: string, name: string, points: number, limit: ActivityLimit }> } };

export type ProgramReferralProgramFieldsFragment = { enabled: boolean, advocatePoints: number, conversionRule: ReferralConversionRule, minimumOrderValue: string | null, holdDays: number, monthlyCap: number | null, lifetimeCap: number | null, claimBurstPerWeek: number, version: number, friendReward: { kind: ReferralFriendRewardKind, value: string | null, minimumOrderAmount: string | null, expiryDays: number | null, singleUse: boolean, oncePerCustomer: boolean }, fraudChecks: Array<{ check: ReferralFraudCheck, action: ReferralFraudAction }> };

export type ProgramReferralFieldsFragment = { id: string, status: ReferralStatus, claimedAt: string, discountCode: string | null, orderTotal: string | null, orderCurrency: string | null, advocate: { id: string, email: string | null }, fraud: { verdict: ReferralFraudVerdict, reasons: Array<{ reason: ReferralFraudCheck, action: ReferralFraudAction }> } };

export type ProgramReferralsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgramReferralsQuery = { referralProgram: { enabled: boolean, advocatePoints: number, conversionRule: ReferralConversionRule, minimumOrderValue: string | null, holdDays: number, monthlyCap: number | null, lifetimeCap: number | null, claimBurstPerWeek: number, version: number, friendReward: { kind: ReferralFriendRewardKind, value: string | null, minimumOrderAmount: string | null, expiryDays: number | null, singleUse: boolean, oncePerCustomer: boolean }, fraudChecks: Array<{ check: ReferralFraudCheck, action: ReferralFraudAction }> }, referralStats: { clicks: number, claims: number, conversions: number, completed: number, blocked: number, voided: number, rejected: number, pointsAwarded: number, conversionRate: number, revenue: Array<{ currency: string, amount: string }> } };

export type ProgramReferralsListQueryVariables = Exact<{
  after?: string | null | undefined;
  status?: ReferralStatus | null | undefined;
}>;


export type ProgramReferralsListQuery = { referrals: { nodes: Array<{ id: string, status: ReferralStatus, claimedAt: string, discountCode: string | null, orderTotal: string | null, orderCurrency: string | null, advocate: { id: string, email: string | null }, fraud: { verdict: ReferralFraudVerdict, reasons: Array<{ reason: ReferralFraudCheck, action: ReferralFraudAction }> } }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type ProgramReferralsSaveMutationVariables = Exact<{
  input: UpdateReferralProgramInput;
}>;


export type ProgramReferralsSaveMutation = { updateReferralProgram:
    | { __typename: 'ReferralProgram', enabled: boolean, advocatePoints: number, conversionRule: ReferralConversionRule, minimumOrderValue: string | null, holdDays: number, monthlyCap: number | null, lifetimeCap: number | null, claimBurstPerWeek: number, version: number, friendReward: { kind: ReferralFriendRewardKind, value: string | null, minimumOrderAmount: string | null, expiryDays: number | null, singleUse: boolean, oncePerCustomer: boolean }, fraudChecks: Array<{ check: ReferralFraudCheck, action: ReferralFraudAction }> }
    | { __typename: 'ReferralProgramInvalidError', code: ErrorCode, message: string, field: string }
   };

export type ProgramReferralApproveMutationVariables = Exact<{
  id: string | number;
}>;


export type ProgramReferralApproveMutation = { approveReferral:
    | { __typename: 'Referral', id: string, status: ReferralStatus, claimedAt: string, discountCode: string | null, orderTotal: string | null, orderCurrency: string | null, advocate: { id: string, email: string | null }, fraud: { verdict: ReferralFraudVerdict, reasons: Array<{ reason: ReferralFraudCheck, action: ReferralFraudAction }> } }
    | { __typename: 'ReferralNotDecidableError', code: ErrorCode, message: string }
    | { __typename: 'ReferralNotFoundError', code: ErrorCode, message: string }
   };

export type ProgramReferralRejectMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type ProgramReferralRejectMutation = { rejectReferral:
    | { __typename: 'Referral', id: string, status: ReferralStatus, claimedAt: string, discountCode: string | null, orderTotal: string | null, orderCurrency: string | null, advocate: { id: string, email: string | null }, fraud: { verdict: ReferralFraudVerdict, reasons: Array<{ reason: ReferralFraudCheck, action: ReferralFraudAction }> } }
    | { __typename: 'ReferralNotDecidableError', code: ErrorCode, message: string }
    | { __typename: 'ReferralNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ReferralReviewInvalidError', code: ErrorCode, message: string, field: string }
   };

export type ProgramRewardFieldsFragment = { id: string, kind: RewardKind, value: string | null, variantId: string | null, pointsCost: number, minimumSubtotal: string | null, usageLimit: number | null, usageLimitPerCustomer: number | null, startsAt: string | null, endsAt: string | null, codeValidityDays: number | null, active: boolean, names: { en: string | null, fr: string | null, es: string | null } };

export type ProgramRewardsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgramRewardsQuery = { rewards: Array<{ id: string, kind: RewardKind, value: string | null, variantId: string | null, pointsCost: number, minimumSubtotal: string | null, usageLimit: number | null, usageLimitPerCustomer: number | null, startsAt: string | null, endsAt: string | null, codeValidityDays: number | null, active: boolean, names: { en: string | null, fr: string | null, es: string | null } }> };

export type ProgramCreateRewardMutationVariables = Exact<{
  input: CreateRewardInput;
}>;


export type ProgramCreateRewardMutation = { createReward: { __typename: 'Reward', id: string, kind: RewardKind, value: string | null, variantId: string | null, pointsCost: number, minimumSubtotal: string | null, usageLimit: number | null, usageLimitPerCustomer: number | null, startsAt: string | null, endsAt: string | null, codeValidityDays: number | null, active: boolean, names: { en: string | null, fr: string | null, es: string | null } } };

export type ProgramUpdateRewardMutationVariables = Exact<{
  input: UpdateRewardInput;
}>;


export type ProgramUpdateRewardMutation = { updateReward:
    | { __typename: 'Reward', id: string, kind: RewardKind, value: string | null, variantId: string | null, pointsCost: number, minimumSubtotal: string | null, usageLimit: number | null, usageLimitPerCustomer: number | null, startsAt: string | null, endsAt: string | null, codeValidityDays: number | null, active: boolean, names: { en: string | null, fr: string | null, es: string | null } }
    | { __typename: 'RewardNotFoundError', code: ErrorCode, message: string }
   };

export type ProgramArchiveRewardMutationVariables = Exact<{
  id: string | number;
}>;


export type ProgramArchiveRewardMutation = { archiveReward:
    | { __typename: 'Reward', id: string, archivedAt: string | null }
    | { __typename: 'RewardNotFoundError', code: ErrorCode, message: string }
   };

export type ProgramSegmentSettingsFieldsFragment = { windowDays: number, scoring: SegmentScoring, syncMetafield: boolean, version: number, thresholds: { recencyDays: Array<number>, frequencyOrders: Array<number>, monetaryMinor: Array<number> } | null };

export type ProgramSegmentFieldsFragment = { handle: string, kind: SegmentKind, tierIds: Array<string> | null, pointsMin: number | null, pointsMax: number | null, builtin: boolean, members: number, names: { en: string, es: string, fr: string }, recency: { min: number, max: number }, frequency: { min: number, max: number }, monetary: { min: number, max: number } };

export type ProgramSegmentRunFieldsFragment = { id: string, trigger: SegmentRunTrigger, status: SegmentRunStatus, total: number, processed: number, progress: number, requestedAt: string, finishedAt: string | null, error: string | null };

export type ProgramSegmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgramSegmentsQuery = { segmentSettings: { windowDays: number, scoring: SegmentScoring, syncMetafield: boolean, version: number, thresholds: { recencyDays: Array<number>, frequencyOrders: Array<number>, monetaryMinor: Array<number> } | null }, segments: Array<{ handle: string, kind: SegmentKind, tierIds: Array<string> | null, pointsMin: number | null, pointsMax: number | null, builtin: boolean, members: number, names: { en: string, es: string, fr: string }, recency: { min: number, max: number }, frequency: { min: number, max: number }, monetary: { min: number, max: number } }>, segmentRuns: Array<{ id: string, trigger: SegmentRunTrigger, status: SegmentRunStatus, total: number, processed: number, progress: number, requestedAt: string, finishedAt: string | null, error: string | null }> };

export type ProgramSegmentRunQueryVariables = Exact<{
  id: string | number;
}>;


export type ProgramSegmentRunQuery = { segmentRun: { id: string, trigger: SegmentRunTrigger, status: SegmentRunStatus, total: number, processed: number, progress: number, requestedAt: string, finishedAt: string | null, error: string | null } | null };

export type ProgramSegmentsSaveMutationVariables = Exact<{
  input: UpdateSegmentsInput;
}>;


export type ProgramSegmentsSaveMutation = { updateSegments:
    | { __typename: 'SegmentSetup', settings: { windowDays: number, scoring: SegmentScoring, syncMetafield: boolean, version: number, thresholds: { recencyDays: Array<number>, frequencyOrders: Array<number>, monetaryMinor: Array<number> } | null }, segments: Array<{ handle: string, kind: SegmentKind, tierIds: Array<string> | null, pointsMin: number | null, pointsMax: number | null, builtin: boolean, members: number, names: { en: string, es: string, fr: string }, recency: { min: number, max: number }, frequency: { min: number, max: number }, monetary: { min: number, max: number } }> }
    | { __typename: 'SegmentsInvalidError', code: ErrorCode, message: string, field: string }
   };

export type ProgramSegmentsRecomputeMutationVariables = Exact<{ [key: string]: never; }>;


export type ProgramSegmentsRecomputeMutation = { recomputeSegments: { id: string, trigger: SegmentRunTrigger, status: SegmentRunStatus, total: number, processed: number, progress: number, requestedAt: string, finishedAt: string | null, error: string | null } };

export type ProgramTierProgramFieldsFragment = { metric: TierMetric, period: TierPeriod, periodStartMonth: number, periodStartDay: number, rollingMonths: number, graceDays: number, downgradePolicy: TierDowngradePolicy, skippedTierBonus: SkippedTierBonus, version: number, tiers: Array<{ id: string, threshold: number, earnMultiplier: number, entryBonusPoints: number | null, names: Array<{ locale: LocaleCode, text: string }>, perks: Array<{ texts: Array<{ locale: LocaleCode, text: string }> }> }> };

export type ProgramTiersQueryVariables = Exact<{
  locale: LocaleCode;
}>;


export type ProgramTiersQuery = { tierProgram: { metric: TierMetric, period: TierPeriod, periodStartMonth: number, periodStartDay: number, rollingMonths: number, graceDays: number, downgradePolicy: TierDowngradePolicy, skippedTierBonus: SkippedTierBonus, version: number, tiers: Array<{ id: string, threshold: number, earnMultiplier: number, entryBonusPoints: number | null, names: Array<{ locale: LocaleCode, text: string }>, perks: Array<{ texts: Array<{ locale: LocaleCode, text: string }> }> }> }, tierDistribution: { withoutTier: number, total: number, tiers: Array<{ members: number, tier: { id: string, name: string } }> } };

export type ProgramTiersSaveMutationVariables = Exact<{
  input: UpdateTierProgramInput;
}>;


export type ProgramTiersSaveMutation = { updateTierProgram:
    | { __typename: 'InvalidTierProgramError', code: ErrorCode, message: string, field: string, tierIndex: number | null }
    | { __typename: 'TierProgram', metric: TierMetric, period: TierPeriod, periodStartMonth: number, periodStartDay: number, rollingMonths: number, graceDays: number, downgradePolicy: TierDowngradePolicy, skippedTierBonus: SkippedTierBonus, version: number, tiers: Array<{ id: string, threshold: number, earnMultiplier: number, entryBonusPoints: number | null, names: Array<{ locale: LocaleCode, text: string }>, perks: Array<{ texts: Array<{ locale: LocaleCode, text: string }> }> }> }
   };

export const OperationsApiKeyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsApiKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode;
export const OperationsDeadLetterFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const OperationsDeadLetterPageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetterPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const OperationsRetryResultFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsRetryResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryDeadLetterEventResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const OperationsWebhookSubscriptionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const OperationsWebhookSubscriptionDeliveryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsWebhookSubscriptionDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastResponseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;
export const ProgramEarningRulesFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramEarningRulesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EarningRules"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"earnOn"}},{"kind":"Field","name":{"kind":"Name","value":"pointsPerCurrencyUnit"}},{"kind":"Field","name":{"kind":"Name","value":"excludeShipping"}},{"kind":"Field","name":{"kind":"Name","value":"excludeTaxes"}},{"kind":"Field","name":{"kind":"Name","value":"excludeDiscounts"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}},{"kind":"Field","name":{"kind":"Name","value":"signupBonus"}},{"kind":"Field","name":{"kind":"Name","value":"birthdayBonus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"allowNegativeBalance"}},{"kind":"Field","name":{"kind":"Name","value":"expiryPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"expiryMonths"}},{"kind":"Field","name":{"kind":"Name","value":"expiryWarningDays"}},{"kind":"Field","name":{"kind":"Name","value":"pointValue"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}}]} as unknown as DocumentNode;
export const ProgramReferralProgramFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralProgramFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"advocatePoints"}},{"kind":"Field","name":{"kind":"Name","value":"friendReward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"minimumOrderAmount"}},{"kind":"Field","name":{"kind":"Name","value":"expiryDays"}},{"kind":"Field","name":{"kind":"Name","value":"singleUse"}},{"kind":"Field","name":{"kind":"Name","value":"oncePerCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversionRule"}},{"kind":"Field","name":{"kind":"Name","value":"minimumOrderValue"}},{"kind":"Field","name":{"kind":"Name","value":"holdDays"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCap"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeCap"}},{"kind":"Field","name":{"kind":"Name","value":"fraudChecks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimBurstPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode;
export const ProgramReferralFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"discountCode"}},{"kind":"Field","name":{"kind":"Name","value":"orderTotal"}},{"kind":"Field","name":{"kind":"Name","value":"orderCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"advocate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fraud"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]} as unknown as DocumentNode;
export const ProgramRewardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramRewardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reward"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}},{"kind":"Field","name":{"kind":"Name","value":"es"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"variantId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"minimumSubtotal"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimit"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimitPerCustomer"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"codeValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode;
export const ProgramSegmentSettingsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"windowDays"}},{"kind":"Field","name":{"kind":"Name","value":"scoring"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recencyDays"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyOrders"}},{"kind":"Field","name":{"kind":"Name","value":"monetaryMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncMetafield"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode;
export const ProgramSegmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Segment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"es"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"frequency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monetary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierIds"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMin"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMax"}},{"kind":"Field","name":{"kind":"Name","value":"builtin"}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}}]} as unknown as DocumentNode;
export const ProgramSegmentRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode;
export const ProgramTierProgramFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramTierProgramFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TierProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartMonth"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartDay"}},{"kind":"Field","name":{"kind":"Name","value":"rollingMonths"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"downgradePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"skippedTierBonus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"earnMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"entryBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"perks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"texts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode;
export const DashboardShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardShell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shopDomain"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"primaryLocale"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode;

export function useDashboardShellQuery(options?: Omit<Urql.UseQueryArgs<DashboardShellQueryVariables>, 'query'>) {
  return Urql.useQuery<DashboardShellQuery, DashboardShellQueryVariables>({ query: DashboardShellDocument, ...options });
};
export const CustomersListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomersList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocaleCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"ordersCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpent"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useCustomersListQuery(options: Omit<Urql.UseQueryArgs<CustomersListQueryVariables>, 'query'>) {
  return Urql.useQuery<CustomersListQuery, CustomersListQueryVariables>({ query: CustomersListDocument, ...options });
};
export const CustomerDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocaleCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"ordersCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpent"}},{"kind":"Field","name":{"kind":"Name","value":"lastOrderAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nextTier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]},{"kind":"Field","name":{"kind":"Name","value":"threshold"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deltaToNext"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referral"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"referred"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"pointsEarned"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rfm"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recency"}},{"kind":"Field","name":{"kind":"Name","value":"frequency"}},{"kind":"Field","name":{"kind":"Name","value":"monetary"}},{"kind":"Field","name":{"kind":"Name","value":"segment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"since"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useCustomerDetailQuery(options: Omit<Urql.UseQueryArgs<CustomerDetailQueryVariables>, 'query'>) {
  return Urql.useQuery<CustomerDetailQuery, CustomerDetailQueryVariables>({ query: CustomerDetailDocument, ...options });
};
export const CustomerPointsHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerPointsHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode;

export function useCustomerPointsHistoryQuery(options: Omit<Urql.UseQueryArgs<CustomerPointsHistoryQueryVariables>, 'query'>) {
  return Urql.useQuery<CustomerPointsHistoryQuery, CustomerPointsHistoryQueryVariables>({ query: CustomerPointsHistoryDocument, ...options });
};
export const CustomerRedemptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomerRedemptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocaleCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"redemptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"pointsSpent"}},{"kind":"Field","name":{"kind":"Name","value":"discountCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"reward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode;

export function useCustomerRedemptionsQuery(options: Omit<Urql.UseQueryArgs<CustomerRedemptionsQueryVariables>, 'query'>) {
  return Urql.useQuery<CustomerRedemptionsQuery, CustomerRedemptionsQueryVariables>({ query: CustomerRedemptionsDocument, ...options });
};
export const CustomerAwardPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerAwardPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AwardPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"awardPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useCustomerAwardPointsMutation() {
  return Urql.useMutation<CustomerAwardPointsMutation, CustomerAwardPointsMutationVariables>(CustomerAwardPointsDocument);
};
export const CustomerDeductPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CustomerDeductPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeductPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deductPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsufficientPointsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useCustomerDeductPointsMutation() {
  return Urql.useMutation<CustomerDeductPointsMutation, CustomerDeductPointsMutationVariables>(CustomerDeductPointsDocument);
};
export const OperationsApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsApiKey"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsApiKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsApiKeysQuery(options?: Omit<Urql.UseQueryArgs<OperationsApiKeysQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsApiKeysQuery, OperationsApiKeysQueryVariables>({ query: OperationsApiKeysDocument, ...options });
};
export const OperationsCreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationsCreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKeyCreated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsApiKey"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsApiKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsCreateApiKeyMutation() {
  return Urql.useMutation<OperationsCreateApiKeyMutation, OperationsCreateApiKeyMutationVariables>(OperationsCreateApiKeyDocument);
};
export const OperationsRevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationsRevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsApiKey"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsApiKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsRevokeApiKeyMutation() {
  return Urql.useMutation<OperationsRevokeApiKeyMutation, OperationsRevokeApiKeyMutationVariables>(OperationsRevokeApiKeyDocument);
};
export const OperationsAuditEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsAuditEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEntryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsAuditEntriesQuery(options: Omit<Urql.UseQueryArgs<OperationsAuditEntriesQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsAuditEntriesQuery, OperationsAuditEntriesQueryVariables>({ query: OperationsAuditEntriesDocument, ...options });
};
export const OperationsVerifyAuditChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsVerifyAuditChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"entriesChecked"}},{"kind":"Field","name":{"kind":"Name","value":"headHash"}},{"kind":"Field","name":{"kind":"Name","value":"firstBreak"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"entryId"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"expectedSequence"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsVerifyAuditChainQuery(options?: Omit<Urql.UseQueryArgs<OperationsVerifyAuditChainQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsVerifyAuditChainQuery, OperationsVerifyAuditChainQueryVariables>({ query: OperationsVerifyAuditChainDocument, ...options });
};
export const OperationsDeadLettersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsDeadLetters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"points"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"referral"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"audit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"merchant"},"name":{"kind":"Name","value":"merchantDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchant"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"customer"},"name":{"kind":"Name","value":"customerDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customer"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"points"},"name":{"kind":"Name","value":"pointsDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"points"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"referral"},"name":{"kind":"Name","value":"referralDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"referral"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"segment"},"name":{"kind":"Name","value":"segmentDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"tier"},"name":{"kind":"Name","value":"tierDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tier"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"audit"},"name":{"kind":"Name","value":"auditDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"audit"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetterPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsDeadLettersQuery(options: Omit<Urql.UseQueryArgs<OperationsDeadLettersQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsDeadLettersQuery, OperationsDeadLettersQueryVariables>({ query: OperationsDeadLettersDocument, ...options });
};
export const OperationsDeadLetterSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsDeadLetterSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"merchant"},"name":{"kind":"Name","value":"merchantDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DEAD"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"customer"},"name":{"kind":"Name","value":"customerDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DEAD"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"points"},"name":{"kind":"Name","value":"pointsDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DEAD"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"referral"},"name":{"kind":"Name","value":"referralDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DEAD"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"segment"},"name":{"kind":"Name","value":"segmentDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DEAD"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"tier"},"name":{"kind":"Name","value":"tierDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DEAD"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"audit"},"name":{"kind":"Name","value":"auditDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DEAD"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsDeadLetterSummaryQuery(options?: Omit<Urql.UseQueryArgs<OperationsDeadLetterSummaryQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsDeadLetterSummaryQuery, OperationsDeadLetterSummaryQueryVariables>({ query: OperationsDeadLetterSummaryDocument, ...options });
};
export const OperationsRetryDeadLetterDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationsRetryDeadLetter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"points"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"referral"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"audit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"merchant"},"name":{"kind":"Name","value":"retryMerchantDeadLetterEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchant"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsRetryResult"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"customer"},"name":{"kind":"Name","value":"retryCustomerDeadLetterEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customer"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsRetryResult"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"points"},"name":{"kind":"Name","value":"retryPointsDeadLetterEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"points"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsRetryResult"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"referral"},"name":{"kind":"Name","value":"retryReferralDeadLetterEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"referral"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsRetryResult"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"segment"},"name":{"kind":"Name","value":"retrySegmentDeadLetterEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsRetryResult"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"tier"},"name":{"kind":"Name","value":"retryTierDeadLetterEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tier"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsRetryResult"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"audit"},"name":{"kind":"Name","value":"retryAuditDeadLetterEvent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"audit"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsRetryResult"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsRetryResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryDeadLetterEventResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsRetryDeadLetterMutation() {
  return Urql.useMutation<OperationsRetryDeadLetterMutation, OperationsRetryDeadLetterMutationVariables>(OperationsRetryDeadLetterDocument);
};
export const OperationsGdprRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsGdprRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"gdprRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsGdprRequestsQuery(options: Omit<Urql.UseQueryArgs<OperationsGdprRequestsQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsGdprRequestsQuery, OperationsGdprRequestsQueryVariables>({ query: OperationsGdprRequestsDocument, ...options });
};
export const OperationsDisabledWebhookSubscriptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsDisabledWebhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsDisabledWebhookSubscriptionsQuery(options?: Omit<Urql.UseQueryArgs<OperationsDisabledWebhookSubscriptionsQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsDisabledWebhookSubscriptionsQuery, OperationsDisabledWebhookSubscriptionsQueryVariables>({ query: OperationsDisabledWebhookSubscriptionsDocument, ...options });
};
export const OperationsWebhookSubscriptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsWebhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsWebhookSubscription"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsWebhookSubscriptionsQuery(options?: Omit<Urql.UseQueryArgs<OperationsWebhookSubscriptionsQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsWebhookSubscriptionsQuery, OperationsWebhookSubscriptionsQueryVariables>({ query: OperationsWebhookSubscriptionsDocument, ...options });
};
export const OperationsWebhookSubscriptionDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsWebhookSubscriptionDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookSubscriptionDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsWebhookSubscriptionDelivery"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsWebhookSubscriptionDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastResponseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsWebhookSubscriptionDeliveriesQuery(options: Omit<Urql.UseQueryArgs<OperationsWebhookSubscriptionDeliveriesQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsWebhookSubscriptionDeliveriesQuery, OperationsWebhookSubscriptionDeliveriesQueryVariables>({ query: OperationsWebhookSubscriptionDeliveriesDocument, ...options });
};
export const OperationsCreateWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationsCreateWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionCreated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsWebhookSubscription"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpointRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionLimitReachedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsCreateWebhookSubscriptionMutation() {
  return Urql.useMutation<OperationsCreateWebhookSubscriptionMutation, OperationsCreateWebhookSubscriptionMutationVariables>(OperationsCreateWebhookSubscriptionDocument);
};
export const OperationsUpdateWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationsUpdateWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWebhookSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsWebhookSubscription"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsUpdateWebhookSubscriptionMutation() {
  return Urql.useMutation<OperationsUpdateWebhookSubscriptionMutation, OperationsUpdateWebhookSubscriptionMutationVariables>(OperationsUpdateWebhookSubscriptionDocument);
};
export const OperationsRotateWebhookSubscriptionSecretDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationsRotateWebhookSubscriptionSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateWebhookSubscriptionSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionSecretRotated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsWebhookSubscription"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsWebhookSubscription"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscription"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"topics"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"secretPrefix"}},{"kind":"Field","name":{"kind":"Name","value":"consecutiveFailures"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastSuccessAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastFailureAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDeliveries"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsRotateWebhookSubscriptionSecretMutation() {
  return Urql.useMutation<OperationsRotateWebhookSubscriptionSecretMutation, OperationsRotateWebhookSubscriptionSecretMutationVariables>(OperationsRotateWebhookSubscriptionSecretDocument);
};
export const OperationsDeleteWebhookSubscriptionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationsDeleteWebhookSubscription"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhookSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDeleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsDeleteWebhookSubscriptionMutation() {
  return Urql.useMutation<OperationsDeleteWebhookSubscriptionMutation, OperationsDeleteWebhookSubscriptionMutationVariables>(OperationsDeleteWebhookSubscriptionDocument);
};
export const OperationsReplayWebhookSubscriptionDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperationsReplayWebhookSubscriptionDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookSubscriptionDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsWebhookSubscriptionDelivery"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsWebhookSubscriptionDelivery"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookSubscriptionDelivery"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"lastResponseExcerpt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"replayedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]} as unknown as DocumentNode;

export function useOperationsReplayWebhookSubscriptionDeliveryMutation() {
  return Urql.useMutation<OperationsReplayWebhookSubscriptionDeliveryMutation, OperationsReplayWebhookSubscriptionDeliveryMutationVariables>(OperationsReplayWebhookSubscriptionDeliveryDocument);
};
export const OperationsWebhookDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsWebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"triggeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"appliedAt"}},{"kind":"Field","name":{"kind":"Name","value":"appliedBy"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useOperationsWebhookDeliveriesQuery(options: Omit<Urql.UseQueryArgs<OperationsWebhookDeliveriesQueryVariables>, 'query'>) {
  return Urql.useQuery<OperationsWebhookDeliveriesQuery, OperationsWebhookDeliveriesQueryVariables>({ query: OperationsWebhookDeliveriesDocument, ...options });
};
export const OverviewFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverviewFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromDay"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"toDay"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"LocaleCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"customerCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pointsSummary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issued"}},{"kind":"Field","name":{"kind":"Name","value":"redeemed"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"deducted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pointsLiability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outstandingPoints"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingValue"}},{"kind":"Field","name":{"kind":"Name","value":"pendingPoints"}}]}},{"kind":"Field","name":{"kind":"Name","value":"memberRevenue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}},{"kind":"Field","name":{"kind":"Name","value":"net"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierDistribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withoutTier"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segmentCounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromDay"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"toDay"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}}]}}]} as unknown as DocumentNode;

export function useOverviewFiguresQuery(options: Omit<Urql.UseQueryArgs<OverviewFiguresQueryVariables>, 'query'>) {
  return Urql.useQuery<OverviewFiguresQuery, OverviewFiguresQueryVariables>({ query: OverviewFiguresDocument, ...options });
};
export const OverviewActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OverviewActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useOverviewActivitySubscription<TData = OverviewActivitySubscription>(options?: Omit<Urql.UseSubscriptionArgs<OverviewActivitySubscriptionVariables>, 'query'>, handler?: Urql.SubscriptionHandler<OverviewActivitySubscription, TData>) {
  return Urql.useSubscription<OverviewActivitySubscription, TData, OverviewActivitySubscriptionVariables>({ query: OverviewActivityDocument, ...options }, handler);
};
export const ProgramEarningRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramEarningRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"earningRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramEarningRulesFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramEarningRulesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EarningRules"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"earnOn"}},{"kind":"Field","name":{"kind":"Name","value":"pointsPerCurrencyUnit"}},{"kind":"Field","name":{"kind":"Name","value":"excludeShipping"}},{"kind":"Field","name":{"kind":"Name","value":"excludeTaxes"}},{"kind":"Field","name":{"kind":"Name","value":"excludeDiscounts"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}},{"kind":"Field","name":{"kind":"Name","value":"signupBonus"}},{"kind":"Field","name":{"kind":"Name","value":"birthdayBonus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"allowNegativeBalance"}},{"kind":"Field","name":{"kind":"Name","value":"expiryPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"expiryMonths"}},{"kind":"Field","name":{"kind":"Name","value":"expiryWarningDays"}},{"kind":"Field","name":{"kind":"Name","value":"pointValue"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}}]} as unknown as DocumentNode;

export function useProgramEarningRulesQuery(options?: Omit<Urql.UseQueryArgs<ProgramEarningRulesQueryVariables>, 'query'>) {
  return Urql.useQuery<ProgramEarningRulesQuery, ProgramEarningRulesQueryVariables>({ query: ProgramEarningRulesDocument, ...options });
};
export const ProgramUpdateEarningRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramUpdateEarningRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEarningRulesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEarningRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramEarningRulesFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramEarningRulesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EarningRules"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"earnOn"}},{"kind":"Field","name":{"kind":"Name","value":"pointsPerCurrencyUnit"}},{"kind":"Field","name":{"kind":"Name","value":"excludeShipping"}},{"kind":"Field","name":{"kind":"Name","value":"excludeTaxes"}},{"kind":"Field","name":{"kind":"Name","value":"excludeDiscounts"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}},{"kind":"Field","name":{"kind":"Name","value":"signupBonus"}},{"kind":"Field","name":{"kind":"Name","value":"birthdayBonus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"allowNegativeBalance"}},{"kind":"Field","name":{"kind":"Name","value":"expiryPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"expiryMonths"}},{"kind":"Field","name":{"kind":"Name","value":"expiryWarningDays"}},{"kind":"Field","name":{"kind":"Name","value":"pointValue"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}}]} as unknown as DocumentNode;

export function useProgramUpdateEarningRulesMutation() {
  return Urql.useMutation<ProgramUpdateEarningRulesMutation, ProgramUpdateEarningRulesMutationVariables>(ProgramUpdateEarningRulesDocument);
};
export const ProgramReferralsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramReferrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referralProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramReferralProgramFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"referralStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clicks"}},{"kind":"Field","name":{"kind":"Name","value":"claims"}},{"kind":"Field","name":{"kind":"Name","value":"conversions"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"voided"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"pointsAwarded"}},{"kind":"Field","name":{"kind":"Name","value":"conversionRate"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralProgramFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"advocatePoints"}},{"kind":"Field","name":{"kind":"Name","value":"friendReward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"minimumOrderAmount"}},{"kind":"Field","name":{"kind":"Name","value":"expiryDays"}},{"kind":"Field","name":{"kind":"Name","value":"singleUse"}},{"kind":"Field","name":{"kind":"Name","value":"oncePerCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversionRule"}},{"kind":"Field","name":{"kind":"Name","value":"minimumOrderValue"}},{"kind":"Field","name":{"kind":"Name","value":"holdDays"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCap"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeCap"}},{"kind":"Field","name":{"kind":"Name","value":"fraudChecks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimBurstPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode;

export function useProgramReferralsQuery(options?: Omit<Urql.UseQueryArgs<ProgramReferralsQueryVariables>, 'query'>) {
  return Urql.useQuery<ProgramReferralsQuery, ProgramReferralsQueryVariables>({ query: ProgramReferralsDocument, ...options });
};
export const ProgramReferralsListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramReferralsList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referrals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramReferralFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"discountCode"}},{"kind":"Field","name":{"kind":"Name","value":"orderTotal"}},{"kind":"Field","name":{"kind":"Name","value":"orderCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"advocate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fraud"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useProgramReferralsListQuery(options?: Omit<Urql.UseQueryArgs<ProgramReferralsListQueryVariables>, 'query'>) {
  return Urql.useQuery<ProgramReferralsListQuery, ProgramReferralsListQueryVariables>({ query: ProgramReferralsListDocument, ...options });
};
export const ProgramReferralsSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramReferralsSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateReferralProgramInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateReferralProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramReferralProgramFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralProgramInvalidError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralProgramFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"advocatePoints"}},{"kind":"Field","name":{"kind":"Name","value":"friendReward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"minimumOrderAmount"}},{"kind":"Field","name":{"kind":"Name","value":"expiryDays"}},{"kind":"Field","name":{"kind":"Name","value":"singleUse"}},{"kind":"Field","name":{"kind":"Name","value":"oncePerCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversionRule"}},{"kind":"Field","name":{"kind":"Name","value":"minimumOrderValue"}},{"kind":"Field","name":{"kind":"Name","value":"holdDays"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCap"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeCap"}},{"kind":"Field","name":{"kind":"Name","value":"fraudChecks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimBurstPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode;

export function useProgramReferralsSaveMutation() {
  return Urql.useMutation<ProgramReferralsSaveMutation, ProgramReferralsSaveMutationVariables>(ProgramReferralsSaveDocument);
};
export const ProgramReferralApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramReferralApprove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramReferralFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"discountCode"}},{"kind":"Field","name":{"kind":"Name","value":"orderTotal"}},{"kind":"Field","name":{"kind":"Name","value":"orderCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"advocate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fraud"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useProgramReferralApproveMutation() {
  return Urql.useMutation<ProgramReferralApproveMutation, ProgramReferralApproveMutationVariables>(ProgramReferralApproveDocument);
};
export const ProgramReferralRejectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramReferralReject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramReferralFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralReviewInvalidError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"discountCode"}},{"kind":"Field","name":{"kind":"Name","value":"orderTotal"}},{"kind":"Field","name":{"kind":"Name","value":"orderCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"advocate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fraud"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useProgramReferralRejectMutation() {
  return Urql.useMutation<ProgramReferralRejectMutation, ProgramReferralRejectMutationVariables>(ProgramReferralRejectDocument);
};
export const ProgramRewardsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramRewards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rewards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramRewardFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramRewardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reward"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}},{"kind":"Field","name":{"kind":"Name","value":"es"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"variantId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"minimumSubtotal"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimit"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimitPerCustomer"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"codeValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode;

export function useProgramRewardsQuery(options?: Omit<Urql.UseQueryArgs<ProgramRewardsQueryVariables>, 'query'>) {
  return Urql.useQuery<ProgramRewardsQuery, ProgramRewardsQueryVariables>({ query: ProgramRewardsDocument, ...options });
};
export const ProgramCreateRewardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramCreateReward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reward"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramRewardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramRewardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reward"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}},{"kind":"Field","name":{"kind":"Name","value":"es"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"variantId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"minimumSubtotal"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimit"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimitPerCustomer"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"codeValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode;

export function useProgramCreateRewardMutation() {
  return Urql.useMutation<ProgramCreateRewardMutation, ProgramCreateRewardMutationVariables>(ProgramCreateRewardDocument);
};
export const ProgramUpdateRewardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramUpdateReward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateRewardInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reward"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramRewardFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramRewardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reward"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}},{"kind":"Field","name":{"kind":"Name","value":"es"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"variantId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"minimumSubtotal"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimit"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimitPerCustomer"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"codeValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode;

export function useProgramUpdateRewardMutation() {
  return Urql.useMutation<ProgramUpdateRewardMutation, ProgramUpdateRewardMutationVariables>(ProgramUpdateRewardDocument);
};
export const ProgramArchiveRewardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramArchiveReward"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveReward"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reward"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode;

export function useProgramArchiveRewardMutation() {
  return Urql.useMutation<ProgramArchiveRewardMutation, ProgramArchiveRewardMutationVariables>(ProgramArchiveRewardDocument);
};
export const ProgramSegmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramSegments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segmentSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramSegmentSettingsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramSegmentFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segmentRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramSegmentRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"windowDays"}},{"kind":"Field","name":{"kind":"Name","value":"scoring"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recencyDays"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyOrders"}},{"kind":"Field","name":{"kind":"Name","value":"monetaryMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncMetafield"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Segment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"es"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"frequency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monetary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierIds"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMin"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMax"}},{"kind":"Field","name":{"kind":"Name","value":"builtin"}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode;

export function useProgramSegmentsQuery(options?: Omit<Urql.UseQueryArgs<ProgramSegmentsQueryVariables>, 'query'>) {
  return Urql.useQuery<ProgramSegmentsQuery, ProgramSegmentsQueryVariables>({ query: ProgramSegmentsDocument, ...options });
};
export const ProgramSegmentRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramSegmentRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"segmentRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramSegmentRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode;

export function useProgramSegmentRunQuery(options: Omit<Urql.UseQueryArgs<ProgramSegmentRunQueryVariables>, 'query'>) {
  return Urql.useQuery<ProgramSegmentRunQuery, ProgramSegmentRunQueryVariables>({ query: ProgramSegmentRunDocument, ...options });
};
export const ProgramSegmentsSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramSegmentsSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSegmentsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSegments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentSetup"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramSegmentSettingsFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"segments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramSegmentFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentsInvalidError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"windowDays"}},{"kind":"Field","name":{"kind":"Name","value":"scoring"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recencyDays"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyOrders"}},{"kind":"Field","name":{"kind":"Name","value":"monetaryMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncMetafield"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Segment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"es"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"frequency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monetary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierIds"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMin"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMax"}},{"kind":"Field","name":{"kind":"Name","value":"builtin"}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}}]} as unknown as DocumentNode;

export function useProgramSegmentsSaveMutation() {
  return Urql.useMutation<ProgramSegmentsSaveMutation, ProgramSegmentsSaveMutationVariables>(ProgramSegmentsSaveDocument);
};
export const ProgramSegmentsRecomputeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramSegmentsRecompute"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recomputeSegments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramSegmentRunFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode;

export function useProgramSegmentsRecomputeMutation() {
  return Urql.useMutation<ProgramSegmentsRecomputeMutation, ProgramSegmentsRecomputeMutationVariables>(ProgramSegmentsRecomputeDocument);
};
export const ProgramTiersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProgramTiers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"locale"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocaleCode"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tierProgram"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramTierProgramFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierDistribution"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"locale"},"value":{"kind":"Variable","name":{"kind":"Name","value":"locale"}}}]}]}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}},{"kind":"Field","name":{"kind":"Name","value":"withoutTier"}},{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramTierProgramFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TierProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartMonth"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartDay"}},{"kind":"Field","name":{"kind":"Name","value":"rollingMonths"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"downgradePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"skippedTierBonus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"earnMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"entryBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"perks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"texts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode;

export function useProgramTiersQuery(options: Omit<Urql.UseQueryArgs<ProgramTiersQueryVariables>, 'query'>) {
  return Urql.useQuery<ProgramTiersQuery, ProgramTiersQueryVariables>({ query: ProgramTiersDocument, ...options });
};
export const ProgramTiersSaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProgramTiersSave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTierProgramInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTierProgram"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TierProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProgramTierProgramFields"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidTierProgramError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"tierIndex"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramTierProgramFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TierProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartMonth"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartDay"}},{"kind":"Field","name":{"kind":"Name","value":"rollingMonths"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"downgradePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"skippedTierBonus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"earnMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"entryBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"perks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"texts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode;

export function useProgramTiersSaveMutation() {
  return Urql.useMutation<ProgramTiersSaveMutation, ProgramTiersSaveMutationVariables>(ProgramTiersSaveDocument);
};