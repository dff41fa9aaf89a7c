import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { EventsConfig } from '../config.js';
import { ALL_TOPICS, consumersOf, type EventRoutes } from './domain-event.js';
import { Pump } from './pump.js';
import { inTransaction } from './system-db.js';
import { bullPrefix, epochKey, eventJobOptions, toDomainEvent, type EventJob, type EventJobResult, type EventRow } from './queues.js';
import { logger } from '../logger.js';
import { recordPublished } from '../metrics/metrics-registry.js';

const BATCH = 200;

export interface RelayOptions {
  /** The subgraph whose store this relay drains. */
  producer: string;
  routes: EventRoutes;
  config: EventsConfig;
  /** Service-role connections; the relay reaches other tenants' rows only through the `loyalnest_outbox_*` functions. */
  pool: pg.Pool;
  connection: ConnectionOptions;
}

/**
 * Publishes a store's outbox to the consuming subgraphs' queues and keeps publishing each event to
 * each consumer until that consumer acknowledges it:
 *
 * - New rows are claimed (`for update skip locked`, so replicas share the work), added to every
 *   consuming queue with job id = event id, and marked published with one delivery row per
 *   consumer, all in one transaction: if Redis refuses, nothing is marked and the next pass retries.
 * - Acknowledgements come from each queue's `completed` events, sent once the consumer's
 *   transaction has committed (or its dead letter is stored).
 * - Redis loss: an epoch key inside each queue's key space vanishes with the queue; the relay then
 *   publishes again every delivery that queue's consumer has not acknowledged. It also does this
 *   when it starts, since it cannot know what happened while it was down.
 * - A sweeper publishes again deliveries unacknowledged for longer than `ackTimeoutMs`: it covers
 *   acknowledgements lost in transit and jobs lost by a crash. Consumers are idempotent, so a
 *   duplicate costs one lookup.
 *
 * Events of topics no subgraph consumes stay unpublished, so a consumer added later (GDPR) still
 * receives them. A subgraph consuming `'*'` (audit) consumes every topic, so then none stays behind.
 */
export class OutboxRelay {
  private readonly queues = new Map<string, Queue<EventJob>>();
  private readonly queueEvents: QueueEvents[] = [];
  /** The epoch last seen per consumer queue; a different or missing one means Redis lost data. */
  private readonly epochs = new Map<string, string>();
  private readonly pendingAcks = new Map<string, Set<string>>();
  /** The publishing transaction in progress, if any; acknowledgements wait for it (see `flushAcks`). */
  private publishing: Promise<unknown> | null = null;
  private lastSweep = Date.now();
  private readonly pump: Pump;
  private readonly ackPump: Pump;

  constructor(private readonly options: RelayOptions) {
    this.pump = new Pump(`${options.producer} relay`, () => this.step(), options.config.pollMs);
    this.ackPump = new Pump(`${options.producer} acknowledgements`, () => this.flushAcks(), null);
  }

  private get consumers(): string[] {
    return [...new Set([...this.options.routes.values()].flat())];
  }

  async start(): Promise<void> {
    const { config, connection } = this.options;
    // Before any queue's completions can arrive; the relay's own pump only once every queue is open.
    this.ackPump.start();
    for (const consumer of this.consumers) {
      const prefix = bullPrefix(config, consumer);
      const queue = new Queue<EventJob>(consumer, { connection, prefix });
      queue.on('error', (error) => logger(this.options.producer).error({ err: error, queue: consumer }, 'event queue error'));
      this.queues.set(consumer, queue);
      // Read completions from the stream's current end, not from '$': BullMQ re-reads from '$'
      // until the first event arrives, and a completion landing between two of those reads would
      // be missed (and its acknowledgement wait for the sweeper).
      const [last] = await (await queue.client).xrevrange(queue.keys.events, '+', '-', 'COUNT', 1);
      const events = new QueueEvents(consumer, { connection, prefix, lastEventId: last?.[0] ?? '0-0' });
      events.on('error', (error) => logger(this.options.producer).error({ err: error, queue: consumer }, 'event queue events error'));
      events.on('completed', ({ returnvalue }) => this.acknowledged(consumer, returnvalue as unknown as EventJobResult | null));
      await events.waitUntilReady();
      this.queueEvents.push(events);
    }
    this.pump.start();
  }

  /** Runs a pass soon (a NOTIFY arrived). */
  wake(): void {
    this.pump.wake();
  }

  async stop(): Promise<void> {
    await this.pump.stop();
    await Promise.all(this.queueEvents.map((e) => e.close()));
    await this.ackPump.stop();
    await this.flushAcks().catch(() => {});
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }

  private async step(): Promise<void> {
    await this.detectRedisLoss();
    await this.publishNew();
    if (Date.now() - this.lastSweep >= this.options.config.ackTimeoutMs / 2) {
      for (const consumer of this.queues.keys()) await this.republish(consumer, this.options.config.ackTimeoutMs);
      this.lastSweep = Date.now();
    }
  }

