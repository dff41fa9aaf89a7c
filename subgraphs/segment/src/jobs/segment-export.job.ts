import { ADMIN_SCOPES, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { SegmentExportBatchService } from '../services/segment-export-batch.service.js';

/** Rows per batch: one call to the customer subgraph (`PROFILES_PER_CALL`) and one chunk each. */
export const EXPORT_BATCH = 500;
/** The least time between two passes' starts when wakes come in a stream. */
const GAP_MS = 100;

/**
 * Works every queued and running export to its end, merchant by merchant, a batch per
 * transaction (`SegmentExportBatchService.runBatch`). Woken after the commit of `exportSegment`
 * (the `segment_export` insert trigger), and polls as every pump of the store does, which resumes
 * an export a crash or a shutdown left running. Safe on several replicas: a batch holds its
 * export's row, and another replica takes another export or none. A merchant whose batch fails is
 * left for the next pass (the failure counted on the export), and the merchants after it go on.
 */
export async function runSegmentExports(runtime: SubgraphRuntime, batches: SegmentExportBatchService, signal?: AbortSignal, size: number = EXPORT_BATCH): Promise<{ written: number; failedMerchants: string[] }> {
  const lister = runtime.createContext(systemCaller([], null));
  const merchants = await lister.em.execute<{ merchant_id: string }[]>('select merchant_id from segment_export_merchants()');
  const run = { written: 0, failedMerchants: [] as string[] };
  for (const { merchant_id: merchantId } of merchants) {
    try {
      while (!signal?.aborted) {
        // A context per batch: it holds nothing past its commit.
        const done = await batches.runBatch(runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId)), size);
        if (!done) break;
        run.written += done.written;
      }
    } catch (error) {
      run.failedMerchants.push(merchantId);
      lister.log.error({ err: error, merchantId }, `segment export batch failed for merchant ${merchantId}`);
    }
  }
  return run;
}

export function segmentExportJob(runtime: SubgraphRuntime, batches: SegmentExportBatchService): SubgraphJob {
  return {
    name: 'segment export',
    everyMs: runtime.config.events.pollMs,
    wakeOn: { table: 'segment_export', gapMs: GAP_MS },
    async run(signal) {
      await runSegmentExports(runtime, batches, signal);
    },
  };
}
