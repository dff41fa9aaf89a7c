import { ADMIN_SCOPES, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { TierRecomputeService } from '../services/tier-recompute.service.js';

/** Members per batch transaction: large enough that per-statement costs vanish, small enough that a batch holds its member locks briefly. */
export const RECOMPUTE_BATCH = 2000;
/** The least time between two runs' starts when wakes come in a stream. */
const GAP_MS = 100;

export interface TierRecomputeRun {
  /** Members placed by this run's batches. */
  placed: number;
  /** Merchants whose batch failed (logged, rolled back, their recompute still running): the others went on. */
  failedMerchants: string[];
}

/**
 * Works every running recompute to its end, merchant by merchant, a batch per transaction
 * (`TierRecomputeService.runBatch`). Woken after the commit of the consumer that starts a
 * recompute (the `tier_recompute` insert trigger: the kit's `commit-wake.ts`), and polls as every
 * pump of the store does, which resumes a recompute a crash or a shutdown left running. Safe on
 * several replicas: a batch holds its recompute's row, and another replica skips it. A merchant
 * whose batch fails is left for the next run, and the merchants after it still go on.
 */
export async function runTierRecomputes(runtime: SubgraphRuntime, recomputes: TierRecomputeService, signal?: AbortSignal, batch: number = RECOMPUTE_BATCH): Promise<TierRecomputeRun> {
  const lister = runtime.createContext(systemCaller([], null));
  const merchants = await lister.em.execute<{ merchant_id: string }[]>('select merchant_id from tier_recompute_merchants()');
  const run: TierRecomputeRun = { placed: 0, failedMerchants: [] };
  for (const { merchant_id: merchantId } of merchants) {
    try {
      while (!signal?.aborted) {
        // A context per batch: each reads the program afresh, and holds nothing past its commit.
        const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId));
        const done = await recomputes.runBatch(ctx, batch);
        if (!done) break;
        run.placed += done.placed;
        if (done.finished) break;
      }
    } catch (error) {
      run.failedMerchants.push(merchantId);
      lister.log.error({ err: error, merchantId }, `tier recompute batch failed for merchant ${merchantId}`);
    }
  }
  return run;
}

export function tierRecomputeJob(runtime: SubgraphRuntime, recomputes: TierRecomputeService): SubgraphJob {
  return {
    name: 'tier recompute',
    everyMs: runtime.config.events.pollMs,
    wakeOn: { table: 'tier_recompute', gapMs: GAP_MS },
    async run(signal) {
      await runTierRecomputes(runtime, recomputes, signal);
    },
  };
}
