import { GraphQLError } from 'graphql';
import { Directive, Field, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Every expected business outcome a mutation can return. One enum for the whole supergraph, so
 * each subgraph that defines it defines the same values and composition merges them cleanly.
 */
export enum ErrorCode {
  NOT_FOUND = 'NOT_FOUND',
  INVALID_SETTINGS = 'INVALID_SETTINGS',
  CUSTOMER_NOT_FOUND = 'CUSTOMER_NOT_FOUND',
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  DEAD_LETTER_EVENT_NOT_FOUND = 'DEAD_LETTER_EVENT_NOT_FOUND',
  DEAD_LETTER_EVENT_RESOLVED = 'DEAD_LETTER_EVENT_RESOLVED',
  INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS',
  NEGATIVE_BALANCE = 'NEGATIVE_BALANCE',
  PROGRAM_DISABLED = 'PROGRAM_DISABLED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  REWARD_NOT_FOUND = 'REWARD_NOT_FOUND',
  REWARD_UNAVAILABLE = 'REWARD_UNAVAILABLE',
  DISCOUNT_CREATION_FAILED = 'DISCOUNT_CREATION_FAILED',
  REDEMPTION_NOT_FOUND = 'REDEMPTION_NOT_FOUND',
  REDEMPTION_NOT_CANCELLABLE = 'REDEMPTION_NOT_CANCELLABLE',
  DISCOUNT_DEACTIVATION_FAILED = 'DISCOUNT_DEACTIVATION_FAILED',
  ACTIVITY_NOT_FOUND = 'ACTIVITY_NOT_FOUND',
  ACTIVITY_LIMIT_REACHED = 'ACTIVITY_LIMIT_REACHED',
  REFERRAL_PROGRAM_DISABLED = 'REFERRAL_PROGRAM_DISABLED',
  REFERRAL_CODE_NOT_FOUND = 'REFERRAL_CODE_NOT_FOUND',
  REFERRAL_CLAIM_INVALID = 'REFERRAL_CLAIM_INVALID',
  REFERRAL_CLAIM_BLOCKED = 'REFERRAL_CLAIM_BLOCKED',
  REFERRAL_ALREADY_CLAIMED = 'REFERRAL_ALREADY_CLAIMED',
  REFERRAL_DISCOUNT_UNAVAILABLE = 'REFERRAL_DISCOUNT_UNAVAILABLE',
  REFERRAL_NOT_FOUND = 'REFERRAL_NOT_FOUND',
  REFERRAL_NOT_DECIDABLE = 'REFERRAL_NOT_DECIDABLE',
  REFERRAL_REVIEW_INVALID = 'REFERRAL_REVIEW_INVALID',
  SEGMENT_NOT_FOUND = 'SEGMENT_NOT_FOUND',
  SEGMENT_EXPORT_LIMIT_REACHED = 'SEGMENT_EXPORT_LIMIT_REACHED',
  WEBHOOK_ENDPOINT_REFUSED = 'WEBHOOK_ENDPOINT_REFUSED',
  WEBHOOK_SUBSCRIPTION_LIMIT_REACHED = 'WEBHOOK_SUBSCRIPTION_LIMIT_REACHED',
  WEBHOOK_SUBSCRIPTION_NOT_FOUND = 'WEBHOOK_SUBSCRIPTION_NOT_FOUND',
  WEBHOOK_DELIVERY_NOT_FOUND = 'WEBHOOK_DELIVERY_NOT_FOUND',
  WEBHOOK_SUBSCRIPTION_DISABLED = 'WEBHOOK_SUBSCRIPTION_DISABLED',
}
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Machine-readable code of an expected business error returned in a result union.',
  valuesConfig: {
    NOT_FOUND: { description: 'Reserved for a generic missing record; no mutation returns it today (each names what is missing, e.g. REWARD_NOT_FOUND).' },
    INVALID_SETTINGS: { description: 'The program settings, earning rules, tier program or referral program break a rule as a whole (InvalidSettingsError, InvalidTierProgramError, ReferralProgramInvalidError); nothing was saved.' },
    CUSTOMER_NOT_FOUND: { description: 'No customer with that id belongs to this merchant (CustomerNotFoundError).' },
    API_KEY_NOT_FOUND: { description: 'No API key with that id belongs to this merchant (ApiKeyNotFoundError).' },
    EMAIL_TAKEN: { description: 'Reserved for a customer email already in use; no mutation returns it today (customers are matched by their Shopify id).' },
    DEAD_LETTER_EVENT_NOT_FOUND: { description: 'No dead-lettered event with that id belongs to this merchant (DeadLetterEventNotFoundError).' },
    DEAD_LETTER_EVENT_RESOLVED: { description: 'The dead-lettered event was already applied; there is nothing to retry (DeadLetterEventResolvedError).' },
    INSUFFICIENT_POINTS: { description: "The customer's balance is lower than the points asked for (InsufficientPointsError); nothing was spent." },
    NEGATIVE_BALANCE: { description: 'Reserved; a negative balance is reported as REWARD_UNAVAILABLE with reason NEGATIVE_BALANCE.' },
    PROGRAM_DISABLED: { description: 'The merchant has switched the points program off (ProgramDisabledError); nothing was earned or spent.' },
    IDEMPOTENCY_KEY_REUSED: { description: 'The idempotency key was already used for a different change (IdempotencyKeyReusedError); use a new key for a new change.' },
    REWARD_NOT_FOUND: { description: 'No reward with that id belongs to this merchant (RewardNotFoundError).' },
    REWARD_UNAVAILABLE: { description: 'The reward cannot be redeemed now, e.g. it is disabled or the balance is negative (RewardUnavailableError); nothing was spent.' },
    DISCOUNT_CREATION_FAILED: { description: 'Shopify issued no discount code for a redemption (DiscountCreationFailedError); the points were given back.' },
    REDEMPTION_NOT_FOUND: { description: 'No redemption with that id belongs to this merchant (RedemptionNotFoundError).' },
    REDEMPTION_NOT_CANCELLABLE: { description: 'Only an issued redemption can be cancelled; this one is pending, used, expired, cancelled or failed (RedemptionNotCancellableError).' },
    DISCOUNT_DEACTIVATION_FAILED: { description: "Shopify did not delete the redemption's discount code, so it still works and the points stay spent (DiscountDeactivationFailedError); try again." },
    ACTIVITY_NOT_FOUND: { description: "The merchant's earning rules have no activity with that key (ActivityNotFoundError)." },
    ACTIVITY_LIMIT_REACHED: { description: 'The customer already earned for this activity as often as its limit allows (ActivityLimitReachedError).' },
    REFERRAL_PROGRAM_DISABLED: { description: 'The merchant has switched the referral program off (ReferralProgramDisabledError); nothing was claimed.' },
    REFERRAL_CODE_NOT_FOUND: { description: 'No customer of this merchant holds that referral code (ReferralCodeNotFoundError); nothing was claimed.' },
    REFERRAL_CLAIM_INVALID: { description: 'A field of the claim is not what it must be, e.g. a malformed code or an email that is not one (ReferralClaimInvalidError names the field); nothing was claimed.' },
    REFERRAL_CLAIM_BLOCKED: { description: 'A fraud check blocked the claim (ReferralClaimBlockedError); no discount code was issued and the referral waits for an admin.' },
    REFERRAL_ALREADY_CLAIMED: {
      description: 'Someone else already claimed an offer at this shop with that email (ReferralAlreadyClaimedError); nothing about their claim is shown and nothing was claimed.',
    },
    REFERRAL_DISCOUNT_UNAVAILABLE: { description: "Shopify issued no discount code for the friend's claim (ReferralDiscountUnavailableError); claiming again later issues it." },
    REFERRAL_NOT_FOUND: { description: 'No referral with that id belongs to this merchant (ReferralNotFoundError).' },
    REFERRAL_NOT_DECIDABLE: { description: 'The referral is not in a status the decision applies to, e.g. approving one that is not BLOCKED (ReferralNotDecidableError); nothing changed.' },
    REFERRAL_REVIEW_INVALID: { description: 'An argument of an admin\'s referral decision is out of range (ReferralReviewInvalidError); nothing changed.' },
    SEGMENT_NOT_FOUND: { description: 'The merchant has no segment with that handle (SegmentNotFoundError); nothing was started.' },
    SEGMENT_EXPORT_LIMIT_REACHED: { description: 'The merchant already has as many member exports queued or running as it may (SegmentExportLimitReachedError); one must finish before another starts.' },
    WEBHOOK_ENDPOINT_REFUSED: {
      description: 'The webhook endpoint URL is not one deliveries may go to: malformed, not https, carrying credentials, or resolving to a private address or to none (WebhookEndpointRefusedError says which); nothing was saved.',
    },
    WEBHOOK_SUBSCRIPTION_LIMIT_REACHED: { description: 'The merchant already has as many webhook subscriptions as it may (WebhookSubscriptionLimitReachedError); delete one first.' },
    WEBHOOK_SUBSCRIPTION_NOT_FOUND: { description: 'No webhook subscription with that id belongs to this merchant (WebhookSubscriptionNotFoundError).' },
    WEBHOOK_DELIVERY_NOT_FOUND: { description: 'No outgoing webhook delivery with that id belongs to this merchant (WebhookSubscriptionDeliveryNotFoundError).' },
    WEBHOOK_SUBSCRIPTION_DISABLED: { description: 'The delivery\'s subscription is disabled, so nothing can be sent to it (WebhookSubscriptionDisabledError); enable it first.' },
  },
});

