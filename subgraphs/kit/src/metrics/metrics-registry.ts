import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { ConsumeOutcome } from '../events/queues.js';

/**
 * The process's one Prometheus registry: every series LoyalNest exposes on `/metrics`, plus Node's
 * default ones (event loop lag, heap, GC, CPU) under their usual names so stock dashboards work.
 *
 * Labels are bounded by construction and never carry tenant data: routes are Express patterns,
 * operation names are capped (see `operationLabel`), topics and consumers are declared in code.
 * No merchant id, customer id, shop domain or caller ever becomes a label value.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

/** Request latencies from sub-millisecond (cached lookups) to the 10 s a Shopify call may take. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const httpRequestDuration = new Histogram({
  name: 'loyalnest_http_request_duration_seconds',
  help: 'HTTP requests served, by Express route pattern (never the raw path), method and status class (2xx, 4xx, 5xx).',
  labelNames: ['route', 'method', 'status_class'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlOperationDuration = new Histogram({
  name: 'loyalnest_graphql_operation_duration_seconds',
  help: 'GraphQL operations, from request to response, by operation name (anonymous, unknown, or "other" past the name cap), type and outcome (success, error, invalid).',
  labelNames: ['operation', 'type', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

const eventsPublished = new Counter({
  name: 'loyalnest_events_published_total',
  help: 'Events a relay put on a consumer queue (new and republished), by producing store, consumer and topic.',
  labelNames: ['producer', 'consumer', 'topic'] as const,
  registers: [metricsRegistry],
});

const eventsConsumed = new Counter({
  name: 'loyalnest_events_consumed_total',
  help: 'Events a consumer finished, by consumer, topic and outcome (applied, duplicate, dead-lettered, unhandled).',
  labelNames: ['consumer', 'topic', 'outcome'] as const,
  registers: [metricsRegistry],
});

const eventsDeadLettered = new Counter({
  name: 'loyalnest_events_dead_lettered_total',
  help: 'Events a consumer gave up on and stored as dead letters (last attempt failed, or stopped its worker too often), by consumer and topic.',
  labelNames: ['consumer', 'topic'] as const,
  registers: [metricsRegistry],
});

export const scrapeErrors = new Counter({
  name: 'loyalnest_metrics_collect_errors_total',
  help: 'Scrape-time collections that failed or timed out (their series are missing from that scrape), by collector.',
  labelNames: ['collector'] as const,
  registers: [metricsRegistry],
});

/** A relay added `events` to `consumer`'s queue. */
export function recordPublished(producer: string, consumer: string, events: readonly { topic: string }[]): void {
  for (const { topic } of events) eventsPublished.inc({ producer, consumer, topic });
}

/** A consumer finished an event with `outcome`. */
export function recordConsumed(consumer: string, topic: string, outcome: ConsumeOutcome): void {
  eventsConsumed.inc({ consumer, topic, outcome });
  if (outcome === 'dead-lettered') eventsDeadLettered.inc({ consumer, topic });
}

/**
 * Distinct operation names kept as labels per process; later ones count as "other". Clients choose
 * operation names, so without a cap a client could grow the series without bound.
 */
const MAX_OPERATION_NAMES = 200;
const knownOperations = new Set<string>();
/** GraphQL names allow only these characters, so a UUID or shop domain can never pass as one. */
const GRAPHQL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** The label value for an operation name: itself while under the cap, else anonymous/unknown/other. */
export function operationLabel(name: string | null | undefined, resolved: boolean): string {
  if (!resolved) return 'unknown';
  if (!name) return 'anonymous';
  if (!GRAPHQL_NAME.test(name)) return 'unknown';
  if (knownOperations.has(name)) return name;
  if (knownOperations.size >= MAX_OPERATION_NAMES) return 'other';
  knownOperations.add(name);
  return name;
}
