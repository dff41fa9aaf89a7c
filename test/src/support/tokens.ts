import { ADMIN_SCOPES, signInternalToken, type Caller } from '@loyalnest/kit';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { GatewayConfig } from '../../../gateway/src/config.js';

/** Seconds since the epoch, the unit of JWT time claims. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export interface SessionTokenOverrides {
  /** Signs with this instead of the app secret. */
  secret?: string;
  aud?: string;
  iss?: string;
  dest?: string;
  sub?: string;
  /** Epoch seconds; `null` leaves the claim out. */
  exp?: number | null;
  nbf?: number | null;
  iat?: number;
}

/**
 * A Shopify App Bridge session token as Shopify issues it: HS256 with the app secret, `aud` the
 * app's API key, the shop's admin in `iss` and the shop in `dest`, valid for a minute.
 */
export async function sessionToken(config: GatewayConfig, shop: string, overrides: SessionTokenOverrides = {}): Promise<string> {
  const now = nowSeconds();
  const claims: Record<string, unknown> = {
    iss: overrides.iss ?? `https://${shop}/admin`,
    dest: overrides.dest ?? `https://${shop}`,
    aud: overrides.aud ?? config.kit.shopify.apiKey,
    sub: overrides.sub ?? '42',
    iat: overrides.iat ?? now,
    jti: randomUUID(),
    sid: randomUUID(),
  };
  const exp = overrides.exp === undefined ? now + 60 : overrides.exp;
  const nbf = overrides.nbf === undefined ? now - 5 : overrides.nbf;
  if (exp !== null) claims.exp = exp;
  if (nbf !== null) claims.nbf = nbf;
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(overrides.secret ?? config.kit.shopify.apiSecret));
}

/** A merchant admin's caller, as the gateway would build it. */
export function adminCaller(merchantId: string, scopes: string[] = ADMIN_SCOPES): Caller {
  return { merchantId, actor: { kind: 'admin', id: 'test-admin' }, scopes, requestId: randomUUID() };
}

/** A valid gateway → subgraph token for `caller`, exactly as the gateway signs it. */
export function validInternalToken(secret: string, caller: Caller): string {
  return signInternalToken(secret, caller);
}

export interface InternalTokenOverrides {
  issuer?: string;
  audience?: string;
  /** Epoch seconds. */
  exp?: number;
  iat?: number;
}

/** An internal token with the kit's claims, signed by hand so tests can break one property at a time. */
export async function craftedInternalToken(secret: string, caller: Caller, overrides: InternalTokenOverrides = {}): Promise<string> {
  const now = nowSeconds();
  return new SignJWT({ ctx: caller })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(overrides.issuer ?? 'loyalnest-gateway')
    .setAudience(overrides.audience ?? 'loyalnest-subgraph')
    .setIssuedAt(overrides.iat ?? now)
    .setExpirationTime(overrides.exp ?? now + 60)
    .sign(new TextEncoder().encode(secret));
}

/** A JWT with `alg: none`, which no verifier may accept. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
