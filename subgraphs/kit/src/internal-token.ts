import { jwtVerify, SignJWT } from 'jose';
import { ACTOR_KINDS, correlationIdOf, type Caller } from './context.js';

/** Header that carries the gateway's signed context to a networked subgraph. */
export const INTERNAL_TOKEN_HEADER = 'x-loyalnest-internal-token';

const ISSUER = 'loyalnest-gateway';
const AUDIENCE = 'loyalnest-subgraph';
/** Long enough for one request's fetches, short enough that a leaked token is soon useless. */
const TTL_SECONDS = 60;

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signInternalToken(secret: string, caller: Caller): Promise<string> {
  return new SignJWT({ ctx: caller })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key(secret));
}

/** Returns the caller the gateway vouched for, or throws when the token is missing, forged or expired. */
export async function verifyInternalToken(secret: string, token: string): Promise<Caller> {
  const { payload } = await jwtVerify(token, key(secret), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
  const ctx = payload.ctx as Caller | undefined;
  if (!ctx || !ACTOR_KINDS.includes(ctx.actor?.kind) || !Array.isArray(ctx.scopes) || typeof ctx.requestId !== 'string') {
    throw new Error('internal token carries no valid context');
  }
  return { ...ctx, correlationId: correlationIdOf(ctx.correlationId) };
}
