import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

/**
 * A partner API key. Only a SHA-256 of the secret is stored: the secret has 256 bits of entropy,
 * so a fast hash is enough and lets the gateway look a key up by its hash in one indexed query.
 */
export const ApiKeyEntity = defineEntity({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid().index(),
    name: p.string().length(100),
    /** The first characters of the secret, shown in lists so a merchant can tell keys apart. */
    prefix: p.string().length(16),
    secretHash: p.string().length(64).unique(),
    scopes: p.array(),
    createdBy: p.string().length(255),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
    /** Refused from this instant on, like a revoked key; null: valid until revoked. */
    expiresAt: p.datetime().nullable(),
  },
  ...tenantOwned('api_key'),
});

export type ApiKey = InferEntity<typeof ApiKeyEntity>;
