/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** A language the loyalty program speaks to shoppers. */
export type LocaleCode =
  /** English. */
  | 'EN'
  /** Spanish. */
  | 'ES'
  /** French. */
  | 'FR';

/** How fractional points of an order are rounded. */
export type PointsRounding =
  /** Drop the fraction: 12.9 points earn 12. */
  | 'DOWN'
  /** Round to the nearest whole point, halves up: 12.5 points earn 13. */
  | 'NEAREST'
  /** Any fraction earns a whole point: 12.1 points earn 13. */
  | 'UP';

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

/** Settings to change; omitted fields keep their value. */
export type UpdateMerchantSettingsInput = {
  /** ISO 4217 currency code, three capital letters. */
  currency?: string | null | undefined;
  /** Languages shoppers can choose from. */
  enabledLocales?: Array<LocaleCode> | null | undefined;
  /** Display name of the shop (1–255 characters). */
  name?: string | null | undefined;
  /**
   * Days until earned points expire (30–3650); 0 means never. Stored only: points expire by the points program.
   * @deprecated Points expire by the points program: set `expiryPolicy` and `expiryMonths` with `updateEarningRules`.
   */
  pointsExpiryDays?: number | null | undefined;
  /** What the shop calls its points (1–32 characters). */
  pointsName?: string | null | undefined;
  /**
   * Points per currency unit spent, 0–1000. Stored only: orders earn by the points program.
   * @deprecated Orders earn by the points program: set `pointsPerCurrencyUnit` with `updateEarningRules`.
   */
  pointsPerCurrencyUnit?: number | null | undefined;
  /** Default shopper-facing language; must be enabled. */
  primaryLocale?: LocaleCode | null | undefined;
  /**
   * Stored only: earning and redeeming do not follow it.
   * @deprecated Switch the points program with `enabled` in `updateEarningRules`.
   */
  programEnabled?: boolean | null | undefined;
};

export type DashboardQueryVariables = Exact<{
  filter?: CustomerFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type DashboardQuery = { merchant: { id: string, name: string, currency: string, customerCount: number, settings: { pointsName: string } }, earningRules: { enabled: boolean }, customers: { nodes: Array<{ id: string, email: string | null, firstName: string | null, lastName: string | null, ordersCount: number, totalSpent: string }>, pageInfo: { endCursor: string | null, hasNextPage: boolean } } };

export type UpdateSettingsMutationVariables = Exact<{
  input: UpdateMerchantSettingsInput;
}>;


export type UpdateSettingsMutation = { updateMerchantSettings:
    | { __typename: 'InvalidSettingsError', code: ErrorCode, message: string, field: string }
    | { __typename: 'Merchant', id: string, name: string, currency: string, primaryLocale: LocaleCode, enabledLocales: Array<LocaleCode>, settings: { pointsName: string } }
   };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, revokedAt: string | null }> };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string, apiKey: { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string } } };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey:
    | { __typename: 'ApiKey', id: string, revokedAt: string | null }
    | { __typename: 'ApiKeyNotFoundError', code: ErrorCode, message: string }
   };

export type MerchantActivitySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MerchantActivitySubscription = { merchantActivity: { kind: string, details: Record<string, unknown>, committedAt: string, customer: { id: string, firstName: string | null, lastName: string | null } | null } };

export type AwardPointsMutationVariables = Exact<{
  input: AwardPointsInput;
}>;


