import type { ShopifyConfig } from '@loyalnest/kit';
import { hmacKey, normalizeShopDomain } from '@loyalnest/kit';
import { jwtVerify } from 'jose';

/** Shopify allows for clocks that disagree a little; so do we. */
const CLOCK_SKEW_SECONDS = 10;

export interface SessionTokenClaims {
  shop: string;
  /** The Shopify staff user, when the token was issued for one. */
  userId: string;
}

/**
 * A Shopify App Bridge session token: HS256 signed with the app secret, `aud` = the app's API key,
 * the shop in `dest`, `iss` the same shop's admin. Throws when any of that does not hold.
 */
export async function verifySessionToken(token: string, shopify: ShopifyConfig): Promise<SessionTokenClaims> {
  const { payload } = await jwtVerify(token, hmacKey(shopify.apiSecret), {
    algorithms: ['HS256'],
    audience: shopify.apiKey,
    clockTolerance: CLOCK_SKEW_SECONDS,
    requiredClaims: ['exp', 'nbf', 'dest', 'iss'],
  });
  const shop = normalizeShopDomain(String(payload.dest));
  if (!shop) throw new Error('dest is not a shop domain');
  if (normalizeShopDomain(String(payload.iss)) !== shop) throw new Error('iss and dest name different shops');
  return { shop, userId: String(payload.sub ?? 'unknown') };
}
