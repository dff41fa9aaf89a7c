import type { RequestContext } from '../context.js';
import type { SubgraphRuntime } from '../subgraph.js';
import type { DomainEvent, EventHandler } from './domain-event.js';

/** What an event's payload may be: a JSON object of ids, amounts and codes (never PII). */
export type EventPayload = Record<string, unknown>;

/**
 * A domain event's topic declared once with its payload type, in its producer's `topics.ts`.
 * `ctx.emit(topic, payload)` checks the payload against the type, and `consume(topic, handler)`
 * hands the consumer the same type, so producer and consumers cannot drift apart. Topics declared
 * before this existed are still emitted and consumed by their name as a string.
 */
export interface Topic<P extends EventPayload> {
  /** `<domain>.<action>`, e.g. `order.recorded`: routing and the audit trail read it. */
  readonly name: string;
  /** The payload's version, written on every event; a change that breaks consumers declares a new one. */
  readonly version: number;
  /** Never set at runtime: it only carries the payload type to `emit` and `consume`. */
  readonly payloadType?: P;
}

/** The payload type a topic declares. */
export type PayloadOf<T> = T extends Topic<infer P> ? P : never;

const TOPIC_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Declares a topic and its payload type: `defineTopic<OrderRecorded>('order.recorded')`. */
export function defineTopic<P extends EventPayload>(name: string, options: { version?: number } = {}): Topic<P> {
  // A typo'd name would route to no one and be audited under the wrong entity; refuse it where it is declared.
  if (!TOPIC_NAME.test(name)) throw new Error(`topic name '${name}' is not <domain>.<action> in lower snake case`);
  const version = options.version ?? 1;
  if (!Number.isInteger(version) || version < 1) throw new Error(`topic ${name}: version must be a positive integer`);
  return Object.freeze({ name, version });
}

/** A handler of one declared topic: its event's payload has the topic's type. */
export type TopicHandler<P extends EventPayload> = (ctx: RequestContext, event: DomainEvent<P>, runtime: SubgraphRuntime, prepared?: unknown) => Promise<void>;

/** A module's `consumes` entry for a declared topic: `consumes: { ...consume(ORDER_RECORDED, handler) }`. */
export function consume<P extends EventPayload>(topic: Topic<P>, handler: TopicHandler<P>): Record<string, EventHandler> {
  // The relay delivers what the producer emitted under this same declaration, so the payload is a P.
  const untyped: EventHandler = (ctx, event, runtime, prepared) => handler(ctx, event as DomainEvent<P>, runtime, prepared);
  return { [topic.name]: untyped };
}