export type AwardPointsMutation = { awardPoints:
    | { __typename: 'CustomerNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'PointsChange', duplicate: boolean, entry: { id: string, points: number, reason: string | null }, account: { balance: number, pending: number, lifetimeEarned: number } }
   };

export type DeductPointsMutationVariables = Exact<{
  input: DeductPointsInput;
}>;


export type DeductPointsMutation = { deductPoints:
    | { __typename: 'CustomerNotFoundError', code: ErrorCode, message: string }
    | { __typename: 'IdempotencyKeyReusedError', code: ErrorCode, message: string }
    | { __typename: 'InsufficientPointsError', balance: number, required: number, code: ErrorCode, message: string }
    | { __typename: 'PointsChange', duplicate: boolean, entry: { id: string, points: number, reason: string | null }, account: { balance: number, pending: number, lifetimeEarned: number } }
   };

export type PointsOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type PointsOverviewQuery = { pointsLiability: { outstandingPoints: number, pendingPoints: number, accountsWithPoints: number, outstandingValue: string, pendingValue: string, merchant: { currency: string } }, verifyLedger: { ok: boolean, accountsChecked: number, entriesChecked: number, mismatches: Array<{ customerId: string, balance: number, expectedBalance: number }> }, earningRules: { enabled: boolean, earnOn: EarnOn, pointsPerCurrencyUnit: number, excludeShipping: boolean, excludeTaxes: boolean, excludeDiscounts: boolean, rounding: PointsRounding, signupBonus: number, birthdayBonus: number, pendingDays: number, allowNegativeBalance: boolean, expiryPolicy: ExpiryPolicy, expiryMonths: number, pointValue: string, activities: Array<{ key: string, name: string, points: number, limit: ActivityLimit }> }, rewards: Array<{ id: string, kind: RewardKind, name: string, pointsCost: number, active: boolean }> };

export type UpdateEarningRulesMutationVariables = Exact<{
  input: UpdateEarningRulesInput;
}>;


export type UpdateEarningRulesMutation = { updateEarningRules: { enabled: boolean, earnOn: EarnOn, pointsPerCurrencyUnit: number, signupBonus: number, pendingDays: number, expiryPolicy: ExpiryPolicy, expiryMonths: number } };


export const DashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CustomerFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customerCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"earningRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"ordersCount"}},{"kind":"Field","name":{"kind":"Name","value":"totalSpent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const UpdateSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMerchantSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMerchantSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Merchant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"primaryLocale"}},{"kind":"Field","name":{"kind":"Name","value":"enabledLocales"}},{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsName"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidSettingsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateSettingsMutation, UpdateSettingsMutationVariables>;
export const ApiKeysDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKeyCreated"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const MerchantActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"MerchantActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"merchantActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"committedAt"}},{"kind":"Field","name":{"kind":"Name","value":"customer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}}]}}]}}]}}]} as unknown as DocumentNode<MerchantActivitySubscription, MerchantActivitySubscriptionVariables>;
export const AwardPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AwardPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AwardPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"awardPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AwardPointsMutation, AwardPointsMutationVariables>;
export const DeductPointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeductPoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeductPointsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deductPoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PointsChange"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"duplicate"}},{"kind":"Field","name":{"kind":"Name","value":"entry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"account"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"lifetimeEarned"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InsufficientPointsError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"required"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DeductPointsMutation, DeductPointsMutationVariables>;
export const PointsOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PointsOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pointsLiability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outstandingPoints"}},{"kind":"Field","name":{"kind":"Name","value":"pendingPoints"}},{"kind":"Field","name":{"kind":"Name","value":"accountsWithPoints"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingValue"}},{"kind":"Field","name":{"kind":"Name","value":"pendingValue"}},{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"verifyLedger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"accountsChecked"}},{"kind":"Field","name":{"kind":"Name","value":"entriesChecked"}},{"kind":"Field","name":{"kind":"Name","value":"mismatches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customerId"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"expectedBalance"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"earningRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"earnOn"}},{"kind":"Field","name":{"kind":"Name","value":"pointsPerCurrencyUnit"}},{"kind":"Field","name":{"kind":"Name","value":"excludeShipping"}},{"kind":"Field","name":{"kind":"Name","value":"excludeTaxes"}},{"kind":"Field","name":{"kind":"Name","value":"excludeDiscounts"}},{"kind":"Field","name":{"kind":"Name","value":"rounding"}},{"kind":"Field","name":{"kind":"Name","value":"signupBonus"}},{"kind":"Field","name":{"kind":"Name","value":"birthdayBonus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"allowNegativeBalance"}},{"kind":"Field","name":{"kind":"Name","value":"expiryPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"expiryMonths"}},{"kind":"Field","name":{"kind":"Name","value":"pointValue"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"rewards"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"pointsCost"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<PointsOverviewQuery, PointsOverviewQueryVariables>;
export const UpdateEarningRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateEarningRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateEarningRulesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateEarningRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"earnOn"}},{"kind":"Field","name":{"kind":"Name","value":"pointsPerCurrencyUnit"}},{"kind":"Field","name":{"kind":"Name","value":"signupBonus"}},{"kind":"Field","name":{"kind":"Name","value":"pendingDays"}},{"kind":"Field","name":{"kind":"Name","value":"expiryPolicy"}},{"kind":"Field","name":{"kind":"Name","value":"expiryMonths"}}]}}]}}]} as unknown as DocumentNode<UpdateEarningRulesMutation, UpdateEarningRulesMutationVariables>;