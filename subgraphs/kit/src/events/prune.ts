import pg from 'pg';

export interface PruneOptions {
  /** Outbox events every consumer acknowledged are deleted this long after the last acknowledgement. */
  outboxRetentionMs: number;
  /** `consumed_event` rows (the dedupe window) and stall counts are deleted this long after they were written. */
  dedupeRetentionMs: number;
  /** Rows per transaction, so no pass holds locks on many rows or bloats one transaction. */
  batch: number;
  /** The store's own tables pruned on the dedupe window, with their prune functions (`SubgraphModule.dedupeTables`). */
  dedupeTables?: Record<string, string>;
}

/** Rows deleted: outbox events (with their deliveries), consumed events plus stall counts, and each of the store's `dedupeTables`. */
export interface PruneCounts {
  outbox: number;
  consumed: number;
  [table: string]: number;
}

export const PRUNE_BATCH = 1000;

/**
 * Deletes what a store's event tables no longer need, across tenants (through the SECURITY DEFINER
 * `loyalnest_*_prune` functions), one batch per transaction, until a batch comes back short or
 * `signal` aborts (the rest waits for the next run). Dead letters are never pruned: they are an
 * operator's to settle.
 *
 * The outbox: an event goes once every delivery of it was acknowledged `outboxRetentionMs` ago.
 * An unpublished event stays (a consumer may come for its topic), and so does one with any delivery
 * unacknowledged: the relay publishes only unacknowledged deliveries, and needs their rows.
 *
 * The dedupe window, `consumed_event`: a row must outlive every delivery of its event that can
 * still reach the consumer, or a late one is applied twice. They come from:
 * - the relay, which publishes a delivery again (sweeper, Redis loss, restart) only while it is
 *   unacknowledged: after the consumer's commit that lasts until the relay records the `completed`
 *   event, normally milliseconds, after a lost acknowledgement `ackTimeoutMs` and a sweep, and for
 *   as long as the producer's relay or Redis is down; a job added before the acknowledgement can
 *   then wait out the queue's backlog;
 * - BullMQ's retries (`attempts` with backoff, seconds) and stalls (`lockMs` × `maxStalls`), which
 *   never follow a commit by more than that;
 * - the webhook inbox sweeper, which publishes an unprocessed delivery again up to
 *   `inboxMaxSweeps` times, every `inboxStaleMs`;
 * - an admin's retry of a dead letter, at any time: a consumed event with an unresolved dead letter
 *   is therefore kept whatever its age (the retry must find it consumed).
 * So the window (`dedupeRetentionMs`, at least a day and twice the inbox sweeper's span, default
 * 30 days) must exceed the longest outage of a relay or of Redis plus the backlog drained after it.
 * That is the invariant an operator keeps; `loadKitConfig` refuses windows too short for the rest.
 * Pruning the outbox does not shorten it: an acknowledged delivery is never published again.
 *
 * A store's `dedupeTables` (rows that make a handler's outside effect happen once per event) go on
 * the same window, for the same reason as `consumed_event`.
 */
export async function pruneEvents(pool: pg.Pool, options: PruneOptions, signal?: AbortSignal): Promise<PruneCounts> {
  const pruned: PruneCounts = { outbox: 0, consumed: 0 };
  const steps: [string, string, number][] = [
    ['outbox', 'loyalnest_outbox_prune', options.outboxRetentionMs],
    ['consumed', 'loyalnest_consumed_prune', options.dedupeRetentionMs],
    ...Object.entries(options.dedupeTables ?? {}).map(([table, fn]): [string, string, number] => [table, fn, options.dedupeRetentionMs]),
  ];
  for (const [table, fn, retentionMs] of steps) {
    pruned[table] ??= 0;
    for (;;) {
      if (signal?.aborted) return pruned;
      const { rows } = await pool.query<{ n: number }>(`select ${pg.escapeIdentifier(fn)}($1, $2) as n`, [retentionMs, options.batch]);
      pruned[table] += rows[0].n;
      if (rows[0].n < options.batch) break;
    }
  }
  return pruned;
}
