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
  /** Scopes to grant; any of: merchant:read, customers:read, customers:write, points:read, points:write, tiers:read, tiers:manage, referrals:read, referrals:manage, segments:read, segments:manage. */
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
  | 'SEGMENT_NOT_FOUND';

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

/** What a customer accumulates to reach a tier. */
export type TierMetric =
  /** Paid orders net of refunds, in whole units of the shop's currency. */
  | 'AMOUNT_SPENT'
  /** Orders placed, less cancelled ones. */
  | 'ORDERS_COUNT'
  /** Points earned (earning entries less their reversals); spending points never lowers it. */
  | 'POINTS_EARNED';

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
  first: number;
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

export const OperationsApiKeyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsApiKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode;
export const OperationsDeadLetterFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const OperationsDeadLetterPageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetterPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const OperationsRetryResultFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsRetryResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryDeadLetterEventResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const ProgramEarningRulesFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramEarningRulesFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EarningRules"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"earnOn"}},{"kind":"Field","name":{"kind":"Name","value":"pointsPerCurrencyUnit"}},{"kind":"Field","name":{"kind":"Name","value":"excludeShipping"}},{"kind":"Field","name":{"kind":"Name","value":"excludeTaxes"}},{"kind":"Field","name":{"kind":"Name","value":"excludeDiscounts"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}},{"kind":"Field","name":{"kind":"Name","value":"signupBonus"}},{"kind":"Field","name":{"kind":"Name","value":"birthdayBonus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"allowNegativeBalance"}},{"kind":"Field","name":{"kind":"Name","value":"expiryPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"expiryMonths"}},{"kind":"Field","name":{"kind":"Name","value":"expiryWarningDays"}},{"kind":"Field","name":{"kind":"Name","value":"pointValue"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}}]} as unknown as DocumentNode;
export const ProgramRewardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramRewardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Reward"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}},{"kind":"Field","name":{"kind":"Name","value":"es"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"variantId"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"minimumSubtotal"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimit"}},{"kind":"Field","name":{"kind":"Name","value":"usageLimitPerCustomer"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"endsAt"}},{"kind":"Field","name":{"kind":"Name","value":"codeValidityDays"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]} as unknown as DocumentNode;
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
export const OperationsDeadLettersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OperationsDeadLetters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"merchant"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"points"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"referral"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"segment"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tier"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"audit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"merchant"},"name":{"kind":"Name","value":"merchantDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"merchant"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"customer"},"name":{"kind":"Name","value":"customerDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customer"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"points"},"name":{"kind":"Name","value":"pointsDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"points"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"referral"},"name":{"kind":"Name","value":"referralDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"referral"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"segment"},"name":{"kind":"Name","value":"segmentDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"segment"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"tier"},"name":{"kind":"Name","value":"tierDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tier"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"audit"},"name":{"kind":"Name","value":"auditDeadLetterEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"audit"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetterPage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetterPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]} as unknown as DocumentNode;

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