import { createHmac, timingSafeEqual, type KeyObject } from 'node:crypto';
import { normalizeShopDomain } from './shopify.js';

/**
 * Shopify's app proxy signature: hex HMAC-SHA256 (app secret) of every query parameter but
 * `signature`, sorted by name, each as `name=value` (a repeated parameter's values joined with
 * `,`), concatenated with no separator. Unlike the OAuth `hmac`, whose pairs are joined with `&`.
 */
export function appProxySignature(params: URLSearchParams, secret: string | KeyObject): string {
  const message = [...new Set(params.keys())]
    .filter((name) => name !== 'signature')
    .sort()
    .map((name) => `${name}=${params.getAll(name).join(',')}`)
    .join('');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * Parameters whose first value the proxy routes trust. Shopify appends its own `shop`,
 * `logged_in_customer_id`, `path_prefix`, `timestamp` and `signature` to whatever the visitor put
 * in the proxied URL, and signs them all, so a visitor who adds `shop=other&logged_in_customer_id=…`
 * gets a correctly signed request with two of each. Shopify's own library refuses such requests;
 * so do LoyalNest's proxy routes, whatever the signature says.
 */
const SINGLE_PARAMETERS = ['shop', 'timestamp', 'signature', 'path_prefix', 'logged_in_customer_id'];

export type AppProxyRefusal = { status: number; error: string };

/**
 * What every app proxy route checks before anything else: no Shopify parameter twice (400), a
 * signature that matches (401), a fresh timestamp (401) and a well-formed shop domain (403). The
 * shop's installation is the caller's to check (it needs the merchant directory). A route on a hot
 * path passes the secret as a `KeyObject` made once (`createSecretKey`), not re-made per request.
 */
export function checkAppProxyRequest(params: URLSearchParams, secret: string | KeyObject, maxAgeSeconds: number, now = Date.now()): AppProxyRefusal | { shop: string } {
  const repeated = SINGLE_PARAMETERS.find((name) => params.getAll(name).length > 1);
  if (repeated) return { status: 400, error: `The app proxy request names "${repeated}" more than once` };
  if (!params.get('signature')) return { status: 401, error: 'The request is not signed by Shopify (no signature)' };
  const given = Buffer.from(params.get('signature') ?? '', 'utf8');
  const expected = Buffer.from(appProxySignature(params, secret), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: 401, error: 'The app proxy signature does not match' };
  const timestamp = Number(params.get('timestamp'));
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > maxAgeSeconds) {
    return { status: 401, error: 'The app proxy request is stale (timestamp too old or in the future)' };
  }
  const shop = normalizeShopDomain(params.get('shop'));
  if (!shop) return { status: 403, error: 'The shop does not have the app installed' };
  return { shop };
}
