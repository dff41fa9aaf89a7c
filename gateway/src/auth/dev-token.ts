import { hmacKey } from '@loyalnest/kit';
import { decodeJwt, jwtVerify, SignJWT } from 'jose';

/** Issuer that marks a LoyalNest development token; such tokens are refused in production. */
export const DEV_TOKEN_ISSUER = 'loyalnest-dev';
export const DEV_ROLES = ['admin', 'shopper'] as const;
export type DevRole = (typeof DEV_ROLES)[number];

export interface DevTokenClaims {
  shop: string;
  role: DevRole;
  /** The customer a shopper token acts as. */
  customerId?: string;
}

export async function mintDevToken(secret: string, claims: DevTokenClaims, ttl = '12h'): Promise<string> {
  return new SignJWT({ shop: claims.shop, role: claims.role, ...(claims.customerId && { customer_id: claims.customerId }) })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(DEV_TOKEN_ISSUER)
    .setSubject(`dev-${claims.role}`)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(hmacKey(secret));
}

export async function verifyDevToken(token: string, secret: string): Promise<DevTokenClaims> {
  const { payload } = await jwtVerify(token, hmacKey(secret), { algorithms: ['HS256'], issuer: DEV_TOKEN_ISSUER, requiredClaims: ['exp'] });
  const role = payload.role as DevRole;
  if (!DEV_ROLES.includes(role) || typeof payload.shop !== 'string') throw new Error('dev token claims are malformed');
  if (role === 'shopper' && typeof payload.customer_id !== 'string') throw new Error('a shopper dev token needs a customer');
  return { shop: payload.shop, role, customerId: payload.customer_id as string | undefined };
}

/** Reads the issuer without verifying, only to pick which verification applies. */
export function isDevToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === DEV_TOKEN_ISSUER;
  } catch {
    return false;
  }
}
