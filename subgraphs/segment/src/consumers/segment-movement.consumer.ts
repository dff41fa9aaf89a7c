import { consume, LIVE_TOPICS, type EventHandler, type MerchantActivityMessage, type SubgraphRuntime } from '@loyalnest/kit';
import type { SegmentFlowTriggerService } from '../services/segment-flow-trigger.service.js';
import type { SegmentMetafieldSyncService } from '../services/segment-metafield-sync.service.js';
import type { SegmentTombstoneService } from '../services/segment-tombstone.service.js';
import { SEGMENT_CHANGED } from '../topics.js';

export type MovementServices = (runtime: SubgraphRuntime) => { flowTriggers: SegmentFlowTriggerService; metafieldSync: SegmentMetafieldSyncService; tombstones: SegmentTombstoneService };

/**
 * What follows a committed movement in the segment domain itself (`segment.changed`, emitted by
 * the recompute): the customer queued for the Shopify metafield sync when it is on (in this
 * consumer's transaction: the recompute never waits for Shopify), the admin activity feed's live
 * message (after this consumer's commit, so a redelivered event, found consumed, publishes nothing
 * again), and Flow's `customer-entered-segment`, sent at most once per movement. A movement of a
 * customer redacted since it was emitted is dropped: nothing about them leaves the store again.
 */
export function segmentMovementConsumers(services: MovementServices): Record<string, EventHandler> {
  return {
    ...consume(SEGMENT_CHANGED, async (ctx, event, runtime) => {
      const movement = event.payload;
      if (!(await services(runtime).tombstones.admit(ctx, movement.customerId))) return;
      await services(runtime).metafieldSync.request(ctx, movement.customerId);
      const message: Omit<MerchantActivityMessage, 'committedAt'> = {
        merchantId: event.merchantId,
        kind: 'segment.changed',
        customerId: movement.customerId,
        details: { from: movement.from, to: movement.to, runId: movement.runId, recency: movement.recency, frequency: movement.frequency, monetary: movement.monetary },
      };
      ctx.afterCommit(() => ctx.live.publish(LIVE_TOPICS.merchantActivity, { ...message, committedAt: new Date().toISOString() }));
      await services(runtime).flowTriggers.entered(ctx, runtime, movement);
    }),
  };
}
