import { DEFAULT_PAGE_SIZE, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, createUnionType } from 'type-graphql';
import type { WebhookTopic } from '../domain/webhook-topics.js';
import type { WebhookSubscriptionDelivery } from '../entities/webhook-subscription-delivery.entity.js';
import { WebhookSubscriptionDeliveryConnection, WebhookSubscriptionDeliveryStatus, WebhookSubscriptionDeliveryType } from '../graphql/webhook-subscription-delivery.type.js';
import { WebhookSubscriptionDeliveryFilter } from '../graphql/webhook-subscription.input.js';
import { WebhookSubscriptionDeliveryNotFoundError, WebhookSubscriptionDisabledError } from '../graphql/webhook-subscription.error.js';
import type { WebhookSubscriptionDeliveryService } from '../services/webhook-subscription-delivery.service.js';

export const ReplayWebhookSubscriptionDeliveryResult = createUnionType({
  name: 'ReplayWebhookSubscriptionDeliveryResult',
  description: 'The delivery, pending again, or why it was not replayed.',
  types: () => [WebhookSubscriptionDeliveryType, WebhookSubscriptionDeliveryNotFoundError, WebhookSubscriptionDisabledError] as const,
});

/** The enums' values are the stored ones; `payload` is the stored body, as sent. */
function asType(d: WebhookSubscriptionDelivery): WebhookSubscriptionDeliveryType {
  return Object.assign(new WebhookSubscriptionDeliveryType(), {
    id: d.id,
    subscriptionId: d.subscriptionId,
    eventId: d.eventId,
    topic: d.topic as WebhookTopic,
    status: d.status as WebhookSubscriptionDeliveryStatus,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
    lastAttemptAt: d.lastAttemptAt ?? null,
    lastStatusCode: d.lastStatusCode ?? null,
    lastError: d.lastError ?? null,
    lastResponseExcerpt: d.lastResponseExcerpt ?? null,
    lastDurationMs: d.lastDurationMs ?? null,
    deliveredAt: d.deliveredAt ?? null,
    replayedAt: d.replayedAt ?? null,
    createdAt: d.createdAt,
    payload: d.body,
  });
}

/** The merchant's outgoing webhook deliveries (`webhooks:manage`): listed with their outcome, and replayed. */
@Resolver()
export class WebhookSubscriptionDeliveryResolver {
  constructor(private readonly deliveries: WebhookSubscriptionDeliveryService) {}

  @Authorized(Scope.WEBHOOKS_MANAGE)
  @Query(() => WebhookSubscriptionDeliveryConnection, {
    description:
      'The outgoing webhook deliveries of the merchant\'s subscriptions, newest first, filtered and paginated by cursor. A partner key sees only the deliveries of its own subscriptions, and only of topics its read scopes cover.',
  })
  async webhookSubscriptionDeliveries(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after?: string | null,
    @Arg('filter', () => WebhookSubscriptionDeliveryFilter, { nullable: true, description: 'Conditions the deliveries must meet.' }) filter?: WebhookSubscriptionDeliveryFilter | null,
  ): Promise<WebhookSubscriptionDeliveryConnection> {
    const page = await this.deliveries.list(ctx, { first, after, filter });
    return { nodes: page.nodes.map(asType), pageInfo: page.pageInfo };
  }

  @Authorized(Scope.WEBHOOKS_MANAGE)
  @Mutation(() => ReplayWebhookSubscriptionDeliveryResult, {
    description:
      'Sends a delivery again, whatever its status, with the same id and body (receivers dedupe on the id) and a fresh retry window; its endpoint is tried at once, even while backing off. Its subscription must be active.',
  })
  async replayWebhookSubscriptionDelivery(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Id of the delivery.' }) id: string,
  ): Promise<typeof ReplayWebhookSubscriptionDeliveryResult> {
    const result = await this.deliveries.replay(ctx, id);
    return result instanceof WebhookSubscriptionDeliveryNotFoundError || result instanceof WebhookSubscriptionDisabledError ? result : asType(result);
  }
}
