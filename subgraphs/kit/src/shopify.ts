import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ShopifyConfig } from './config.js';

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/** Shop domains are case-insensitive; we store and compare them lower-cased. Null when not a shop domain. */
export function normalizeShopDomain(input: string | undefined | null): string | null {
  if (!input) return null;
  const shop = input.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return SHOP_DOMAIN.test(shop) ? shop : null;
}

/** Base URL of a shop's Admin API, from the configurable template. */
export function shopifyBaseUrl(config: ShopifyConfig, shop: string): string {
  return config.baseUrl.replace('{shop}', shop).replace(/\/$/, '');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Shopify's OAuth / admin-link HMAC: hex HMAC-SHA256 over the query parameters other than
 * `hmac` (and the legacy `signature`), sorted by name, joined as `k=v` with `&`.
 */
export function verifyQueryHmac(query: Record<string, unknown>, secret: string): boolean {
  const hmac = query.hmac;
  if (typeof hmac !== 'string' || !hmac) return false;
  const message = Object.keys(query)
    .filter((k) => k !== 'hmac' && k !== 'signature')
    .sort()
    .map((k) => `${k}=${Array.isArray(query[k]) ? (query[k] as string[]).join(',') : String(query[k])}`)
    .join('&');
  return safeEqual(createHmac('sha256', secret).update(message).digest('hex'), hmac.toLowerCase());
}

/** For tests and tools that act as Shopify: signs a query the way Shopify does. */
export function signQuery(query: Record<string, string>, secret: string): string {
  const message = Object.keys(query).sort().map((k) => `${k}=${query[k]}`).join('&');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** Shopify's webhook signature: base64 HMAC-SHA256 of the raw request body with the app secret. */
export function verifyWebhookHmac(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  return safeEqual(createHmac('sha256', secret).update(rawBody).digest('base64'), header.trim());
}

/** For tests and tools that act as Shopify: signs a webhook body the way Shopify does. */
export function signWebhook(rawBody: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}
