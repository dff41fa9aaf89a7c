import { ADMIN_SCOPES, inRequestTransaction, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { TierMemberService } from '../services/tier-member.service.js';

const BATCH = 500;
/**
 * Members are due at any moment of the day (a grace ending, an assignment's `until`), so the
 * "daily" job looks every hour; a run with nothing due is one query.
 */
const EVERY_MS = 3_600_000;

export interface TierDailyRun {
  evaluated: number;
  changed: number;
  /** Members re-placed, by merchant id. */
  byMerchant: Record<string, number>;
  /** Merchants whose batch failed this run (logged, rolled back, still due): the others went on. */
  failedMerchants: string[];
}

/**
 * Re-places every member whose `next_check_at` has come (windows sliding, periods rolling over,
 * graces and hand assignments ending, warnings due), merchant by merchant, in batches of one
 * transaction each. Replicas share the work: a batch takes its members with SKIP LOCKED, and a
 * member it re-placed is due no more (placement always moves `next_check_at` past `now`). A crash
 * rolls back its batch, which stays due: placement is idempotent, so running again is safe.
 */
export async function runTierDaily(runtime: SubgraphRuntime, members: TierMemberService, now: Date = new Date()): Promise<TierDailyRun> {
  const run: TierDailyRun = { evaluated: 0, changed: 0, byMerchant: {}, failedMerchants: [] };
  const claimer = runtime.createContext(systemCaller([], null));
  const merchants = await claimer.em.execute<{ merchant_id: string }[]>('select merchant_id from tier_due_merchants(?)', [now]);
  for (const { merchant_id: merchantId } of merchants) {
    // One merchant's failure (a bad row, a lost connection) must not stop the merchants after it.
    try {
      await runMerchant(runtime, members, merchantId, now, run);
    } catch (error) {
      run.failedMerchants.push(merchantId);
      claimer.log.error({ err: error, merchantId }, `tier daily run failed for merchant ${merchantId}`);
    }
  }
  return run;
}

/** The merchant's due members, batch after batch, each batch its own transaction. */
async function runMerchant(runtime: SubgraphRuntime, members: TierMemberService, merchantId: string, now: Date, run: TierDailyRun): Promise<void> {
  for (;;) {
    const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId));
    const done = await inRequestTransaction(ctx, async () => {
      const due = await ctx.em.execute<{ customer_id: string }[]>(
        'select customer_id from tier_member where merchant_id = ? and next_check_at <= ? order by next_check_at, customer_id limit ? for update skip locked',
        [merchantId, now, BATCH],
      );
      const result = await members.evaluateMany(ctx, due.map((r) => r.customer_id), 'daily', now);
      return { ...result, taken: due.length };
    });
    run.evaluated += done.evaluated;
    run.byMerchant[merchantId] = (run.byMerchant[merchantId] ?? 0) + done.evaluated;
    run.changed += done.changed;
    if (done.taken < BATCH) return;
  }
}

export function tierDailyJob(runtime: SubgraphRuntime, members: TierMemberService): SubgraphJob {
  return {
    name: 'tier daily',
    everyMs: EVERY_MS,
    async run() {
      await runTierDaily(runtime, members);
    },
  };
}
