import type { EventHandler, KitConfig } from '@loyalnest/kit';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity.js';
import type { WebhookInboxService } from '../services/webhook-inbox.service.js';

/**
 * `shopify.webhook_applied {deliveryId, topic, subgraph}`: a domain that acts on a delivery's
 * topic has applied it. The row becomes processed once every domain consuming
 * `shopify.webhook.<topic>` has reported; until then it stays `received`, which is how an
 * operator sees deliveries still in flight or stuck (dead-lettered) in a consumer. Repeats change
 * nothing. The body, which holds the shopper's personal data, is erased then: it has served its
 * purpose, and what is not kept need not be redacted later; so is its copy in the delivery's
 * event. A report without a subgraph (written before domains reported for themselves) completes
 * the row at once.
 */
export const onWebhookApplied = (inboxOf: (config: KitConfig) => WebhookInboxService): EventHandler => async (ctx, event, runtime) => {
  const { deliveryId, topic, subgraph } = event.payload as { deliveryId?: unknown; topic?: unknown; subgraph?: unknown };
  if (typeof deliveryId !== 'string') throw new Error('shopify.webhook_applied without a deliveryId');
  const required = typeof subgraph === 'string' && typeof topic === 'string' ? runtime.consumersOf(`shopify.webhook.${topic}`) : [];
  // Domains report concurrently: the row lock makes each read the other's report before adding its own.
  const [row] = await ctx.em.execute<{ applied_by: string[] }[]>("select applied_by from webhook_delivery where id = ? and status = 'received' for update", [deliveryId]);
  if (!row) return;
  const appliedBy = [...new Set([...row.applied_by, ...(typeof subgraph === 'string' ? [subgraph] : [])])].sort();
  const complete = required.every((name) => appliedBy.includes(name));
  await ctx.em.nativeUpdate(
    WebhookDeliveryEntity,
    { id: deliveryId },
    complete ? { appliedBy, status: 'processed', processedAt: new Date(), payloadEncrypted: null } : { appliedBy },
  );
  if (complete) await inboxOf(runtime.config).eraseEventCopies(ctx, [deliveryId]);
};
