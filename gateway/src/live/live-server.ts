import { clientIp, formatError, logger, logUnexpected, type Caller } from '@loyalnest/kit';
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
import type { LiveHub } from './live-hub.js';
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
  /** `TRUSTED_PROXY_HOPS`: where a socket's client address is read, which keys guests' buckets. */
  trustedProxyHops: number;
  /** Where revoked API keys are announced to every replica. */
  revocations: Pick<LiveHub, 'onApiKeyRevoked'>;
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
  /** The `connection_init` credential, verified again for every subscribe and, for API keys, periodically. */
  authorization?: string;
  expiry?: NodeJS.Timeout;
}

/** An error for a graphql-ws `error` message: its HTTP status means nothing on a socket. */
function clientError(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message, { extensions });
}

const UNAUTHENTICATED = 'UNAUTHENTICATED';

/** Timers cannot wait longer than this (about 24.8 days); a longer credential is re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * graphql-ws on the gateway's `/graphql` path. Authentication is in the `connection_init`
 * payload (`{ authorization: "Bearer <token>" }`), verified like the HTTP header, and verified
 * again for every subscribe, whose resolver then authorizes it against that caller.
 *
 * A credential that ends while its socket is open closes the socket with 4403 (Forbidden): a
 * token or API key reaching its expiry (a timer), an API key revoked (announced to every replica
 * over Redis, and found anyway by a check of every partner socket each `credentialRecheckMs`), or
 * any credential refused when a subscribe verifies it again, which also answers that subscribe
 * with an UNAUTHENTICATED error. 4403 rather than 4401: graphql-ws clients give up for good on
 * 4401 but retry 4403 with fresh connection params, which is what a widget holding a renewed
 * shopper token needs; a client whose key is gone is refused again at `connection_init`.
 *
 * The server pings every `heartbeatMs` and drops a socket that has not answered by the next
 * ping, which is also what ends a client that stopped reading.
 */
