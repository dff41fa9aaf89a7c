import { badInput, inRequestTransaction, isUuid, LIVE_TOPICS, type ApiKeyRevokedMessage, type RequestContext } from '@loyalnest/kit';
import { createHash, randomBytes } from 'node:crypto';
import { ApiKeyEntity, type ApiKey } from '../entities/api-key.entity.js';
import { API_KEY_MAX_LIFETIME_DAYS, type CreateApiKeyInput } from '../graphql/create-api-key.input.js';
import { ApiKeyNotFoundError } from '../graphql/merchant.error.js';
import type { WebhookSubscriptionService } from './webhook-subscription.service.js';

/** Every partner key starts with this, so the gateway can tell keys from JWTs at a glance. */
export const API_KEY_PREFIX = 'lnk_';

export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface ApiKeyIdentity {
  keyId: string;
  merchantId: string;
  scopes: string[];
  merchantStatus: string;
  expiresAt: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function checkExpiry(expiresAt: Date | null | undefined, now = Date.now()): Date | null {
  if (expiresAt == null) return null;
  if (expiresAt.getTime() <= now) throw badInput('expiresAt', 'must be in the future');
  if (expiresAt.getTime() > now + API_KEY_MAX_LIFETIME_DAYS * DAY_MS) throw badInput('expiresAt', `must be at most ${API_KEY_MAX_LIFETIME_DAYS} days from now`);
  return expiresAt;
}

export class ApiKeyService {
  constructor(private readonly webhookSubscriptions: WebhookSubscriptionService) {}

  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'must not be blank');
    const expiresAt = checkExpiry(input.expiresAt);
    const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const apiKey = ctx.em.create(ApiKeyEntity, {
      merchantId: ctx.merchantId!,
      name,
      prefix: secret.slice(0, 12),
      secretHash: hashApiKey(secret),
      scopes: input.scopes,
      createdBy: `${ctx.actor.kind}:${ctx.actor.id}`,
      revokedAt: null,
      expiresAt,
    });
    ctx.emit('api_key.created', { apiKeyId: apiKey.id, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null });
    await ctx.em.flush();
    return { apiKey, secret };
  }

  async list(ctx: RequestContext): Promise<ApiKey[]> {
    return ctx.em.find(ApiKeyEntity, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  /**
   * Revokes the key and, in the same transaction, disables the webhook subscriptions it created
   * (`api_key_revoked`): offboarding a partner stops its data stream too.
   */
  async revoke(ctx: RequestContext, id: string): Promise<ApiKey | ApiKeyNotFoundError> {
    const result = await inRequestTransaction(ctx, async () => {
      const apiKey = isUuid(id) ? await ctx.em.findOne(ApiKeyEntity, { id }) : null;
      if (!apiKey) return new ApiKeyNotFoundError(id);
      if (apiKey.revokedAt) return { apiKey, revoked: false };
      apiKey.revokedAt = new Date();
      ctx.emit('api_key.revoked', { apiKeyId: apiKey.id });
      await ctx.em.flush();
      await this.webhookSubscriptions.disableAll(ctx, 'api_key_revoked', apiKey.id);
      return { apiKey, revoked: true };
    });
    if (result instanceof ApiKeyNotFoundError) return result;
    if (result.revoked) {
      // Every gateway replica closes the sockets opened with the key; one that misses this
      // message finds the key refused at its next periodic check.
      const message: ApiKeyRevokedMessage = { merchantId: result.apiKey.merchantId, apiKeyId: result.apiKey.id, committedAt: new Date().toISOString() };
      await ctx.live.publish(LIVE_TOPICS.apiKeyRevoked, message);
    }
    return result.apiKey;
  }

  /**
   * Looks a live key up by its secret across tenants, through a SECURITY DEFINER function, which
   * finds neither revoked nor expired keys.
   */
  async resolve(ctx: RequestContext, secret: string): Promise<ApiKeyIdentity | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const rows = await ctx.em.execute<{ key_id: string; merchant_id: string; scopes: string[]; merchant_status: string; expires_at: Date | string | null }[]>(
      'select key_id, merchant_id, scopes, merchant_status, expires_at from loyalnest_api_key_by_hash(?)',
      [hashApiKey(secret)],
    );
    const row = rows[0];
    if (!row) return null;
    const expiresAt = row.expires_at === null ? null : new Date(row.expires_at);
    return { keyId: row.key_id, merchantId: row.merchant_id, scopes: row.scopes, merchantStatus: row.merchant_status, expiresAt };
  }
}

