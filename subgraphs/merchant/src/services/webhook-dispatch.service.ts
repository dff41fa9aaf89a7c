import { inRequestTransaction, type FieldCipher, type RequestContext, type WebhooksConfig } from '@loyalnest/kit';
import { signatureHeader, webhookSecretAad } from '../domain/webhook-signature.js';
import { WEBHOOK_SUBSCRIPTION_DISABLED } from '../topics.js';
import type { WebhookAttemptOutcome, WebhookHttpClient } from './webhook-http.client.js';

/** Deliveries one drain sends at most before it lets the endpoint's lease go: other endpoints get their turn. */
export const DELIVERIES_PER_DRAIN = 50;
const USER_AGENT = 'LoyalNest-Webhooks/1.0';
const JITTER = 0.2;

/** The claim on one subscription a drain works under: its lease, renewed after each delivery. */
export interface WebhookLease {
  owner: string;
  leaseMs: number;
}

/** Why a drain stopped: nothing due, a failure (the endpoint backs off), its share used, the lease lost (or the subscription disabled or deleted), shutdown. */
export type DrainEnd = 'idle' | 'failed' | 'share' | 'lost' | 'aborted';

interface DueDelivery {
  id: string;
  event_id: string;
  topic: string;
  body: string;
  attempts: number;
}

/**
 * The wait after the `n`-th failure in a row (n ≥ 1): `backoffMs · 2^(n−1)`, at most
 * `backoffMaxMs`, spread ±20 % so that endpoints failing together are not retried in lockstep.
 */
export function backoffMs(config: Pick<WebhooksConfig, 'backoffMs' | 'backoffMaxMs'>, n: number, random = Math.random()): number {
  const base = Math.min(config.backoffMaxMs, config.backoffMs * 2 ** Math.min(Math.max(n - 1, 0), 40));
  return Math.round(Math.min(config.backoffMaxMs, base * (1 - JITTER + 2 * JITTER * random)));
}

/**
 * Sends a subscription's due deliveries and records every attempt. Runs in the workers only (the
 * dispatcher job), for one subscription it has leased, under that subscription's merchant (RLS).
 * An attempt's outcome is recorded in one transaction with its effect on the endpoint's health:
 * consecutive failures push the whole subscription back (so an endpoint that is down costs one
 * request per backoff, not one per waiting delivery), and a long run of them disables it.
 */
export class WebhookDispatchService {
  constructor(
    private readonly config: WebhooksConfig,
    private readonly cipher: FieldCipher,
    private readonly http: WebhookHttpClient,
  ) {}

  /**
   * Sends the subscription's due deliveries one after another, oldest due first, until none is due,
   * one fails, `DELIVERIES_PER_DRAIN` were sent, the lease is lost or `signal` aborts; then lets the
   * lease go. An aborted attempt is not recorded: the delivery stays due as it was.
   */
  async drain(ctx: RequestContext, subscriptionId: string, lease: WebhookLease, signal: AbortSignal): Promise<DrainEnd> {
    const end = await this.sendDue(ctx, subscriptionId, lease, signal);
    await this.release(ctx, subscriptionId, lease);
    return end;
  }

