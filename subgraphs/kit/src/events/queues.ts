import type { ConnectionOptions, JobsOptions } from 'bullmq';
import type { EventsConfig } from '../config.js';
import type { ActorKind } from '../context.js';
import type { DomainEvent } from './domain-event.js';

/** A job on a consumer's queue: the event, and which store's relay wants the acknowledgement. */
export interface EventJob {
  event: DomainEvent;
  /** The producing subgraph; null for a dead-letter retry, which no producer waits for. */
  producer: string | null;
  /** BullMQ's stall count of this job when the consumer last counted a stall in its store. */
  stallsCounted?: number;
}

export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead-lettered' | 'unhandled';

/** What a consumer's job returns; the relay reads it from the queue's `completed` event to record the acknowledgement. */
export interface EventJobResult {
  eventId: string;
  producer: string | null;
  outcome: ConsumeOutcome;
}

/**
 * BullMQ's key prefix of one consumer's queue: its keys are `{<queuePrefix>:events:<consumer>}:<consumer>:*`.
 * The braces are a Redis Cluster hash tag: BullMQ's scripts touch several keys of a queue at once,
 * which a cluster allows only within one slot, and a tag per queue (not one for the deployment)
 * spreads the queues over the cluster's nodes. BullMQ forbids ':' in queue names, not in prefixes.
 */
export function bullPrefix(config: EventsConfig, consumer: string): string {
  return `{${config.queuePrefix}:events:${consumer}}`;
}

/**
 * Patterns (Redis SCAN MATCH) of every key a deployment's queues use under `queuePrefix`, for
 * tools and tests that clear them. Live channels and cost buckets live under `<queuePrefix>:*`.
 */
export function queueKeyPatterns(queuePrefix: string): string[] {
  return [`${queuePrefix}:*`, `{${queuePrefix}:events:*`];
}

/**
 * The key the relay keeps inside a queue's own key space (and hash slot, so on the same cluster
 * node). When Redis loses the queue (a restart without persistence, a flush, a failover to an
 * empty replica) it goes with it, and its absence tells the relay to publish again everything that
 * queue's consumer has not acknowledged.
 */
export function epochKey(config: EventsConfig, consumer: string): string {
  return `${bullPrefix(config, consumer)}:${consumer}:loyalnest-epoch`;
}

/**
 * Job id = event id, so publishing the same event twice while its job still exists adds nothing.
 * Finished jobs are removed: the stores hold the durable record (consumed_event, dead letters),
 * and a failed job left behind would make the relay's next republish of that id a no-op.
 */
export function eventJobOptions(config: EventsConfig, eventId: string): JobsOptions {
  return {
    jobId: eventId,
    attempts: config.attempts,
    backoff: { type: 'exponential', delay: config.backoffMs },
    removeOnComplete: true,
    removeOnFail: true,
  };
}

/** ioredis options from a `redis://` URL; each BullMQ object opens (and closes) its own connection. */
export function redisConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.protocol === 'rediss:' && { tls: {} }),
  };
}

/** Rows the relay's functions return, as node-pg reads them. */
export interface EventRow {
  id: string;
  merchant_id: string;
  topic: string;
  version: number;
  payload: Record<string, unknown>;
  occurred_at: Date;
  actor_kind: string | null;
  actor_id: string | null;
  request_id: string | null;
  correlation_id: string | null;
}

export function toDomainEvent(row: EventRow): DomainEvent {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    topic: row.topic,
    version: row.version,
    occurredAt: row.occurred_at.toISOString(),
    payload: row.payload,
    actor: row.actor_kind ? { kind: row.actor_kind as ActorKind, id: row.actor_id ?? '' } : null,
    requestId: row.request_id,
    ...(row.correlation_id && { correlationId: row.correlation_id }),
  };
}
