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

/** What a customer accumulates to reach a tier. */
export type TierMetric =
  /** Paid orders net of refunds, in whole units of the shop's currency. */
  | 'AMOUNT_SPENT'
  /** Orders placed, less cancelled ones. */
  | 'ORDERS_COUNT'
  /** Points earned (earning entries less their reversals); spending points never lowers it. */
  | 'POINTS_EARNED';

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