import { consume, type DomainEvent, type EventHandler, type RequestContext } from '@loyalnest/kit';
import { ORDER_CANCELLED, ORDER_PAID, ORDER_RECORDED, ORDER_REFUNDED } from '@loyalnest/customer/topics';
import { milliOf, type OrderFact, type QualificationLedgerService } from '../services/qualification-ledger.service.js';
import type { TierBatchService } from '../services/tier-batch.service.js';

/** `financial_status` values of an order whose money was taken: a version recorded already paid counts as paid before `order.paid` comes. */
const PAID_STATUSES = new Set(['paid', 'partially_refunded', 'refunded']);

const ORDER_TOPICS = new Set([ORDER_RECORDED, ORDER_PAID, ORDER_REFUNDED, ORDER_CANCELLED].map((t) => t.name));

/** The customer whose ledger an order event writes (its batch locks them up front), or null for another topic. */
export function orderEventCustomer(event: DomainEvent): string | null {
  return ORDER_TOPICS.has(event.topic) && typeof event.payload.customerId === 'string' ? event.payload.customerId : null;
}

/**
 * The customer domain's order facts: each folds into the order's ledger rows (orders count,
 * amount spent), then the customer is re-placed (with the rest of its batch). The member's lock
 * comes first, before any ledger row, the one lock order of every writer.
 */
export function tierOrderConsumers(batches: TierBatchService, ledger: QualificationLedgerService): Record<string, EventHandler> {
  const apply = async (ctx: RequestContext, event: DomainEvent, prepared: unknown, fact: OrderFact) => {
    const batch = batches.batchOf(ctx, prepared);
    await batches.lockFor(ctx, batch, fact.customerId);
    await ledger.recordOrder(ctx, fact);
    await batches.placeAfter(ctx, batch, event, fact.customerId);
  };
  return {
    ...consume(ORDER_RECORDED, (ctx, event, _runtime, prepared) => {
      const p = event.payload;
      return apply(ctx, event, prepared, {
        kind: 'recorded',
        orderId: p.orderId,
        customerId: p.customerId,
        placedAt: new Date(p.placedAt),
        totalMilli: milliOf(p.totalMinor, p.currency),
        paid: PAID_STATUSES.has(p.financialStatus ?? ''),
      });
    }),
    ...consume(ORDER_PAID, (ctx, event, _runtime, prepared) => {
      const p = event.payload;
      return apply(ctx, event, prepared, { kind: 'paid', orderId: p.orderId, customerId: p.customerId, placedAt: new Date(p.placedAt), totalMilli: milliOf(p.totalMinor, p.currency) });
    }),
    ...consume(ORDER_REFUNDED, (ctx, event, _runtime, prepared) => {
      const p = event.payload;
      return apply(ctx, event, prepared, { kind: 'refunded', orderId: p.orderId, customerId: p.customerId, refundedMilli: milliOf(p.amountMinor, p.currency) });
    }),
    ...consume(ORDER_CANCELLED, (ctx, event, _runtime, prepared) => apply(ctx, event, prepared, { kind: 'cancelled', orderId: event.payload.orderId, customerId: event.payload.customerId })),
  };
}
