import { badInput, isUuid, type RequestContext } from '@loyalnest/kit';
import { createHash, randomBytes } from 'node:crypto';
import { ApiKeyEntity, type ApiKey } from '../entities/api-key.entity.js';
import type { CreateApiKeyInput } from '../graphql/create-api-key.input.js';
import { ApiKeyNotFoundError } from '../graphql/merchant.error.js';

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
}

export class ApiKeyService {
  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'must not be blank');
    const secret = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const apiKey = ctx.em.create(ApiKeyEntity, {
      merchantId: ctx.merchantId!,
      name,
      prefix: secret.slice(0, 12),
      secretHash: hashApiKey(secret),
      scopes: input.scopes,
      createdBy: `${ctx.actor.kind}:${ctx.actor.id}`,
      revokedAt: null,
    });
    ctx.emit('api_key.created', { apiKeyId: apiKey.id, scopes: input.scopes });
    await ctx.em.flush();
    return { apiKey, secret };
  }

  async list(ctx: RequestContext): Promise<ApiKey[]> {
    return ctx.em.find(ApiKeyEntity, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKey | ApiKeyNotFoundError> {
    const apiKey = isUuid(id) ? await ctx.em.findOne(ApiKeyEntity, { id }) : null;
    if (!apiKey) return new ApiKeyNotFoundError(id);
    if (!apiKey.revokedAt) {
      apiKey.revokedAt = new Date();
      ctx.emit('api_key.revoked', { apiKeyId: apiKey.id });
      await ctx.em.flush();
    }
    return apiKey;
  }

  /** Looks a live key up by its secret across tenants, through a SECURITY DEFINER function. */
  async resolve(ctx: RequestContext, secret: string): Promise<ApiKeyIdentity | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const rows = await ctx.em.execute<{ key_id: string; merchant_id: string; scopes: string[]; merchant_status: string }[]>(
      'select key_id, merchant_id, scopes, merchant_status from loyalnest_api_key_by_hash(?)',
      [hashApiKey(secret)],
    );
    const row = rows[0];
    return row ? { keyId: row.key_id, merchantId: row.merchant_id, scopes: row.scopes, merchantStatus: row.merchant_status } : null;
  }
}

