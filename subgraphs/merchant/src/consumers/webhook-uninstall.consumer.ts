import type { KitConfig, TopicHandler } from '@loyalnest/kit';
import { MerchantEntity } from '../entities/merchant.entity.js';
import type { MerchantUninstalled } from '../topics.js';
import type { WebhookSubscriptionService } from '../services/webhook-subscription.service.js';

/**
 * `merchant.uninstalled`: the app is gone from the shop, so nothing more goes out to the
 * merchant's endpoints: every active subscription is disabled (`app_uninstalled`), each with a
 * `webhook_subscription.disabled` event. The merchant reads the status first: one that installed
 * again before this event was consumed keeps its subscriptions running. Its waiting deliveries
 * stay, for a reinstall that enables them again, until they are pruned.
 */
export const onMerchantUninstalled =
  (subscriptions: (config: KitConfig) => WebhookSubscriptionService): TopicHandler<MerchantUninstalled> =>
  async (ctx, event, runtime) => {
    const merchant = await ctx.em.findOne(MerchantEntity, { id: event.merchantId }, { fields: ['status'], disableIdentityMap: true });
    if (merchant?.status !== 'uninstalled') return;
    await subscriptions(runtime.config).disableAll(ctx, 'app_uninstalled');
  };
