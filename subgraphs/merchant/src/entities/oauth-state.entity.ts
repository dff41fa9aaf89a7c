import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A pending OAuth install: the `state` nonce sent to Shopify, bound to the shop, single use and
 * short-lived. Not tenant-owned: the merchant may not exist yet.
 */
export const OAuthStateEntity = defineEntity({
  name: 'OAuthState',
  tableName: 'oauth_state',
  properties: {
    nonce: p.string().length(64).primary(),
    shopDomain: p.string().length(255),
    expiresAt: p.datetime(),
  },
});

export type OAuthState = InferEntity<typeof OAuthStateEntity>;
