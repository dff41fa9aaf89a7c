import { DriverException, type EntityManager } from '@mikro-orm/postgresql';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { v7 as uuidv7 } from 'uuid';
import type pg from 'pg';
import type { EventsConfig } from '../config.js';
import { systemCaller } from '../context.js';
import { ADMIN_SCOPES } from '../scopes.js';
import type { SubgraphRuntime } from '../subgraph.js';
import { consumeBatch, eventCaller, type BatchItem, type BatchOutcome } from './consume-batch.js';
import { DeadLetterEventEntity } from './dead-letter-event.entity.js';
import { EventBatcher } from './event-batcher.js';
import { ALL_TOPICS, type DomainEvent, type EventHandler } from './domain-event.js';
import { Pump } from './pump.js';
import { bullPrefix, eventJobOptions, toDomainEvent, type EventJob, type EventJobResult, type EventRow } from './queues.js';
import { inTransaction } from './system-db.js';
import { logger } from '../logger.js';
import { recordConsumed } from '../metrics/metrics-registry.js';
import { withoutSealedBody } from '../webhook-delivery.js';

const RETRY_BATCH = 100;

/**
 * Applies `event` once per consumer: `consumeBatch` with a batch of one, throwing what the handler
 * threw. For callers outside the worker (tests, tools); the worker batches.
 */
export async function consumeEvent(
  runtime: SubgraphRuntime,
  handler: EventHandler,
  event: DomainEvent,
  options: { settlesDeadLetter?: boolean } = { settlesDeadLetter: true },
): Promise<'applied' | 'duplicate'> {
  const [result] = await consumeBatch(runtime, [{ event, handler, settlesDeadLetter: options.settlesDeadLetter ?? false }]);
  if ('error' in result) throw result.error;
  return result.outcome;
}

/**
 * What a dead letter keeps of an error: its class and message, never a stack. Driver errors are
 * reduced to their class and SQLSTATE, because their messages quote the SQL and its values.
 */
export function describeError(error: unknown): string {
  if (error instanceof DriverException) return `${error.name} (SQLSTATE ${error.sqlState ?? error.code ?? 'unknown'})`;
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 1000);
  return String(error).slice(0, 1000);
}

/**
 * The logger for one event's handling: its subgraph, request and merchant. Errors go in as
 * `describeError`'s text, never the driver's message, which can quote the row's values.
 */
function eventLog(runtime: SubgraphRuntime, event: DomainEvent) {
  return logger(runtime.name, { requestId: event.requestId ?? null, merchantId: event.merchantId, eventId: event.id, topic: event.topic });
}

/** Marks the event's dead letter resolved: the event is applied. */
async function settleDeadLetter(runtime: SubgraphRuntime, event: DomainEvent): Promise<void> {
  const ctx = runtime.createContext(eventCaller(event));
  await ctx.em.nativeUpdate(DeadLetterEventEntity, { consumer: runtime.name, eventId: event.id, status: { $ne: 'resolved' } }, { status: 'resolved', resolvedAt: new Date() });
}

/** Stores (or, after a failed retry, updates) the event's dead letter, under the event's tenant. */
export async function recordDeadLetter(runtime: SubgraphRuntime, event: DomainEvent, error: unknown, attempts: number): Promise<void> {
  const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, event.merchantId));
  await insertDeadLetter(ctx.em, runtime.name, event, error, attempts);
}

async function insertDeadLetter(em: EntityManager, consumer: string, event: DomainEvent, error: unknown, attempts: number): Promise<void> {
  await em.execute(
    `insert into dead_letter_event (id, merchant_id, consumer, event_id, topic, version, occurred_at, payload, actor_kind, actor_id, request_id, correlation_id, error, attempts, status, failed_at)
     values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, 'dead', now())
     on conflict (consumer, event_id) do update
       set error = excluded.error, attempts = dead_letter_event.attempts + excluded.attempts,
           status = 'dead', failed_at = excluded.failed_at, retry_enqueued_at = null`,
    [
      uuidv7(),
      event.merchantId,
      consumer,
      event.id,
      event.topic,
      event.version,
      event.occurredAt,
      // A retry reads a webhook's body from the inbox, so erasing it there erases it for the retry too.
      JSON.stringify(withoutSealedBody(event.payload)),
      event.actor?.kind ?? null,
      event.actor?.id ?? null,
      event.requestId ?? null,
      event.correlationId ?? null,
      describeError(error),
      attempts,
    ],
  );
}

/** What a dead letter says of an event that stopped its worker `stalls` times. */
export class WorkerStalledError extends Error {
  override name = 'WorkerStalledError';
  constructor(stalls: number) {
    super(`the event stopped its worker mid-job ${stalls} times (the process died, e.g. out of memory, or hung past its lock)`);
  }
}

