import { z } from 'zod';
import { readWebhooksConfig, type WebhooksConfig } from './webhooks-config.js';
import { devSecret, encryptionKeysSchema, positiveInt, positiveIntSchema, secretOfLength, secretSetting, Settings, stringSetting, urlSetting } from './settings.js';

/** Runtime settings shared by the gateway and every subgraph, read once from the environment. */
export interface KitConfig {
  /** `LOYALNEST_DEV=1`: demo secrets and dev tokens allowed; never decided by NODE_ENV. */
  development: boolean;
  /**
   * Stack traces and SQL in error responses: development only, on by default there
   * (`ERROR_STACK_TRACES=0` turns them off; the test suite does, to check what production answers).
   */
  errorStackTraces: boolean;
  /** Superuser / owner connection: creates databases, runs migrations. Never used to serve requests. */
  databaseUrl: string;
  /** Each subgraph's database is `${databasePrefix}_${subgraph}`. Tests use their own prefix. */
  databasePrefix: string;
  /**
   * `DATABASE_POOL_MAX` (10): the most connections each store's service pool opens in this process
   * (requests, and the batches of the consumers it runs; at least 2 in a process that processes
   * events, or a batch holding the only one starves `/readyz`). A process holds, per store it
   * serves, up to this many, `EVENTS_POOL_MAX` more and one listening connection when it processes
   * events, and the points store two more for Flow trigger claims:
   * size them so every process together stays under PostgreSQL's `max_connections` (or PgBouncer's
   * pool), as `docs/scaling.md` shows.
   */
  databasePoolMax: number;
  /** The non-owner role the services connect as, so forced row-level security applies to them. */
  appDbUser: string;
  appDbPassword: string;
  redisUrl: string;
  /** Signs the short-lived gateway → subgraph context tokens. */
  internalTokenSecret: string;
  /** `id:base64key` pairs, comma separated; the first is the one new data is written with. */
  encryptionKeys: string;
  /** Keys the HMAC blind indexes (email lookup). Separate from the encryption keys on purpose. */
  blindIndexKey: string;
  shopify: ShopifyConfig;
  events: EventsConfig;
  redemptions: RedemptionsConfig;
  pointsJobs: PointsJobsConfig;
  referrals: ReferralsConfig;
  segmentExports: SegmentExportsConfig;
  segmentSync: SegmentSyncConfig;
  webhooks: WebhooksConfig;
  /**
   * `SEGMENT_NIGHTLY` (`on`, the default, or `off`): whether this process's segment subgraph keeps
   * the nightly recompute's BullMQ scheduler and takes its ticks. The test suite turns it off
   * where a tick at an hour's turn would recompute the merchants a test set up by hand.
   */
  segmentNightly: boolean;
  logs: LogSettings;
  metrics: MetricsConfig;
}

export interface ReferralsConfig {
  /**
   * `REFERRAL_CLICK_FLUSH_MS`: how often link clicks counted in Redis move into PostgreSQL. The
   * longest a Redis loss can cost in click counts (never a code or a referral).
   */
  clickFlushEveryMs: number;
  /**
   * `REFERRAL_HOLD_EVERY_MS`: how often referrals whose hold window has ended are completed. The
   * longest an advocate waits for their points past the hold.
   */
  holdEveryMs: number;
  /**
   * `TRUSTED_PROXY_HOPS` (1): how many proxies in front of the service append to `X-Forwarded-For`
   * (Shopify's app proxy, a load balancer). The client's address is the entry this many from the
   * right: entries further left are whatever the visitor sent, and the IP fraud checks must not
   * trust them. A header with fewer entries leaves the connection's own address.
   */
  trustedProxyHops: number;
}

/** The segment subgraph's member exports (`exportSegment`). */
export interface SegmentExportsConfig {
  /**
   * `SEGMENT_EXPORT_LIFETIME_HOURS` (24): how long a finished export can be downloaded; then the
   * prune job deletes its file (it holds customers' emails and names).
   */
  lifetimeMs: number;
}

