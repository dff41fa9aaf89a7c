import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, createUnionType } from 'type-graphql';
import type { WebhookTopic } from '../domain/webhook-topics.js';
import { CreateWebhookSubscriptionInput, UpdateWebhookSubscriptionInput, WEBHOOK_SUBSCRIPTION_LIMIT } from '../graphql/webhook-subscription.input.js';
import { WebhookEndpointRefusedError, WebhookSubscriptionLimitReachedError, WebhookSubscriptionNotFoundError } from '../graphql/webhook-subscription.error.js';
import {
  WebhookDisabledReason,
  WebhookSubscriptionCreatedType,
  WebhookSubscriptionDeletedType,
  WebhookSubscriptionSecretRotatedType,
  WebhookSubscriptionStatus,
  WebhookSubscriptionType,
} from '../graphql/webhook-subscription.type.js';
import type { ListedSubscription, WebhookSubscriptionService } from '../services/webhook-subscription.service.js';

export const CreateWebhookSubscriptionResult = createUnionType({
  name: 'CreateWebhookSubscriptionResult',
  description: 'The new subscription with its one-time secret, or why it was not created.',
  types: () => [WebhookSubscriptionCreatedType, WebhookEndpointRefusedError, WebhookSubscriptionLimitReachedError] as const,
});

export const UpdateWebhookSubscriptionResult = createUnionType({
  name: 'UpdateWebhookSubscriptionResult',
  description: 'The subscription as changed, or why nothing changed.',
  types: () => [WebhookSubscriptionType, WebhookSubscriptionNotFoundError, WebhookEndpointRefusedError] as const,
});

export const RotateWebhookSubscriptionSecretResult = createUnionType({
  name: 'RotateWebhookSubscriptionSecretResult',
  description: 'The subscription with its new one-time secret, or that no such subscription exists for this merchant.',
  types: () => [WebhookSubscriptionSecretRotatedType, WebhookSubscriptionNotFoundError] as const,
});

export const DeleteWebhookSubscriptionResult = createUnionType({
  name: 'DeleteWebhookSubscriptionResult',
  description: 'The id of the deleted subscription, or that no such subscription exists for this merchant.',
  types: () => [WebhookSubscriptionDeletedType, WebhookSubscriptionNotFoundError] as const,
});

/** The enums' values are the stored ones, so a row maps field by field; the secret never leaves. */
export function asSubscriptionType(s: ListedSubscription): WebhookSubscriptionType {
  return Object.assign(new WebhookSubscriptionType(), {
    id: s.id,
    url: s.url,
    topics: s.topics as WebhookTopic[],
    description: s.description ?? null,
    status: s.status as WebhookSubscriptionStatus,
    disabledReason: (s.disabledReason ?? null) as WebhookDisabledReason | null,
    disabledAt: s.disabledAt ?? null,
    secretPrefix: s.secretPrefix,
    consecutiveFailures: s.consecutiveFailures,
    failingSince: s.failingSince ?? null,
    lastSuccessAt: s.lastSuccessAt ?? null,
    lastFailureAt: s.lastFailureAt ?? null,
    pendingDeliveries: s.pendingDeliveries,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  });
}

/** The merchant's outgoing webhook subscriptions (`webhooks:manage`: admins, and partner keys granted it). */
@Resolver()
export class WebhookSubscriptionResolver {
  constructor(private readonly subscriptions: WebhookSubscriptionService) {}

  @Authorized(Scope.WEBHOOKS_MANAGE)
  @Query(() => [WebhookSubscriptionType], { description: "The merchant's webhook subscriptions, newest first. A partner key sees only those it created." })
  async webhookSubscriptions(@Ctx() ctx: RequestContext): Promise<WebhookSubscriptionType[]> {
    return (await this.subscriptions.list(ctx)).map(asSubscriptionType);
  }

  @Authorized(Scope.WEBHOOKS_MANAGE)
  @Query(() => WebhookSubscriptionType, { nullable: true, description: 'One webhook subscription of the merchant; null when it has none with that id (or, for a partner key, when another caller created it).' })
  async webhookSubscription(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Id of the subscription.' }) id: string): Promise<WebhookSubscriptionType | null> {
    const found = await this.subscriptions.get(ctx, id);
    return found ? asSubscriptionType(found) : null;
  }

  @Authorized(Scope.WEBHOOKS_MANAGE)
  @Mutation(() => CreateWebhookSubscriptionResult, {
    description: `Subscribes an endpoint to topics (at most ${WEBHOOK_SUBSCRIPTION_LIMIT} subscriptions per merchant). The URL is checked first (https, public addresses only); the signing secret is returned only here. Each topic needs its read scope too (customers:read, points:read, tiers:read, referrals:read or segments:read; FORBIDDEN otherwise). A subscription a partner key creates is that key's alone, and is disabled when the key is revoked.`,
  })
  async createWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateWebhookSubscriptionInput, { description: 'The endpoint, its topics and a note.' }) input: CreateWebhookSubscriptionInput,
  ): Promise<typeof CreateWebhookSubscriptionResult> {
    const result = await this.subscriptions.create(ctx, input);
    if (!('secret' in result)) return result;
    return Object.assign(new WebhookSubscriptionCreatedType(), { subscription: asSubscriptionType(result.subscription), secret: result.secret });
  }

  @Authorized(Scope.WEBHOOKS_MANAGE)
  @Mutation(() => UpdateWebhookSubscriptionResult, {
    description:
      "Changes a subscription's URL, topics (each needing its read scope, as on creation) or note, or disables or enables it. A partner key may enable only a subscription disabled for FAILURES (FORBIDDEN otherwise, with nothing changed).",
  })
  async updateWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Id of the subscription.' }) id: string,
    @Arg('input', () => UpdateWebhookSubscriptionInput, { description: 'What to change.' }) input: UpdateWebhookSubscriptionInput,
  ): Promise<typeof UpdateWebhookSubscriptionResult> {
    const result = await this.subscriptions.update(ctx, id, input);
    return result instanceof WebhookSubscriptionNotFoundError || result instanceof WebhookEndpointRefusedError ? result : asSubscriptionType(result);
  }

  @Authorized(Scope.WEBHOOKS_MANAGE)
  @Mutation(() => RotateWebhookSubscriptionSecretResult, {
    description: 'Replaces the signing secret and returns the new one, only here. The old secret stops at once (no overlap window): deliveries from now on, retries included, are signed with the new one.',
  })
  async rotateWebhookSubscriptionSecret(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Id of the subscription.' }) id: string,
  ): Promise<typeof RotateWebhookSubscriptionSecretResult> {
    const result = await this.subscriptions.rotateSecret(ctx, id);
    if (result instanceof WebhookSubscriptionNotFoundError) return result;
    return Object.assign(new WebhookSubscriptionSecretRotatedType(), { subscription: asSubscriptionType(result.subscription), secret: result.secret });
  }

  @Authorized(Scope.WEBHOOKS_MANAGE)
  @Mutation(() => DeleteWebhookSubscriptionResult, { description: 'Deletes a subscription and its deliveries, waiting ones included; nothing more is sent to it.' })
  async deleteWebhookSubscription(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Id of the subscription.' }) id: string,
  ): Promise<typeof DeleteWebhookSubscriptionResult> {
    const result = await this.subscriptions.delete(ctx, id);
    return result instanceof WebhookSubscriptionNotFoundError ? result : Object.assign(new WebhookSubscriptionDeletedType(), result);
  }
}
