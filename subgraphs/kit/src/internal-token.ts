import { jwtVerify } from 'jose';
import { createHmac, createSecretKey, type KeyObject, type webcrypto } from 'node:crypto';
import { ACTOR_KINDS, correlationIdOf, type Caller } from './context.js';

/** Header that carries the gateway's signed context to a networked subgraph. */
export const INTERNAL_TOKEN_HEADER = 'x-loyalnest-internal-token';

const ISSUER = 'loyalnest-gateway';
const AUDIENCE = 'loyalnest-subgraph';
/** Long enough for one request's fetches, short enough that a leaked token is soon useless. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;

interface HmacKeys {
  keyObject: KeyObject;
  cryptoKey: webcrypto.CryptoKey;
}

/**
 * HMAC-SHA256 keys by secret, imported once per process. jose imports a raw secret (a `Uint8Array`,
 * and a secret `KeyObject` too, which it exports back to bytes) into WebCrypto again on every sign
 * and verify; a `CryptoKey` it uses as is. A process holds a handful of secrets (internal, dev,
 * shopper, Shopify app), so the map stays small.
 */
const keys = new Map<string, HmacKeys>();

function keysFor(secret: string): HmacKeys {
  let entry = keys.get(secret);
  if (!entry) {
    const keyObject = createSecretKey(Buffer.from(secret, 'utf8'));
    entry = { keyObject, cryptoKey: keyObject.toCryptoKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']) };
    keys.set(secret, entry);
  }
  return entry;
}

/** The HS256 key jose signs and verifies with, for `secret`. */
export function hmacKey(secret: string): webcrypto.CryptoKey {
  return keysFor(secret).cryptoKey;
}

/** base64url of `{"alg":"HS256"}`: the only header an internal token has. */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

/**
 * An HS256 JWT carrying the caller, signed with node:crypto's HMAC directly: WebCrypto's `sign`, which
 * jose uses, runs each HMAC as an async job and was the largest single item of the networked gateway's
 * CPU profile. Subgraphs verify it with jose (`verifyInternalToken`); only the signing side is plain.
 */
export function signInternalToken(secret: string, caller: Caller, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = Buffer.from(JSON.stringify({ ctx: caller, iss: ISSUER, aud: AUDIENCE, iat, exp: iat + INTERNAL_TOKEN_TTL_SECONDS })).toString('base64url');
  const signingInput = `${HEADER}.${payload}`;
  return `${signingInput}.${createHmac('sha256', keysFor(secret).keyObject).update(signingInput).digest('base64url')}`;
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
