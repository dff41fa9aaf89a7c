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
  /** App proxy requests signed longer ago than this (or this far in the future) are refused as replays. */
  appProxyMaxAgeSeconds: number;
  live: LiveConfig;
  /** `LOYALNEST_DEV=1`: dev tokens, the Sandbox landing page, anonymous introspection. */
  development: boolean;
  /** Anything that is not explicitly development. */
  production: boolean;
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
}

const positive = positiveInt;

/**
 * The whole configuration, read and validated once at start: the kit's settings and the
 * gateway's. Every missing or malformed setting is reported together in one `ConfigError`.
 */
export function loadGatewayConfig(source: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const env = new Settings(source);
  const kit = readKitConfig(env);
  const config: GatewayConfig = {
    kit,
    host: stringSetting(env, 'HOST', '127.0.0.1'),
    port: env.read('PORT', portSchema, 4000),
    devTokenSecret: env.development ? secretSetting(env, 'DEV_TOKEN_SECRET', devSecret('dev-token')) : randomBytes(32).toString('base64'),
    limits: {
      depth: positive(env, 'QUERY_MAX_DEPTH', defaultLimits.depth),
      aliases: positive(env, 'QUERY_MAX_ALIASES', defaultLimits.aliases),
      cost: positive(env, 'QUERY_MAX_COST', defaultLimits.cost),
    },
    shopperToken: {
      secret: secretSetting(env, 'SHOPPER_TOKEN_SECRET', devSecret('shopper-token')),
      ttlSeconds: positive(env, 'SHOPPER_TOKEN_TTL_SECONDS', 900),
    },
    appProxyMaxAgeSeconds: positive(env, 'APP_PROXY_MAX_AGE_SECONDS', 120),
    live: {
      heartbeatMs: positive(env, 'LIVE_HEARTBEAT_MS', 15_000),
      queueLimit: positive(env, 'LIVE_QUEUE_LIMIT', 100),
      maxSubscriptionsPerSocket: positive(env, 'LIVE_MAX_SUBSCRIPTIONS_PER_SOCKET', 20),
    },
    development: kit.development,
    production: !kit.development,
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
