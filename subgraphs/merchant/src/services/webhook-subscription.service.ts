import { badInput, inRequestTransaction, isUuid, type FieldCipher, type RequestContext, type WebhookEndpointPolicy } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import { checkEndpointUrl, systemResolver, type Resolver } from '../domain/webhook-endpoint.js';
import { newWebhookSecret, webhookSecretAad } from '../domain/webhook-signature.js';
import { WebhookSubscriptionDeliveryEntity } from '../entities/webhook-subscription-delivery.entity.js';
import { WebhookSubscriptionEntity, type WebhookSubscription } from '../entities/webhook-subscription.entity.js';
import { WEBHOOK_SUBSCRIPTION_LIMIT, type CreateWebhookSubscriptionInput, type UpdateWebhookSubscriptionInput } from '../graphql/webhook-subscription.input.js';
import { WebhookEndpointRefusedError, WebhookSubscriptionLimitReachedError, WebhookSubscriptionNotFoundError } from '../graphql/webhook-subscription.error.js';

/** A subscription as the API shows it: the row with its count of waiting deliveries. */
export type ListedSubscription = WebhookSubscription & { pendingDeliveries: number };

/** How many characters of a secret are kept in clear (`whsec_` and four of its own). */
const SECRET_PREFIX_LENGTH = 10;

/**
 * The merchant's webhook subscriptions (`webhooks:manage`). Every read and write is scoped to the
 * caller's merchant by the tenant filter and RLS: another merchant's id finds nothing, and is
 * answered exactly like an id that does not exist.
 */
