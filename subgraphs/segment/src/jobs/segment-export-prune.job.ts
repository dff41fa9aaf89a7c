import { ADMIN_SCOPES, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { SegmentExportBatchService } from '../services/segment-export-batch.service.js';

/** How often expired exports' files are deleted: a file outlives its expiry by at most this (it cannot be downloaded meanwhile). */
const PRUNE_EVERY_MS = 60_000;
/** Merchants per pass; the rest wait for the next. */
const MERCHANTS_PER_PASS = 500;

/** Deletes the file and snapshot of every export past its expiry, merchant by merchant under each one's tenant. */
export async function pruneSegmentExports(runtime: SubgraphRuntime, batches: SegmentExportBatchService): Promise<number> {
  const lister = runtime.createContext(systemCaller([], null));
  const merchants = await lister.em.execute<{ merchant_id: string }[]>('select merchant_id from segment_export_expired_merchants(?)', [MERCHANTS_PER_PASS]);
  let expired = 0;
  for (const { merchant_id: merchantId } of merchants) {
    expired += await batches.expireDue(runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId)));
  }
  return expired;
}

export function segmentExportPruneJob(runtime: SubgraphRuntime, batches: SegmentExportBatchService): SubgraphJob {
  return {
    name: 'segment export prune',
    everyMs: PRUNE_EVERY_MS,
    async run() {
      await pruneSegmentExports(runtime, batches);
    },
  };
}