/** The segment domain's Shopify metafield sync (customers' RFM segment names). */
export interface SegmentSyncConfig {
  /**
   * `SEGMENT_SYNC_BACKOFF_MS` (30 s): the wait after a batch's first failed attempt; it doubles
   * with each further one, up to an hour.
   */
  backoffMs: number;
  /**
   * `SEGMENT_SYNC_ATTEMPTS` (8): attempts per customer before the sync gives up on them (until
   * their next change of segment, or the sync's next switch-on).
   */
  attempts: number;
}

/** Who may read `/metrics` (see `metricsRoute`). */
export interface MetricsConfig {
  /**
   * `METRICS_TOKEN`: the bearer token Prometheus sends. Unset, `/metrics` is open in development
   * and absent (404) anywhere else.
   */
  token: string | null;
}

/** The structured logs (pino): JSON lines, except readable lines on a development terminal. */
export interface LogSettings {
  /** `LOG_LEVEL`: the least severe level written (`trace` … `fatal`, or `silent`). */
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** `LOG_FILE`: JSON lines appended to this file instead of standard output; null for standard output. */
  file: string | null;
}

export const REDEMPTION_FAULT_POINTS = ['after-debit', 'after-shopify'] as const;
export type RedemptionFaultPoint = (typeof REDEMPTION_FAULT_POINTS)[number];

/** The points subgraph's redemption jobs. */
export interface RedemptionsConfig {
  /**
   * A redemption still PENDING this long after its last attempt is taken up by the recovery job
   * (a crash cut its request short); well above the merchant subgraph's Shopify deadline, so the
   * job never races a request that is still waiting for Shopify.
   */
  pendingTimeoutMs: number;
  /** Attempts at creating the code (the request's included) before the points are given back. */
  maxAttempts: number;
  /** How often the recovery and expiry jobs run. */
  jobsEveryMs: number;
  /**
   * Rechecks of a failed redemption's code that the shop refuses (uninstalled, token revoked)
   * before the recovery job gives up on it and marks it `recheck_abandoned_at` for an operator.
   */
  maxRechecks: number;
  /**
   * `REDEMPTION_FAULT_KILL`, development only (refused otherwise): the process kills itself with
   * SIGKILL at this point of the first redemption request that reaches it, so tests can prove that
   * recovery settles what a crash cut short. `after-debit`: the debit committed, Shopify not asked;
   * `after-shopify`: Shopify created the code, the answer not written. Null: never.
   */
  faultKill: RedemptionFaultPoint | null;
}

/**
 * How often the points subgraph's scheduled jobs run. Each is correct however often it runs (a
 * run does only what is due and repeats nothing), so these trade promptness for load.
 */
export interface PointsJobsConfig {
  /** Releasing pending points whose hold has ended. */
  releaseEveryMs: number;
  /** Expiring points and warning ahead of it; expiry is counted in months, so daily is enough. */
  expiryEveryMs: number;
  /** Awarding birthday bonuses (UTC dates). */
  birthdayEveryMs: number;
}

