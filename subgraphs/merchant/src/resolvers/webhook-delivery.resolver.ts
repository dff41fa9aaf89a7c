import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { WebhookDeliveryBodyType } from '../graphql/webhook-delivery.type.js';
import type { WebhookInboxService } from '../services/webhook-inbox.service.js';

/** Internal reads of the webhook inbox for other domains' event handlers (system callers only). */
@Resolver()
export class WebhookDeliveryResolver {
  constructor(private readonly inbox: WebhookInboxService) {}

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
