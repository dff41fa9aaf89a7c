import { consume, type EventHandler } from '@loyalnest/kit';
import { ORDER_CANCELLED, ORDER_RECORDED, ORDER_REFUNDED } from '@loyalnest/customer/topics';
import type { SegmentOrderFactsService } from '../services/segment-order-facts.service.js';

/**
 * The customer domain's order facts, folded into the order's `segment_order` row in the event's
 * transaction. A redelivered event is dropped by the kit; a second event bringing a fact already
 * known (a refund's id, a cancellation) changes nothing.
 */
export function segmentOrderConsumers(facts: SegmentOrderFactsService): Record<string, EventHandler> {
  return {
    ...consume(ORDER_RECORDED, (ctx, { payload }) => facts.apply(ctx, { kind: 'recorded', order: payload })),
    ...consume(ORDER_REFUNDED, (ctx, { payload }) => facts.apply(ctx, { kind: 'refunded', refund: payload })),
    ...consume(ORDER_CANCELLED, (ctx, { payload }) => facts.apply(ctx, { kind: 'cancelled', cancel: payload })),
  };
}