  /**
   * The drain's loop. When it throws (the store unreachable, a secret no configured key decrypts)
   * the lease is kept until it expires: released at once, the subscription would be claimed again
   * at once, and fail again, as fast as the job can run.
   */
  private async sendDue(ctx: RequestContext, subscriptionId: string, lease: WebhookLease, signal: AbortSignal): Promise<DrainEnd> {
    const shopDomain = await this.shopDomain(ctx);
    for (let sent = 0; sent < DELIVERIES_PER_DRAIN; sent++) {
      if (signal.aborted) return 'aborted';
      const subscription = await this.renew(ctx, subscriptionId, lease);
      if (!subscription) return 'lost';
      const delivery = subscription.due;
      if (!delivery) return 'idle';
      const attempt = delivery.attempts + 1;
      const startedAt = new Date();
      const body = delivery.body;
      const secret = this.cipher.decrypt(subscription.secret_encrypted, webhookSecretAad(subscriptionId));
      const outcome = await this.http.send(
        {
          url: subscription.url,
          body,
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': USER_AGENT,
            'X-LoyalNest-Delivery-Id': delivery.id,
            'X-LoyalNest-Event-Id': delivery.event_id,
            'X-LoyalNest-Topic': delivery.topic,
            'X-LoyalNest-Shop-Domain': shopDomain,
            'X-LoyalNest-Attempt': String(attempt),
            'X-LoyalNest-Signature': signatureHeader(secret, body, Math.floor(startedAt.getTime() / 1000)),
          },
        },
        signal,
      );
      if (outcome.kind === 'aborted') return 'aborted';
      await inRequestTransaction(ctx, () => this.record(ctx, subscriptionId, delivery.id, attempt, startedAt, outcome));
      if (outcome.kind === 'failure') return 'failed';
    }
    return 'share';
  }

  private async shopDomain(ctx: RequestContext): Promise<string> {
    const [merchant] = await ctx.em.execute<{ shop_domain: string }[]>('select shop_domain from merchant where id = ?', [ctx.merchantId!]);
    return merchant?.shop_domain ?? '';
  }

  /**
   * Extends the lease and reads the endpoint afresh (a URL change or a rotated secret applies to
   * the next attempt) with its next due delivery (oldest due first), in one statement: each round
   * trip costs the worker and PostgreSQL CPU, which bound the rate (`bench webhooks`: ~10 % less
   * worker CPU per delivery than two statements). Null once
   * the lease is another's or the subscription is disabled or gone; `due` null when none is due.
   */
  private async renew(ctx: RequestContext, subscriptionId: string, lease: WebhookLease): Promise<{ url: string; secret_encrypted: string; due: DueDelivery | null } | null> {
    const [row] = await ctx.em.execute<{ url: string; secret_encrypted: string; due: DueDelivery | null }[]>(
      `update webhook_subscription s set lease_until = now() + make_interval(secs => ?::bigint / 1000.0)
        where s.id = ? and s.merchant_id = ? and s.lease_owner = ? and s.status = 'active'
        returning s.url, s.secret_encrypted,
                  (select json_build_object('id', d.id, 'event_id', d.event_id, 'topic', d.topic, 'body', d.body, 'attempts', d.attempts)
                     from webhook_subscription_delivery d
                    where d.subscription_id = s.id and d.merchant_id = s.merchant_id and d.status = 'pending' and d.next_attempt_at <= now()
                    order by d.next_attempt_at, d.id limit 1) as due`,
      [lease.leaseMs, subscriptionId, ctx.merchantId!, lease.owner],
    );
    return row ?? null;
  }

  /**
   * One attempt's outcome, on the delivery and on its subscription's health, in the caller's
   * transaction. The delivery's row is locked before its subscription's, the order a replay and an
   * enable take them in, so the two never deadlock; `no key update` leaves the fan-out's foreign-key
   * checks on the subscription unblocked.
   */
  private async record(ctx: RequestContext, subscriptionId: string, deliveryId: string, attempt: number, startedAt: Date, outcome: Exclude<WebhookAttemptOutcome, { kind: 'aborted' }>): Promise<void> {
    const { em } = ctx;
    const last = [startedAt, outcome.statusCode, outcome.kind === 'failure' ? outcome.error.slice(0, 1000) : null, outcome.excerpt, outcome.durationMs];
    const lastColumns = 'attempts = attempts + 1, last_attempt_at = ?, last_status_code = ?, last_error = ?, last_response_excerpt = ?, last_duration_ms = ?';
    if (outcome.kind === 'success') {
      await em.execute(`update webhook_subscription_delivery set ${lastColumns}, status = 'delivered', delivered_at = now() where id = ? and merchant_id = ?`, [...last, deliveryId, ctx.merchantId!]);
      await em.execute(
        `update webhook_subscription set consecutive_failures = 0, failing_since = null, last_success_at = now(), next_attempt_at = now() where id = ? and merchant_id = ?`,
        [subscriptionId, ctx.merchantId!],
      );
      return;
    }
    await em.execute(
      `update webhook_subscription_delivery set ${lastColumns},
              next_attempt_at = now() + make_interval(secs => ?::bigint / 1000.0),
              status = case when now() - window_started_at >= make_interval(secs => ?::bigint / 1000.0) then 'failed' else 'pending' end
        where id = ? and merchant_id = ?`,
      [...last, backoffMs(this.config, attempt), this.config.retryWindowMs, deliveryId, ctx.merchantId!],
    );
    const [subscription] = await em.execute<{ status: string; consecutive_failures: number; failing_since: Date | string | null; now: Date | string }[]>(
      'select status, consecutive_failures, failing_since, now() as now from webhook_subscription where id = ? and merchant_id = ? for no key update',
      [subscriptionId, ctx.merchantId!],
    );
    // Deleted during the attempt (its deliveries went with it): nothing left to record.
    if (!subscription) return;
    const now = new Date(subscription.now);
    const failures = subscription.consecutive_failures + 1;
    const failingSince = subscription.failing_since ? new Date(subscription.failing_since) : now;
    const disable = subscription.status === 'active' && failures >= this.config.disableAfterFailures && now.getTime() - failingSince.getTime() >= this.config.disableAfterMs;
    await em.execute(
      `update webhook_subscription set consecutive_failures = ?, failing_since = ?, last_failure_at = now(),
              next_attempt_at = now() + make_interval(secs => ?::bigint / 1000.0)
              ${disable ? `, status = 'disabled', disabled_reason = 'failures', disabled_at = now(), updated_at = now()` : ''}
        where id = ? and merchant_id = ?`,
      [failures, failingSince, backoffMs(this.config, failures), subscriptionId, ctx.merchantId!],
    );
    if (disable) {
      ctx.emit(WEBHOOK_SUBSCRIPTION_DISABLED, { subscriptionId, consecutiveFailures: failures, failingSince: failingSince.toISOString() });
      ctx.log.warn({ subscriptionId, consecutiveFailures: failures }, 'webhook subscription disabled after a long run of failed deliveries');
    }
  }

  private async release(ctx: RequestContext, subscriptionId: string, lease: WebhookLease): Promise<void> {
    await ctx.em.execute('update webhook_subscription set lease_owner = null, lease_until = null where id = ? and merchant_id = ? and lease_owner = ?', [
      subscriptionId,
      ctx.merchantId!,
      lease.owner,
    ]);
  }
}
