import { jwtVerify, SignJWT } from 'jose';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ACTOR_KINDS, correlationIdOf, type Caller } from './context.js';

/** Header that carries the gateway's signed context to a networked subgraph. */
export const INTERNAL_TOKEN_HEADER = 'x-loyalnest-internal-token';

const ISSUER = 'loyalnest-gateway';
const AUDIENCE = 'loyalnest-subgraph';
/** Long enough for one request's fetches, short enough that a leaked token is soon useless. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

/**
 * HMAC keys by secret. jose imports a raw `Uint8Array` secret into WebCrypto again on every sign and
 * verify; a `KeyObject` it converts once and remembers, so each secret is imported once per process.
 * A process holds a handful of secrets (internal, dev, shopper, Shopify app), so the map stays small.
 */
const hmacKeys = new Map<string, KeyObject>();

export function hmacKey(secret: string): KeyObject {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    hmacKeys.set(secret, key);
  }
  return key;
}

export async function signInternalToken(secret: string, caller: Caller): Promise<string> {
  return new SignJWT({ ctx: caller })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
    .sign(hmacKey(secret));
}

/** Returns the caller the gateway vouched for, or throws when the token is missing, forged or expired. */
export async function verifyInternalToken(secret: string, token: string): Promise<Caller> {
  const { payload } = await jwtVerify(token, hmacKey(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
  const ctx = payload.ctx as Caller | undefined;
  if (!ctx || !ACTOR_KINDS.includes(ctx.actor?.kind) || !Array.isArray(ctx.scopes) || typeof ctx.requestId !== 'string') {
    throw new Error('internal token carries no valid context');
  }
  return { ...ctx, correlationId: correlationIdOf(ctx.correlationId) };
}
