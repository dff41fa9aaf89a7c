import { bodyMoney, bodyMoneyOrNull, bodyShopifyId, refundedCents } from '@loyalnest/kit';
import type { OrderFacts, RefundFacts } from './order.service.js';

/**
 * Shopify order and refund webhook bodies → the facts the stats and the order events need. Throws
 * on a body that lacks what the stats need, so the event is dead-lettered with a reason rather
 * than applied half-understood; what only the events carry (currency, subtotal, codes, statuses) is
 * read leniently, as null or empty when absent. Nothing personal is read: no email, names,
 * addresses or notes (their keyed hashes are `orderFingerprints`' business).
 */
export function orderFacts(body: Record<string, unknown>): OrderFacts {
  const customer = body.customer as { id?: unknown } | null | undefined;
  const updatedAt = date(body.updated_at ?? body.created_at, 'updated_at');
  const cancelled = body.cancelled_at != null;
  return {
    shopifyOrderId: bodyShopifyId(body.id, 'order id'),
    shopifyCustomerId: customer?.id == null ? null : bodyShopifyId(customer.id, 'customer id'),
    totalPrice: bodyMoney(body.total_price, 'total_price'),
    cancelled,
    // Shopify sets cancelled_at with the cancellation; the version's own date stands in should it be malformed.
    cancelledAt: cancelled ? (optionalDate(body.cancelled_at) ?? updatedAt) : null,
    processedAt: date(body.processed_at ?? body.created_at, 'processed_at'),
    updatedAt,
    currency: typeof body.currency === 'string' && /^[A-Z]{3}$/.test(body.currency) ? body.currency : null,
    subtotalPrice: bodyMoneyOrNull(body.subtotal_price),
    orderNumber: typeof body.order_number === 'number' && Number.isSafeInteger(body.order_number) && body.order_number > 0 ? body.order_number : null,
    discountCodes: discountCodes(body.discount_codes),
    financialStatus: status(body.financial_status),
    fulfillmentStatus: status(body.fulfillment_status),
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

/** One of Shopify's lower-case status words (`paid`, `fulfilled`, …); null when absent or anything else. */
function status(value: unknown): string | null {
  return typeof value === 'string' && /^[a-z_]{1,40}$/.test(value) ? value : null;
}

/** `discount_codes: [{ code, amount, type }]` → the codes, trimmed, each once, bounded like tags. */
function discountCodes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const codes = value.map((d) => (d as { code?: unknown } | null)?.code).filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  return [...new Set(codes.map((c) => c.trim().slice(0, 255)))].slice(0, 50);
}

function date(value: unknown, what: string): Date {
  const parsed = optionalDate(value);
  if (!parsed) throw new Error(`webhook body has no valid ${what}`);
  return parsed;
}

function optionalDate(value: unknown): Date | null {
  const parsed = typeof value === 'string' ? new Date(value) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
}
