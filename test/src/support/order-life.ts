import { shopifyId } from './tenants.js';

/**
 * Shopify order and refund bodies for the order-event tests: one order's whole life, with every
 * kind of personal data a real body carries beside the facts, so a test can check none leaks.
 */

/** Personal data the webhook bodies carry, which no order event may: checked in every payload. */
export const PII = ['buyer-pii@example.com', 'Ottilie', 'Quarrington', '12 Rue des Lilas', '+33 6 12 34 56 78', 'leave it at the door'];

export const RECORDED_KEYS = ['currency', 'customerId', 'discountCodes', 'financialStatus', 'fingerprints', 'orderId', 'orderNumber', 'placedAt', 'subtotalMinor', 'totalMinor'];
export const REFUNDED_KEYS = ['amountMinor', 'currency', 'customerId', 'orderId', 'refundId', 'refundedAt'];
export const CANCELLED_KEYS = ['cancelledAt', 'customerId', 'orderId'];
export const PAID_KEYS = ['currency', 'customerId', 'orderId', 'placedAt', 'totalMinor'];

export interface Webhook {
  topic: string;
  body: Record<string, unknown>;
}

/** One version of an order as Shopify sends it: 100.00 goods − 10.00 code, 5.00 shipping, 19.00 tax = 114.00; every kind of PII beside it. */
export function order(id: string, customer: string, version: { minute: number; status: string; cancelled?: boolean; fulfillment?: string }): Record<string, unknown> {
  return {
    id: Number(id),
    order_number: 1000 + (Number(id) % 1000),
    name: `#${1000 + (Number(id) % 1000)}`,
    currency: 'EUR',
    total_price: '114.00',
    subtotal_price: '90.00',
    total_line_items_price: '100.00',
    total_discounts: '10.00',
    discount_codes: [{ code: 'WELCOME10', amount: '10.00', type: 'fixed_amount' }],
    total_shipping_price_set: { shop_money: { amount: '5.00', currency_code: 'EUR' } },
    total_tax: '19.00',
    taxes_included: false,
    financial_status: version.status,
    fulfillment_status: version.fulfillment ?? null,
    processed_at: '2026-11-20T10:00:00Z',
    created_at: '2026-11-20T10:00:00Z',
    updated_at: new Date(Date.UTC(2026, 10, 20, 10, version.minute)).toISOString(),
    cancelled_at: version.cancelled ? '2026-11-21T09:30:00Z' : null,
    email: 'buyer-pii@example.com',
    phone: '+33 6 12 34 56 78',
    note: 'leave it at the door',
    customer: { id: Number(customer), email: 'buyer-pii@example.com', first_name: 'Ottilie', last_name: 'Quarrington' },
    shipping_address: { first_name: 'Ottilie', last_name: 'Quarrington', address1: '12 Rue des Lilas', city: 'Lyon', phone: '+33 6 12 34 56 78' },
  };
}

export function refund(id: string, orderId: string, amount: string, day: number): Record<string, unknown> {
  return { id: Number(id), order_id: Number(orderId), created_at: `2026-11-${day}T10:00:00Z`, note: 'leave it at the door', transactions: [{ kind: 'refund', status: 'success', amount }] };
}

/** The life of one order: created, paid, updated, two refunds, cancelled. Named so orderings can be written by name. */
export function orderLife(orderId: string, customer: string) {
  const refundIds = [shopifyId(), shopifyId()];
  const webhooks: Record<string, Webhook> = {
    create: { topic: 'orders/create', body: order(orderId, customer, { minute: 0, status: 'pending' }) },
    paid: { topic: 'orders/paid', body: order(orderId, customer, { minute: 1, status: 'paid' }) },
    updated: { topic: 'orders/updated', body: order(orderId, customer, { minute: 2, status: 'paid' }) },
    refund1: { topic: 'refunds/create', body: refund(refundIds[0], orderId, '10.00', 22) },
    refund2: { topic: 'refunds/create', body: refund(refundIds[1], orderId, '5.25', 23) },
    cancel: { topic: 'orders/cancelled', body: order(orderId, customer, { minute: 30, status: 'refunded', cancelled: true }) },
  };
  return { webhooks, refundIds };
}

/** A deterministic shuffle (mulberry32), so a failing ordering can be run again. */
export function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
