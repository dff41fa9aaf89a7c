import { buildFederatedSchema, consume, containerOf, FieldCipher, type KitConfig, type SubgraphModule } from '@loyalnest/kit';
import { Router } from 'express';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { MerchantEntity } from './entities/merchant.entity.js';
import { OAuthStateEntity } from './entities/oauth-state.entity.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';
import { WebhookSubscriptionDeliveryEntity } from './entities/webhook-subscription-delivery.entity.js';
import { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity.js';
import { gdprHandlers } from './consumers/gdpr.consumer.js';
import { onShopUpdate } from './consumers/shop-update.consumer.js';
import { onWebhookApplied } from './consumers/webhook-applied.consumer.js';
import { prepareWebhookFanout, webhookFanoutConsumers } from './consumers/webhook-fanout.consumer.js';
import { onMerchantUninstalled } from './consumers/webhook-uninstall.consumer.js';
import { MERCHANT_UNINSTALLED } from './topics.js';
import { GdprRequestEntity } from './entities/gdpr-request.entity.js';
import { inboxSweeper } from './jobs/inbox-sweeper.job.js';
import { webhookDispatchJob } from './jobs/webhook-dispatch.job.js';
import { installRoutes } from './http/install.routes.js';
import { webhookRoutes } from './http/webhook.routes.js';
import { ApiKeyResolver } from './resolvers/api-key.resolver.js';
import { CallerResolver } from './resolvers/caller.resolver.js';
import { GdprResolver } from './resolvers/gdpr.resolver.js';
import { merchantReference } from './resolvers/merchant.reference.js';
import { MerchantResolver } from './resolvers/merchant.resolver.js';
import { ShopifyAdminResolver } from './resolvers/shopify-admin.resolver.js';
import { WebhookDeliveryResolver } from './resolvers/webhook-delivery.resolver.js';
import { WebhookSubscriptionDeliveryResolver } from './resolvers/webhook-subscription-delivery.resolver.js';
import { WebhookSubscriptionResolver } from './resolvers/webhook-subscription.resolver.js';
import { ApiKeyService } from './services/api-key.service.js';
import { GdprService } from './services/gdpr.service.js';
import { InstallService } from './services/install.service.js';
import { MerchantService } from './services/merchant.service.js';
import { seedMerchant } from './services/seed.service.js';
import { ShopifyAdminClient } from './services/shopify-admin.client.js';
import { ShopifyAdminService } from './services/shopify-admin.service.js';
import { ShopTimezoneService } from './services/shop-timezone.service.js';
import { WebhookInboxService } from './services/webhook-inbox.service.js';
import { WebhookSubscriptionDeliveryService } from './services/webhook-subscription-delivery.service.js';
import { WebhookSubscriptionService } from './services/webhook-subscription.service.js';
import { WebhookService } from './services/webhook.service.js';

const built = new WeakMap<KitConfig, ReturnType<typeof build>>();

function build(config: KitConfig) {
  const cipher = new FieldCipher(config.encryptionKeys);
  const inbox = new WebhookInboxService(cipher);
  const timezones = new ShopTimezoneService();
  const webhookSubscriptions = new WebhookSubscriptionService(cipher, config.webhooks.endpointPolicy);
  return {
    merchants: new MerchantService(timezones),
    timezones,
    apiKeys: new ApiKeyService(webhookSubscriptions),
    cipher,
    inbox,
    gdpr: new GdprService(cipher, inbox),
    shopifyAdmin: new ShopifyAdminService(cipher, new ShopifyAdminClient(config.shopify)),
    webhookSubscriptions,
    webhookDeliveries: new WebhookSubscriptionDeliveryService(),
  };
}

/** One set of services per configuration: event handlers ask for them on every event. */
function services(config: KitConfig) {
  let found = built.get(config);
  if (!found) built.set(config, (found = build(config)));
  return found;
}

/** The merchant subgraph: tenants, their settings, partner API keys, the Shopify install, the webhook inbox and outgoing webhooks. */
const merchantSubgraph: SubgraphModule = {
  name: 'merchant',
  store: { name: 'merchant', entities: [MerchantEntity, ApiKeyEntity, OAuthStateEntity, WebhookDeliveryEntity, GdprRequestEntity, WebhookSubscriptionEntity, WebhookSubscriptionDeliveryEntity] },

  buildSchema(config) {
    const { merchants, apiKeys, inbox, gdpr, shopifyAdmin, webhookSubscriptions, webhookDeliveries } = services(config);
    return buildFederatedSchema({
      subgraph: 'merchant',
      resolvers: [
        MerchantResolver,
        ApiKeyResolver,
        CallerResolver,
        WebhookDeliveryResolver,
        GdprResolver,
        ShopifyAdminResolver,
        WebhookSubscriptionResolver,
        WebhookSubscriptionDeliveryResolver,
      ],
      orphanedTypes: [],
      container: containerOf([
        new MerchantResolver(merchants),
        new ApiKeyResolver(apiKeys),
        new CallerResolver(merchants, apiKeys),
        new WebhookDeliveryResolver(inbox),
        new GdprResolver(gdpr),
        new ShopifyAdminResolver(shopifyAdmin),
        new WebhookSubscriptionResolver(webhookSubscriptions),
        new WebhookSubscriptionDeliveryResolver(webhookDeliveries),
      ]),
      references: { Merchant: merchantReference(merchants) },
      inaccessibleEnums: ['ShopifyDiscountKind'],
    });
  },

  routes(runtime) {
    const { merchants, cipher } = services(runtime.config);
    const contextFor = InstallService.contextFactory(runtime.createContext);
    const install = new InstallService(runtime.config, merchants, cipher, contextFor);
    const webhooks = WebhookService.of(runtime, cipher);
    return Router().use(installRoutes(install, runtime), webhookRoutes(webhooks, runtime.name));
  },

  routePrefixes: ['/auth', '/webhooks'],
  consumes: {
    'shopify.webhook_applied': onWebhookApplied((config) => services(config).inbox),
    // The shop's own facts: only its time zone is kept (the domains counting calendar days follow it).
    'shopify.webhook.shop/update': (ctx, event, runtime) => onShopUpdate(services(runtime.config).timezones)(ctx, event, runtime),
    ...gdprHandlers((config) => services(config).gdpr),
    // The public webhooks' fan-out: one delivery per matching subscription, sent by the dispatcher job.
    ...webhookFanoutConsumers((config) => services(config).webhookDeliveries),
    // An uninstall disables every webhook subscription of the merchant.
    ...consume(MERCHANT_UNINSTALLED, onMerchantUninstalled((config) => services(config).webhookSubscriptions)),
  },
  prepareMerchantEvents: (db, events, runtime) => prepareWebhookFanout(services(runtime.config).webhookDeliveries)(db, events, runtime),
  dedupeTables: { webhook_delivery: 'loyalnest_webhook_prune', webhook_subscription_delivery: 'loyalnest_webhook_subscription_prune' },
  jobs: (runtime) => [inboxSweeper(runtime), webhookDispatchJob(runtime, services(runtime.config).cipher)],
  seed: seedMerchant,
};

export default merchantSubgraph;
export { API_KEY_PREFIX } from './services/api-key.service.js';
