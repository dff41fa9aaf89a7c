import { GDPR_TOPICS, type EventHandler, type KitConfig } from '@loyalnest/kit';
import { COMPLIANCE_TOPICS, webhookEventTopic } from '../services/webhook.service.js';
import type { GdprService } from '../services/gdpr.service.js';

/**
 * The merchant subgraph's GDPR handlers: a compliance delivery becomes a request for every
 * participating subgraph, and each part's completion is recorded (the last completes it).
 */
export function gdprHandlers(gdprOf: (config: KitConfig) => GdprService): Record<string, EventHandler> {
  const received: EventHandler = async (ctx, event, runtime) => {
    const { deliveryId, topic } = event.payload as { deliveryId: string; topic: string };
    await gdprOf(runtime.config).receive(ctx, deliveryId, topic, (eventTopic) => runtime.consumersOf(eventTopic).filter((s) => s !== runtime.name));
  };
  return {
    ...Object.fromEntries(COMPLIANCE_TOPICS.map((topic) => [webhookEventTopic(topic), received])),
    [GDPR_TOPICS.partCompleted]: async (ctx, event, runtime) => {
      const { requestId, subgraph } = event.payload as { requestId: string; subgraph: string };
      await gdprOf(runtime.config).completePart(ctx, requestId, subgraph);
    },
  };
}