/**
 * Counts one more stall of `event` in the consumer's store, unless the event was consumed after all
 * (the worker died after its commit, or lost its lock to a Redis outage while its run went on): a
 * stall then says nothing about the event. The `maxStalls`th one dead-letters it and resets the
 * count, in one transaction, so an admin's retry of the dead letter gets `maxStalls` stalls again.
 */
export async function recordStall(runtime: SubgraphRuntime, event: DomainEvent, maxStalls: number): Promise<'consumed' | 'counted' | 'dead-lettered'> {
  const consumer = runtime.name;
  const ctx = runtime.createContext(eventCaller(event));
  await ctx.em.begin();
  try {
    const consumed = await ctx.em.execute('select 1 from consumed_event where consumer = ? and event_id = ?', [consumer, event.id]);
    let outcome: 'consumed' | 'counted' | 'dead-lettered' = 'consumed';
    if (!consumed.length) {
      const [{ stalls }] = await ctx.em.execute<{ stalls: number }[]>(
        `insert into event_stall (consumer, event_id, merchant_id, stalls, stalled_at) values (?, ?, ?, 1, now())
         on conflict (consumer, event_id) do update set stalls = event_stall.stalls + 1, stalled_at = now()
         returning stalls`,
        [consumer, event.id, event.merchantId],
      );
      outcome = 'counted';
      if (stalls >= maxStalls) {
        await insertDeadLetter(ctx.em, consumer, event, new WorkerStalledError(stalls), stalls);
        await ctx.em.execute('delete from event_stall where consumer = ? and event_id = ?', [consumer, event.id]);
        outcome = 'dead-lettered';
      }
    }
    await ctx.em.commit();
    return outcome;
  } catch (error) {
    await ctx.em.rollback().catch(() => {});
    throw error;
  }
}

export interface ConsumerOptions {
  config: EventsConfig;
  pool: pg.Pool;
  connection: ConnectionOptions;
}

/**
 * A subgraph's consumer: a BullMQ worker on its queue, plus the pump that puts dead letters an
 * admin asked to retry back on that queue.
 *
 * Batches: the worker holds up to `concurrency` jobs at once and hands each to an `EventBatcher`,
 * which applies up to `batchSize` of them in one transaction (`consumeBatch`) once that many wait
 * or a few milliseconds after the first. Each job still completes, fails or is retried on its own:
 * its promise resolves with its own event's outcome, and an event whose handler threw is retried
 * alone, by its own job, while the rest of its batch commits.
 *
 * A failed attempt throws and BullMQ retries it with exponential backoff; the last one stores a
 * dead letter and completes the job, so the producer records the event as acknowledged (the
 * consumer's store now holds it) and an admin can retry it from there. Shutdown closes the worker,
 * which waits for the jobs in progress; a job cut short by a crash is taken back by BullMQ's
 * stalled-job check once its lock expires and runs again (its transaction never committed).
 *
 * Poison events: an event that kills its worker (out of memory, a native crash) would otherwise be
 * run again after every crash, forever: BullMQ fails a job stalled too often, removes it, and the
 * relay publishes the unacknowledged delivery again. So a job that comes back stalled counts the
 * stall in the store (`recordStall`), where the count survives the job's removal and republishing,
 * and the `maxStalls`th is dead-lettered like an event whose last attempt threw. Only stalls count:
 * a Redis restart loses jobs, and the relay publishes them afresh with no stall, so it never brings
 * a healthy event nearer its dead letter. Events in flight beside a poison event in each of its
 * crashes (its batch's among them) share its fate, unless they committed meanwhile; their dead
 * letters can be retried.
 */
export class EventConsumer {
  private worker: Worker<EventJob, EventJobResult> | null = null;
  private readonly queue: Queue<EventJob>;
  private readonly retries: Pump;
  private readonly batcher: EventBatcher<BatchItem, BatchOutcome>;

  constructor(
    private readonly runtime: SubgraphRuntime,
    private readonly handlers: Record<string, EventHandler>,
    private readonly options: ConsumerOptions,
  ) {
    this.queue = new Queue<EventJob>(runtime.name, { connection: options.connection, prefix: bullPrefix(options.config, runtime.name) });
    this.queue.on('error', (error) => logger(runtime.name).error({ err: error }, 'event queue error'));
    this.retries = new Pump(`${runtime.name} dead-letter retries`, () => this.enqueueRetries(), options.config.pollMs);
    this.batcher = new EventBatcher(options.config.batchSize, options.config.batchWaitMs, (items) => consumeBatch(runtime, items));
  }

