import { buildFederatedSchema, containerOf, FieldCipher, type KitConfig, type SubgraphModule } from '@loyalnest/kit';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { MerchantEntity } from './entities/merchant.entity.js';
import { OAuthStateEntity } from './entities/oauth-state.entity.js';
import { installRoutes } from './http/install.routes.js';
import { ApiKeyResolver } from './resolvers/api-key.resolver.js';
import { CallerResolver } from './resolvers/caller.resolver.js';
import { merchantReference } from './resolvers/merchant.reference.js';
import { MerchantResolver } from './resolvers/merchant.resolver.js';
import { ApiKeyService } from './services/api-key.service.js';
import { InstallService } from './services/install.service.js';
import { MerchantService } from './services/merchant.service.js';
import { seedMerchant } from './services/seed.service.js';

function services(config: KitConfig) {
  return { merchants: new MerchantService(), apiKeys: new ApiKeyService(), cipher: new FieldCipher(config.encryptionKeys) };
}

/** The merchant subgraph: tenants, their settings, partner API keys and the Shopify install. */
const merchantSubgraph: SubgraphModule = {
  name: 'merchant',
  store: { name: 'merchant', entities: [MerchantEntity, ApiKeyEntity, OAuthStateEntity] },

  buildSchema(config) {
    const { merchants, apiKeys } = services(config);
    return buildFederatedSchema({
      resolvers: [MerchantResolver, ApiKeyResolver, CallerResolver],
      orphanedTypes: [],
      container: containerOf([new MerchantResolver(merchants), new ApiKeyResolver(apiKeys), new CallerResolver(merchants, apiKeys)]),
      references: { Merchant: merchantReference(merchants) },
    });
  },

  routes(runtime) {
    const { merchants, cipher } = services(runtime.config);
    const install = new InstallService(runtime.config, merchants, cipher, InstallService.contextFactory(runtime.createContext));
    return installRoutes(install, runtime);
  },

  routePrefixes: ['/auth'],
  seed: seedMerchant,
};

export default merchantSubgraph;
export { API_KEY_PREFIX } from './services/api-key.service.js';
