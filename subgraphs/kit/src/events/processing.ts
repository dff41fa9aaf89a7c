import pg from 'pg';
import { serviceConnection } from '../store.js';
import type { SubgraphModule, SubgraphRuntime } from '../subgraph.js';
import { EventConsumer } from './consumer.js';
import { eventRoutes } from './domain-event.js';
import { NotifyListener } from './listener.js';
import { EVENTS_CHANNEL } from './notify.js';
import { CommitWakeSubscriber, OUTBOX_TABLE, wakeChannel } from './commit-wake.js';
import { bullPrefix, redisConnection } from './queues.js';
import { Pump } from './pump.js';
import { PRUNE_BATCH, pruneEvents } from './prune.js';
import { OutboxRelay } from './relay.js';
import { logger } from '../logger.js';
import { watchEventMetrics } from '../metrics/metrics-collectors.js';

/**
 * How soon a lost LISTEN connection is opened again (sooner if `pollMs` is shorter). Kept short
 * whatever the safety-net poll: while deaf, every pump waits for its poll.
 */
const LISTEN_RECONNECT_MS = 1000;

/** A runtime's event machinery; `runtime.close()` stops it too. */
export interface EventProcessing {
  stop(): Promise<void>;
}

/**
 * Starts the outbox relay of the runtime's store, its worker if its module consumes topics, its
 * module's periodic jobs, and the pruning of its event tables (`pruneEvents`).
 * `modules` are all the subgraphs of the deployment: routing comes from their `consumes`, so a
 * process serving one subgraph (networked mode) still publishes to every consumer's queue.
 *
 * The relay and the jobs with a `wakeOn` table wake on the store's commit wakes for their table
 * (Redis pub/sub, sent after commit by whichever process wrote the rows: `commit-wake.ts`), so an
 * event is on its queue milliseconds after its transaction commits, without polling the table
 * hard. The dead-letter pump wakes on NOTIFY from its table's trigger. Everyone also polls every
 * `pollMs`: a wake is lost while its connection is down or not yet open, and rows a crashed replica
 * had claimed become claimable again without any new wake.
 */
export async function startEventProcessing(runtime: SubgraphRuntime, modules: SubgraphModule[]): Promise<EventProcessing> {
  const routes = eventRoutes(modules);
  const handlers = runtime.module.consumes ?? {};
  const config = runtime.config.events;
  const moduleJobs = runtime.module.jobs?.(runtime) ?? [];
  const jobs = moduleJobs.map((job) => new Pump(`${runtime.name} ${job.name}`, job.run, job.everyMs, job.wakeOn?.gapMs));
  if (!routes.size && !Object.keys(handlers).length && !jobs.length) {
    return { stop: async () => {} };
  }
  const database = serviceConnection(runtime.config, runtime.module.store);
  const pool = new pg.Pool({ ...database, max: config.poolMax, idleTimeoutMillis: 30_000 });
  pool.on('error', (error) => logger(runtime.name).error({ err: error }, 'event processing pool error'));
  const connection = redisConnection(runtime.config.redisUrl);
  const unwatch = watchEventMetrics(runtime.name, pool, { relay: routes.size > 0, consumer: Object.keys(handlers).length > 0, connection, prefix: bullPrefix(config, runtime.name) });
  const relay = routes.size ? new OutboxRelay({ producer: runtime.name, routes, config, pool, connection }) : null;
  const consumer = Object.keys(handlers).length ? new EventConsumer(runtime, handlers, { config, pool, connection }) : null;
  if (relay || consumer) {
    const options = { outboxRetentionMs: config.outboxRetentionMs, dedupeRetentionMs: config.dedupeRetentionMs, batch: PRUNE_BATCH, dedupeTables: runtime.module.dedupeTables };
    jobs.push(new Pump(`${runtime.name} event pruning`, async (signal) => void (await pruneEvents(pool, options, signal)), config.pruneEveryMs));
  }
  // Each trigger names its table, so a notification wakes only the pump whose work it is; a
  // reconnect (null) wakes them all to catch up on what the deaf connection missed.
  const wakes: [string, () => void][] = [['dead_letter_event', () => consumer?.wake()]];
  const listener = new NotifyListener(
    database,
    EVENTS_CHANNEL,
    (table) => {
      for (const [name, wake] of wakes) if (table === null || table === name) wake();
    },
    Math.min(config.pollMs, LISTEN_RECONNECT_MS),
  );
  const store = runtime.module.store.name;
  const commitWakes = moduleJobs.flatMap((job, i): [string, () => void][] => (job.wakeOn ? [[wakeChannel(runtime.config, store, job.wakeOn.table), () => jobs[i].wake()]] : []));
  if (relay) commitWakes.push([wakeChannel(runtime.config, store, OUTBOX_TABLE), () => relay.wake()]);
  const subscription = commitWakes.length ? new CommitWakeSubscriber(runtime.config.redisUrl, wakeChannel(runtime.config, store, '*'), commitWakes) : null;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(jobs.map((job) => job.stop()));
    await listener.stop();
    await subscription?.stop();
    // The worker first: the jobs it finishes are acknowledged by the relay, which stops next.
    await consumer?.stop();
    await relay?.stop();
    await unwatch();
    await pool.end();
  };
  try {
    await listener.start();
    await subscription?.start();
    await consumer?.start();
    await relay?.start();
    for (const job of jobs) job.start();
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  runtime.onClose(stop);
  return { stop };
}