  async start(): Promise<void> {
    const { config, connection } = this.options;
    this.worker = new Worker<EventJob, EventJobResult>(this.runtime.name, (job) => this.process(job), {
      connection,
      prefix: bullPrefix(config, this.runtime.name),
      concurrency: config.concurrency,
      lockDuration: config.lockMs,
      stalledInterval: config.lockMs,
      // BullMQ itself fails a job stalled more often than this; `process` dead-letters it first, at
      // `maxStalls`, so BullMQ's limit only serves when the store could not count the stalls.
      maxStalledCount: config.maxStalls,
    });
    this.worker.on('error', (error) => logger(this.runtime.name).error({ err: error }, 'event worker error'));
    await this.worker.waitUntilReady();
    this.retries.start();
  }

  wake(): void {
    this.retries.wake();
  }

  async stop(): Promise<void> {
    await this.retries.stop();
    await this.worker?.close();
    await this.queue.close();
  }

  private async process(job: Job<EventJob, EventJobResult>): Promise<EventJobResult> {
    const { event, producer } = job.data;
    const done = (outcome: EventJobResult['outcome']): EventJobResult => {
      recordConsumed(this.runtime.name, event.topic, outcome);
      return { eventId: event.id, producer, outcome };
    };
    const handler = this.handlers[event.topic] ?? this.handlers[ALL_TOPICS];
    // Published while this subgraph consumed the topic, delivered after it stopped: nothing to do.
    if (!handler) return done('unhandled');
    // Back after stopping its worker (BullMQ's stall check moved it to the queue again): counted
    // once per stall, noted on the job, so a later retry after an ordinary failure counts nothing.
    const counted = job.data.stallsCounted ?? 0;
    if (job.stalledCounter > counted) {
      const stall = await recordStall(this.runtime, event, this.options.config.maxStalls);
      if (stall === 'dead-lettered') {
        eventLog(this.runtime, event).error(`${event.topic} ${event.id} dead-lettered after stopping its worker ${this.options.config.maxStalls} times`);
        return done('dead-lettered');
      }
      await job.updateData({ ...job.data, stallsCounted: job.stalledCounter });
    }
    // A dead letter exists only for an event that failed every attempt, and such an event is
    // acknowledged: it comes back as an admin's retry (no producer), or, rarely, from the
    // producer's sweeper when that acknowledgement was lost. Only the first settles its dead
    // letter here, which saves a round trip on every other event; in the rare case the dead
    // letter stays listed until an admin retries it, and that retry, finding the event
    // consumed, settles it below.
    const retry = producer === null;
    // `consumeBatch` reports failures per item; a rejection would be a defect of its own, still this job's failed attempt.
    const result = await this.batcher.add({ event, handler, settlesDeadLetter: retry }).catch((error: unknown): BatchOutcome => ({ error }));
    if ('outcome' in result) {
      if (retry && result.outcome === 'duplicate') await settleDeadLetter(this.runtime, event);
      return done(result.outcome);
    }
    // Only this event failed (or its whole batch did): this job alone is retried, with BullMQ's backoff.
    const { error } = result;
    const attempt = job.attemptsMade + 1;
    const attempts = job.opts.attempts ?? 1;
    if (attempt < attempts) {
      eventLog(this.runtime, event).warn({ error: describeError(error), attempt, attempts }, `${event.topic} ${event.id} failed (attempt ${attempt} of ${attempts})`);
      throw error;
    }
    eventLog(this.runtime, event).error({ error: describeError(error), attempts }, `${event.topic} ${event.id} dead-lettered after ${attempts} attempts`);
    // If even this fails, the job fails unacknowledged and the producer's sweeper republishes it.
    await recordDeadLetter(this.runtime, event, error, attempt);
    return done('dead-lettered');
  }

  /** Puts retries asked for (and retries enqueued but not settled within the ack timeout) on the queue. */
  private async enqueueRetries(): Promise<void> {
    for (;;) {
      const count = await inTransaction(this.options.pool, async (db) => {
        const { rows } = await db.query<EventRow>('select * from loyalnest_dead_letter_claim_retries($1, $2, $3)', [
          this.runtime.name,
          this.options.config.ackTimeoutMs,
          RETRY_BATCH,
        ]);
        if (rows.length) {
          await this.queue.addBulk(
            rows.map((row) => ({ name: row.topic, data: { event: toDomainEvent(row), producer: null }, opts: eventJobOptions(this.options.config, row.id) })),
          );
        }
        return rows.length;
      });
      if (count < RETRY_BATCH) return;
    }
  }
}
