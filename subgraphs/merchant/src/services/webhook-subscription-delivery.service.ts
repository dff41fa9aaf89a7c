import { decodeCursor, inRequestTransaction, isUuid, pageSize, toPage, type DomainEvent, type PageInfo, type RequestContext } from '@loyalnest/kit';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { readableTopics, webhookBody, type WebhookData, type WebhookTopic } from '../domain/webhook-topics.js';
import { MerchantEntity } from '../entities/merchant.entity.js';
import { WebhookSubscriptionDeliveryEntity, type WebhookDeliveryStatus, type WebhookSubscriptionDelivery } from '../entities/webhook-subscription-delivery.entity.js';
import { WebhookSubscriptionEntity } from '../entities/webhook-subscription.entity.js';
import { WebhookSubscriptionDeliveryNotFoundError, WebhookSubscriptionDisabledError } from '../graphql/webhook-subscription.error.js';
import { WEBHOOK_SUBSCRIPTION_DELIVERY_REPLAYED } from '../topics.js';
import { lockOwned, ownedFilter } from './webhook-subscription.service.js';

export interface DeliveryFilter {
  subscriptionId?: string | null;
  status?: WebhookDeliveryStatus | null;
  topic?: WebhookTopic | null;
}

/**
 * What one merchant's events of a consumer batch share: its active subscriptions, read once
 * before them. Most merchants have none, so most events cost that one indexed read per batch and
 * nothing else; the shop's domain is read only when some subscription exists.
 */
export interface FanoutTargets {
  kind: 'webhook-fanout';
  subscriptions: { id: string; topics: string[]; createdAt: Date }[];
  shopDomain: string | null;
}

/** The merchant's outgoing webhook deliveries: recorded by the fan-out, listed and replayed (`webhooks:manage`). */
export class WebhookSubscriptionDeliveryService {
  /** The merchant's active subscriptions (under its tenant: `em` is a consumer's). */
  async fanoutTargets(em: EntityManager, merchantId: string): Promise<FanoutTargets> {
    const subscriptions = await em.find(
      WebhookSubscriptionEntity,
      { merchantId, status: 'active' },
      { fields: ['id', 'topics', 'createdAt'], disableIdentityMap: true },
    );
    const shop = subscriptions.length ? await em.findOne(MerchantEntity, { id: merchantId }, { fields: ['shopDomain'], disableIdentityMap: true }) : null;
    return { kind: 'webhook-fanout', subscriptions: subscriptions.map(({ id, topics, createdAt }) => ({ id, topics, createdAt })), shopDomain: shop?.shopDomain ?? null };
  }

  /**
   * Records the event's delivery to each target subscription that takes its public topic and
   * existed when it occurred, in the caller's (the consumer's) transaction, body fixed now. The
   * statement re-reads each subscription, so one disabled or deleted since the targets were read
   * gets nothing; a redelivered event finds its rows and records nothing more (unique per
   * subscription and event). A partner's subscription gets nothing once its key is revoked or has
   * expired: revocation disables it at once, and an expiry (no event marks it) stops it here.
   * The insert wakes the dispatcher after the commit.
   */
  async recordFanout(ctx: RequestContext, targets: FanoutTargets, event: DomainEvent, published: { topic: WebhookTopic; data: WebhookData }): Promise<void> {
    const occurredAt = new Date(event.occurredAt);
    const matching = targets.subscriptions.filter((s) => s.topics.includes(published.topic) && s.createdAt.getTime() <= occurredAt.getTime());
    if (!matching.length || !targets.shopDomain) return;
    const rows = matching.map((s) => {
      const id = uuidv7();
      const body = webhookBody({ id, topic: published.topic, eventId: event.id, occurredAt: event.occurredAt, merchantId: event.merchantId, shopDomain: targets.shopDomain!, data: published.data });
      return [id, s.id, body];
    });
    await ctx.em.execute(
      `insert into webhook_subscription_delivery (id, merchant_id, subscription_id, event_id, topic, body, next_attempt_at, window_started_at, created_at)
       select v.id::uuid, s.merchant_id, s.id, ?::uuid, ?, v.body, now(), now(), now()
         from (values ${rows.map(() => '(?, ?, ?)').join(', ')}) as v(id, subscription_id, body)
         join webhook_subscription s on s.id = v.subscription_id::uuid and s.status = 'active' and s.created_at <= ?::timestamptz
        where s.created_by_kind <> 'partner'
           or exists (select 1 from api_key k where k.id::text = s.created_by_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()))
       on conflict (subscription_id, event_id) do nothing`,
      [event.id, published.topic, ...rows.flat(), occurredAt.toISOString()],
    );
  }