  private async detectRedisLoss(): Promise<void> {
    for (const [consumer, queue] of this.queues) {
      const redis = await queue.client;
      const key = epochKey(this.options.config, consumer);
      const current = await redis.get(key);
      if (current !== null && current === this.epochs.get(consumer)) continue;
      await this.republish(consumer, 0);
      // Written after the republish succeeded: if it failed, the next pass tries again. NX: when
      // several relays (one per producing store) notice together, they agree on one epoch and
      // each republishes its own deliveries once.
      if (current === null) await redis.set(key, randomUUID(), 'NX');
      this.epochs.set(consumer, (await redis.get(key))!);
    }
  }

  private async publishNew(): Promise<void> {
    const { routes } = this.options;
    if (!routes.size) return;
    // null claims every topic: an every-topic consumer (audit) wants them all.
    const topics = routes.has(ALL_TOPICS) ? null : [...routes.keys()];
    for (;;) {
      const pass = inTransaction(this.options.pool, async (db) => {
        const { rows } = await db.query<EventRow>('select * from loyalnest_outbox_claim($1, $2)', [topics, BATCH]);
        if (!rows.length) return 0;
        const deliveries: [string, string][] = [];
        const byConsumer = new Map<string, EventRow[]>();
        for (const row of rows) {
          for (const consumer of consumersOf(routes, row.topic)) {
            deliveries.push([row.id, consumer]);
            byConsumer.set(consumer, [...(byConsumer.get(consumer) ?? []), row]);
          }
        }
        await Promise.all([...byConsumer].map(([consumer, events]) => this.add(consumer, events)));
        await db.query('select loyalnest_outbox_mark_published($1, $2, $3)', [rows.map((r) => r.id), deliveries.map((d) => d[0]), deliveries.map((d) => d[1])]);
        return rows.length;
      });
      this.publishing = pass.catch(() => {});
      let count: number;
      try {
        count = await pass;
      } finally {
        this.publishing = null;
      }
      if (count < BATCH) return;
    }
  }

  /**
   * Publishes again the consumer's unacknowledged deliveries published at least `minAgeMs` ago,
   * oldest publication first. The cutoff is the database's clock, read once: each delivery
   * published again is stamped after it, so the pass takes each once and ends. Kept as text, since
   * a JavaScript Date would drop its microseconds.
   */
  private async republish(consumer: string, minAgeMs: number): Promise<void> {
    const { rows: [{ cutoff }] } = await this.options.pool.query<{ cutoff: string }>("select (now() - make_interval(secs => $1 / 1000.0))::text as cutoff", [minAgeMs]);
    for (;;) {
      const rows: EventRow[] = await inTransaction(this.options.pool, async (db) => {
        const result = await db.query<EventRow>('select * from loyalnest_outbox_republish_before($1, $2::timestamptz, $3)', [consumer, cutoff, BATCH]);
        if (result.rows.length) await this.add(consumer, result.rows);
        return result.rows;
      });
      if (rows.length < BATCH) return;
    }
  }

  private async add(consumer: string, rows: EventRow[]): Promise<void> {
    const queue = this.queues.get(consumer)!;
    await queue.addBulk(
      rows.map((row) => ({ name: row.topic, data: { event: toDomainEvent(row), producer: this.options.producer }, opts: eventJobOptions(this.options.config, row.id) })),
    );
    recordPublished(this.options.producer, consumer, rows);
  }

  private acknowledged(consumer: string, result: EventJobResult | null): void {
    // Every producer's relay hears every completion on a queue; each records its own events.
    if (!result || result.producer !== this.options.producer) return;
    const ids = this.pendingAcks.get(consumer) ?? new Set<string>();
    ids.add(result.eventId);
    this.pendingAcks.set(consumer, ids);
    this.ackPump.wake();
  }

  private async flushAcks(): Promise<void> {
    const batches: [string, string[]][] = [];
    for (const [consumer, ids] of this.pendingAcks) {
      if (!ids.size) continue;
      batches.push([consumer, [...ids]]);
      ids.clear();
    }
    // A job can complete before the transaction that published it commits its delivery rows (the
    // queue has the job first): an acknowledgement written then would match no row and be lost
    // until the sweeper publishes the event again. Every one taken above is of a job added by a
    // committed transaction or by the one in progress, so waiting for that one is enough.
    if (this.publishing) await this.publishing;
    let failure: unknown = null;
    for (const [consumer, batch] of batches) {
      try {
        await this.options.pool.query('select loyalnest_outbox_ack($1, $2)', [consumer, batch]);
      } catch (error) {
        // Kept for the next flush; if they are lost anyway, the sweeper republishes and the
        // consumer acknowledges the duplicate.
        for (const id of batch) this.pendingAcks.get(consumer)!.add(id);
        failure ??= error;
      }
    }
    if (failure) throw failure;
  }
}
