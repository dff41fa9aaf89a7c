import { badInput, forbidden, inRequestTransaction, isUuid, type FieldCipher, type RequestContext, type WebhookEndpointPolicy } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import { checkEndpointUrl, systemResolver, type Resolver } from '../domain/webhook-endpoint.js';
import { newWebhookSecret, webhookSecretAad } from '../domain/webhook-signature.js';
import { readableTopics, unreadableTopics, type WebhookTopic } from '../domain/webhook-topics.js';
import { WebhookSubscriptionDeliveryEntity } from '../entities/webhook-subscription-delivery.entity.js';
import { WebhookSubscriptionEntity, type WebhookSubscription } from '../entities/webhook-subscription.entity.js';
import { WEBHOOK_SUBSCRIPTION_LIMIT, type CreateWebhookSubscriptionInput, type UpdateWebhookSubscriptionInput } from '../graphql/webhook-subscription.input.js';
import { WebhookEndpointRefusedError, WebhookSubscriptionLimitReachedError, WebhookSubscriptionNotFoundError } from '../graphql/webhook-subscription.error.js';
import {
  WEBHOOK_SUBSCRIPTION_CREATED,
  WEBHOOK_SUBSCRIPTION_DELETED,
  WEBHOOK_SUBSCRIPTION_DISABLED,
  WEBHOOK_SUBSCRIPTION_SECRET_ROTATED,
  WEBHOOK_SUBSCRIPTION_UPDATED,
  type WebhookSubscriptionDisabledReason,
} from '../topics.js';

/** A subscription as the API shows it: the row with its count of waiting deliveries. */
export type ListedSubscription = WebhookSubscription & { pendingDeliveries: number };

/** How many characters of a secret are kept in clear (`whsec_` and four of its own). */
const SECRET_PREFIX_LENGTH = 10;

/**
 * Which of the merchant's subscriptions the caller reaches: a partner key only those it created
 * (another integration's endpoint URLs, payloads and secrets are not its business); an admin all.
 * Another key's id is answered exactly like a missing one.
 */
export function ownedFilter(ctx: RequestContext): { createdByKind?: 'partner'; createdById?: string } {
  return ctx.actor.kind === 'partner' ? { createdByKind: 'partner', createdById: ctx.actor.id } : {};
}

/** The same as SQL on `webhook_subscription`, with its parameters. */
export function ownedSql(ctx: RequestContext): [sql: string, params: string[]] {
  return ctx.actor.kind === 'partner' ? ["created_by_kind = 'partner' and created_by_id = ?", [ctx.actor.id]] : ['true', []];
}

/**
 * Locks the caller's subscription (`for no key update`, so the fan-out's foreign-key share lock
 * is not blocked) before anything touches its deliveries: every path that locks both takes the
 * subscription first (the dispatcher's record, replay, enable; delete through its cascade), so
 * none of them deadlock. False when the caller has no subscription with that id.
 */
export async function lockOwned(ctx: RequestContext, id: string): Promise<boolean> {
  const [owner, params] = ownedSql(ctx);
  const rows = await ctx.em.execute(`select id from webhook_subscription where id = ? and merchant_id = ? and ${owner} for no key update`, [id, ctx.merchantId!, ...params]);
  return rows.length > 0;
}

/** The endpoint's host and port, all the audit trail keeps of a URL. */
function hostOf(url: string): string {
  return new URL(url).host;
}

/**
 * The merchant's webhook subscriptions (`webhooks:manage`). Every read and write is scoped to the
 * caller's merchant by the tenant filter and RLS, and a partner key's to its own subscriptions
 * (`ownedFilter`): anything else is answered exactly like an id that does not exist. A partner key
 * subscribes only to topics its read scopes cover. Every change is audited by a typed event
 * (topics and the URL's host, never the URL or the secret).
 */