/** The event backbone: outbox relay, BullMQ queues, consumers. */
export interface EventsConfig {
  /**
   * `EVENT_PROCESSING` (`on`, the default, or `off`): whether a serving process (`serve`, `start`,
   * `serve-subgraph`) also runs the relays, consumers and jobs of its subgraphs. `off` where
   * `serve-worker` processes run them apart, so requests never queue behind background work.
   * `serve-worker` itself always processes.
   */
  processing: boolean;
  /**
   * BullMQ key prefix; queue `<consumer>` is `{${queuePrefix}:events:<consumer>}:<consumer>` (see
   * `bullPrefix`). Defaults to the database
   * prefix so the test databases and the demo never feed each other's queues on a shared Redis.
   */
  queuePrefix: string;
  /** Deliveries a consumer gets before the event is dead-lettered. */
  attempts: number;
  /** First retry delay; each further retry waits twice as long. */
  backoffMs: number;
  /**
   * The safety-net poll of the relay, the dead-letter retries and the jobs woken by a table (the
   * audit chainer). Their work arrives by wake-ups (the commit wakes on Redis, LISTEN/NOTIFY for
   * dead-letter retries); this only bounds the wait for work whose wake-up was lost (a listener or subscription
   * reconnects and catches up), rows a crashed replica held, a failed pass's retry and noticing
   * that Redis lost its queues.
   */
  pollMs: number;
  /** A delivery not acknowledged this long after it was published is published again. */
  ackTimeoutMs: number;
  /** Jobs one worker holds at once; up to `batchSize` of them are applied in one transaction. */
  concurrency: number;
  /**
   * `EVENTS_POOL_MAX` (3): connections per store for the relay's outbox claims, the consumer's
   * stall and dead-letter bookkeeping and the pruning job, apart from the service pool the
   * handlers' batches use. Only a process that processes events opens them.
   */
  poolMax: number;
  /**
   * The most events a consumer applies in one transaction (see `EventConsumer`). Each event runs in
   * a savepoint of its own (a subtransaction, more if its handler nests): bounded, because past 64
   * subtransactions that wrote, every other session's snapshot checks consult pg_subtrans until the
   * batch commits.
   */
  batchSize: number;
  /**
   * How long a batch waits for more events after its first, unless it fills first: short beside a
   * commit, long enough for a worker catching up on a backlog to fill its batches.
   */
  batchWaitMs: number;
  /**
   * How long a worker's hold on a job lasts without renewal; a worker that died (SIGKILL, lost
   * machine) stops renewing, and after this long another worker takes the job back and runs it
   * again. Also how often workers look for such jobs.
   */
  lockMs: number;
  /**
   * A webhook delivery still unprocessed this long after it arrived (or after its last sweep) is
   * published again, at most `inboxMaxSweeps` times; the inbox sweeper runs every tenth of it.
   */
  inboxStaleMs: number;
  inboxMaxSweeps: number;
  /**
   * Times an event may stop its worker mid-job (the process killed, e.g. out of memory) before it
   * is dead-lettered instead of run again; counted in the consumer's store (`event_stall`).
   */
  maxStalls: number;
  /** Outbox events every consumer acknowledged are kept this long after the last acknowledgement. */
  outboxRetentionMs: number;
  /**
   * The dedupe window: `consumed_event` rows are kept this long after consumption. It must exceed
   * the longest a delivery can arrive late (see `pruneEvents`); at least a day.
   */
  dedupeRetentionMs: number;
  /** How often each store's event tables are pruned. */
  pruneEveryMs: number;
}

export interface ShopifyConfig {
  /** The app's client id: the `aud` of session tokens and the OAuth `client_id`. */
  apiKey: string;
  /** Signs session tokens, OAuth query HMACs and webhooks. */
  apiSecret: string;
  /** Access scopes requested at install. */
  scopes: string;
  /**
   * Where a shop's Admin API lives, `{shop}` replaced by the shop domain. Tests point it at a
   * local fake of Shopify's HTTP API.
   */
  baseUrl: string;
  /** Public URL of this app (the OAuth redirect goes to `${appUrl}/auth/callback`). */
  appUrl: string;
  /** Admin API version the app talks to. */
  apiVersion: string;
  /** How calls to the Admin GraphQL API retry; tests make these short. */
  admin: ShopifyAdminRetryConfig;
  /** Shopify's app proxy: how storefront requests reach the app through the shop's own domain. */
  appProxy: AppProxyConfig;
}

export interface AppProxyConfig {
  /**
   * `APP_PROXY_PATH`: the storefront path the app's proxy is configured under (its prefix and
   * subpath in the app's settings, e.g. `/apps/loyalnest`); links shoppers share start with it.
   */
  path: string;
  /** `APP_PROXY_MAX_AGE_SECONDS`: a proxied request whose `timestamp` is further than this from now is refused. */
  maxAgeSeconds: number;
}

