import { systemCaller } from './context.js';
import type { DomainEvent } from './events/domain-event.js';
import { Scope } from './scopes.js';
import type { SubgraphRuntime } from './subgraph.js';

const DELIVERY = /* GraphQL */ `
  query WebhookDelivery($id: ID!) {
    _webhookDelivery(id: $id) { id topic body }
  }
`;

export interface WebhookDeliveryBody {
  deliveryId: string;
  topic: string;
  body: Record<string, unknown>;
}

/**
 * The body of the delivery a `shopify.webhook.<topic> {deliveryId, topic}` event names, read from
 * the merchant subgraph's inbox (events carry ids only; the body holds PII). Throws when it is
 * not readable, so the event is retried, then dead-lettered with the reason for an operator.
 */
export async function readWebhookDelivery(runtime: SubgraphRuntime, event: DomainEvent): Promise<WebhookDeliveryBody> {
  const { deliveryId, topic } = event.payload as { deliveryId: string; topic: string };
  const answer = await runtime.peers.query<{ _webhookDelivery: { body: Record<string, unknown> | null } | null }>(
    'merchant',
    DELIVERY,
    { id: deliveryId },
    systemCaller([Scope.WEBHOOKS_READ], event.merchantId),
  );
  const body = answer._webhookDelivery?.body;
  if (!body) throw new Error(`webhook delivery ${deliveryId} (${topic}) has no readable body in the merchant inbox`);
  return { deliveryId, topic, body };
}

/**
 * Reports that this subgraph applied the delivery, in the handler's transaction; the inbox row
 * becomes processed once every subgraph consuming its topic has.
 */
export function reportWebhookApplied(ctx: { emit(topic: string, payload: Record<string, unknown>): string }, delivery: Pick<WebhookDeliveryBody, 'deliveryId' | 'topic'>, runtime: SubgraphRuntime): void {
  ctx.emit('shopify.webhook_applied', { deliveryId: delivery.deliveryId, topic: delivery.topic, subgraph: runtime.name });
}
