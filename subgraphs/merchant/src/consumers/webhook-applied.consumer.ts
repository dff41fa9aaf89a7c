import type { RequestContext, DomainEvent } from '@loyalnest/kit';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity.js';

/**
 * `shopify.webhook_applied {deliveryId}`: the domain that acts on a delivery's topic has applied
 * it, so the inbox row becomes processed. Until then it stays `received`, which is how an operator
 * sees deliveries still in flight or stuck (dead-lettered) in a consumer. Repeats change nothing.
 * The body, which holds the shopper's personal data, is erased then: it has served its purpose,
 * and what is not kept need not be redacted later.
 */
export async function onWebhookApplied(ctx: RequestContext, event: DomainEvent): Promise<void> {
  const { deliveryId } = event.payload as { deliveryId?: unknown };
  if (typeof deliveryId !== 'string') throw new Error('shopify.webhook_applied without a deliveryId');
  await ctx.em.nativeUpdate(WebhookDeliveryEntity, { id: deliveryId, status: 'received' }, { status: 'processed', processedAt: new Date(), payloadEncrypted: null });
}
