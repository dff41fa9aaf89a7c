import { systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { SegmentMetafieldSyncService } from '../services/segment-metafield-sync.service.js';

const MERCHANTS_PER_PASS = 100;
/** The least time between two passes' starts: a stream of movements is sent in full batches. */
const GAP_MS = 200;

/**
 * Sends the queued customers' segment names to Shopify (`SegmentMetafieldSyncService`): the
 * merchants with due customers are read across tenants (the store's SECURITY DEFINER function,
 * ids only), then each merchant's queue is drained under its own tenant, one merchant after another,
 * so one shop's failures leave the others' syncs going. Woken after a commit that queued customers
 * (the table's insert trigger marks the transaction: the kit's `commit-wake.ts`), and polling as
 * every pump of the store does (`EVENTS_POLL_MS`) for retries whose backoff has passed.
 */
export function segmentMetafieldSyncJob(runtime: SubgraphRuntime, sync: SegmentMetafieldSyncService): SubgraphJob {
  return {
    name: 'segment metafield sync',
    everyMs: runtime.config.events.pollMs,
    wakeOn: { table: 'segment_metafield_sync', gapMs: GAP_MS },
    async run(signal) {
      const lister = runtime.createContext(systemCaller([], null));
      const merchants = await lister.em.execute<{ merchant_id: string }[]>('select merchant_id from segment_metafield_sync_due_merchants(now(), ?)', [MERCHANTS_PER_PASS]);
      for (const { merchant_id: merchantId } of merchants) {
        if (signal.aborted) return;
        const ctx = runtime.createContext(systemCaller([], merchantId));
        try {
          await sync.drain(ctx, signal);
        } catch (error) {
          ctx.log.error({ err: error }, 'segment metafield sync failed; the merchant stays due');
        }
      }
    },
  };
}
