import { hmacKey } from '@loyalnest/kit';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { ShopperTokenConfig } from '../config.js';

/** Issuer of shopper tokens: the gateway itself, after it verified an app proxy request. */
export const SHOPPER_TOKEN_ISSUER = 'loyalnest-shopper';
const AUDIENCE = 'loyalnest-widget';

/**
 * The subject of a guest's token: a visitor nobody is logged in as, or a customer the program does
 * not know yet. Customer ids are UUIDs, so no customer's subject is ever this.
 */
export const GUEST_SUBJECT = 'guest';

export interface ShopperTokenClaims {
  shop: string;
  /** The LoyalNest customer the shopper is; null for a guest, who reads only what every caller of the merchant reads. */
  customerId: string | null;
}

/** A verified token's claims, with the id the gateway gave this one token (its `jti`). */
export interface VerifiedShopperClaims extends ShopperTokenClaims {
  /**
   * Unique per issued token. Every guest has the same subject; a session id is what marks a caller
   * as a guest, whose rate limits are then keyed by client IP (a session is free to mint, an IP is not).
   */
  sessionId: string;
}

export interface IssuedShopperToken {
  token: string;
  expiresAt: Date;
}

export async function mintShopperToken(config: ShopperTokenConfig, claims: ShopperTokenClaims, now = Date.now()): Promise<IssuedShopperToken> {
  const issuedAt = Math.floor(now / 1000);
  const expiresAt = issuedAt + config.ttlSeconds;
  const token = await new SignJWT({ shop: claims.shop })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(SHOPPER_TOKEN_ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.customerId ?? GUEST_SUBJECT)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(hmacKey(config.secret));
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

export async function verifyShopperToken(token: string, config: ShopperTokenConfig): Promise<VerifiedShopperClaims> {
  const { payload } = await jwtVerify(token, hmacKey(config.secret), {
    algorithms: ['HS256'],
    issuer: SHOPPER_TOKEN_ISSUER,
    audience: AUDIENCE,
    // A token issued before tokens carried `jti` is refused; the widget then asks for a new session.
    requiredClaims: ['exp', 'sub', 'jti'],
  });
  if (typeof payload.shop !== 'string') throw new Error('shopper token claims are malformed');
  return { shop: payload.shop, customerId: payload.sub === GUEST_SUBJECT ? null : payload.sub!, sessionId: payload.jti! };
}

/** Reads the issuer without verifying, only to pick which verification applies. */
export function isShopperToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === SHOPPER_TOKEN_ISSUER;
  } catch {
    return false;
  }
}
