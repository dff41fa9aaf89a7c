import { devSecret, positiveInt, readKitConfig, secretSetting, Settings, stringSetting, type KitConfig } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { defaultLimits, type QueryLimits } from './limits.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SUPERGRAPH_YAML = `${REPO_ROOT}supergraph.yaml`;
export const SUPERGRAPH_GRAPHQL = `${REPO_ROOT}supergraph.graphql`;

export interface GatewayConfig {
  kit: KitConfig;
  host: string;
  port: number;
  /**
   * Signs tokens minted by `npm run token`. Outside development dev tokens are refused before any
   * signature is checked, and this is a random value of the process's own that nobody knows.
   */
  devTokenSecret: string;
  limits: QueryLimits;
  shopperToken: ShopperTokenConfig;
  /**
   * Where browsers reach this gateway's API (`APP_URL`; the storefront widget is told it in its
   * session). Null in development without an explicit `APP_URL`: the gateway's own listening URL
   * then, since the configured default names port 4000 and tests listen on a port of their own.
   */
  publicUrl: string | null;
  /** App proxy requests signed longer ago than this (or this far in the future) are refused as replays. */
  appProxyMaxAgeSeconds: number;
  live: LiveConfig;
  /**
   * `npm run start:services`: how long each subgraph process may take to answer `/readyz` before
   * the start fails, naming it. A loaded machine (or a first run, compiling) can need more.
   */
  subgraphReadyTimeoutMs: number;
  /** Query-cost buckets per caller kind. */
  rateLimits: RateLimitConfig;
  /** `LOYALNEST_DEV=1`: dev tokens, the Sandbox landing page, introspection. Anything else is production. */
  development: boolean;
}

export interface ShopperTokenConfig {
  /** Signs the shopper tokens the gateway issues from a verified app proxy request. */
  secret: string;
  /** Their lifetime; a socket authenticated with one closes when it ends. */
  ttlSeconds: number;
}

/** The subscriptions endpoint (graphql-ws on the gateway's port). */
export interface LiveConfig {
  /** How often each socket is pinged; one that has not answered by the next ping is dropped. */
  heartbeatMs: number;
  /** Events kept per subscription for a client that reads slower than they come; the oldest go first. */
  queueLimit: number;
  /** Subscriptions one socket may hold at once. */
  maxSubscriptionsPerSocket: number;
  /**
   * How often each replica asks again whether the API keys of its open partner sockets are still
   * valid. Revocations close sockets within moments over Redis pub/sub; this catches one whose
   * message was lost (Redis restarted, replica reconnecting) and merchants that uninstalled.
   */
  credentialRecheckMs: number;
}

/** A leaky bucket of query-cost points (Shopify's model): each request takes its cost out, and it refills steadily. */
export interface CostBucketConfig {
  /** Points it holds when full: the largest burst. At least QUERY_MAX_COST, so every query allowed at all fits. */
  size: number;
  /** Points restored per second: the sustained rate. */
  restorePerSecond: number;
}

/** Rate limits in query-cost points per caller, shared by every gateway replica through Redis (see throttle/). */
export interface RateLimitConfig {
  /** Each partner API key. */
  partnerKey: CostBucketConfig;
  /** All the partner API keys of one merchant together. */
  partnerMerchant: CostBucketConfig;
  /** Each merchant admin (a user of the embedded app). */
  admin: CostBucketConfig;
  /** Each shopper (the widget). */
  shopper: CostBucketConfig;
}

/** `RATE_LIMIT_<NAME>_SIZE` and `RATE_LIMIT_<NAME>_RESTORE` (points per second). */
function bucket(env: Settings, name: string, size: number, restorePerSecond: number, maxCost: number): CostBucketConfig {
  const config = { size: positiveInt(env, `RATE_LIMIT_${name}_SIZE`, size), restorePerSecond: positiveInt(env, `RATE_LIMIT_${name}_RESTORE`, restorePerSecond) };
  if (config.size < maxCost) env.problem(`RATE_LIMIT_${name}_SIZE (${config.size}) must be at least QUERY_MAX_COST (${maxCost}), or the costliest allowed query never fits`);
  return config;
}

/**
 * The whole configuration, read and validated once at start: the kit's settings and the
 * gateway's. Every missing or malformed setting is reported together in one `ConfigError`.
 */
