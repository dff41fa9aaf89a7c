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

/** A new partner API key. */
export type CreateApiKeyInput = {
  /** When the key stops working: in the future, at most 365 days from now. Null: valid until revoked. */
  expiresAt?: string | null | undefined;
  /** A name to recognise the key by (1–100 characters). */
  name: string;
  /** Scopes to grant; any of: merchant:read, customers:read, customers:write, points:read, points:write, tiers:read, tiers:manage, referrals:read, referrals:manage, segments:read, segments:manage. */
  scopes: Array<string>;
};

/** Where a dead-lettered event stands. */
export type DeadLetterStatus =
  /** Every attempt failed; waiting for an admin to retry it. */
  | 'DEAD'
  /** A retry applied the event. */
  | 'RESOLVED'
  /** An admin asked for a retry that has not settled yet. */
  | 'RETRYING';

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

export const OperationsApiKeyFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsApiKey"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKey"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]} as unknown as DocumentNode;
export const OperationsDeadLetterFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const OperationsDeadLetterPageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetterPage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEventConnection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const OperationsRetryResultFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsRetryResult"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RetryDeadLetterEventResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OperationsDeadLetter"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ErrorResult"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OperationsDeadLetter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DeadLetterEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"consumer"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"failedAt"}},{"kind":"Field","name":{"kind":"Name","value":"retryRequestedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}}]}}]} as unknown as DocumentNode;
export const DashboardShellDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardShell"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"shopDomain"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"primaryLocale"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]} as unknown as DocumentNode;

export function useDashboardShellQuery(options?: Omit<Urql.UseQueryArgs<DashboardShellQueryVariables>, 'query'>) {
  return Urql.useQuery<DashboardShellQuery, DashboardShellQueryVariables>({ query: DashboardShellDocument, ...options });
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