import { formatError, logUnexpected, type Caller } from '@loyalnest/kit';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { getOperationAST, GraphQLError, specifiedRules, subscribe, validate, type DocumentNode, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Authenticator } from '../auth/authenticate.js';
import type { LiveConfig } from '../config.js';
import { parseBounded } from '../document-guard.js';
import { queryLimitRules, type QueryLimits } from '../limits.js';
import type { CostBuckets } from '../throttle/cost-buckets.js';
import { priceOperation, Throttled } from '../throttle/query-cost.plugin.js';
import type { LiveContext, LiveResolvers } from './live-resolvers.js';

export interface LiveServerOptions {
  server: Server;
  /** The API schema clients see; its Subscription fields are resolved by `resolvers`. */
  schema: GraphQLSchema;
  resolvers: LiveResolvers;
  authenticator: Authenticator;
  config: LiveConfig;
  limits: QueryLimits;
  /** Stack traces in error messages (development only). */
  stackTraces: boolean;
  /** A subscribe is charged its cost like an HTTP operation. */
  buckets: CostBuckets;
}

export interface LiveServer {
  /** Open sockets on this replica. */
  readonly sockets: number;
  /** Closes every socket with 1001 (Going Away), so clients reconnect to another replica. */
  stop(): Promise<void>;
}

/** What the gateway keeps per socket beside graphql-ws's own state. */
interface SocketState extends Record<PropertyKey, unknown> {
  caller?: Caller;
  expiry?: NodeJS.Timeout;
}

/** An error for a graphql-ws `error` message: its HTTP status means nothing on a socket. */
function clientError(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message, { extensions });
}

/** Timers cannot wait longer than this (about 24.8 days); a longer credential is re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * graphql-ws on the gateway's `/graphql` path. Authentication is in the `connection_init`
 * payload (`{ authorization: "Bearer <token>" }`), verified like the HTTP header; a refused or
 * expired credential closes the socket with 4403 (Forbidden), which graphql-ws clients retry
 * with fresh connection params. Each subscribe is authorized again by its resolver, against the
 * socket's caller. The server pings every `heartbeatMs` and drops a socket that has not answered
 * by the next ping, which is also what ends a client that stopped reading.
 */
export function startLiveServer(options: LiveServerOptions): LiveServer {
  const { schema, resolvers, authenticator, config } = options;
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: 64 * 1024 });
  const rules = [...specifiedRules, ...queryLimitRules(options.limits)];

  const forbid = (socket: WebSocket, reason: string) => socket.close(CloseCode.Forbidden, `Forbidden: ${reason}`.slice(0, 123));
  const armExpiry = (state: SocketState, socket: WebSocket, expiresAt: Date) => {
    const wait = expiresAt.getTime() - Date.now();
    state.expiry = setTimeout(() => (wait > MAX_TIMER_MS ? armExpiry(state, socket, expiresAt) : forbid(socket, 'the token expired')), Math.min(wait, MAX_TIMER_MS));
  };

  const server = useServer<Record<string, unknown> | undefined, SocketState>(
    {
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const { caller, expiresAt } = await authenticator.authenticateWithExpiry(typeof authorization === 'string' ? authorization : undefined, randomUUID());
          if (expiresAt && expiresAt.getTime() <= Date.now()) throw new GraphQLError('the token expired', { extensions: { code: 'UNAUTHENTICATED' } });
          ctx.extra.caller = caller;
          if (expiresAt) armExpiry(ctx.extra, ctx.extra.socket, expiresAt);
          return true;
        } catch (error) {
          if ((error as GraphQLError).extensions?.code === 'UNAUTHENTICATED') {
            forbid(ctx.extra.socket, (error as Error).message);
          } else {
            console.error(`[live] authentication failed unexpectedly: ${(error as Error).message}`);
            ctx.extra.socket.close(1011, 'Authentication is unavailable; try again shortly');
          }
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > config.maxSubscriptionsPerSocket) {
          return [new GraphQLError(`At most ${config.maxSubscriptionsPerSocket} subscriptions per connection`, { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        let document: DocumentNode;
        try {
          document = parseBounded(payload.query, options.limits);
        } catch (error) {
          return [clientError(error as GraphQLError)];
        }
        const errors = validate(schema, document, rules);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const caller = { ...ctx.extra.caller!, requestId: randomUUID() };
        try {
          await priceOperation(options.buckets, options.limits.cost, caller, document, operation, payload.variables ?? undefined);
        } catch (error) {
          return [error instanceof Throttled ? error : clientError(error as GraphQLError)];
        }
        const contextValue: LiveContext = { caller, variables: payload.variables ?? {} };
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      subscribe: (args) => subscribe({ ...args, subscribeFieldResolver: resolvers.subscribe, fieldResolver: resolvers.resolve }),
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) => {
        if (!result.errors?.length) return undefined;
        for (const error of result.errors) logUnexpected('live', error);
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), options.stackTraces)) } satisfies FormattedExecutionResult;
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
      },
    },
    wss,
    config.heartbeatMs,
  );

  return {
    get sockets() {
      return wss.clients.size;
    },
    async stop() {
      await server.dispose();
    },
  };
}
