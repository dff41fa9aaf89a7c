import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlOperationDuration, operationLabel } from './metrics-registry.js';

/**
 * Times each GraphQL operation into `loyalnest_graphql_operation_duration_seconds`. Outcome:
 * `invalid` when no operation could be resolved (a document that does not parse or validate),
 * `error` when the response carries errors (expected business outcomes are data, not errors),
 * `success` otherwise. A caller refused before the operation starts (no valid token) is counted
 * by the HTTP histogram only.
 */
export function graphqlMetricsPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const end = graphqlOperationDuration.startTimer();
      let resolved = false;
      let name: string | null = null;
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation }) {
          resolved = true;
          name = operationName;
          type = operation?.operation ?? 'unknown';
        },
        async willSendResponse({ errors }) {
          end({ operation: operationLabel(name, resolved), type, outcome: !resolved ? 'invalid' : errors?.length ? 'error' : 'success' });
        },
      };
    },
  };
}