export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const env = new Settings(source);
  const kit = readKitConfig(env);
  const maxCost = positiveInt(env, 'QUERY_MAX_COST', defaultLimits.cost);
  const config: GatewayConfig = {
    kit,
    host: stringSetting(env, 'HOST', '127.0.0.1'),
    port: env.read('PORT', portSchema, 4000),
    devTokenSecret: env.development ? secretSetting(env, 'DEV_TOKEN_SECRET', devSecret('dev-token')) : randomBytes(32).toString('base64'),
    limits: {
      depth: positiveInt(env, 'QUERY_MAX_DEPTH', defaultLimits.depth),
      aliases: positiveInt(env, 'QUERY_MAX_ALIASES', defaultLimits.aliases),
      cost: maxCost,
      tokens: positiveInt(env, 'QUERY_MAX_TOKENS', defaultLimits.tokens),
      selections: positiveInt(env, 'QUERY_MAX_SELECTIONS', defaultLimits.selections),
    },
    shopperToken: {
      secret: secretSetting(env, 'SHOPPER_TOKEN_SECRET', devSecret('shopper-token')),
      ttlSeconds: positiveInt(env, 'SHOPPER_TOKEN_TTL_SECONDS', 900),
    },
    publicUrl: env.development && env.raw('APP_URL') === undefined ? null : kit.shopify.appUrl,
    appProxyMaxAgeSeconds: kit.shopify.appProxy.maxAgeSeconds,
    live: {
      heartbeatMs: positiveInt(env, 'LIVE_HEARTBEAT_MS', 15_000),
      queueLimit: positiveInt(env, 'LIVE_QUEUE_LIMIT', 100),
      maxSubscriptionsPerSocket: positiveInt(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET', 20),
      credentialRecheckMs: positiveInt(env, 'LIVE_CREDENTIAL_RECHECK_MS', 10_000),
    },
    subgraphReadyTimeoutMs: positiveInt(env, 'SUBGRAPH_READY_TIMEOUT_MS', 60_000),
    rateLimits: {
      partnerKey: bucket(env, 'PARTNER_KEY', 5_000, 250, maxCost),
      partnerMerchant: bucket(env, 'PARTNER_MERCHANT', 10_000, 500, maxCost),
      admin: bucket(env, 'ADMIN', 20_000, 1_000, maxCost),
      shopper: bucket(env, 'SHOPPER', 10_000, 500, maxCost),
    },
    development: kit.development,
  };
  env.check();
  return config;
}

/** What a worker process (`serve-worker`) reads: the kit's settings and where its probes answer. */
export interface WorkerConfig {
  kit: KitConfig;
  host: string;
  /** `/healthz` and `/readyz` only; `PORT`, else 4100, so it never takes the gateway's 4000 by default. */
  port: number;
}

export const WORKER_DEFAULT_PORT = 4100;

/** The worker's configuration, read and validated once at start; every problem in one `ConfigError`. */
export function loadWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const env = new Settings(source);
  const config: WorkerConfig = {
    kit: readKitConfig(env),
    host: stringSetting(env, 'HOST', '127.0.0.1'),
    port: env.read('PORT', portSchema, WORKER_DEFAULT_PORT),
  };
  env.check();
  return config;
}

/** 0 asks the system for a free port (tests). */
const portSchema = z.string().regex(/^\d{1,5}$/, 'must be a port number').transform(Number).pipe(z.number().max(65_535, 'must be a port number'));

export interface SubgraphEntry {
  name: string;
  /** Where the networked gateway reaches it; `<NAME>_SUBGRAPH_URL` overrides. */
  routingUrl: string;
  /** The subgraph's SDL file, written by `compose`. */
  schemaFile: string;
}

/** supergraph.yaml, in rover's config format: the subgraphs and where they live. */
export function readSupergraphConfig(env: NodeJS.ProcessEnv = process.env): SubgraphEntry[] {
  const doc = parseYaml(readFileSync(SUPERGRAPH_YAML, 'utf8')) as { subgraphs: Record<string, { routing_url: string; schema: { file: string } }> };
  return Object.entries(doc.subgraphs).map(([name, entry]) => ({
    name,
    routingUrl: env[`${name.toUpperCase()}_SUBGRAPH_URL`] ?? entry.routing_url,
    schemaFile: fileURLToPath(new URL(entry.schema.file, `file://${REPO_ROOT}`)),
  }));
}
