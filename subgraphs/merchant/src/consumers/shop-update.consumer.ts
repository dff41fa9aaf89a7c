import { readWebhookDelivery, reportWebhookApplied, type EventHandler } from '@loyalnest/kit';
import type { ShopTimezoneService } from '../services/shop-timezone.service.js';

/**
 * `shopify.webhook.shop/update`: keeps the shop's time zone current (`iana_timezone`). The shop's
 * `updated_at` dates what the body tells, so a delivery older than the zone kept changes nothing;
 * a body without it is dated by when the delivery was received. Applied in the consumer's transaction, then
 * reported applied like every domain's webhook.
 */
export const onShopUpdate = (timezones: ShopTimezoneService): EventHandler => async (ctx, event, runtime) => {
  const delivery = await readWebhookDelivery(runtime, event);
  const asOf = dateOf(delivery.body.updated_at) ?? new Date(event.occurredAt);
  const outcome = await timezones.apply(ctx, delivery.body.iana_timezone, asOf);
  if (outcome === 'invalid') ctx.log.warn({ deliveryId: delivery.deliveryId }, 'shop/update without a time zone this runtime knows: the zone kept is unchanged');
  reportWebhookApplied(ctx, delivery, runtime);
  await ctx.em.flush();
};

function dateOf(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
