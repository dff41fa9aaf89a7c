/** One GraphQL error as the API sends it. */
export interface GraphQLErrorBody {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * The codes a `LoyalNestError` carries: the API's `extensions.code` (`UNAUTHENTICATED`: a missing,
 * unknown or revoked key; `FORBIDDEN`: the key lacks a scope; `BAD_USER_INPUT`: an input field was
 * refused, the message names it; `THROTTLED`: still throttled after every retry; `INTERNAL`), or the
 * SDK's own when no GraphQL answer came (`NETWORK_ERROR`, `BAD_RESPONSE`). Other API codes (such as
 * `GRAPHQL_VALIDATION_FAILED` for a query past the cost limit) pass through as they are.
 */
export type LoyalNestErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'THROTTLED'
  | 'INTERNAL'
  | 'NETWORK_ERROR'
  | 'BAD_RESPONSE'
  | (string & {});

/**
 * Thrown for what is not a business outcome: transport, authentication, authorization, bad input,
 * throttling past the retries. Business outcomes (too few points, an unknown reward) are not thrown:
 * they come back as data, the result union's `__typename` naming them.
 */
export class LoyalNestError extends Error {
  override readonly name = 'LoyalNestError';

  constructor(
    message: string,
    readonly code: LoyalNestErrorCode,
    readonly details: {
      /** The HTTP status, when an answer came. */
      status?: number;
      /** The API's request id (`x-request-id`): quote it when reporting a failure. */
      requestId?: string;
      /** Every GraphQL error of the answer. */
      errors?: readonly GraphQLErrorBody[];
      /** What the API answered beside its errors, if anything (a partial result). */
      data?: unknown;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  get status(): number | undefined {
    return this.details.status;
  }

  get requestId(): string | undefined {
    return this.details.requestId;
  }
}
