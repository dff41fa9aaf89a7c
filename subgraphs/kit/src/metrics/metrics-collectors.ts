import { Queue, type ConnectionOptions } from 'bullmq';
import { Gauge } from 'prom-client';
import type pg from 'pg';
import { metricsRegistry, scrapeErrors } from './metrics-registry.js';

/**
 * Series read when Prometheus scrapes rather than kept up to date: pools, queues and the outbox
 * change constantly, and reading them once per scrape costs nothing between scrapes. Each source
 * is registered by what owns it (`watch*`), which calls the returned function when it stops.
 */

/** A scrape never waits longer than this for one source; a source that is slower is left out of that scrape. */
const COLLECT_TIMEOUT_MS = 1000;

function watched<T>(sources: Set<T>, source: T): () => void {
  sources.add(source);
  return () => void sources.delete(source);
}

async function bounded<T>(collector: string, read: () => Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${collector} took longer than ${COLLECT_TIMEOUT_MS} ms`)), COLLECT_TIMEOUT_MS);
      }),
    ]);
  } catch {
    scrapeErrors.inc({ collector });
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

interface PoolSource {
  store: string;
  pool: string;
  read: () => Promise<pg.Pool> | pg.Pool;
}
const pools = new Set<PoolSource>();

new Gauge({
  name: 'loyalnest_db_pool_connections',
  help: 'PostgreSQL connections of each pool (requests: the store MikroORM serves; events: relay, consumer and jobs), by state: total (open), idle, waiting (callers queued for one), max (the most it may open: DATABASE_POOL_MAX, EVENTS_POOL_MAX).',
  labelNames: ['store', 'pool', 'state'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const source of pools) {
      const pool = await bounded('db_pool', async () => source.read());
      if (!pool) continue;
      const labels = { store: source.store, pool: source.pool };
      this.set({ ...labels, state: 'total' }, pool.totalCount);
      this.set({ ...labels, state: 'idle' }, pool.idleCount);
      this.set({ ...labels, state: 'waiting' }, pool.waitingCount);
      if (pool.options.max !== undefined) this.set({ ...labels, state: 'max' }, pool.options.max);
    }
  },
});

/** Reports `read()`'s pool as `pool` of `store` (MikroORM hands its pool out asynchronously). */
export function watchPool(store: string, pool: string, read: PoolSource['read']): () => void {
  return watched(pools, { store, pool, read });
}

const queues = new Set<Queue>();
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;

new Gauge({
  name: 'loyalnest_queue_jobs',
  help: 'Jobs on each consumer queue by BullMQ state, reported by the processes running that consumer (replicas report the same queue: aggregate with max).',
  labelNames: ['queue', 'state'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const queue of queues) {
      const counts = await bounded('queue', () => queue.getJobCounts(...QUEUE_STATES));
      if (!counts) continue;
      for (const state of QUEUE_STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
    }
  },
});

/** Reports the depths of consumer queue `name`; the returned function stops and closes its connection. */
export function watchQueue(name: string, connection: ConnectionOptions, prefix: string): () => Promise<void> {
  const queue = new Queue(name, { connection, prefix });
  // Errors surface as missing series and scrape errors; the connection retries on its own.
  queue.on('error', () => {});
  queues.add(queue);
  return async () => {
    queues.delete(queue);
    await queue.close();
  };
}

interface OutboxSource {
  store: string;
  pool: pg.Pool;
}
const outboxes = new Set<OutboxSource>();

new Gauge({
  name: 'loyalnest_outbox_oldest_unpublished_age_seconds',
  help: 'Age of the oldest outbox event not yet published to its consumers, per store (0 when none waits). Grows when the relay is stopped, slow, or Redis refuses.',
  labelNames: ['store'] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const { store, pool } of outboxes) {
      // One index probe through a SECURITY DEFINER function: the outbox spans every tenant.
      const result = await bounded('outbox_age', () => pool.query<{ age: number }>('select loyalnest_outbox_oldest_unpublished_age() as age'));
      if (result) this.set({ store }, Number(result.rows[0].age));
    }
  },
});

/** Reports the outbox age of `store`, read through `pool` (service-role connections). */
export function watchOutbox(store: string, pool: pg.Pool): () => void {
  return watched(outboxes, { store, pool });
}

const liveServers = new Set<() => number>();

new Gauge({
  name: 'loyalnest_live_sockets',
  help: 'Open subscription sockets (graphql-ws) on this gateway replica.',
  registers: [metricsRegistry],
  collect() {
    let open = 0;
    for (const count of liveServers) open += count();
    this.set(open);
  },
});

/** Reports the sockets `count()` says are open. */
export function watchLiveSockets(count: () => number): () => void {
  return watched(liveServers, count);
}

/**
 * What a store's event machinery reports: its pool, its outbox's age when this process relays it,
 * and its consumer queue's depths when this process consumes it. Returns the function that stops.
 */
export function watchEventMetrics(
  store: string,
  pool: pg.Pool,
  options: { relay: boolean; consumer: boolean; connection: ConnectionOptions; prefix: string },
): () => Promise<void> {
  const stops = [watchPool(store, 'events', () => pool), options.relay ? watchOutbox(store, pool) : () => {}];
  const stopQueue = options.consumer ? watchQueue(store, options.connection, options.prefix) : async () => {};
  return async () => {
    for (const stop of stops) stop();
    await stopQueue();
  };
}
