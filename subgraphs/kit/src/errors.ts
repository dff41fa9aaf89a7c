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
}
registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Machine-readable code of an expected business error returned in a result union.',
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