@InterfaceType('ErrorResult', {
  description: 'Implemented by every error type a mutation result union can return.',
})
export abstract class ErrorResult {
  @Field(() => ErrorCode, { description: 'Stable machine-readable code.' })
  code!: ErrorCode;

  @Field(() => String, { description: 'Human-readable explanation, safe to show to a merchant.' })
  message!: string;
}

/**
 * Returned by any subgraph whose mutation names a customer the merchant does not have. Shared
 * (`@shareable`) because the customer and points subgraphs both return it.
 */
@Directive('@shareable')
@ObjectType('CustomerNotFoundError', { implements: ErrorResult, description: 'No customer with that id belongs to this merchant.' })
export class CustomerNotFoundError extends ErrorResult {
  constructor(id: string) {
    super();
    this.code = ErrorCode.CUSTOMER_NOT_FOUND;
    this.message = `No customer ${id}`;
  }
}

/** Codes of errors that are thrown (not returned): failures of the request rather than outcomes. */
export type ThrownErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'INTERNAL' | ShopifyErrorCode;

/**
 * Failures of a call the merchant subgraph makes to Shopify for another subgraph. UNAVAILABLE:
 * Shopify stayed down, slow or throttled through every retry, so trying later may work.
 * REJECTED: Shopify (or the merchant's install) refused the request, and the same request will
 * fail again. OUTCOME_UNKNOWN: an at-most-once call (a Flow trigger) failed in a way that may
 * have reached Shopify, which may have applied it; it must not be sent again.
 */
export type ShopifyErrorCode = 'SHOPIFY_UNAVAILABLE' | 'SHOPIFY_REJECTED' | 'SHOPIFY_OUTCOME_UNKNOWN';

export function thrown(code: ThrownErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** For errors raised before execution (authentication), where the HTTP status is ours to set. */
export function withHttpStatus(error: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } } });
}

export const unauthenticated = (message = 'Authentication required') => thrown('UNAUTHENTICATED', message);
export const forbidden = (message: string) => thrown('FORBIDDEN', message);
/** Bad input names the offending field, so clients can point at it; same shape as input validation errors. */
export const badInput = (field: string, message: string) => thrown('BAD_USER_INPUT', `${field}: ${message}`, { fields: [field] });