  /**
   * Newest first (ids are time-ordered UUIDv7), by cursor. The tenant filter and RLS keep it to the
   * caller's merchant: another merchant's subscription id lists nothing. A partner key sees only
   * the deliveries of its own subscriptions, and only of topics its read scopes cover (a key whose
   * scopes were narrowed after it subscribed does not read what it no longer may).
   */
  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null; filter?: DeliveryFilter | null }): Promise<{ nodes: WebhookSubscriptionDelivery[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const { subscriptionId, status, topic } = args.filter ?? {};
    const none = { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } };
    if (subscriptionId != null && !isUuid(subscriptionId)) return none;
    const readable = readableTopics(ctx.scopes);
    if (topic != null && !readable.includes(topic)) return none;
    const where: FilterQuery<WebhookSubscriptionDelivery> = { topic: topic ?? { $in: readable } };
    if (after) where.id = { $lt: after };
    if (subscriptionId != null) where.subscriptionId = subscriptionId;
    if (ctx.actor.kind === 'partner') {
      const owned = await this.ownedIds(ctx);
      if (subscriptionId != null ? !owned.includes(subscriptionId) : !owned.length) return none;
      if (subscriptionId == null) where.subscriptionId = { $in: owned };
    }
    if (status != null) where.status = status;
    const rows = await ctx.em.find(WebhookSubscriptionDeliveryEntity, where, { orderBy: { id: 'desc' }, limit: size + 1, disableIdentityMap: true });
    return toPage(rows, size);
  }

  /**
   * Sends a delivery again, whatever its status, with the same id and body (receivers dedupe on
   * the id): pending and due now, with a fresh retry window. Its subscription is made due now too,
   * so a manual replay probes an endpoint that is backing off at once. Refused while the
   * subscription is disabled: nothing would be sent. The subscription is locked before the
   * delivery is written (`lockOwned`: the order every path takes). A replay that lands while an
   * attempt is in flight is kept by the dispatcher's record (`replayed_at` after the attempt began).
   */
  async replay(ctx: RequestContext, id: string): Promise<WebhookSubscriptionDelivery | WebhookSubscriptionDeliveryNotFoundError | WebhookSubscriptionDisabledError> {
    if (!isUuid(id)) return new WebhookSubscriptionDeliveryNotFoundError(id);
    return inRequestTransaction(ctx, async () => {
      const found = await ctx.em.findOne(WebhookSubscriptionDeliveryEntity, { id, topic: { $in: readableTopics(ctx.scopes) } }, { fields: ['subscriptionId'], disableIdentityMap: true });
      if (!found || !(await lockOwned(ctx, found.subscriptionId))) return new WebhookSubscriptionDeliveryNotFoundError(id);
      const subscription = await ctx.em.findOneOrFail(WebhookSubscriptionEntity, { id: found.subscriptionId });
      const delivery = await ctx.em.findOne(WebhookSubscriptionDeliveryEntity, { id });
      // Deleted with its subscription between the two reads.
      if (!delivery) return new WebhookSubscriptionDeliveryNotFoundError(id);
      if (subscription.status !== 'active') return new WebhookSubscriptionDisabledError(subscription.id);
      // The store's clock, not this process's: the dispatcher compares `replayed_at` with the
      // attempt's start, which PostgreSQL's `now()` set.
      await ctx.em.execute("update webhook_subscription set next_attempt_at = now() where id = ? and merchant_id = ?", [subscription.id, ctx.merchantId!]);
      await ctx.em.execute(
        "update webhook_subscription_delivery set status = 'pending', next_attempt_at = now(), window_started_at = now(), replayed_at = now() where id = ? and merchant_id = ?",
        [delivery.id, ctx.merchantId!],
      );
      ctx.emit(WEBHOOK_SUBSCRIPTION_DELIVERY_REPLAYED, { deliveryId: delivery.id, subscriptionId: subscription.id, topic: delivery.topic });
      await ctx.em.flush();
      return ctx.em.findOneOrFail(WebhookSubscriptionDeliveryEntity, { id }, { refresh: true, disableIdentityMap: true });
    });
  }

  /** The ids of the caller's own subscriptions (a partner key has at most the merchant's limit). */
  private async ownedIds(ctx: RequestContext): Promise<string[]> {
    const rows = await ctx.em.find(WebhookSubscriptionEntity, ownedFilter(ctx), { fields: ['id'], disableIdentityMap: true });
    return rows.map((row) => row.id);
  }
}
