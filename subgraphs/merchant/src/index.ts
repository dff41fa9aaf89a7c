import { buildFederatedSchema, containerOf, FieldCipher, type KitConfig, type SubgraphModule } from '@loyalnest/kit';
import { Router } from 'express';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { MerchantEntity } from './entities/merchant.entity.js';
import { OAuthStateEntity } from './entities/oauth-state.entity.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { onWebhookApplied } from './consumers/webhook-applied.consumer.js';
import { installRoutes } from './http/install.routes.js';
import { webhookRoutes } from './http/webhook.routes.js';
import { ApiKeyResolver } from './resolvers/api-key.resolver.js';
import { CallerResolver } from './resolvers/caller.resolver.js';
import { merchantReference } from './resolvers/merchant.reference.js';
import { MerchantResolver } from './resolvers/merchant.resolver.js';
import { WebhookDeliveryResolver } from './resolvers/webhook-delivery.resolver.js';
import { ApiKeyService } from './services/api-key.service.js';
import { InstallService } from './services/install.service.js';
import { MerchantService } from './services/merchant.service.js';
import { seedMerchant } from './services/seed.service.js';
import { WebhookInboxService } from './services/webhook-inbox.service.js';
import { WebhookService } from './services/webhook.service.js';

function services(config: KitConfig) {
  return { merchants: new MerchantService(), apiKeys: new ApiKeyService(), cipher: new FieldCipher(config.encryptionKeys) };
}

/** The merchant subgraph: tenants, their settings, partner API keys, the Shopify install and webhook inbox. */
const merchantSubgraph: SubgraphModule = {
  name: 'merchant',
  store: { name: 'merchant', entities: [MerchantEntity, ApiKeyEntity, OAuthStateEntity, WebhookDeliveryEntity] },

  buildSchema(config) {
    const { merchants, apiKeys, cipher } = services(config);
    return buildFederatedSchema({
      subgraph: 'merchant',
      resolvers: [MerchantResolver, ApiKeyResolver, CallerResolver, WebhookDeliveryResolver],
      orphanedTypes: [],
      container: containerOf([
        new MerchantResolver(merchants),
        new ApiKeyResolver(apiKeys),
        new CallerResolver(merchants, apiKeys),
        new WebhookDeliveryResolver(new WebhookInboxService(cipher)),
      ]),
      references: { Merchant: merchantReference(merchants) },
    });
  },

  routes(runtime) {
    const { merchants, cipher } = services(runtime.config);
    const contextFor = InstallService.contextFactory(runtime.createContext);
    const install = new InstallService(runtime.config, merchants, cipher, contextFor);
    const webhooks = new WebhookService(runtime.config, merchants, cipher, contextFor);
    return Router().use(installRoutes(install, runtime), webhookRoutes(webhooks, runtime.name));
  },

  routePrefixes: ['/auth', '/webhooks'],
  consumes: { 'shopify.webhook_applied': onWebhookApplied },
  seed: seedMerchant,
};

export default merchantSubgraph;
export { API_KEY_PREFIX } from './services/api-key.service.js';
