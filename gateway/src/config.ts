import { devSecret, isProduction, loadKitConfig, secretSetting, type KitConfig } from '@loyalnest/kit';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { defaultLimits, type QueryLimits } from './limits.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SUPERGRAPH_YAML = `${REPO_ROOT}supergraph.yaml`;
export const SUPERGRAPH_GRAPHQL = `${REPO_ROOT}supergraph.graphql`;

export interface GatewayConfig {
  kit: KitConfig;
  host: string;
  port: number;
  /** Signs tokens minted by `npm run token`; refused altogether in production. */
  devTokenSecret: string;
  limits: QueryLimits;
  shopperToken: ShopperTokenConfig;
  /** App proxy requests signed longer ago than this (or this far in the future) are refused as replays. */
  appProxyMaxAgeSeconds: number;
  live: LiveConfig;
  development: boolean;
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
  /**
   * How often each replica asks again whether the API keys of its open partner sockets are still
   * valid. Revocations close sockets within moments over Redis pub/sub; this catches one whose
   * message was lost (Redis restarted, replica reconnecting) and merchants that uninstalled.
   */
  credentialRecheckMs: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not "${env[name]}"`);
  return value;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const kit = loadKitConfig(env);
  return {
    kit,
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 4000),
    devTokenSecret: env.DEV_TOKEN_SECRET ?? createHash('sha256').update('loyalnest-development-only:dev-token').digest('base64'),
    limits: {
      depth: Number(env.QUERY_MAX_DEPTH ?? defaultLimits.depth),
      aliases: Number(env.QUERY_MAX_ALIASES ?? defaultLimits.aliases),
      cost: Number(env.QUERY_MAX_COST ?? defaultLimits.cost),
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
      credentialRecheckMs: positive(env, 'LIVE_CREDENTIAL_RECHECK_MS', 10_000),
    },
    development: kit.nodeEnv === 'development',
    production: isProduction(env),
  };
}

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
