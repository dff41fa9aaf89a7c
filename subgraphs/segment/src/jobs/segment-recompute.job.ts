import { ADMIN_SCOPES, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import { shopTimezone } from '../services/segment-timezone.service.js';
import type { SegmentRecomputeService } from '../services/segment-recompute.service.js';

/**
 * Customers per batch transaction: large enough that the per-statement costs vanish on a merchant
 * of a million customers (40 batches), small enough that a batch holds its rows' locks briefly
 * and progress moves visibly.
 */
export const RECOMPUTE_BATCH = 25_000;
/** The least time between two passes' starts when wakes come in a stream. */
const GAP_MS = 100;

export interface SegmentRecomputePass {
  /** Steps taken (starts, batches, finishes) across merchants. */
  steps: number;
  /** Merchants whose step failed (logged, rolled back, counted on the run): the others went on. */
  failedMerchants: string[];
}

/**
 * Works every queued or running run to its end, merchant by merchant, a step per transaction
 * (`SegmentRecomputeService.step`). Woken after the commit of a request (the `segment_run` insert
 * trigger), and polls as every pump of the store does, which resumes a run a crash or a shutdown
 * left running. Safe on several replicas: a step holds its run's row, and another replica skips
 * it. A merchant whose step fails has it counted on its run and is tried again at the next pass;
 * the merchants after it still go on.
 */
export async function runSegmentRecomputes(
  runtime: SubgraphRuntime,
  recomputes: SegmentRecomputeService,
  options: { signal?: AbortSignal; batch?: number; now?: Date } = {},
): Promise<SegmentRecomputePass> {
  const lister = runtime.createContext(systemCaller([], null));
  const merchants = await lister.em.execute<{ merchant_id: string }[]>('select merchant_id from segment_run_merchants()');
  const pass: SegmentRecomputePass = { steps: 0, failedMerchants: [] };
  for (const { merchant_id: merchantId } of merchants) {
    try {
      // A shop installed before this domain existed never announced its zone here: ask once, before
      // a run fixes the day its counts are for (the nightly schedule then follows it too).
      await shopTimezone(runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId)));
      while (!options.signal?.aborted) {
        // A context per step: each reads afresh, and holds nothing past its commit.
        const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId));
        const step = await recomputes.step(ctx, options.batch ?? RECOMPUTE_BATCH, options.now);
        if (!step) break;
        pass.steps++;
        if (step.phase === 'finished') break;
      }
    } catch (error) {
      pass.failedMerchants.push(merchantId);
      lister.log.error({ err: error, merchantId }, `segment recompute step failed for merchant ${merchantId}`);
      await recomputes.recordFailure(runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId))).catch((failure: Error) => {
        lister.log.error({ err: failure, merchantId }, `recording a failed segment recompute step for merchant ${merchantId} failed`);
      });
    }
  }
  return pass;
}

export function segmentRecomputeJob(runtime: SubgraphRuntime, recomputes: SegmentRecomputeService): SubgraphJob {
  return {
    name: 'segment recompute',
    everyMs: runtime.config.events.pollMs,
    wakeOn: { table: 'segment_run', gapMs: GAP_MS },
    async run(signal) {
      await runSegmentRecomputes(runtime, recomputes, { signal });
    },
  };
}