export function startLiveServer(options: LiveServerOptions): LiveServer {
  const { schema, resolvers, authenticator, config } = options;
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: 64 * 1024 });
  const rules = [...specifiedRules, ...queryLimitRules(options.limits)];

  const forbid = (socket: WebSocket, reason: string) => socket.close(CloseCode.Forbidden, `Forbidden: ${reason}`.slice(0, 123));
  const armExpiry = (state: SocketState, socket: WebSocket, expiresAt: Date) => {
    const wait = expiresAt.getTime() - Date.now();
    const what = state.caller?.actor.kind === 'partner' ? 'the API key' : 'the token';
    state.expiry = setTimeout(() => (wait > MAX_TIMER_MS ? armExpiry(state, socket, expiresAt) : forbid(socket, `${what} expired`)), Math.min(wait, MAX_TIMER_MS));
  };
  /** The socket's credential, verified now: its caller, or an error for the subscribe it was verified for. */
  const verifyAgain = async (socket: WebSocket, state: SocketState): Promise<Caller | GraphQLError> => {
    try {
      // Expired JWTs and expired or revoked keys are refused by the verification itself.
      return await authenticator.authenticate(state.authorization, randomUUID());
    } catch (error) {
      if ((error as GraphQLError).extensions?.code === UNAUTHENTICATED) {
        const message = (error as Error).message;
        // Once graphql-ws has sent the subscribe's error (queued in this same turn), not before it.
        setImmediate(() => forbid(socket, message));
        return new GraphQLError(message, { extensions: { code: UNAUTHENTICATED } });
      }
      logger('live').error({ err: error }, 'authentication failed unexpectedly');
      // An error result would end this subscription for good; closing with 1013 (try again later)
      // makes a graphql-ws client reconnect and subscribe again once authentication is back.
      setImmediate(() => socket.close(1013, 'Authentication is unavailable; try again shortly'));
      return new GraphQLError('Authentication is unavailable; try again shortly', { extensions: { code: 'INTERNAL' } });
    }
  };
  const partners = new PartnerSockets(authenticator, forbid);
  const stopListening = options.revocations.onApiKeyRevoked((revoked) => partners.revoked(revoked.merchantId, revoked.apiKeyId));
  const recheck = setInterval(() => void partners.recheck(), config.credentialRecheckMs);
  recheck.unref();

  const server = useServer<Record<string, unknown> | undefined, SocketState>(
    {
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const { caller, expiresAt } = await authenticator.authenticateWithExpiry(typeof authorization === 'string' ? authorization : undefined, randomUUID());
          if (expiresAt && expiresAt.getTime() <= Date.now()) throw new GraphQLError('the token expired', { extensions: { code: 'UNAUTHENTICATED' } });
          ctx.extra.caller = caller;
          ctx.extra.authorization = authorization as string;
          if (expiresAt) armExpiry(ctx.extra, ctx.extra.socket, expiresAt);
          if (caller.actor.kind === 'partner') partners.add(ctx.extra.socket, ctx.extra);
          return true;
        } catch (error) {
          if ((error as GraphQLError).extensions?.code === 'UNAUTHENTICATED') {
            forbid(ctx.extra.socket, (error as Error).message);
          } else {
            logger('live').error({ err: error }, 'authentication failed unexpectedly');
            // 1013 (try again later), not 1011: graphql-ws clients treat 1011 as fatal and never reconnect.
            ctx.extra.socket.close(1013, 'Authentication is unavailable; try again shortly');
          }
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        if (Object.keys(ctx.subscriptions).length > config.maxSubscriptionsPerSocket) {
          return [new GraphQLError(`At most ${config.maxSubscriptionsPerSocket} subscriptions per connection`, { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        // A key revoked (or a token expired) since `connection_init` starts nothing, even before
        // the announcement of it has closed the socket.
        const caller = await verifyAgain(ctx.extra.socket, ctx.extra);
        if (caller instanceof GraphQLError) return [caller];
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
        try {
          await priceOperation(options.buckets, options.limits.cost, caller, clientIp(ctx.extra.request, options.trustedProxyHops), schema, document, operation, payload.variables ?? undefined);
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
        partners.delete(ctx.extra.socket);
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
      clearInterval(recheck);
      stopListening();
      await server.dispose();
    },
  };
}

/**
 * This replica's open sockets authenticated with a partner API key. A key may be revoked at any
 * time: its sockets close when the revocation is announced, or at the next periodic check.
 */
class PartnerSockets {
  private readonly sockets = new Map<WebSocket, SocketState>();
  private rechecking = false;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly forbid: (socket: WebSocket, reason: string) => void,
  ) {}

  add(socket: WebSocket, state: SocketState): void {
    // A client that left while its key was being looked up has had its close handled already.
    if (socket.readyState === socket.OPEN) this.sockets.set(socket, state);
  }

  delete(socket: WebSocket): void {
    this.sockets.delete(socket);
  }

  revoked(merchantId: string, apiKeyId: string): void {
    for (const [socket, { caller }] of this.sockets) {
      if (caller!.actor.id === apiKeyId && caller!.merchantId === merchantId) this.close(socket, 'the API key was revoked');
    }
  }

  /**
   * Asks once per distinct key whether it is still valid, one key at a time, and closes the
   * sockets of those refused. A lookup that fails for another reason (the merchant subgraph is
   * unreachable) closes nothing: the next round asks again. Rounds never overlap.
   */
  async recheck(): Promise<void> {
    if (this.rechecking || !this.sockets.size) return;
    this.rechecking = true;
    try {
      const byKey = new Map<string, WebSocket[]>();
      for (const [socket, { authorization }] of this.sockets) {
        const sharing = byKey.get(authorization!) ?? [];
        sharing.push(socket);
        byKey.set(authorization!, sharing);
      }
      for (const [authorization, sockets] of byKey) {
        try {
          await this.authenticator.authenticate(authorization);
        } catch (error) {
          if ((error as GraphQLError).extensions?.code !== UNAUTHENTICATED) {
            logger('live').warn({ err: error }, 'could not recheck an API key');
            continue;
          }
          for (const socket of sockets) this.close(socket, (error as Error).message);
        }
      }
    } finally {
      this.rechecking = false;
    }
  }

  private close(socket: WebSocket, reason: string): void {
    this.sockets.delete(socket);
    this.forbid(socket, reason);
  }
}
