import { inRequestTransaction, type RequestContext } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import type { SEGMENT_RUN_STATUSES, SEGMENT_RUN_TRIGGERS } from '../entities/segment-run.entity.js';
import { BATCH_BOUNDS_SQL, BATCH_SQL } from '../scoring/segment-batch.sql.js';
import { FINISH_RUN_SQL } from '../scoring/segment-finish.sql.js';
import { namedSql } from '../scoring/named-sql.js';
import { SETTINGS_SQL, startRunSql } from '../scoring/segment-plan.sql.js';
import { SEGMENT_CHANGED } from '../topics.js';
import type { SegmentDefinitionService } from './segment-definition.service.js';

export type SegmentRunTrigger = (typeof SEGMENT_RUN_TRIGGERS)[number];
export type SegmentRunStatus = (typeof SEGMENT_RUN_STATUSES)[number];

/** A run as the API shows it. */
export interface SegmentRunView {
  id: string;
  trigger: SegmentRunTrigger;
  status: SegmentRunStatus;
  total: number;
  processed: number;
  changed: number;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
}

/** What one step of a run did: null when the merchant has no run free to take (none, or another replica holds it). */
export interface SegmentRunStep {
  runId: string;
  phase: 'started' | 'batch' | 'finished';
  /** Customers the step's batch covered (0 for a start). */
  covered: number;
  /** Customers whose RFM segment the step's batch changed. */
  changed: number;
}

/** Batches of one run that may fail in a row before the run is given up (`failed`); a later request starts afresh. */
export const MAX_FAILURES = 5;

/** How long a merchant's first order facts must have stopped arriving before its first run starts. */
export const FIRST_RUN_QUIET_MS = 10_000;
/** The longest a merchant's first run waits for its order facts to stop arriving. */
export const FIRST_RUN_WAIT_MS = 300_000;

/** Below every UUID: the cursor of a run that has covered no one yet. */
const BEFORE_FIRST = '00000000-0000-0000-0000-000000000000';

const COLUMNS = 'id, trigger, status, total, processed, changed, requested_at, started_at, finished_at, error';

interface RunRow {
  id: string;
  trigger: SegmentRunTrigger;
  status: SegmentRunStatus;
  total: number;
  processed: number;
  changed: number;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

function viewOf(row: RunRow): SegmentRunView {
  return {
    id: row.id,
    trigger: row.trigger,
    status: row.status,
    total: row.total,
    processed: row.processed,
    changed: row.changed,
    requestedAt: new Date(row.requested_at),
    startedAt: row.started_at ? new Date(row.started_at) : null,
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    error: row.error,
  };
}

/**
 * Recomputes a merchant's RFM scores and segments in runs (`segment_run`): requested on demand,
 * after a settings change and nightly, and worked in steps by the recompute job, each step one
 * transaction. The first step computes every customer's facts and fixes the run's plan
 * (`segment-plan.sql.ts`); each next one scores a
 * batch of customers in id order and advances the cursor and the progress in the same transaction
 * (`segment-batch.sql.ts`), so a crash resumes after the last batch committed and nothing is
 * written twice; the last one counts the members per segment and refreshes the daily counts
 * (`segment-finish.sql.ts`). A step takes its run's row with SKIP LOCKED, so replicas never work
 * the same run at once.
 */
export class SegmentRecomputeService {
  constructor(private readonly definitions: SegmentDefinitionService) {}