export class WebhookSubscriptionService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly policy: WebhookEndpointPolicy,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  /** Newest first. */
  async list(ctx: RequestContext): Promise<ListedSubscription[]> {
    const subscriptions = await ctx.em.find(WebhookSubscriptionEntity, ownedFilter(ctx), { orderBy: { createdAt: 'desc', id: 'desc' } });
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
    checkTopicScopes(ctx, input.topics);
    const checked = await this.checkUrl(input.url);
    if (checked instanceof WebhookEndpointRefusedError) return checked;
    const description = cleanDescription(input.description);
    return inRequestTransaction(ctx, async () => {
      await ctx.em.execute("select pg_advisory_xact_lock(hashtextextended('webhook_subscription:' || ?, 0))", [ctx.merchantId!]);
      if ((await ctx.em.count(WebhookSubscriptionEntity, {})) >= WEBHOOK_SUBSCRIPTION_LIMIT) return new WebhookSubscriptionLimitReachedError(WEBHOOK_SUBSCRIPTION_LIMIT);
      const id = uuidv7();
      const secret = newWebhookSecret();
      const subscription = ctx.em.create(WebhookSubscriptionEntity, {
        id,
        merchantId: ctx.merchantId!,
        url: checked,
        topics: [...input.topics],
        description,
        secretEncrypted: this.cipher.encrypt(secret, webhookSecretAad(id)),
        secretPrefix: secret.slice(0, SECRET_PREFIX_LENGTH),
        createdByKind: ctx.actor.kind,
        createdById: ctx.actor.id ?? null,
      });
      ctx.emit(WEBHOOK_SUBSCRIPTION_CREATED, { subscriptionId: id, topics: subscription.topics, host: hostOf(checked) });
      await ctx.em.flush();
      return { subscription: { ...subscription, pendingDeliveries: 0 }, secret };
    });
  }

  /**
   * Changes what is given. A new URL is checked like a new subscription's, new topics against the
   * caller's read scopes. Disabling stops new deliveries and sending; enabling a disabled one clears
   * its failure record and makes it and its waiting deliveries due now: the dispatcher's next poll
   * (`WEBHOOK_POLL_MS`) sends them, within seconds. A partner key may enable only what the
   * dispatcher disabled (`failures`): a pause, a revocation or an uninstall is the merchant's to
   * lift, so anything else is FORBIDDEN and nothing changes. An admin's `enabled: true` on a
   * subscription whose creating key is revoked or expired takes it over (`created_by_*` become the
   * admin's, `owner` in the audit's `changed`): the fan-out records nothing for a dead key's.
   */
  async update(
    ctx: RequestContext,
    id: string,
    input: UpdateWebhookSubscriptionInput,
  ): Promise<ListedSubscription | WebhookSubscriptionNotFoundError | WebhookEndpointRefusedError> {
    if (input.topics === null) throw badInput('input.topics', 'must not be null; leave it out to keep the topics');
    if (input.topics) checkTopicScopes(ctx, input.topics);
    let url: string | null = null;
    if (input.url != null) {
      const checked = await this.checkUrl(input.url);
      if (checked instanceof WebhookEndpointRefusedError) return checked;
      url = checked;
    }
    return inRequestTransaction(ctx, async () => {
      if (!isUuid(id) || !(await lockOwned(ctx, id))) return new WebhookSubscriptionNotFoundError(id);
      const subscription = await ctx.em.findOneOrFail(WebhookSubscriptionEntity, { id });
      const enabling = input.enabled === true && subscription.status === 'disabled';
      if (enabling && ctx.actor.kind === 'partner' && subscription.disabledReason !== 'failures') {
        throw forbidden(`Only the merchant's admin can turn on a webhook subscription disabled for ${subscription.disabledReason}; a partner key may turn on one disabled for failures`);
      }
      const changed: string[] = (['url', 'topics', 'description', 'enabled'] as const).filter((key) => input[key] !== undefined && input[key] !== null);
      if (url != null) subscription.url = url;
      if (input.topics) subscription.topics = [...input.topics];
      if (input.description !== undefined) subscription.description = cleanDescription(input.description);
      // An expired key's subscription is still active (no event marks an expiry): `enabled: true` takes it over too.
      if (input.enabled === true && ctx.actor.kind !== 'partner' && (await this.createdByDeadKey(ctx, subscription))) {
        Object.assign(subscription, { createdByKind: ctx.actor.kind, createdById: ctx.actor.id ?? null });
        changed.push('owner');
      }
      const now = new Date();
      if (input.enabled === false && subscription.status === 'active') {
        subscription.status = 'disabled';
        subscription.disabledReason = 'merchant';
        subscription.disabledAt = now;
      } else if (enabling) {
        Object.assign(subscription, { status: 'active', disabledReason: null, disabledAt: null, consecutiveFailures: 0, failingSince: null, nextAttemptAt: now });
        await ctx.em.nativeUpdate(WebhookSubscriptionDeliveryEntity, { subscriptionId: subscription.id, status: 'pending' }, { nextAttemptAt: now });
      }
      ctx.emit(WEBHOOK_SUBSCRIPTION_UPDATED, { subscriptionId: subscription.id, topics: subscription.topics, host: hostOf(subscription.url), changed, status: subscription.status });
      await ctx.em.flush();
      return (await this.withPending(ctx, [subscription]))[0];
    });
  }

  /** A new secret, returned only here; the old one stops signing at once (no overlap). */
  async rotateSecret(ctx: RequestContext, id: string): Promise<{ subscription: ListedSubscription; secret: string } | WebhookSubscriptionNotFoundError> {
    return inRequestTransaction(ctx, async () => {
      const subscription = await this.find(ctx, id);
      if (!subscription) return new WebhookSubscriptionNotFoundError(id);
      const secret = newWebhookSecret();
      subscription.secretEncrypted = this.cipher.encrypt(secret, webhookSecretAad(subscription.id));
      subscription.secretPrefix = secret.slice(0, SECRET_PREFIX_LENGTH);
      ctx.emit(WEBHOOK_SUBSCRIPTION_SECRET_ROTATED, { subscriptionId: subscription.id, secretPrefix: subscription.secretPrefix });
      await ctx.em.flush();
      return { subscription: (await this.withPending(ctx, [subscription]))[0], secret };
    });
  }

  /** Deletes it for good; its deliveries go with it (`on delete cascade`). */
  async delete(ctx: RequestContext, id: string): Promise<{ id: string } | WebhookSubscriptionNotFoundError> {
    if (!isUuid(id)) return new WebhookSubscriptionNotFoundError(id);
    return inRequestTransaction(ctx, async () => {
      const [owner, params] = ownedSql(ctx);
      const [deleted] = await ctx.em.execute<{ topics: string[]; url: string }[]>(
        `delete from webhook_subscription where id = ? and merchant_id = ? and ${owner} returning topics, url`,
        [id, ctx.merchantId!, ...params],
      );
      if (!deleted) return new WebhookSubscriptionNotFoundError(id);
      ctx.emit(WEBHOOK_SUBSCRIPTION_DELETED, { subscriptionId: id, topics: deleted.topics, host: hostOf(deleted.url) });
      await ctx.em.flush();
      return { id };
    });
  }

  /**
   * Disables the merchant's active subscriptions, or those one partner key created, for `reason`
   * (the key was revoked, the app uninstalled), each with a `webhook_subscription.disabled` event,
   * in the caller's transaction. Their waiting deliveries wait; enabling one sends them. The rows
   * are locked in id order before the update: a revocation and an uninstall of one merchant at
   * once (each scanning its own index) would otherwise lock a key's subscriptions in opposite
   * orders and deadlock.
   */
  async disableAll(ctx: RequestContext, reason: Extract<WebhookSubscriptionDisabledReason, 'api_key_revoked' | 'app_uninstalled'>, createdByKeyId?: string): Promise<number> {
    const byKey = createdByKeyId !== undefined ? "and created_by_kind = 'partner' and created_by_id = ?" : '';
    const locked = await ctx.em.execute<{ id: string }[]>(
      `select id from webhook_subscription where merchant_id = ? and status = 'active' ${byKey} order by id for no key update`,
      [ctx.merchantId!, ...(createdByKeyId !== undefined ? [createdByKeyId] : [])],
    );
    if (!locked.length) return 0;
    const rows = await ctx.em.execute<{ id: string; consecutive_failures: number; failing_since: Date | string | null }[]>(
      `update webhook_subscription set status = 'disabled', disabled_reason = ?, disabled_at = now(), updated_at = now()
        where merchant_id = ? and id = any(?::uuid[]) and status = 'active'
        returning id, consecutive_failures, failing_since`,
      [reason, ctx.merchantId!, `{${locked.map((row) => row.id).join(',')}}`],
    );
    for (const row of rows) {
      const failingSince = row.failing_since === null ? null : new Date(row.failing_since).toISOString();
      ctx.emit(WEBHOOK_SUBSCRIPTION_DISABLED, { subscriptionId: row.id, reason, consecutiveFailures: row.consecutive_failures, failingSince });
    }
    await ctx.em.flush();
    return rows.length;
  }

  /** Whether a partner key created it and that key can no longer call (revoked, expired or gone): nothing is recorded for it then. */
  private async createdByDeadKey(ctx: RequestContext, subscription: WebhookSubscription): Promise<boolean> {
    if (subscription.createdByKind !== 'partner') return false;
    const live = await ctx.em.execute(
      'select 1 from api_key where merchant_id = ? and id::text = ? and revoked_at is null and (expires_at is null or expires_at > now())',
      [ctx.merchantId!, subscription.createdById],
    );
    return live.length === 0;
  }

  private find(ctx: RequestContext, id: string): Promise<WebhookSubscription | null> {
    return isUuid(id) ? ctx.em.findOne(WebhookSubscriptionEntity, { id, ...ownedFilter(ctx) }) : Promise.resolve(null);
  }

  /** The URL as the parser normalized it (`check.url.href`: no stray spaces, no empty `#`), or why it is refused. */
  private async checkUrl(url: string): Promise<string | WebhookEndpointRefusedError> {
    const check = await checkEndpointUrl(url, this.policy, this.resolve);
    return check.ok ? check.url.href : new WebhookEndpointRefusedError(check.reason, check.message);
  }

  /** One grouped count for all of them, of the deliveries the caller may list (topics its scopes cover). */
  private async withPending(ctx: RequestContext, subscriptions: WebhookSubscription[]): Promise<ListedSubscription[]> {
    if (!subscriptions.length) return [];
    const rows = await ctx.em.execute<{ subscription_id: string; n: number }[]>(
      `select subscription_id, count(*)::int as n from webhook_subscription_delivery
        where status = 'pending' and subscription_id = any(?::uuid[]) and topic = any(?::text[]) group by subscription_id`,
      [`{${subscriptions.map((s) => s.id).join(',')}}`, `{${readableTopics(ctx.scopes).join(',')}}`],
    );
    const pending = new Map(rows.map((row) => [row.subscription_id, row.n]));
    return subscriptions.map((s) => ({ ...s, pendingDeliveries: pending.get(s.id) ?? 0 }));
  }
}

/**
 * A subscription is a way of reading its topics' data: each topic needs its read scope as well as
 * `webhooks:manage` (admins hold them all). Refused like every missing scope, naming it and the topic.
 */
function checkTopicScopes(ctx: RequestContext, topics: readonly WebhookTopic[]): void {
  const missing = unreadableTopics(topics, ctx.scopes);
  if (missing.length) throw forbidden(`Missing scope: ${[...new Set(missing.map((m) => m.scope))].join(', ')} (to receive ${missing.map((m) => m.topic).join(', ')})`);
}

/** A blank note is no note. */
function cleanDescription(description: string | null | undefined): string | null {
  const trimmed = description?.trim();
  return trimmed ? trimmed : null;
}
