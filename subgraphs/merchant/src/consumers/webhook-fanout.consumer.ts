import type { DomainEvent, EventHandler, KitConfig, MerchantEventsPreparation } from '@loyalnest/kit';
import { FANOUT_INTERNAL_TOPICS, publicEventOf } from '../domain/webhook-topics.js';
import type { FanoutTargets, WebhookSubscriptionDeliveryService } from '../services/webhook-subscription-delivery.service.js';

const isTargets = (prepared: unknown): prepared is FanoutTargets => (prepared as FanoutTargets | undefined)?.kind === 'webhook-fanout';
const FANOUT = new Set(FANOUT_INTERNAL_TOPICS);

/**
 * The merchant module's batch preparation (`prepareMerchantEvents`): the fan-out's targets, when
 * the batch has an event the fan-out takes (the module's other consumers need nothing prepared).
 */
export const prepareWebhookFanout =
  (deliveries: WebhookSubscriptionDeliveryService): MerchantEventsPreparation =>
  async ({ em, merchantId }, events) =>
    events.some((event) => FANOUT.has(event.topic)) ? deliveries.fanoutTargets(em, merchantId) : undefined;

/**
 * The public webhooks' fan-out: every internal event a public topic is made from records one
 * delivery per subscription of its merchant that is active, takes that topic and existed when the
 * event occurred, in the consumer's transaction (`recordFanout`). Sending is the dispatcher job's.
 */
export function webhookFanoutConsumers(deliveries: (config: KitConfig) => WebhookSubscriptionDeliveryService): Record<string, EventHandler> {
  const handler: EventHandler = async (ctx, event: DomainEvent, runtime, prepared) => {
    const published = publicEventOf(event);
    if (!published) return;
    const service = deliveries(runtime.config);
    const targets = isTargets(prepared) ? prepared : await service.fanoutTargets(ctx.em, event.merchantId);
    await service.recordFanout(ctx, targets, event, published);
  };
  return Object.fromEntries(FANOUT_INTERNAL_TOPICS.map((topic) => [topic, handler]));
}
