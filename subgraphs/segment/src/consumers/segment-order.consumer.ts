import { consume, type EventHandler } from '@loyalnest/kit';
import { ORDER_CANCELLED, ORDER_RECORDED, ORDER_REFUNDED } from '@loyalnest/customer/topics';
import type { SegmentOrderFactsService } from '../services/segment-order-facts.service.js';
import type { SegmentRecomputeService } from '../services/segment-recompute.service.js';

/**
 * The customer domain's order facts, folded into the order's `segment_order` row in the event's
 * transaction. A redelivered event is dropped by the kit; a second event bringing a fact already
 * known (a refund's id, a cancellation) changes nothing. A merchant's first recorded orders also
 * queue its first recompute (`requestFirst`), which waits until they stop arriving.
 */
export function segmentOrderConsumers(facts: SegmentOrderFactsService, recomputes: SegmentRecomputeService): Record<string, EventHandler> {
  return {
    ...consume(ORDER_RECORDED, async (ctx, { payload }) => {
      await facts.apply(ctx, { kind: 'recorded', order: payload });
      await recomputes.requestFirst(ctx);
    }),
    ...consume(ORDER_REFUNDED, (ctx, { payload }) => facts.apply(ctx, { kind: 'refunded', refund: payload })),
    ...consume(ORDER_CANCELLED, (ctx, { payload }) => facts.apply(ctx, { kind: 'cancelled', cancel: payload })),
  };
}
