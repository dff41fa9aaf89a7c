import { inRequestTransaction, type FieldCipher, type RequestContext, type WebhooksConfig } from '@loyalnest/kit';
import { signatureHeader, webhookSecretAad } from '../domain/webhook-signature.js';
import { WEBHOOK_SUBSCRIPTION_DISABLED } from '../topics.js';
import type { WebhookAttemptOutcome, WebhookHttpClient } from './webhook-http.client.js';

/** Deliveries one drain sends at most before it lets the endpoint's lease go: other endpoints get their turn. */
export const DELIVERIES_PER_DRAIN = 50;
/**
 * Time after which a drain sends nothing more and lets the lease go, whatever it sent: an endpoint
 * answering slowly (but within the timeout) holds a place for this long at most, not 50 answers' worth.
 */
export const DRAIN_WALL_MS = 30_000;
const USER_AGENT = 'LoyalNest-Webhooks/1.0';
const JITTER = 0.2;

/** The claim on one subscription a drain works under: its lease, renewed after each delivery. */
export interface WebhookLease {
  owner: string;
  leaseMs: number;
}

/** Why a drain stopped: nothing due, a failure (the endpoint backs off), its share used (deliveries or time), the lease lost (or the subscription disabled or deleted), shutdown. */
export type DrainEnd = 'idle' | 'failed' | 'share' | 'lost' | 'aborted';

/** The attempt that could not be made: no configured key decrypts the secret; rotating it mends the subscription. */
const undecryptable = (): WebhookAttemptOutcome => ({ kind: 'failure', statusCode: null, error: 'the signing secret cannot be decrypted: rotate the secret', excerpt: null, durationMs: 0 });

