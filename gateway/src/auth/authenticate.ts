import { API_KEY_PREFIX } from '@loyalnest/merchant';
import { ADMIN_SCOPES, normalizeShopDomain, SHOPPER_SCOPES, unauthenticated, type Caller, type ShopifyConfig } from '@loyalnest/kit';
import { decodeJwt } from 'jose';
import { randomUUID } from 'node:crypto';
import type { ShopperTokenConfig } from '../config.js';
import type { CallerDirectory, CallerIdentity } from './caller-directory.js';
import { isDevToken, verifyDevToken } from './dev-token.js';
import { verifySessionToken } from './session-token.js';
import { GUEST_SUBJECT, isShopperToken, verifyShopperToken } from './shopper-token.js';
import { VerifiedTokens, type VerifiedJwt } from './verified-tokens.js';

export interface AuthenticatorOptions {
  shopify: ShopifyConfig;
  devTokenSecret: string;
  /** Dev tokens are accepted only in development (`LOYALNEST_DEV=1`). */
  development: boolean;
  shopperToken: ShopperTokenConfig;
  directory: CallerDirectory;
}

/** A verified credential's caller, and when the credential stops being valid (null: until revoked). */
export interface Authenticated {
  caller: Caller;
  expiresAt: Date | null;
}

/**
 * Turns an `Authorization` header into the request's caller: a Shopify session token (merchant
 * admin), a shopper token the gateway issued through the app proxy (a customer's, or a guest's), a partner API key, or a
 * development token. Nothing a client sends besides that header
 * shapes the caller; every failure is UNAUTHENTICATED with a reason, never a detail of the check.
 */
export class Authenticator {
  private readonly verified = new VerifiedTokens();

  constructor(private readonly options: AuthenticatorOptions) {}

  async authenticate(authorization: string | undefined, requestId: string = randomUUID()): Promise<Caller> {
    return (await this.authenticateWithExpiry(authorization, requestId)).caller;
  }

  /** For long-lived connections (WebSocket), which must end when their credential does. */
  async authenticateWithExpiry(authorization: string | undefined, requestId: string = randomUUID()): Promise<Authenticated> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) {
      throw unauthenticated('Send "Authorization: Bearer <token>" with a Shopify session token, a shopper token, an API key or a dev token');
    }
    const token = match[1];
    // Partner API keys carry a prefix; anything else after "Bearer" is a JWT.
    if (token.startsWith(API_KEY_PREFIX)) return this.fromApiKey(token, requestId);
    let verified = this.verified.get(token);
    if (!verified) {
      verified = await this.verifyJwt(token);
      this.verified.set(token, verified);
    }
    const merchant = await this.installedShop(verified.shop);
    const { actor, customerId, sessionId, scopes } = verified;
    // Copies: the cached entry outlives this request, and a caller object is this request's own.
    return {
      caller: {
        merchantId: merchant.merchantId,
        actor: { ...actor },
        ...(customerId !== undefined && { customerId }),
        ...(sessionId !== undefined && { sessionId }),
        scopes: [...scopes],
        requestId,
      },
      expiresAt: new Date(verified.expiresAt),
    };
  }

  /** The merchant subgraph finds neither revoked nor expired keys; all three read alike to the caller. */
  private async fromApiKey(secret: string, requestId: string): Promise<Authenticated> {
    const identity = await this.options.directory.byApiKey(secret);
    if (!identity || identity.status !== 'INSTALLED') throw unauthenticated('Invalid, revoked or expired API key');
    return {
      caller: { merchantId: identity.merchantId, actor: { kind: 'partner', id: identity.apiKeyId! }, scopes: identity.scopes, requestId },
      expiresAt: identity.expiresAt === null ? null : new Date(identity.expiresAt),
    };
  }

  /** Signature and claims; every kind of caller JWT requires `exp`, so each verified token has an end. */
  private async verifyJwt(token: string): Promise<VerifiedJwt> {
    const claims = isDevToken(token) ? await this.fromDevToken(token) : isShopperToken(token) ? await this.fromShopperToken(token) : await this.fromSessionToken(token);
    // Verified above: reading `exp` without checking again is safe.
    return { ...claims, expiresAt: decodeJwt(token).exp! * 1000 };
  }

  private async fromSessionToken(token: string): Promise<Omit<VerifiedJwt, 'expiresAt'>> {
    let claims;
    try {
      claims = await verifySessionToken(token, this.options.shopify);
    } catch (error) {
      throw unauthenticated(`Invalid session token: ${describeJwtFailure(error)}`);
    }
    return { shop: claims.shop, actor: { kind: 'admin', id: claims.userId }, scopes: ADMIN_SCOPES };
  }

  private async fromShopperToken(token: string): Promise<Omit<VerifiedJwt, 'expiresAt'>> {
    let claims;
    try {
      claims = await verifyShopperToken(token, this.options.shopperToken);
    } catch (error) {
      throw unauthenticated(`Invalid shopper token: ${describeJwtFailure(error)}`);
    }
    // A guest holds no scope: every read that needs one, or a customer of its own, is refused to it,
    // and what is left is what every caller of the merchant reads (earning rules, rewards, tiers, the referral offer).
    if (claims.customerId === null) return { shop: claims.shop, actor: { kind: 'shopper', id: GUEST_SUBJECT }, sessionId: claims.sessionId, scopes: [] };
    return { shop: claims.shop, actor: { kind: 'shopper', id: claims.customerId }, customerId: claims.customerId, scopes: SHOPPER_SCOPES };
  }

  private async fromDevToken(token: string): Promise<Omit<VerifiedJwt, 'expiresAt'>> {
    if (!this.options.development) throw unauthenticated('Dev tokens are refused outside development');
    let claims;
    try {
      claims = await verifyDevToken(token, this.options.devTokenSecret);
    } catch (error) {
      throw unauthenticated(`Invalid dev token: ${describeJwtFailure(error)}`);
    }
    if (claims.role === 'shopper') {
      return { shop: claims.shop, actor: { kind: 'shopper', id: claims.customerId! }, customerId: claims.customerId, scopes: SHOPPER_SCOPES };
    }
    return { shop: claims.shop, actor: { kind: 'admin', id: 'dev' }, scopes: ADMIN_SCOPES };
  }

  private async installedShop(shop: string): Promise<CallerIdentity> {
    const domain = normalizeShopDomain(shop);
    const identity = domain ? await this.options.directory.byShop(domain) : null;
    if (!identity || identity.status !== 'INSTALLED') throw unauthenticated(`Unknown shop or app not installed: ${shop}`);
    return identity;
  }
}

/** jose's error codes, in words a client can act on. */
function describeJwtFailure(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'bad signature';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `claim check failed (${(error as { claim?: string }).claim ?? 'claim'})`;
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'malformed token';
    default:
      return (error as Error).message;
  }
}