  /**
   * Queues a run, or returns the merchant's run already queued or running (at most one is: a
   * unique partial index). Two requests at once both insert with `on conflict do nothing`: the
   * second waits for the first's commit and then joins its run. A nightly request names the
   * shop-local date it is for, and adds nothing (null) when that date has a nightly run already
   * or another run is under way (the next hourly tick asks again).
   */
  async request(ctx: RequestContext, trigger: SegmentRunTrigger, nightlyDate: string | null = null): Promise<SegmentRunView | null> {
    const merchantId = ctx.merchantId!;
    return inRequestTransaction(ctx, async () => {
      // A run that finishes between the insert and the read frees the slot: try again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const [inserted] = await ctx.em.execute<RunRow[]>(
          `insert into segment_run (id, merchant_id, trigger, status, requested_at, nightly_date) values (?, ?, ?, 'queued', now(), ?)
           on conflict do nothing returning ${COLUMNS}`,
          [uuidv7(), merchantId, trigger, nightlyDate],
        );
        if (inserted) return viewOf(inserted);
        if (nightlyDate) return null;
        // A first run still waiting for the order history to stop arriving becomes this request's, due now.
        const [active] = await ctx.em.execute<RunRow[]>(
          `update segment_run set trigger = case when trigger = 'first' and status = 'queued' then ? else trigger end
            where merchant_id = ? and status in ('queued', 'running') returning ${COLUMNS}`,
          [trigger, merchantId],
        );
        if (active) return viewOf(active);
      }
      throw new Error(`segment run request for merchant ${merchantId}: no run could be queued nor found`);
    });
  }

  /**
   * After an order fact of a merchant that has never had a run: queues its first run, or pushes the
   * queued one back to now, so that it starts once the merchant's order history has stopped
   * arriving for `FIRST_RUN_QUIET_MS` (an install's backfill, the demo's orders) rather than after
   * the first of many orders, and at the latest `FIRST_RUN_WAIT_MS` after the first (a shop whose
   * orders never stop). Once the merchant has any other run, one read and nothing written: no lock
   * on the run and no wake of the recompute job per order.
   */
  async requestFirst(ctx: RequestContext): Promise<void> {
    const merchantId = ctx.merchantId!;
    const settled = await ctx.em.execute(`select 1 from segment_run where merchant_id = ? and (trigger <> 'first' or status <> 'queued') limit 1`, [merchantId]);
    if (settled.length) return;
    await ctx.em.execute(
      `insert into segment_run (id, merchant_id, trigger, status, requested_at)
       select ?, ?, 'first', 'queued', clock_timestamp()
        where not exists (select 1 from segment_run where merchant_id = ? and (trigger <> 'first' or status <> 'queued'))
       on conflict (merchant_id) where status in ('queued', 'running')
       do update set requested_at = excluded.requested_at where segment_run.trigger = 'first' and segment_run.status = 'queued'`,
      [uuidv7(), merchantId, merchantId],
    );
  }

  /** One run of the caller's merchant; null for an id that is not one of its runs. */
  async run(ctx: RequestContext, id: string): Promise<SegmentRunView | null> {
    const [row] = await ctx.em.execute<RunRow[]>(`select ${COLUMNS} from segment_run where merchant_id = ? and id = ?`, [ctx.merchantId!, id]);
    return row ? viewOf(row) : null;
  }

  /** The merchant's latest runs, newest first. */
  async runs(ctx: RequestContext, first: number): Promise<SegmentRunView[]> {
    const rows = await ctx.em.execute<RunRow[]>(`select ${COLUMNS} from segment_run where merchant_id = ? order by requested_at desc, id desc limit ?`, [ctx.merchantId!, first]);
    return rows.map(viewOf);
  }

  /**
   * One step of the merchant's queued or running run, in a transaction of its own: starts a queued
   * run (its plan, `as_of` = `now`), or scores the next batch of `size` customers, finishing the
   * run when the batch is its last.
   */
  async step(ctx: RequestContext, size: number, now: Date = new Date()): Promise<SegmentRunStep | null> {
    const merchantId = ctx.merchantId!;
    return inRequestTransaction(ctx, async () => {
      // `lost`: a running run whose facts are gone, which only a crash of PostgreSQL does to the
      // unlogged fact table (the facts go with the run's end, and a redaction removes only its
      // customer's); the run starts again, from the same `as_of`.
      const [run] = await ctx.em.execute<{ id: string; status: SegmentRunStatus; cursor: string | null; as_of: Date | string | null; lost: boolean }[]>(
        `select id, status, cursor, as_of,
                status = 'running' and coalesce((plan->>'facts')::int, 0) > 0
                  and not exists (select 1 from segment_run_fact f where f.merchant_id = r.merchant_id and f.run_id = r.id) as lost
           from segment_run r
          where merchant_id = ? and status in ('queued', 'running')
            and not (trigger = 'first' and status = 'queued' and requested_at > clock_timestamp() - make_interval(secs => ? / 1000.0)
                     -- the id is a UUIDv7: its first 48 bits are when the first run was queued
                     and ('x' || substr(replace(id::text, '-', ''), 1, 12))::bit(48)::bigint > (extract(epoch from clock_timestamp()) * 1000)::bigint - ?)
          for update skip locked`,
        [merchantId, FIRST_RUN_QUIET_MS, FIRST_RUN_WAIT_MS],
      );
      if (!run) return null;
      // The planner's estimates of these statements' CTEs run far above their real rows, and JIT
      // then spends seconds compiling what runs in a fraction of that.
      await ctx.em.execute('set local jit = off');
      if (run.status === 'queued' || run.lost) {
        // The start is one pass over all the merchant's orders and sorts of all its customers:
        // hashed and sorted in memory, never walked through an index (which the planner, short of
        // statistics on how many customers the orders hold, prefers, at several times the cost).
        // 128 MB (the hash table may take twice that) holds a million customers' aggregate and the
        // sort of their facts without spilling to disk; at 64 MB both spilled, a second and a half
        // of a run of a million. Only a start takes it, one per merchant at a time.
        await ctx.em.execute(`set local work_mem = '128MB'`);
        await ctx.em.execute('set local enable_indexscan = off');
        await this.start(ctx, run.id, run.lost && run.as_of ? new Date(run.as_of) : now);
        return { runId: run.id, phase: 'started', covered: 0, changed: 0 };
      }
      // A batch reads short ranges of keys. A bitmap scan reads a whole range before its limit
      // applies: with statistics taken before the customers were scored, the bounds' scan of
      // `segment_customer` from the cursor to the end (all the rest of the merchant, per batch).
      await ctx.em.execute('set local enable_bitmapscan = off');
      const lo = run.cursor ?? BEFORE_FIRST;
      const [bounds] = await ctx.em.execute<{ hi: string | null; size: number }[]>(...namedSql(BATCH_BOUNDS_SQL, { merchant: merchantId, run: run.id, lo, size }));
      let covered = 0;
      let changed = 0;
      if (bounds.hi) {
        const [done] = await ctx.em.execute<{ covered: number; changed: number }[]>(
          ...namedSql(BATCH_SQL, { merchant: merchantId, run: run.id, lo, hi: bounds.hi, topic: SEGMENT_CHANGED.name, topic_version: SEGMENT_CHANGED.version, request: ctx.requestId }),
        );
        ({ covered, changed } = done);
        await ctx.em.execute(
          `update segment_run set processed = processed + ?, total = greatest(total, processed + ?), changed = changed + ?, cursor = ?, failures = 0, error = null where id = ?`,
          [covered, covered, changed, bounds.hi, run.id],
        );
      }
      if (bounds.size < size) {
        await this.finish(ctx, run.id);
        return { runId: run.id, phase: 'finished', covered, changed };
      }
      return { runId: run.id, phase: 'batch', covered, changed };
    });
  }

  /**
   * Records that a step of the merchant's run failed (its transaction rolled back, so the run is
   * where its last committed step left it, and the next pass tries again); after `MAX_FAILURES`
   * in a row the run is given up. The message is for the merchant: what failed is in the logs.
   */
  async recordFailure(ctx: RequestContext): Promise<SegmentRunView | null> {
    return inRequestTransaction(ctx, () => this.countFailure(ctx));
  }

  private async countFailure(ctx: RequestContext): Promise<SegmentRunView | null> {
    const [row] = await ctx.em.execute<RunRow[]>(
      `update segment_run
          set failures = failures + 1,
              status = case when failures + 1 >= ? then 'failed' else status end,
              finished_at = case when failures + 1 >= ? then now() else finished_at end,
              error = case when failures + 1 >= ? then 'The recompute failed ' || (failures + 1) || ' times in a row and was given up; the next request starts afresh.'
                           else 'A batch of the recompute failed (' || (failures + 1) || ' of ' || ? || ' tries); it is tried again.' end
        where merchant_id = ? and status in ('queued', 'running')
        returning ${COLUMNS}`,
      [MAX_FAILURES, MAX_FAILURES, MAX_FAILURES, MAX_FAILURES, ctx.merchantId!],
    );
    if (row?.status === 'failed') await ctx.em.execute('delete from segment_run_fact where merchant_id = ? and run_id = ?', [ctx.merchantId!, row.id]);
    return row ? viewOf(row) : null;
  }

  /** Fixes the run's plan under the merchant's settings and definitions of now (the defaults written first if it has none). */
  private async start(ctx: RequestContext, runId: string, now: Date): Promise<void> {
    const merchantId = ctx.merchantId!;
    await this.definitions.ensureDefaults(ctx);
    const [settings] = await ctx.em.execute<{ window_days: number; scoring: 'quintile' | 'threshold'; thresholds: unknown; timezone: string; version: number }[]>(
      ...namedSql(SETTINGS_SQL, { merchant: merchantId }),
    );
    await ctx.em.execute(
      ...namedSql(startRunSql(settings.scoring === 'quintile'), {
        merchant: merchantId,
        run: runId,
        as_of: now,
        window_days: settings.window_days,
        scoring: settings.scoring,
        thresholds: settings.thresholds == null ? null : JSON.stringify(settings.thresholds),
        timezone: settings.timezone,
        version: settings.version,
      }),
    );
  }

  /**
   * Counts the members and succeeds the run in one transaction; the counts' commit wakes the job
   * that refreshes the daily counts view (`segment-daily-counts.job.ts`). Settings changed since
   * the run started (their request joined this run) queue the next run in the same transaction.
   */
  private async finish(ctx: RequestContext, runId: string): Promise<void> {
    const merchantId = ctx.merchantId!;
    const [finished] = await ctx.em.execute<{ settings_version: number | null }[]>(...namedSql(FINISH_RUN_SQL, { merchant: merchantId, run: runId }));
    await ctx.em.execute('delete from segment_run_fact where merchant_id = ? and run_id = ?', [merchantId, runId]);
    await ctx.em.execute(
      `insert into segment_run (id, merchant_id, trigger, status, requested_at)
       select ?, ?, 'settings', 'queued', now() from segment_settings s where s.merchant_id = ? and s.version > ?
       on conflict do nothing`,
      [uuidv7(), merchantId, merchantId, finished?.settings_version ?? 0],
    );
  }
}