export class WebhookSubscriptionService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly policy: WebhookEndpointPolicy,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  /** Newest first. */
  async list(ctx: RequestContext): Promise<ListedSubscription[]> {
    const subscriptions = await ctx.em.find(WebhookSubscriptionEntity, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
    return this.withPending(ctx, subscriptions);
  }

  async get(ctx: RequestContext, id: string): Promise<ListedSubscription | null> {
    const found = await this.find(ctx, id);
    return found ? (await this.withPending(ctx, [found]))[0] : null;
  }

  /**
   * Checks the endpoint (resolving its host, outside any transaction), then creates the
   * subscription with a new secret, stored encrypted and returned only here. The count against the
   * limit and the insert hold the merchant's lock, so two creations at once cannot both take the
   * last place.
   */
  async create(
    ctx: RequestContext,
    input: CreateWebhookSubscriptionInput,
  ): Promise<{ subscription: ListedSubscription; secret: string } | WebhookEndpointRefusedError | WebhookSubscriptionLimitReachedError> {
    const refused = await this.checkUrl(input.url);
    if (refused) return refused;
    const description = cleanDescription(input.description);
    return inRequestTransaction(ctx, async () => {
      await ctx.em.execute("select pg_advisory_xact_lock(hashtextextended('webhook_subscription:' || ?, 0))", [ctx.merchantId!]);
      if ((await ctx.em.count(WebhookSubscriptionEntity, {})) >= WEBHOOK_SUBSCRIPTION_LIMIT) return new WebhookSubscriptionLimitReachedError(WEBHOOK_SUBSCRIPTION_LIMIT);
      const id = uuidv7();
      const secret = newWebhookSecret();
      const subscription = ctx.em.create(WebhookSubscriptionEntity, {
        id,
        merchantId: ctx.merchantId!,
        url: input.url,
        topics: [...input.topics],
        description,
        secretEncrypted: this.cipher.encrypt(secret, webhookSecretAad(id)),
        secretPrefix: secret.slice(0, SECRET_PREFIX_LENGTH),
        createdByKind: ctx.actor.kind,
        createdById: ctx.actor.id ?? null,
      });
      await ctx.em.flush();
      return { subscription: { ...subscription, pendingDeliveries: 0 }, secret };
    });
  }

  /**
   * Changes what is given. A new URL is checked like a new subscription's. Disabling stops new
   * deliveries and sending; enabling a disabled one clears its failure record and makes it and its
   * waiting deliveries due now, so they go out at once (the dispatcher is woken by nothing here:
   * its poll finds them within `pollMs`).
   */
  async update(
    ctx: RequestContext,
    id: string,
    input: UpdateWebhookSubscriptionInput,
  ): Promise<ListedSubscription | WebhookSubscriptionNotFoundError | WebhookEndpointRefusedError> {
    if (input.url != null) {
      const refused = await this.checkUrl(input.url);
      if (refused) return refused;
    }
    if (input.topics === null) throw badInput('input.topics', 'must not be null; leave it out to keep the topics');
    return inRequestTransaction(ctx, async () => {
      const subscription = await this.find(ctx, id);
      if (!subscription) return new WebhookSubscriptionNotFoundError(id);
      if (input.url != null) subscription.url = input.url;
      if (input.topics) subscription.topics = [...input.topics];
      if (input.description !== undefined) subscription.description = cleanDescription(input.description);
      const now = new Date();
      if (input.enabled === false && subscription.status === 'active') {
        subscription.status = 'disabled';
        subscription.disabledReason = 'merchant';
        subscription.disabledAt = now;
      } else if (input.enabled === true && subscription.status === 'disabled') {
        Object.assign(subscription, { status: 'active', disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null, nextAttemptAt: now });
        await ctx.em.nativeUpdate(WebhookSubscriptionDeliveryEntity, { subscriptionId: subscription.id, status: 'pending' }, { nextAttemptAt: now });
      }
      await ctx.em.flush();
      return (await this.withPending(ctx, [subscription]))[0];
    });
  }

  /** A new secret, returned only here; the old one stops signing at once (no overlap). */
  async rotateSecret(ctx: RequestContext, id: string): Promise<{ subscription: ListedSubscription; secret: string } | WebhookSubscriptionNotFoundError> {
    const subscription = await this.find(ctx, id);
    if (!subscription) return new WebhookSubscriptionNotFoundError(id);
    const secret = newWebhookSecret();
    subscription.secretEncrypted = this.cipher.encrypt(secret, webhookSecretAad(subscription.id));
    subscription.secretPrefix = secret.slice(0, SECRET_PREFIX_LENGTH);
    await ctx.em.flush();
    return { subscription: (await this.withPending(ctx, [subscription]))[0], secret };
  }

  /** Deletes it for good; its deliveries go with it (`on delete cascade`). */
  async delete(ctx: RequestContext, id: string): Promise<{ id: string } | WebhookSubscriptionNotFoundError> {
    const deleted = isUuid(id) ? await ctx.em.nativeDelete(WebhookSubscriptionEntity, { id }) : 0;
    return deleted ? { id } : new WebhookSubscriptionNotFoundError(id);
  }

  private find(ctx: RequestContext, id: string): Promise<WebhookSubscription | null> {
    return isUuid(id) ? ctx.em.findOne(WebhookSubscriptionEntity, { id }) : Promise.resolve(null);
  }

  private async checkUrl(url: string): Promise<WebhookEndpointRefusedError | null> {
    const check = await checkEndpointUrl(url, this.policy, this.resolve);
    return check.ok ? null : new WebhookEndpointRefusedError(check.reason, check.message);
  }

  /** One grouped count for all of them. */
  private async withPending(ctx: RequestContext, subscriptions: WebhookSubscription[]): Promise<ListedSubscription[]> {
    if (!subscriptions.length) return [];
    const rows = await ctx.em.execute<{ subscription_id: string; n: number }[]>(
      `select subscription_id, count(*)::int as n from webhook_subscription_delivery where status = 'pending' and subscription_id = any(?::uuid[]) group by subscription_id`,
      [`{${subscriptions.map((s) => s.id).join(',')}}`],
    );
    const pending = new Map(rows.map((row) => [row.subscription_id, row.n]));
    return subscriptions.map((s) => ({ ...s, pendingDeliveries: pending.get(s.id) ?? 0 }));
  }
}

/** A blank note is no note. */
function cleanDescription(description: string | null | undefined): string | null {
  const trimmed = description?.trim();
  return trimmed ? trimmed : null;
}
