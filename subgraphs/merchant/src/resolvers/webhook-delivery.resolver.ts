import { DEFAULT_PAGE_SIZE, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Directive, ID, Int, Query, Resolver } from 'type-graphql';
import { WebhookDeliveryConnection, WebhookDeliveryType, type WebhookDeliveryStatus } from '../graphql/webhook-deliveries.type.js';
import { WebhookDeliveryFilter } from '../graphql/webhook-delivery-filter.input.js';
import { WebhookDeliveryBodyType } from '../graphql/webhook-delivery.type.js';
import type { ListedDelivery, WebhookInboxService } from '../services/webhook-inbox.service.js';

/** The enum's values are the stored statuses, so a row maps field by field; the body never leaves. */
function asType(delivery: ListedDelivery): WebhookDeliveryType {
  return Object.assign(new WebhookDeliveryType(), {
    id: delivery.id,
    eventId: delivery.eventId,
    topic: delivery.topic,
    status: delivery.status as WebhookDeliveryStatus,
    triggeredAt: delivery.triggeredAt ?? null,
    receivedAt: delivery.receivedAt,
    appliedAt: delivery.processedAt ?? null,
    appliedBy: delivery.appliedBy ?? [],
    attempts: 1 + (delivery.sweepCount ?? 0),
  });
}

/**
 * The webhook inbox: the merchant's list of deliveries (no bodies), and the internal read of one
 * body for other domains' event handlers (system callers only).
 */
@Resolver()
export class WebhookDeliveryResolver {
  constructor(private readonly inbox: WebhookInboxService) {}

  @Authorized(Scope.WEBHOOK_DELIVERIES_READ)
  @Query(() => WebhookDeliveryConnection, { description: 'The Shopify webhooks the app received for the merchant, newest first, filtered and paginated by cursor; never their bodies.' })
  async webhookDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => WebhookDeliveryFilter, { nullable: true, description: 'Conditions the deliveries must meet.' }) filter?: WebhookDeliveryFilter | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first?: number | null,
  ): Promise<WebhookDeliveryConnection> {
    const page = await this.inbox.list(ctx, { first, after, topic: filter?.topic, status: filter?.status });
    return { nodes: page.nodes.map(asType), pageInfo: page.pageInfo };
  }

  @Authorized(Scope.WEBHOOKS_READ)
  @Directive('@inaccessible')
  @Query(() => WebhookDeliveryBodyType, { nullable: true, description: "Internal: a webhook delivery of the caller's merchant, with its body." })
  _webhookDelivery(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The webhook delivery in the inbox.' }) id: string,
  ): Promise<WebhookDeliveryBodyType | null> {
    return this.inbox.read(ctx, id);
  }
}
