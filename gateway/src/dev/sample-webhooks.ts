import { DEMO_MERCHANT, signWebhook } from '@loyalnest/kit';
import { randomInt, randomUUID } from 'node:crypto';

/** Ada, a seeded demo customer, by her Shopify id: the sample order is hers. */
export const SAMPLE_CUSTOMER_SHOPIFY_ID = '7001';

/** Where the samples go and how they are signed: the running supergraph and its `SHOPIFY_API_SECRET`. */
export interface SampleTarget {
  /** The gateway's origin, e.g. `http://localhost:4000`. */
  origin: string;
  apiSecret: string;
}

/**
 * Posts one delivery the way Shopify does: the raw JSON body signed with the app secret (base64
 * HMAC-SHA256), the shop, topic and a fresh event id in headers. Throws unless it is accepted.
 */
export async function sendSampleWebhook(target: SampleTarget, topic: string, body: Record<string, unknown>): Promise<void> {
  const raw = JSON.stringify(body);
  const response = await fetch(`${target.origin}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': signWebhook(raw, target.apiSecret),
      'x-shopify-shop-domain': DEMO_MERCHANT.shopDomain,
      'x-shopify-topic': topic,
      'x-shopify-event-id': randomUUID(),
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-triggered-at': new Date().toISOString(),
    },
    body: raw,
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${topic} was refused with HTTP ${response.status}`);
}

/**
 * An `orders/paid` for the sample customer, `cents` in the demo shop's currency. The order id is
 * new each time, so every run earns points again (a repeated id would be a duplicate delivery).
 */
export async function sendSampleOrder(target: SampleTarget, cents: number): Promise<string> {
  const orderId = String(randomInt(1, 2 ** 47));
  const now = new Date().toISOString();
  await sendSampleWebhook(target, 'orders/paid', {
    id: Number(orderId),
    currency: 'USD',
    total_price: (cents / 100).toFixed(2),
    processed_at: now,
    created_at: now,
    updated_at: now,
    cancelled_at: null,
    financial_status: 'paid',
    customer: { id: Number(SAMPLE_CUSTOMER_SHOPIFY_ID) },
  });
  return orderId;
}

/** A `refunds/create` giving back `cents` of order `orderId`. */
export async function sendSampleRefund(target: SampleTarget, orderId: string, cents: number): Promise<void> {
  await sendSampleWebhook(target, 'refunds/create', {
    id: randomInt(1, 2 ** 47),
    order_id: Number(orderId),
    created_at: new Date().toISOString(),
    transactions: [{ kind: 'refund', status: 'success', amount: (cents / 100).toFixed(2) }],
  });
}
