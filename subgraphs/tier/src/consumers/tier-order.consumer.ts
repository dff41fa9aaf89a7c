import { consume, type EventHandler, type RequestContext } from '@loyalnest/kit';
import { ORDER_CANCELLED, ORDER_PAID, ORDER_RECORDED, ORDER_REFUNDED } from '@loyalnest/customer/topics';
import { milliOf, type OrderFact, type QualificationLedgerService } from '../services/qualification-ledger.service.js';
import type { TierMemberService } from '../services/tier-member.service.js';

/** `financial_status` values of an order whose money was taken: a version recorded already paid counts as paid before `order.paid` comes. */
const PAID_STATUSES = new Set(['paid', 'partially_refunded', 'refunded']);

/**
 * The customer domain's order facts: each folds into the order's ledger rows (orders count,
 * amount spent), then the customer is re-placed. The member's lock comes first, before any ledger
 * row, the one lock order of every writer.
 */
export function tierOrderConsumers(members: TierMemberService, ledger: QualificationLedgerService): Record<string, EventHandler> {
  const apply = async (ctx: RequestContext, fact: OrderFact) => {
    await members.lock(ctx, [fact.customerId]);
    await ledger.recordOrder(ctx, fact);
    await members.evaluate(ctx, fact.customerId, 'event');
  };
  return {
    ...consume(ORDER_RECORDED, (ctx, { payload: p }) =>
      apply(ctx, { kind: 'recorded', orderId: p.orderId, customerId: p.customerId, placedAt: new Date(p.placedAt), totalMilli: milliOf(p.totalMinor, p.currency), paid: PAID_STATUSES.has(p.financialStatus ?? '') }),
    ),
    ...consume(ORDER_PAID, (ctx, { payload: p }) =>
      apply(ctx, { kind: 'paid', orderId: p.orderId, customerId: p.customerId, placedAt: new Date(p.placedAt), totalMilli: milliOf(p.totalMinor, p.currency) }),
    ),
    ...consume(ORDER_REFUNDED, (ctx, { payload: p }) => apply(ctx, { kind: 'refunded', orderId: p.orderId, customerId: p.customerId, refundedMilli: milliOf(p.amountMinor, p.currency) })),
    ...consume(ORDER_CANCELLED, (ctx, { payload: p }) => apply(ctx, { kind: 'cancelled', orderId: p.orderId, customerId: p.customerId })),
  };
}
