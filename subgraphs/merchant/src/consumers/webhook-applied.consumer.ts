import type { DomainEvent, RequestContext, SubgraphRuntime } from '@loyalnest/kit';

/**
 * `shopify.webhook_applied {deliveryId, topic, subgraph}`: a domain that acts on a delivery's
 * topic has applied it. The row becomes processed once every domain consuming
 * `shopify.webhook.<topic>` has reported; until then it stays `received`, which is how an
 * operator sees deliveries still in flight or stuck (dead-lettered) in a consumer. Repeats change
 * nothing. The body, which holds the shopper's personal data, is erased then: it has served its
 * purpose, and what is not kept need not be redacted later. A report without a subgraph (written
 * before domains reported for themselves) completes the row at once.
 */
export async function onWebhookApplied(ctx: RequestContext, event: DomainEvent, runtime: SubgraphRuntime): Promise<void> {
  const { deliveryId, topic, subgraph } = event.payload as { deliveryId?: unknown; topic?: unknown; subgraph?: unknown };
  if (typeof deliveryId !== 'string') throw new Error('shopify.webhook_applied without a deliveryId');
  const required = typeof subgraph === 'string' && typeof topic === 'string' ? runtime.consumersOf(`shopify.webhook.${topic}`) : [];
  const reporter = typeof subgraph === 'string' ? [subgraph] : [];
  await ctx.em.execute(
    `with next as (
       select id, array(select distinct unnest(applied_by || ?::text[]) order by 1) as applied_by from webhook_delivery where id = ? and status = 'received'
     ), done as (select id, applied_by, ?::text[] <@ applied_by as complete from next)
     update webhook_delivery d set
       applied_by = done.applied_by,
       status = case when done.complete then 'processed' else d.status end,
       processed_at = case when done.complete then now() else d.processed_at end,
       payload_encrypted = case when done.complete then null else d.payload_encrypted end
     from done where d.id = done.id`,
    [reporter, deliveryId, required],
  );
}