/** What the renew reads: the endpoint afresh, its next due delivery, and the store's time then (the attempt's start, for a replay during it). */
interface Renewed {
  url: string;
  secret_encrypted: string;
  due: DueDelivery | null;
  started_at: Date | string;
  /** False when a partner key made it and that key is now revoked or expired: nothing more goes to that partner. */
  key_valid: boolean;
}

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
   * one fails, `DELIVERIES_PER_DRAIN` were sent or `DRAIN_WALL_MS` passed, the lease is lost or `signal` aborts; then lets the
   * lease go. An aborted attempt is not recorded: the delivery stays due as it was.
   */
  async drain(ctx: RequestContext, subscriptionId: string, lease: WebhookLease, signal: AbortSignal): Promise<DrainEnd> {
    const end = await this.sendDue(ctx, subscriptionId, lease, signal);
    await this.release(ctx, subscriptionId, lease);
    return end;
  }

  /**
   * The drain's loop. When it throws (the store unreachable) the lease is kept until it expires:
   * released at once, the subscription would be claimed again at once, and fail again, as fast as
   * the job can run.
   */
  private async sendDue(ctx: RequestContext, subscriptionId: string, lease: WebhookLease, signal: AbortSignal): Promise<DrainEnd> {
    const shopDomain = await this.shopDomain(ctx);
    const until = Date.now() + DRAIN_WALL_MS;
    for (let sent = 0; sent < DELIVERIES_PER_DRAIN && Date.now() < until; sent++) {
      if (signal.aborted) return 'aborted';
      const subscription = await this.renew(ctx, subscriptionId, lease);
      if (!subscription) return 'lost';
      if (!subscription.key_valid) {
        await inRequestTransaction(ctx, () => this.disableForKey(ctx, subscriptionId));
        return 'lost';
      }
      const delivery = subscription.due;
      if (!delivery) return 'idle';
      const attempt = delivery.attempts + 1;
      const startedAt = new Date();
      const body = delivery.body;
      const secret = this.secret(ctx, subscriptionId, subscription.secret_encrypted);
      const outcome: WebhookAttemptOutcome = secret === null ? undecryptable() : await this.http.send(
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
      if (outcome.kind === 'failure' && outcome.refusedAddress) {
        // Said to the merchant without the address (an internal resolver's answers are nobody's business outside); kept here.
        ctx.log.warn({ subscriptionId, address: outcome.refusedAddress }, 'webhook endpoint resolved to an address that is not public');
      }
      const attemptStart = new Date(subscription.started_at);
      await inRequestTransaction(ctx, () => this.record(ctx, subscriptionId, delivery.id, { attempt, startedAt, attemptStart }, outcome));
      if (outcome.kind === 'failure') return 'failed';
    }
    return 'share';
  }

  /** The subscription's secret, or null (logged) when no configured key decrypts it: recorded as the attempt's failure, so the merchant sees it and the endpoint backs off. */
  private secret(ctx: RequestContext, subscriptionId: string, encrypted: string): string | null {
    try {
      return this.cipher.decrypt(encrypted, webhookSecretAad(subscriptionId));
    } catch (error) {
      ctx.log.error({ err: error, subscriptionId }, 'webhook subscription secret cannot be decrypted with any configured key');
      return null;
    }
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
   * `started_at` is the store's clock, which a replay's `replayed_at` is compared with.
   */
  private async renew(ctx: RequestContext, subscriptionId: string, lease: WebhookLease): Promise<Renewed | null> {
    const [row] = await ctx.em.execute<Renewed[]>(
      `update webhook_subscription s set lease_until = now() + make_interval(secs => ?::bigint / 1000.0)
        where s.id = ? and s.merchant_id = ? and s.lease_owner = ? and s.status = 'active'
        returning s.url, s.secret_encrypted, now() as started_at,
                  (s.created_by_kind <> 'partner' or exists (
                     select 1 from api_key k
                      where k.id::text = s.created_by_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()))) as key_valid,
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
   * transaction. The subscription's row is locked first (`no key update`, which leaves the
   * fan-out's foreign-key checks unblocked), then the delivery's: the order a delete (through its
   * cascade), a replay and an enable take them in, so none of them deadlocks with a record.
   *
   * A replay that came during the attempt (`replayed_at` after its start) wins: the attempt is
   * counted (attempts, `last_*`), but the delivery stays pending and due, and the subscription due
   * now, instead of delivered or backed off, so the merchant's replay is really sent. Only a
   * pending delivery is written: a drain that stalled past its lease while another worker took the
   * subscription over never turns that worker's newer outcome back.
   */
  private async record(
    ctx: RequestContext,
    subscriptionId: string,
    deliveryId: string,
    at: { attempt: number; startedAt: Date; attemptStart: Date },
    outcome: Exclude<WebhookAttemptOutcome, { kind: 'aborted' }>,
  ): Promise<void> {
    const { em } = ctx;
    const [subscription] = await em.execute<{ status: string; consecutive_failures: number; failing_since: Date | string | null; now: Date | string }[]>(
      'select status, consecutive_failures, failing_since, now() as now from webhook_subscription where id = ? and merchant_id = ? for no key update',
      [subscriptionId, ctx.merchantId!],
    );
    // Deleted during the attempt (its deliveries went with it): nothing left to record.
    if (!subscription) return;
    const last = [at.startedAt, outcome.statusCode, outcome.kind === 'failure' ? outcome.error.slice(0, 1000) : null, outcome.excerpt, outcome.durationMs];
    const lastColumns = 'attempts = attempts + 1, last_attempt_at = ?, last_status_code = ?, last_error = ?, last_response_excerpt = ?, last_duration_ms = ?';
    const replayedSince = 'coalesce(replayed_at > ?::timestamptz, false)';
    if (outcome.kind === 'success') {
      await em.execute(
        `update webhook_subscription_delivery set ${lastColumns},
                status = case when ${replayedSince} then 'pending' else 'delivered' end,
                delivered_at = case when ${replayedSince} then delivered_at else now() end
          where id = ? and merchant_id = ? and status = 'pending'`,
        [...last, at.attemptStart, at.attemptStart, deliveryId, ctx.merchantId!],
      );
      await em.execute(
        `update webhook_subscription set consecutive_failures = 0, failing_since = null, last_success_at = now(), next_attempt_at = now() where id = ? and merchant_id = ?`,
        [subscriptionId, ctx.merchantId!],
      );
      // The endpoint is back: what waits for its own backoff from the outage is due now ("the rest follow once one succeeds").
      if (subscription.consecutive_failures > 0) {
        await em.execute(
          `update webhook_subscription_delivery set next_attempt_at = now() where subscription_id = ? and merchant_id = ? and status = 'pending' and next_attempt_at > now()`,
          [subscriptionId, ctx.merchantId!],
        );
      }
      return;
    }
    const [delivery] = await em.execute<{ replayed: boolean }[]>(
      `update webhook_subscription_delivery set ${lastColumns},
              next_attempt_at = case when ${replayedSince} then next_attempt_at else now() + make_interval(secs => ?::bigint / 1000.0) end,
              status = case when ${replayedSince} then 'pending'
                            when now() - window_started_at >= make_interval(secs => ?::bigint / 1000.0) then 'failed' else 'pending' end
        where id = ? and merchant_id = ? and status = 'pending' returning ${replayedSince} as replayed`,
      [...last, at.attemptStart, backoffMs(this.config, at.attempt), at.attemptStart, this.config.retryWindowMs, deliveryId, ctx.merchantId!, at.attemptStart],
    );
    const replayed = delivery?.replayed ?? false;
    const now = new Date(subscription.now);
    const failures = subscription.consecutive_failures + 1;
    const failingSince = subscription.failing_since ? new Date(subscription.failing_since) : now;
    const disable = subscription.status === 'active' && failures >= this.config.disableAfterFailures && now.getTime() - failingSince.getTime() >= this.config.disableAfterMs;
    // `updated_at` moves only with the status (settings or status, as the API says), not with every attempt.
    await em.execute(
      `update webhook_subscription set consecutive_failures = ?, failing_since = ?, last_failure_at = now(),
              next_attempt_at = now() + make_interval(secs => ?::bigint / 1000.0)
              ${disable ? `, status = 'disabled', disabled_reason = 'failures', disabled_at = now(), updated_at = now()` : ''}
        where id = ? and merchant_id = ?`,
      [failures, failingSince, replayed ? 0 : backoffMs(this.config, failures), subscriptionId, ctx.merchantId!],
    );
    if (disable) {
      ctx.emit(WEBHOOK_SUBSCRIPTION_DISABLED, { subscriptionId, consecutiveFailures: failures, failingSince: failingSince.toISOString() });
      ctx.log.warn({ subscriptionId, consecutiveFailures: failures }, 'webhook subscription disabled after a long run of failed deliveries');
    }
  }

  /**
   * A partner's subscription whose key expired (no event marks an expiry; a revocation disables at
   * once) is disabled when the dispatcher next reaches it, as a revocation would: what was recorded
   * before the expiry is not sent to the former partner either.
   */
  private async disableForKey(ctx: RequestContext, subscriptionId: string): Promise<void> {
    const [disabled] = await ctx.em.execute<{ consecutive_failures: number; failing_since: Date | string | null }[]>(
      `update webhook_subscription set status = 'disabled', disabled_reason = 'api_key_revoked', disabled_at = now(), updated_at = now()
        where id = ? and merchant_id = ? and status = 'active' returning consecutive_failures, failing_since`,
      [subscriptionId, ctx.merchantId!],
    );
    if (!disabled) return;
    const failingSince = disabled.failing_since ? new Date(disabled.failing_since).toISOString() : null;
    ctx.emit(WEBHOOK_SUBSCRIPTION_DISABLED, { subscriptionId, reason: 'api_key_revoked', consecutiveFailures: disabled.consecutive_failures, failingSince });
  }

  private async release(ctx: RequestContext, subscriptionId: string, lease: WebhookLease): Promise<void> {
    await ctx.em.execute('update webhook_subscription set lease_owner = null, lease_until = null where id = ? and merchant_id = ? and lease_owner = ?', [
      subscriptionId,
      ctx.merchantId!,
      lease.owner,
    ]);
  }
}
