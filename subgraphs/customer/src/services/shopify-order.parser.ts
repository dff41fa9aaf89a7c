import { bodyMoney, bodyShopifyId, refundedCents } from '@loyalnest/kit';
import type { OrderFacts, RefundFacts } from './order.service.js';

/**
 * Shopify order and refund webhook bodies → the facts the stats need. Throws on a body that
 * lacks them, so the event is dead-lettered with a reason rather than applied half-understood.
 */
export function orderFacts(body: Record<string, unknown>): OrderFacts {
  const customer = body.customer as { id?: unknown } | null | undefined;
  return {
    shopifyOrderId: bodyShopifyId(body.id, 'order id'),
    shopifyCustomerId: customer?.id == null ? null : bodyShopifyId(customer.id, 'customer id'),
    totalPrice: bodyMoney(body.total_price, 'total_price'),
    cancelled: body.cancelled_at != null,
    processedAt: date(body.processed_at ?? body.created_at, 'processed_at'),
    updatedAt: date(body.updated_at ?? body.created_at, 'updated_at'),
  };
}

/** A refund's amount is what its successful refund transactions returned. */
export function refundFacts(body: Record<string, unknown>): RefundFacts {
  return {
    shopifyRefundId: bodyShopifyId(body.id, 'refund id'),
    shopifyOrderId: bodyShopifyId(body.order_id, 'order_id'),
    amount: (refundedCents(body) / 100).toFixed(2),
    createdAt: date(body.created_at, 'created_at'),
  };
}

function date(value: unknown, what: string): Date {
  const parsed = typeof value === 'string' ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new Error(`webhook body has no valid ${what}`);
  return parsed;
}
