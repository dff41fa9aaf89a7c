import { ADMIN_SCOPES, inRequestTransaction, isUuid, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import type { ClickStore } from '../clicks/click-store.js';

const MERCHANTS_PER_PASS = 500;
/** A batch id is kept this long to recognise a batch applied by a flush that crashed before clearing it from Redis. */
const FLUSH_RECORD_RETENTION = '1 day';

export interface ClickFlushRun {
  merchants: number;
  batches: number;
  clicks: number;
}

/**
 * Moves each merchant's pending click counts from Redis into `referral_code`, exactly once: the
 * counts are taken under a batch id (a batch a crashed flush left is taken again with the same id),
 * applied in one transaction that records the id (a batch already recorded adds nothing), then
 * dropped from Redis. Several replicas may run it at once: the id keeps each batch to one apply.
 * Counts of a code deleted since (a redacted customer) are dropped with it.
 */
export async function flushClicks(runtime: SubgraphRuntime, store: ClickStore): Promise<ClickFlushRun> {
  const run: ClickFlushRun = { merchants: 0, batches: 0, clicks: 0 };
  for (const merchantId of await store.dirtyMerchants(MERCHANTS_PER_PASS)) {
    run.merchants++;
    try {
      const batch = await store.take(merchantId, uuidv7());
      if (batch) {
        const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId));
        const applied = await inRequestTransaction(ctx, async () => {
          const fresh = await ctx.em.execute<{ batch_id: string }[]>(
            'insert into referral_click_flush (merchant_id, batch_id, flushed_at) values (?, ?, now()) on conflict do nothing returning batch_id',
            [merchantId, batch.batchId],
          );
          await ctx.em.execute(`delete from referral_click_flush where merchant_id = ? and flushed_at < now() - interval '${FLUSH_RECORD_RETENTION}'`, [merchantId]);
          if (!fresh.length) return false;
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
        if (applied) {
          run.batches++;
          run.clicks += batch.counts.reduce((sum, c) => sum + c.clicks, 0);
        }
      }
      await store.done(merchantId, batch?.batchId ?? null);
    } catch (error) {
      // The batch stays in Redis under its id; the next pass applies it, once.
      runtime.createContext(systemCaller([], merchantId)).log.error({ err: error, merchantId }, 'referral click flush failed');
    }
  }
  return run;
}

/** Every `REFERRAL_CLICK_FLUSH_MS` (5 s by default): what a Redis loss can cost in click counts at most. */
export function clickFlushJob(runtime: SubgraphRuntime, store: ClickStore): SubgraphJob {
  return { name: 'referral click flush', everyMs: runtime.config.referrals.clickFlushEveryMs, run: async () => void (await flushClicks(runtime, store)) };
}
