import type { OrderFacts, RefundFacts } from './order.service.js';

/**
 * Shopify order and refund webhook bodies → the facts the stats need. Throws on a body that
 * lacks them, so the event is dead-lettered with a reason rather than applied half-understood.
 */
export function orderFacts(body: Record<string, unknown>): OrderFacts {
  const customer = body.customer as { id?: unknown } | null | undefined;
  return {
    shopifyOrderId: shopifyId(body.id, 'order id'),
    shopifyCustomerId: customer?.id == null ? null : shopifyId(customer.id, 'customer id'),
    totalPrice: money(body.total_price, 'total_price'),
    cancelled: body.cancelled_at != null,
    processedAt: date(body.processed_at ?? body.created_at, 'processed_at'),
    updatedAt: date(body.updated_at ?? body.created_at, 'updated_at'),
  };
}

/** A refund's amount is what its successful refund transactions returned. */
export function refundFacts(body: Record<string, unknown>): RefundFacts {
  const transactions = Array.isArray(body.transactions) ? (body.transactions as { kind?: string; status?: string; amount?: unknown }[]) : [];
  const cents = transactions
    .filter((t) => t.kind === 'refund' && t.status === 'success')
    .reduce((sum, t) => sum + Math.round(Number(money(t.amount, 'transactions.amount')) * 100), 0);
  return {
    shopifyRefundId: shopifyId(body.id, 'refund id'),
    shopifyOrderId: shopifyId(body.order_id, 'order_id'),
    amount: (cents / 100).toFixed(2),
    createdAt: date(body.created_at, 'created_at'),
  };
}

export function shopifyId(value: unknown, what: string): string {
  const id = typeof value === 'number' ? BigInt(value).toString() : String(value ?? '');
  if (!/^[1-9][0-9]{0,18}$/.test(id)) throw new Error(`webhook body has no valid ${what}`);
  return id;
}

function money(value: unknown, what: string): string {
  const amount = String(value ?? '');
  if (!/^-?[0-9]+(\.[0-9]{1,2})?$/.test(amount)) throw new Error(`webhook body has no valid ${what}`);
  return amount;
}

function date(value: unknown, what: string): Date {
  const parsed = typeof value === 'string' ? new Date(value) : null;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new Error(`webhook body has no valid ${what}`);
  return parsed;
}