export interface ShopifyAdminRetryConfig {
  /** Attempts per call, the first included. */
  attempts: number;
  /** Each attempt is abandoned after this long. */
  attemptTimeoutMs: number;
  /** No attempt starts, and no wait is begun, that would end after this long from the first. */
  deadlineMs: number;
  /** First backoff; each further one is twice as long, with jitter. */
  backoffMs: number;
}

/**
 * Reads and validates every setting of the kit once, at start. Outside development each secret
 * must be set; every missing or malformed setting is reported in one `ConfigError`.
 */
export function loadKitConfig(source: NodeJS.ProcessEnv = process.env): KitConfig {
  const env = new Settings(source);
  const config = readKitConfig(env);
  env.check();
  return config;
}

const DAY_MS = 86_400_000;
const MAX_EVENTS_BATCH = 500;

/** The kit's settings, problems recorded in `env` (the gateway adds its own before checking). */
export function readKitConfig(env: Settings): KitConfig {
  const port = env.raw('PORT') ?? '4000';
  const config: KitConfig = {
    development: env.development,
    errorStackTraces: errorStackTraces(env),
    databaseUrl: urlSetting(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/postgres', ['postgres:', 'postgresql:']),
    databasePrefix: stringSetting(env, 'DATABASE_PREFIX', 'loyalnest'),
    databasePoolMax: positiveInt(env, 'DATABASE_POOL_MAX', 10),
    appDbUser: stringSetting(env, 'DATABASE_APP_USER', 'loyalnest_app'),
    appDbPassword: secretSetting(env, 'DATABASE_APP_PASSWORD', 'loyalnest_app_dev', secretOfLength(12)),
    redisUrl: urlSetting(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    internalTokenSecret: secretSetting(env, 'INTERNAL_TOKEN_SECRET', devSecret('internal-token')),
    encryptionKeys: secretSetting(env, 'ENCRYPTION_KEYS', `dev1:${devSecret('encryption')}`, encryptionKeysSchema),
    blindIndexKey: secretSetting(env, 'BLIND_INDEX_KEY', devSecret('blind-index')),
    shopify: {
      // Not secret, but a stand-in client id in production would fail every install and session.
      apiKey: secretSetting(env, 'SHOPIFY_API_KEY', 'loyalnest-dev-api-key', z.string()),
      apiSecret: secretSetting(env, 'SHOPIFY_API_SECRET', devSecret('shopify-api-secret'), secretOfLength(16)),
      // write_discounts: rewards are redeemed as discount codes created in the shop.
      scopes: stringSetting(env, 'SHOPIFY_SCOPES', 'read_customers,read_orders,write_discounts'),
      baseUrl: shopifyBaseUrl(env),
      // OAuth redirects here: a localhost stand-in in production would break every install.
      appUrl: env.development ? urlSetting(env, 'APP_URL', `http://localhost:${port}`, ['http:', 'https:']) : requiredUrl(env, 'APP_URL'),
      apiVersion: stringSetting(env, 'SHOPIFY_API_VERSION', '2025-10'),
      admin: {
        attempts: positiveInt(env, 'SHOPIFY_ADMIN_ATTEMPTS', 4),
        attemptTimeoutMs: positiveInt(env, 'SHOPIFY_ADMIN_TIMEOUT_MS', 10_000),
        deadlineMs: positiveInt(env, 'SHOPIFY_ADMIN_DEADLINE_MS', 20_000),
        backoffMs: positiveInt(env, 'SHOPIFY_ADMIN_BACKOFF_MS', 500),
      },
      appProxy: {
        path: appProxyPath(env),
        maxAgeSeconds: positiveInt(env, 'APP_PROXY_MAX_AGE_SECONDS', 120),
      },
    },
    events: {
      processing: env.read('EVENT_PROCESSING', z.enum(['on', 'off'], { error: 'must be on or off' }).transform((v) => v === 'on'), true),
      queuePrefix: stringSetting(env, 'EVENTS_QUEUE_PREFIX', env.raw('DATABASE_PREFIX') ?? 'loyalnest'),
      attempts: positiveInt(env, 'EVENTS_ATTEMPTS', 5),
      backoffMs: positiveInt(env, 'EVENTS_BACKOFF_MS', 1000),
      pollMs: positiveInt(env, 'EVENTS_POLL_MS', 5000),
      ackTimeoutMs: positiveInt(env, 'EVENTS_ACK_TIMEOUT_MS', 60_000),
      concurrency: positiveInt(env, 'EVENTS_CONCURRENCY', 20),
      poolMax: positiveInt(env, 'EVENTS_POOL_MAX', 3),
      batchWaitMs: positiveInt(env, 'EVENTS_BATCH_WAIT_MS', 5),
      batchSize: env.read('EVENTS_BATCH_SIZE', positiveIntSchema.refine((n) => n <= MAX_EVENTS_BATCH, `must be at most ${MAX_EVENTS_BATCH}`), 10),
      lockMs: positiveInt(env, 'EVENTS_LOCK_MS', 30_000),
      inboxStaleMs: positiveInt(env, 'INBOX_STALE_MS', 15 * 60_000),
      inboxMaxSweeps: positiveInt(env, 'INBOX_MAX_SWEEPS', 3),
      maxStalls: positiveInt(env, 'EVENTS_MAX_STALLS', 3),
      outboxRetentionMs: positiveInt(env, 'EVENTS_OUTBOX_RETENTION_MS', 7 * DAY_MS),
      dedupeRetentionMs: positiveInt(env, 'EVENTS_DEDUPE_RETENTION_MS', 30 * DAY_MS),
      pruneEveryMs: positiveInt(env, 'EVENTS_PRUNE_EVERY_MS', 3_600_000),
    },
    redemptions: {
      pendingTimeoutMs: positiveInt(env, 'REDEMPTION_PENDING_TIMEOUT_MS', 5 * 60_000),
      maxAttempts: positiveInt(env, 'REDEMPTION_MAX_ATTEMPTS', 5),
      jobsEveryMs: positiveInt(env, 'REDEMPTION_JOBS_EVERY_MS', 60_000),
      maxRechecks: positiveInt(env, 'REDEMPTION_MAX_RECHECKS', 5),
      faultKill: redemptionFaultKill(env),
    },
    pointsJobs: {
      releaseEveryMs: positiveInt(env, 'POINTS_RELEASE_EVERY_MS', 60_000),
      expiryEveryMs: positiveInt(env, 'POINTS_EXPIRY_EVERY_MS', 24 * 3_600_000),
      birthdayEveryMs: positiveInt(env, 'POINTS_BIRTHDAY_EVERY_MS', 24 * 3_600_000),
    },
    referrals: {
      clickFlushEveryMs: positiveInt(env, 'REFERRAL_CLICK_FLUSH_MS', 5_000),
      holdEveryMs: positiveInt(env, 'REFERRAL_HOLD_EVERY_MS', 60_000),
      trustedProxyHops: positiveInt(env, 'TRUSTED_PROXY_HOPS', 1),
    },
    segmentExports: {
      lifetimeMs: positiveInt(env, 'SEGMENT_EXPORT_LIFETIME_HOURS', 24) * 3_600_000,
    },
    segmentNightly: env.read('SEGMENT_NIGHTLY', z.enum(['on', 'off'], { error: 'must be on or off' }).transform((v) => v === 'on'), true),
    segmentSync: {
      backoffMs: positiveInt(env, 'SEGMENT_SYNC_BACKOFF_MS', 30_000),
      attempts: positiveInt(env, 'SEGMENT_SYNC_ATTEMPTS', 8),
    },
    webhooks: readWebhooksConfig(env),
    logs: {
      level: env.read('LOG_LEVEL', z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']), 'info'),
      file: stringSetting(env, 'LOG_FILE', '') || null,
    },
    metrics: { token: env.raw('METRICS_TOKEN') === undefined ? null : env.secret('METRICS_TOKEN', secretOfLength(32), '') },
  };
  const { dedupeRetentionMs, inboxStaleMs, inboxMaxSweeps } = config.events;
  const floor = Math.max(DAY_MS, 2 * inboxStaleMs * (inboxMaxSweeps + 1));
  if (dedupeRetentionMs < floor) {
    env.problem(`EVENTS_DEDUPE_RETENTION_MS (${dedupeRetentionMs}) must be at least ${floor}: a day, and twice the inbox sweeper's span (see pruneEvents)`);
  }
  return config;
}

/**
 * The storefront path the widget's app embed block is written for: its `data-proxy-path`
 * (extensions/loyalnest-widget/blocks/loyalnest-embed.liquid; a test keeps the two equal). Theme
 * Liquid cannot read the app's settings, so the block cannot follow `APP_PROXY_PATH` by itself.
 */
export const WIDGET_PROXY_PATH = '/apps/loyalnest';

/**
 * `APP_PROXY_PATH`. Outside development it must be the path the widget's block was built for: with
 * any other, every storefront's widget would ask a path the app proxy does not serve, and fail
 * quietly on every page. Development (the local storefront, tests) may try another.
 */
function appProxyPath(env: Settings): string {
  // Shopify's prefixes are apps, a, community and tools; the subpath is the app's to choose.
  const path = env.read('APP_PROXY_PATH', z.string().regex(/^\/(apps|a|community|tools)\/[a-z0-9-]{1,30}$/, { error: 'must be /apps/<subpath> (or /a, /community, /tools), lower case' }), WIDGET_PROXY_PATH);
  if (path !== WIDGET_PROXY_PATH && !env.development) {
    env.problem(
      `APP_PROXY_PATH (${path}) is not the path the storefront widget is built for (${WIDGET_PROXY_PATH}): change data-proxy-path in extensions/loyalnest-widget/blocks/loyalnest-embed.liquid and WIDGET_PROXY_PATH in subgraphs/kit/src/config.ts together, then deploy the extension`,
    );
  }
  return path;
}

/** A fault-injection point kills the process: never outside development, whatever else is set. */
function redemptionFaultKill(env: Settings): RedemptionFaultPoint | null {
  const point = env.read('REDEMPTION_FAULT_KILL', z.enum(REDEMPTION_FAULT_POINTS), null as RedemptionFaultPoint | null);
  if (point && !env.development) {
    env.problem('REDEMPTION_FAULT_KILL is a test fault injection and is refused outside development');
    return null;
  }
  return point;
}

function errorStackTraces(env: Settings): boolean {
  const raw = env.raw('ERROR_STACK_TRACES');
  if (raw === undefined) return env.development;
  if (raw !== '0' && raw !== '1') {
    env.problem(`ERROR_STACK_TRACES must be 0 or 1, got '${raw.slice(0, 20)}'`);
    return false;
  }
  if (raw === '1' && !env.development) {
    env.problem('ERROR_STACK_TRACES=1 is allowed only in development: stack traces never reach clients in production');
    return false;
  }
  return raw === '1';
}

/** The Admin API's address template; `{shop}` is replaced by the shop's domain. */
function shopifyBaseUrl(env: Settings): string {
  const template = stringSetting(env, 'SHOPIFY_BASE_URL', 'https://{shop}');
  const filled = template.replaceAll('{shop}', 'example.myshopify.com');
  if (!template.includes('{shop}') || !URL.canParse(filled) || !['http:', 'https:'].includes(new URL(filled).protocol)) {
    env.problem(`SHOPIFY_BASE_URL must be an http(s) URL containing {shop}, got '${template.slice(0, 60)}'`);
  }
  return template;
}

function requiredUrl(env: Settings, name: string): string {
  if (env.raw(name) === undefined) {
    env.problem(`${name} is required outside development (set LOYALNEST_DEV=1 for development)`);
    return '';
  }
  return urlSetting(env, name, '', ['http:', 'https:']);
}
