import { ADMIN_SCOPES, inRequestTransaction, isUuid, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import type { ClickStore } from '../clicks/click-store.js';

/** Merchants asked of Redis per SSCAN step; a pass takes as many steps as its time allows. */
const SCAN_PAGE = 200;
/** A batch id is kept this long to recognise a batch applied by a flush that crashed before clearing it from Redis. */
const FLUSH_RECORD_RETENTION = '1 day';

export interface ClickFlushRun {
  merchants: number;
  batches: number;
  clicks: number;
  /** Where the next pass resumes the scan of the dirty merchants: '0' when this one reached the end. */
  cursor: string;
}

export interface ClickFlushOptions {
  /** The pass stops taking new SSCAN steps after this long (default: the flush interval), so passes do not pile up. */
  budgetMs?: number;
  /** The SSCAN cursor to resume from (a pass that ran out of time), '0' for the start. */
  from?: string;
  /** Merchants per SSCAN step. */
  pageSize?: number;
}

/**
 * Moves each merchant's pending click counts from Redis into `referral_code`, exactly once: the
 * counts are taken under a batch id (a batch a crashed flush left is taken again with the same id),
 * applied in one transaction that records the id (a batch already recorded adds nothing), then
 * dropped from Redis. Several processes may run it at once: the id keeps each batch to one apply.
 * Counts of a code deleted since (a redacted customer) are dropped with it. A pass walks the whole
 * dirty set (SSCAN) unless its time budget runs out first; it then returns where it stopped, and
 * the next pass goes on from there, so no merchant waits behind others for long.
 */
export async function flushClicks(runtime: SubgraphRuntime, store: ClickStore, options: ClickFlushOptions = {}): Promise<ClickFlushRun> {
  const run: ClickFlushRun = { merchants: 0, batches: 0, clicks: 0, cursor: options.from ?? '0' };
  const deadline = Date.now() + (options.budgetMs ?? runtime.config.referrals.clickFlushEveryMs);
  // SSCAN may return a member twice in one walk: each merchant is flushed once per pass.
  const done = new Set<string>();
  do {
    const page = await store.scanDirty(run.cursor, options.pageSize ?? SCAN_PAGE);
    run.cursor = page.cursor;
    for (const merchantId of page.merchants) {
      if (done.has(merchantId)) continue;
      done.add(merchantId);
      run.merchants++;
      const applied = await flushMerchant(runtime, store, merchantId);
      if (applied !== null) {
        run.batches++;
        run.clicks += applied;
      }
    }
  } while (run.cursor !== '0' && Date.now() < deadline);
  return run;
}

/** One merchant's pending counts into PostgreSQL: the clicks of the batch applied, null when none was (nothing pending, applied before, or failed). */
async function flushMerchant(runtime: SubgraphRuntime, store: ClickStore, merchantId: string): Promise<number | null> {
  try {
    const batch = await store.take(merchantId, uuidv7());
    let applied: number | null = null;
    if (batch) {
      const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId));
      const fresh = await inRequestTransaction(ctx, async () => {
        const recorded = await ctx.em.execute<{ batch_id: string }[]>(
          'insert into referral_click_flush (merchant_id, batch_id, flushed_at) values (?, ?, now()) on conflict do nothing returning batch_id',
          [merchantId, batch.batchId],
        );
        await ctx.em.execute(`delete from referral_click_flush where merchant_id = ? and flushed_at < now() - interval '${FLUSH_RECORD_RETENTION}'`, [merchantId]);
        if (!recorded.length) return false;
        const counts = batch.counts.filter((c) => isUuid(c.customerId));
        const ids = counts.map((c) => c.customerId);
        await ctx.em.execute(
          `update referral_code r set clicks = r.clicks + c.clicks, unique_clicks = r.unique_clicks + c.unique_clicks
             from unnest(?::uuid[], ?::bigint[], ?::bigint[]) as c(customer_id, clicks, unique_clicks)
            where r.merchant_id = ? and r.customer_id = c.customer_id`,
          [`{${ids.join(',')}}`, `{${counts.map((c) => c.clicks).join(',')}}`, `{${counts.map((c) => c.uniqueClicks).join(',')}}`, merchantId],
        );
        return true;
      });
      if (fresh) applied = batch.counts.reduce((sum, c) => sum + c.clicks, 0);
    }
    await store.done(merchantId, batch?.batchId ?? null);
    return applied;
  } catch (error) {
    // The batch stays in Redis under its id; the next pass applies it, once.
    runtime.createContext(systemCaller([], merchantId)).log.error({ err: error, merchantId }, 'referral click flush failed');
    return null;
  }
}

/**
 * Every `REFERRAL_CLICK_FLUSH_MS` (5 s by default). Counts wait in Redis until their merchant's
 * flush succeeds: normally one interval, longer while PostgreSQL refuses them or a pass runs out of
 * time; that is what a Redis loss can cost. The scan position is kept between passes.
 */
export function clickFlushJob(runtime: SubgraphRuntime, store: ClickStore): SubgraphJob {
  let cursor = '0';
  return {
    name: 'referral click flush',
    everyMs: runtime.config.referrals.clickFlushEveryMs,
    run: async () => {
      cursor = (await flushClicks(runtime, store, { from: cursor })).cursor;
    },
  };
}
