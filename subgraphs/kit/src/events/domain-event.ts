import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, RequestContext } from '../context.js';
import type { SubgraphRuntime } from '../subgraph.js';

/** What a consumer receives: the outbox row, as published. Payloads carry ids only, never PII in plain text (see `SEALED_BODY_KEY`). */
export interface DomainEvent<P extends Record<string, unknown> = Record<string, unknown>> {
  /** UUIDv7 of the outbox row; also the BullMQ job id and the idempotency key. */
  id: string;
  merchantId: string;
  topic: string;
  version: number;
  /** ISO 8601. */
  occurredAt: string;
  payload: P;
  /** Who caused it, and the request it came from; absent on events recorded before they were kept. */
  actor?: Actor | null;
  requestId?: string | null;
  /** The client's own id for that request, when it gave a valid one (see `Caller.correlationId`). */
  correlationId?: string | null;
}

/**
 * Applies one event. It runs with the event's tenant context, inside the transaction that also
 * records the event as consumed: write through `ctx.em` (and `ctx.emit`) only, and throw to have
 * the event retried. `runtime` is the consuming subgraph's: its config (for its services) and its
 * peers (to read from other subgraphs).
 */
export type EventHandler = (ctx: RequestContext, event: DomainEvent, runtime: SubgraphRuntime, prepared?: unknown) => Promise<void>;

/**
 * A consuming subgraph's work for one merchant's events of a batch, done once before them in the
 * batch's transaction, under the merchant's tenant setting and outside the events' savepoints (so
 * it stands when one of them rolls back). What it returns reaches each of those events' handlers
 * as `prepared`; a handler called without it (`undefined`) does that work itself. `events` are the
 * merchant's events the batch is about to apply.
 */
export type MerchantEventsPreparation = (db: { em: EntityManager; merchantId: string }, events: DomainEvent[], runtime: SubgraphRuntime) => Promise<unknown>;

/**
 * A consuming subgraph's work after one merchant's events of a batch, in the batch's transaction,
 * with what `MerchantEventsPreparation` returned (and the handlers may have added to) and the
 * events that applied (`applied`: not those whose handler threw): work the events share, done once
 * for all of them (re-placing every customer they touched, say), which commits or fails with them.
 * It runs only when the preparation returned something other than `undefined` and an event
 * applied, after the last of the merchant's events, with a context of its own (tenant, `emit`,
 * after-commit work); it should attribute what it emits to the event that caused it
 * (`EventOrigin`). Handlers may have added to `prepared` from savepoints that rolled back: trust
 * only what `applied` confirms. If it throws, nothing of that merchant's events is kept, and each
 * runs again alone, in a batch of its own that prepares and finishes again (in a batch of one, the
 * failure is the event's own, and its job is retried).
 */
export type MerchantEventsFinish = (ctx: RequestContext, prepared: unknown, applied: DomainEvent[], runtime: SubgraphRuntime) => Promise<void>;

/** A `consumes` key that receives every topic no explicit handler of the same module takes. */
export const ALL_TOPICS = '*';

/** Topic (or `ALL_TOPICS`) → the subgraphs that consume it, from the modules' `consumes` declarations. */
export type EventRoutes = Map<string, string[]>;

export function eventRoutes(modules: { name: string; consumes?: Record<string, EventHandler> }[]): EventRoutes {
  const routes: EventRoutes = new Map();
  for (const module of modules) {
    for (const topic of Object.keys(module.consumes ?? {})) routes.set(topic, [...(routes.get(topic) ?? []), module.name]);
  }
  return routes;
}

/** The subgraphs an event of `topic` goes to: its own consumers and the every-topic ones, once each. */
export function consumersOf(routes: EventRoutes, topic: string): string[] {
  return [...new Set([...(routes.get(topic) ?? []), ...(routes.get(ALL_TOPICS) ?? [])])];
}
