import { z } from 'zod';
import { positiveInt, type Settings } from './settings.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Which endpoints outgoing webhooks may be sent to. `strict`: `https` only, and never to an address
 * that is private, loopback, link-local or otherwise not public once resolved (checked at
 * subscription and again at every delivery, on the address actually connected to). `local`:
 * `http` and private addresses too, for receivers on a developer's machine; development only.
 */
export const WEBHOOK_ENDPOINT_POLICIES = ['strict', 'local'] as const;
export type WebhookEndpointPolicy = (typeof WEBHOOK_ENDPOINT_POLICIES)[number];

/** Outgoing webhooks: what the merchant subgraph's dispatcher job sends, and how it retries. */
export interface WebhooksConfig {
  /** `WEBHOOK_ENDPOINT_POLICY` (`local` in development, `strict` elsewhere, where `local` is refused). */
  endpointPolicy: WebhookEndpointPolicy;
  /** `WEBHOOK_TIMEOUT_MS` (15 s): an attempt without a complete answer by then failed. */
  timeoutMs: number;
  /** `WEBHOOK_CONCURRENCY` (10): endpoints one worker process sends to at once, one request each. */
  concurrency: number;
  /**
   * `WEBHOOK_DRAINS_PER_MERCHANT` (2): endpoints of one merchant sent to at once across the whole
   * deployment, so that a merchant with many slow endpoints and a backlog never fills a worker. The
   * cost: one merchant's burst to many healthy endpoints drains this many at a time.
   */
  drainsPerMerchant: number;
  /** `WEBHOOK_BACKOFF_MS` (30 s): the wait after a first failure; it doubles with each further one, with jitter. */
  backoffMs: number;
  /** `WEBHOOK_BACKOFF_MAX_MS` (1 h): the longest wait between two attempts. */
  backoffMaxMs: number;
  /**
   * `WEBHOOK_RETRY_WINDOW_MS` (72 h): a delivery is retried until this long after it was recorded
   * (or replayed), then marked failed. At least 24 hours outside development.
   */
  retryWindowMs: number;
  /**
   * `WEBHOOK_DISABLE_AFTER_FAILURES` (20) and `WEBHOOK_DISABLE_AFTER_MS` (72 h): a subscription is
   * disabled once its endpoint has failed at least this many attempts in a row, over at least this
   * long (at least 24 hours outside development), and the merchant is told on the dashboard.
   */
  disableAfterFailures: number;
  disableAfterMs: number;
  /** `WEBHOOK_RESPONSE_LIMIT_BYTES` (1024): how much of an answer's body is read and kept; the rest is never read. */
  responseLimitBytes: number;
  /** `WEBHOOK_POLL_MS` (5 s, the events' safety-net poll): how often the dispatcher looks for retries that came due (new deliveries wake it at once; retries wait 30 s at least). */
  pollMs: number;
}

/** The webhooks' settings, problems recorded in `env`. */
export function readWebhooksConfig(env: Settings): WebhooksConfig {
  const endpointPolicy = env.read('WEBHOOK_ENDPOINT_POLICY', z.enum(WEBHOOK_ENDPOINT_POLICIES, { error: 'must be strict or local' }), env.development ? 'local' : 'strict');
  if (endpointPolicy === 'local' && !env.development) {
    env.problem('WEBHOOK_ENDPOINT_POLICY=local is allowed only in development: outgoing webhooks go to public https endpoints only');
  }
  const config: WebhooksConfig = {
    endpointPolicy: env.development ? endpointPolicy : 'strict',
    timeoutMs: positiveInt(env, 'WEBHOOK_TIMEOUT_MS', 15_000),
    concurrency: positiveInt(env, 'WEBHOOK_CONCURRENCY', 10),
    drainsPerMerchant: positiveInt(env, 'WEBHOOK_DRAINS_PER_MERCHANT', 2),
    backoffMs: positiveInt(env, 'WEBHOOK_BACKOFF_MS', 30_000),
    backoffMaxMs: positiveInt(env, 'WEBHOOK_BACKOFF_MAX_MS', HOUR_MS),
    retryWindowMs: positiveInt(env, 'WEBHOOK_RETRY_WINDOW_MS', 3 * DAY_MS),
    disableAfterFailures: positiveInt(env, 'WEBHOOK_DISABLE_AFTER_FAILURES', 20),
    disableAfterMs: positiveInt(env, 'WEBHOOK_DISABLE_AFTER_MS', 3 * DAY_MS),
    responseLimitBytes: positiveInt(env, 'WEBHOOK_RESPONSE_LIMIT_BYTES', 1024),
    pollMs: positiveInt(env, 'WEBHOOK_POLL_MS', 5000),
  };
  if (!env.development) {
    // What partners are promised (docs/partners.md): a day of retries before anything is given up.
    if (config.retryWindowMs < DAY_MS) env.problem(`WEBHOOK_RETRY_WINDOW_MS (${config.retryWindowMs}) must be at least a day (${DAY_MS}) outside development`);
    if (config.disableAfterMs < DAY_MS) env.problem(`WEBHOOK_DISABLE_AFTER_MS (${config.disableAfterMs}) must be at least a day (${DAY_MS}) outside development`);
  }
  if (config.backoffMaxMs < config.backoffMs) env.problem(`WEBHOOK_BACKOFF_MAX_MS (${config.backoffMaxMs}) must be at least WEBHOOK_BACKOFF_MS (${config.backoffMs})`);
  return config;
}
