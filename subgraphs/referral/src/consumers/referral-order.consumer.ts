import { consume, type EventHandler, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';
import { ORDER_CANCELLED, ORDER_FULFILLED, ORDER_PAID, ORDER_RECORDED, ORDER_REFUNDED } from '@loyalnest/customer/topics';
import type { ReferralConversionService } from '../services/referral-conversion.service.js';
import type { OrderFactChange, ReferralOrderFactsService } from '../services/referral-order-facts.service.js';

export interface ReferralOrderServices {
  facts: ReferralOrderFactsService;
  conversion: ReferralConversionService;
}

/**
 * The customer domain's order facts: each folds into the order's `referral_order` row, then the
 * order is looked at again for the referral it converts or voids, in the event's transaction. A
 * redelivered event is dropped by the kit; a second event bringing a fact already known (a
 * refund's id, a moment already set) changes nothing, so neither converts nor voids twice.
 */
export function referralOrderConsumers(services: (runtime: SubgraphRuntime) => ReferralOrderServices): Record<string, EventHandler> {
  const apply = async (ctx: RequestContext, runtime: SubgraphRuntime, change: OrderFactChange) => {
    const { facts, conversion } = services(runtime);
    await facts.apply(ctx, change);
    await conversion.afterOrderFact(ctx, change.kind === 'recorded' ? change.order.orderId : change.orderId, change);
  };
  return {
    ...consume(ORDER_RECORDED, (ctx, event, runtime) => apply(ctx, runtime, { kind: 'recorded', order: event.payload, at: new Date(event.occurredAt) })),
    ...consume(ORDER_PAID, (ctx, event, runtime) => {
      const p = event.payload;
      return apply(ctx, runtime, { kind: 'paid', orderId: p.orderId, customerId: p.customerId, totalMinor: p.totalMinor, at: new Date(event.occurredAt) });
    }),
    ...consume(ORDER_FULFILLED, (ctx, event, runtime) => {
      const p = event.payload;
      return apply(ctx, runtime, { kind: 'fulfilled', orderId: p.orderId, customerId: p.customerId, at: new Date(p.fulfilledAt) });
    }),
    ...consume(ORDER_REFUNDED, (ctx, event, runtime) => {
      const p = event.payload;
      return apply(ctx, runtime, { kind: 'refunded', orderId: p.orderId, customerId: p.customerId, refundId: p.refundId, amountMinor: p.amountMinor, at: new Date(p.refundedAt) });
    }),
    ...consume(ORDER_CANCELLED, (ctx, event, runtime) => {
      const p = event.payload;
      return apply(ctx, runtime, { kind: 'cancelled', orderId: p.orderId, customerId: p.customerId, at: new Date(p.cancelledAt) });
    }),
  };
}
