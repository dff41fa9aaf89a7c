/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentNode } from 'graphql';
import * as Urql from 'urql';
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
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

export type DashboardShellQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardShellQuery = { me: { kind: ActorKind, scopes: Array<string> }, merchant: { id: string, name: string, shopDomain: string, currency: string, primaryLocale: LocaleCode, timezone: string } };

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

export const ProgramReferralProgramFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralProgramFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"advocatePoints"}},{"kind":"Field","name":{"kind":"Name","value":"friendReward"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"minimumOrderAmount"}},{"kind":"Field","name":{"kind":"Name","value":"expiryDays"}},{"kind":"Field","name":{"kind":"Name","value":"singleUse"}},{"kind":"Field","name":{"kind":"Name","value":"oncePerCustomer"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversionRule"}},{"kind":"Field","name":{"kind":"Name","value":"minimumOrderValue"}},{"kind":"Field","name":{"kind":"Name","value":"holdDays"}},{"kind":"Field","name":{"kind":"Name","value":"monthlyCap"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeCap"}},{"kind":"Field","name":{"kind":"Name","value":"fraudChecks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claimBurstPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode;
export const ProgramReferralFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramReferralFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Referral"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"claimedAt"}},{"kind":"Field","name":{"kind":"Name","value":"discountCode"}},{"kind":"Field","name":{"kind":"Name","value":"orderTotal"}},{"kind":"Field","name":{"kind":"Name","value":"orderCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"advocate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fraud"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]} as unknown as DocumentNode;
export const ProgramSegmentSettingsFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentSettingsFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentSettings"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"windowDays"}},{"kind":"Field","name":{"kind":"Name","value":"scoring"}},{"kind":"Field","name":{"kind":"Name","value":"thresholds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recencyDays"}},{"kind":"Field","name":{"kind":"Name","value":"frequencyOrders"}},{"kind":"Field","name":{"kind":"Name","value":"monetaryMinor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"syncMetafield"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]} as unknown as DocumentNode;
export const ProgramSegmentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Segment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"en"}},{"kind":"Field","name":{"kind":"Name","value":"es"}},{"kind":"Field","name":{"kind":"Name","value":"fr"}}]}},{"kind":"Field","name":{"kind":"Name","value":"recency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"frequency"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"monetary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tierIds"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMin"}},{"kind":"Field","name":{"kind":"Name","value":"pointsMax"}},{"kind":"Field","name":{"kind":"Name","value":"builtin"}},{"kind":"Field","name":{"kind":"Name","value":"members"}}]}}]} as unknown as DocumentNode;
export const ProgramSegmentRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramSegmentRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SegmentRun"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"processed"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"requestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]} as unknown as DocumentNode;
export const ProgramTierProgramFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProgramTierProgramFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TierProgram"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"metric"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartMonth"}},{"kind":"Field","name":{"kind":"Name","value":"periodStartDay"}},{"kind":"Field","name":{"kind":"Name","value":"rollingMonths"}},{"kind":"Field","name":{"kind":"Name","value":"graceDays"}},{"kind":"Field","name":{"kind":"Name","value":"downgradePolicy"}},{"kind":"Field","name":{"kind":"Name","value":"skippedTierBonus"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"tiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"names"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"threshold"}},{"kind":"Field","name":{"kind":"Name","value":"earnMultiplier"}},{"kind":"Field","name":{"kind":"Name","value":"entryBonusPoints"}},{"kind":"Field","name":{"kind":"Name","value":"perks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"texts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}}]}}]}}]}}]} as unknown as DocumentNode;
export const DashboardShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardShell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shopDomain"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"primaryLocale"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode;

export function useDashboardShellQuery(options?: Omit<Urql.UseQueryArgs<DashboardShellQueryVariables>, 'query'>) {
  return Urql.useQuery<DashboardShellQuery, DashboardShellQueryVariables>({ query: DashboardShellDocument, ...options });
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