import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { OutboxEventEntity } from './events/outbox-event.entity.js';
import type { EventPayload, Topic } from './events/topic.js';
import type { LivePublisher } from './live.js';
import { noLive } from './live.js';
import { LoaderRegistry } from './loaders.js';
import { logger, type Logger } from './logger.js';
import { noPeers, type PeerClient } from './peers.js';
import { TENANT_FILTER, TENANT_SETTING } from './tenancy.js';

export const ACTOR_KINDS = ['admin', 'shopper', 'partner', 'flow', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface Actor {
  kind: ActorKind;
  id: string;
}

/**
 * Who is calling, as established by the gateway. It travels to subgraphs in-process (embedded)
 * or inside the signed internal token (networked); subgraphs never build it from client input.
 */
export interface Caller {
  merchantId: string | null;
  actor: Actor;
  customerId?: string;
  scopes: string[];
  /**
   * A guest shopper's session (its token's id); present only for guests, which is how the
   * gateway's rate limits tell them apart from signed-in shoppers (guests are keyed by client IP).
   */
  sessionId?: string;
  /** The gateway's own id for the request (a UUID), never the client's: the audit trail trusts it. */
  requestId: string;
  /**
   * The client's id for the request (its `X-Request-Id`, when valid), kept beside `requestId` so a
   * caller can find its requests in the audit trail without choosing what the trail records.
   */
  correlationId?: string | null;
}

/** Printable, header- and log-safe, bounded: anything else a client sends is dropped. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's correlation id if it is one we keep, else null (never an error: it is only a label). */
export function correlationIdOf(value: unknown): string | null {
  return typeof value === 'string' && CORRELATION_ID.test(value) ? value : null;
}

/** What every resolver and service method receives first. */
export interface RequestContext extends Caller {
  /** A fork scoped to this request: tenant filter on, and the RLS setting sent with every query. */
  em: EntityManager;
  loaders: LoaderRegistry;
  /**
   * Records a domain event for the caller's merchant in the outbox and returns its id. It is
   * written by the caller's next `em.flush()`, in the same transaction as the change it reports.
   * Payloads carry ids only. A topic declared with `defineTopic` brings its payload type and version.
   */
  emit<P extends EventPayload>(topic: Topic<P>, payload: P, origin?: EventOrigin): string;
  emit(topic: string, payload: Record<string, unknown>, version?: number): string;
  /**
   * Writes an event for the caller's merchant at once, in a transaction of its own, whatever
   * becomes of the caller's unit of work: for records of what was attempted (the mutation audit),
   * which must exist whether the change committed, rolled back or never happened.
   */
  emitDetached(topic: string, payload: Record<string, unknown>, version?: number): Promise<string>;
  /** The other subgraphs, reached through their GraphQL APIs (as a system caller), never their stores. */
  peers: PeerClient;
  /** Redis pub/sub for live updates; publish only after the change has committed (`afterCommit`). */
  live: LivePublisher;
  /**
   * Runs `fn` once the transaction that holds this request's change has committed: at once when
   * `runAfterCommit` is called by whoever owns that transaction (the service that began it, or the
   * event consumer). Dropped if it rolls back. For side effects that must not announce what may
   * still roll back: live messages.
   */
  afterCommit(fn: () => Promise<void>): void;
  /** Runs (and forgets) what `afterCommit` queued; errors are logged, never thrown: the change is committed. */
  runAfterCommit(): Promise<void>;
  /** Forgets what `afterCommit` queued: the transaction rolled back. */
  discardAfterCommit(): void;
  /** This request's logger: every line names the subgraph, the request id and the merchant. */
  readonly log: Logger;
}

export interface ContextServices {
  peers?: PeerClient;
  live?: LivePublisher;
  /** The subgraph serving the request, named by its log lines. */
  subgraph?: string;
}

export function systemCaller(scopes: string[], merchantId: string | null = null): Caller {
  return { merchantId, actor: { kind: 'system', id: 'loyalnest' }, scopes, requestId: randomUUID() };
}

/**
 * The request an event traces back to, when it is not the emitting context's own: work done once
 * for several events (a consumer batch's finish) attributes each event it emits to the event that
 * caused it, so the audit trail still links cause and effect.
 */
export interface EventOrigin {
  requestId: string;
  correlationId: string | null;
}

/**
 * Forks the subgraph's EntityManager for one request. Without a merchant the tenant filter has no
 * parameters, so any query on a tenant-owned entity throws, and RLS sees no tenant and returns
 * nothing: both layers fail closed.
 */
export function createRequestContext(rootEm: EntityManager, caller: Caller, services: ContextServices = {}): RequestContext {
  const em = rootEm.fork({
    session: { variables: { [TENANT_SETTING]: caller.merchantId ?? '' } },
  }) as EntityManager;
  if (caller.merchantId) em.setFilterParams(TENANT_FILTER, { merchantId: caller.merchantId });
  const emit = (declared: string | Topic<EventPayload>, payload: Record<string, unknown>, versionOrOrigin?: number | EventOrigin) => {
    const topic = typeof declared === 'string' ? declared : declared.name;
    const origin = typeof versionOrOrigin === 'object' ? versionOrOrigin : undefined;
    const version = typeof versionOrOrigin === 'number' ? versionOrOrigin : 1;
    if (!caller.merchantId) throw new Error(`cannot emit ${topic}: the caller acts for no merchant`);
    const id = uuidv7();
    em.create(OutboxEventEntity, {
      id,
      merchantId: caller.merchantId,
      topic,
      version: typeof declared === 'string' ? version : declared.version,
      payload,
      publishedAt: null,
      actorKind: caller.actor.kind,
      actorId: caller.actor.id,
      requestId: origin?.requestId ?? caller.requestId,
      correlationId: origin ? origin.correlationId : (caller.correlationId ?? null),
    });
    return id;
  };
  const emitDetached = async (topic: string, payload: Record<string, unknown>, version = 1) => {
    const own = createRequestContext(rootEm, caller, services);
    const id = own.emit(topic, payload, version);
    await own.em.flush();
    return id;
  };
  let committed: (() => Promise<void>)[] = [];
  const requestLog = () => logger(services.subgraph ?? 'unknown', { requestId: caller.requestId, merchantId: caller.merchantId });
  return {
    ...caller,
    em,
    loaders: new LoaderRegistry(),
    emit,
    emitDetached,
    peers: services.peers ?? noPeers,
    live: services.live ?? noLive,
    afterCommit: (fn) => {
      committed.push(fn);
    },
    async runAfterCommit() {
      const queued = committed;
      committed = [];
      for (const fn of queued) {
        await fn().catch((error: Error) => requestLog().warn({ err: error }, 'after-commit work failed'));
      }
    },
    discardAfterCommit: () => {
      committed = [];
    },
    get log() {
      return requestLog();
    },
  };
}

/**
 * Sets the tenant of the transaction `em` holds, for what runs in it from now on (savepoints begun
 * after it included), until it is set again or the transaction ends. For the one owner of a
 * transaction that serves several merchants in turn, the batched consumer; the request contexts
 * that run in it still bring their own tenant filter.
 */
export async function setTransactionTenant(em: EntityManager, merchantId: string): Promise<void> {
  await em.execute(`select set_config('${TENANT_SETTING}', ?, true)`, [merchantId]);
}
