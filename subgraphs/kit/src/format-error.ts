import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logger } from './logger.js';

/** Codes whose message is written for the client and may pass through unchanged. */
const CLIENT_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway's rate limits: the message names the cost, what is left and when to retry.
  'THROTTLED',
  // Written by the merchant subgraph for the system callers of its internal Shopify calls: they
  // name Shopify's reason, never the token or the request.
  'SHOPIFY_UNAVAILABLE',
  'SHOPIFY_REJECTED',
  'SHOPIFY_OUTCOME_UNKNOWN',
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** class-validator's nested errors as "input.email: email must be an email" lines. */
function describeValidation(errors: ValidationErrorLike[], path: string[] = []): { fields: string[]; lines: string[] } {
  const fields: string[] = [];
  const lines: string[] = [];
  for (const error of errors) {
    const here = [...path, error.property];
    if (error.constraints) {
      fields.push(here.join('.'));
      lines.push(`${here.join('.')}: ${Object.values(error.constraints).join('; ')}`);
    }
    const nested = describeValidation(error.children ?? [], here);
    fields.push(...nested.fields);
    lines.push(...nested.lines);
  }
  return { fields, lines };
}

/**
 * The one error policy for subgraphs and the gateway: client-facing codes keep their message,
 * anything else becomes INTERNAL with a generic message. Stack traces and SQL appear only in
 * development, and never as anything but a log line elsewhere.
 */
export function formatError(formatted: GraphQLFormattedError, development: boolean): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) };
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  const validationErrors = extensions.validationErrors as ValidationErrorLike[] | undefined;
  if (code === 'BAD_USER_INPUT' && validationErrors?.length) {
    const { fields, lines } = describeValidation(validationErrors);
    return { message: lines.join('\n'), path: formatted.path, locations: formatted.locations, extensions: { code, fields } };
  }
  if (code && CLIENT_CODES.has(code)) {
    delete extensions.stacktrace;
    delete extensions.exception;
    if (development && formatted.extensions?.stacktrace) extensions.stacktrace = formatted.extensions.stacktrace;
    return { ...formatted, extensions };
  }
  if (development) return { ...formatted, extensions: { ...extensions, code: code ?? 'INTERNAL' } };
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL' } };
}

/**
 * Errors clients only see as INTERNAL are logged where they happen, with their stack: the
 * response carries nothing to debug them with, on purpose.
 */
export function logUnexpected(service: string, error: unknown, request: { requestId?: string; merchantId?: string | null } = {}): void {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  if (typeof code === 'string' && CLIENT_CODES.has(code)) return;
  const cause = error instanceof GraphQLError ? (error.originalError ?? (code ? undefined : error)) : error;
  // No Error behind it: a masked error from a subgraph passing through, logged there already.
  if (!(cause instanceof Error)) return;
  logger(service, { requestId: request.requestId, merchantId: request.merchantId }).error({ err: cause }, 'unexpected error');
}
