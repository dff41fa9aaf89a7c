import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { logger, type Caller } from '@loyalnest/kit';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../data-sources.js';
import { costLimitError, operationCost, type VariableValues } from '../limits.js';
import type { CostBuckets, ThrottleStatus } from './cost-buckets.js';

/** Shopify's `extensions.cost`, sent with every metered response, refused ones included. */
export interface CostExtension {
  requestedQueryCost: number;
  throttleStatus?: ThrottleStatus;
}

/** What a refused charge says: THROTTLED, the cost, and when to come back. */
export class Throttled extends GraphQLError {
  constructor(
    readonly cost: CostExtension,
    readonly retryAfterSeconds: number,
  ) {
    super(`Throttled: this query costs ${cost.requestedQueryCost} points and ${cost.throttleStatus!.currentlyAvailable} are available; retry in ${retryAfterSeconds} s`, {
      extensions: { code: 'THROTTLED', retryAfter: retryAfterSeconds, cost },
    });
  }
}

/**
 * Prices one operation with its variables against `schema` (the API it was validated against: it
 * says which fields are pages and their default size), refuses it past the cost limit, and charges
 * it to the caller's buckets. Shared by HTTP (the plugin below) and the subscriptions socket. Throws
 * `costLimitError`, `Throttled`, or INTERNAL when Redis cannot answer: rate limits fail closed,
 * like authentication.
 */
export async function priceOperation(
  buckets: CostBuckets,
  maxCost: number,
  caller: Caller,
  clientIp: string,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: VariableValues | undefined,
): Promise<CostExtension> {
  const requestedQueryCost = operationCost(schema, document, operation, variables ?? {});
  if (requestedQueryCost > maxCost) throw costLimitError(requestedQueryCost, maxCost);
  let charge;
  try {
    charge = await buckets.charge(caller, requestedQueryCost, clientIp);
  } catch (error) {
    logger('gateway', { requestId: caller.requestId, merchantId: caller.merchantId }).error({ err: error }, 'rate limiting failed unexpectedly');
    throw new GraphQLError('Rate limiting is unavailable; try again shortly', { extensions: { code: 'INTERNAL', http: { status: 503 } } });
  }
  if (!charge) return { requestedQueryCost };
  const cost: CostExtension = { requestedQueryCost, throttleStatus: charge.throttleStatus };
  if (!charge.allowed) throw new Throttled(cost, charge.retryAfterSeconds);
  return cost;
}

/**
 * Runs `priceOperation` once the operation is known (didResolveOperation: validated, variables at
 * hand, nothing executed) and puts `extensions.cost` on the response. A throttled request answers
 * HTTP 429 with `Retry-After` in seconds.
 */
export function queryCostPlugin(buckets: CostBuckets, maxCost: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let cost: CostExtension | undefined;
      return {
        // `schema` is the API schema the gateway serves, kept current by Apollo as it loads.
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // graphql-js answers a missing or ambiguous operation itself
          // Not over HTTP: the live server's lookups for each event of a subscription, which was
          // priced and charged once, when it was subscribed.
          if (!request.http) return;
          try {
            cost = await priceOperation(buckets, maxCost, contextValue.caller, contextValue.clientIp ?? '', schema, document, operation, request.variables);
          } catch (error) {
            if (!(error instanceof Throttled)) throw error;
            cost = error.cost;
            const headers = new HeaderMap([['retry-after', String(error.retryAfterSeconds)]]);
            throw new GraphQLError(error.message, { extensions: { code: 'THROTTLED', retryAfter: error.retryAfterSeconds, http: { status: 429, headers } } });
          }
        },
        async willSendResponse({ response }) {
          if (!cost || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };
}
