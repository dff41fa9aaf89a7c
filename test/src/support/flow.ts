import { signWebhook } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import type { FakeFlowTrigger, FakeShopify } from './fake-shopify.js';

/** The body Flow posts to an action's runtime URL. */
export interface FlowActionBody {
  shop_id: string;
  shopify_domain: string;
  action_run_id: string;
  action_definition_id: string;
  handle: string;
  properties: Record<string, unknown>;
}

/** A Flow action run for `shop`, as Flow sends it: the customer reference and the action's fields. */
export function flowAction(shop: string, handle: string, properties: Record<string, unknown>, runId: string = randomUUID()): FlowActionBody {
  return { shop_id: '1', shopify_domain: shop, action_run_id: runId, action_definition_id: handle, handle, properties };
}

/**
 * Posts `body` to `origin`/flow/actions/`handle` signed the way Flow signs it (base64 HMAC-SHA256
 * of the raw body with the app secret), or with the `hmac` given (null sends none).
 */
export async function postFlowAction(
  origin: string,
  secret: string,
  handle: string,
  body: FlowActionBody | string,
  options: { hmac?: string | null } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const hmac = options.hmac === undefined ? signWebhook(raw, secret) : options.hmac;
  const response = await fetch(`${origin}/flow/actions/${handle}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(hmac !== null && { 'x-shopify-hmac-sha256': hmac }) },
    body: raw,
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The Flow triggers `shop` received for one customer, in the order received. */
export function triggersFor(fake: FakeShopify, shop: string, shopifyCustomerId: string): FakeFlowTrigger[] {
  return fake.flowTriggers(shop).filter((t) => (t.payload as { customer_id?: unknown }).customer_id === Number(shopifyCustomerId));
}
