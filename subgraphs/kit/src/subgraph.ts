import type { MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { KitConfig } from './config.js';
import { createRequestContext, type Caller, type RequestContext } from './context.js';
import { eventRoutes, type EventHandler, type MerchantEventsFinish, type MerchantEventsPreparation } from './events/domain-event.js';
import { CommitWakePublisher, wakeChannel } from './events/commit-wake.js';
import { createLivePublisher, type LivePublisher } from './live.js';
import { configureLogs } from './logger.js';
import { watchPool } from './metrics/metrics-collectors.js';
import { noPeers, type PeerClient } from './peers.js';
import { openStore, type StoreDefinition } from './store.js';

/** What each subgraph package exports as its default: the same shape for every domain. */
export interface SubgraphModule {
  name: string;
  store: StoreDefinition;
  /** Builds the federated schema. Needs no store, so `compose` can print SDL without a database. */
  buildSchema(config: KitConfig): Promise<GraphQLSchema>;
  /** HTTP routes the subgraph owns beside GraphQL (OAuth, webhooks), reached through the gateway's port. */
  routes?(runtime: SubgraphRuntime): Router;
  /** Path prefixes `routes` serves, so a networked gateway knows what to forward to this subgraph. */
  routePrefixes?: string[];
  /** Demo data for a fresh database; must be idempotent. */
  seed?(runtime: SubgraphRuntime): Promise<void>;
  /**
   * Handlers of other domains' (or its own) events, by topic. Which subgraph's queue receives a
   * topic is derived from these declarations, so declaring a handler is all it takes to subscribe.
   * `'*'` (`ALL_TOPICS`) receives every topic of every store that no explicit handler here takes.
   */
  consumes?: Record<string, EventHandler>;
  /** Once per merchant per consumer batch, before that merchant's events (`MerchantEventsPreparation`). */
  prepareMerchantEvents?: MerchantEventsPreparation;
  /** Once per merchant per consumer batch, after that merchant's events (`MerchantEventsFinish`). */
  finishMerchantEvents?: MerchantEventsFinish;
  /**
   * Tables of this store whose rows matter only while an event can still be delivered again (rows
   * written per event to make a handler's outside effect happen once, like `flow_trigger_sent`),
   * each with the SECURITY DEFINER function that deletes one batch of its rows older than the
   * dedupe window, `fn(p_min_age_ms bigint, p_limit int) returns int` (the rows deleted). The event
   * tables' pruning calls them with the same window and batch (`pruneEvents`).
   */
  dedupeTables?: Record<string, string>;
  /**
   * Periodic background work (sweepers, scheduled jobs), started and stopped with the event
   * machinery. Each run must be safe with several replicas running it at once.
   */
  jobs?(runtime: SubgraphRuntime): SubgraphJob[];
}

export interface SubgraphJob {
  name: string;
  everyMs: number;
  /**
   * A table of the store whose inserts wake the job at once, after their commit: the table declares
   * the `markWake` trigger, and the wake comes through Redis (`commit-wake.ts`); `everyMs` is then
   * only the safety net. Two runs start at least `gapMs` apart, so a stream of wakes is worked in
   * batches. The trigger must never fire for the job's own writes, or an idle job wakes itself
   * forever.
   */
  wakeOn?: { table: string; gapMs: number };
  /**
   * One pass. `signal` aborts when the runtime closes, and shutdown waits for the pass to return: a
   * pass whose items call out (Shopify, each up to its deadline) checks it between two items. Passes
   * of quick store writes may ignore it.
   */
  run(signal: AbortSignal): Promise<void>;
}

/** A subgraph with its store open, ready to serve. */
export interface SubgraphRuntime {
  name: string;
  module: SubgraphModule;
  config: KitConfig;
  schema: GraphQLSchema;
  orm: MikroORM;
  /** The other subgraphs, for event handlers and jobs that need to read from them. */
  peers: PeerClient;
  /** Redis pub/sub for live updates (subscriptions). */
  live: LivePublisher;
  /** The subgraphs of this deployment that name `topic` in their `consumes` (`*` consumers excepted): who takes part in a request. */
  consumersOf(topic: string): string[];
  createContext(caller: Caller): RequestContext;
  /** Runs `fn` when the runtime closes, before its store does (newest first): workers, relays. */
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
}

export async function startSubgraph(module: SubgraphModule, config: KitConfig, options: { poolSize?: number; peers?: PeerClient; modules?: SubgraphModule[] } = {}): Promise<SubgraphRuntime> {
  configureLogs(config.logs, config.development);
  const schema = await module.buildSchema(config);
  // Every process that writes to the store wakes that store's pumps (relays, jobs), wherever they run.
  const commitWake = new CommitWakePublisher(config.redisUrl, (table) => wakeChannel(config, module.store.name, table), module.name);
  const orm = await openStore(config, module.store, options.poolSize ?? config.databasePoolMax, { onCommitWake: (tables) => commitWake.wake(tables) });
  const closers: (() => Promise<void>)[] = [];
  const peers = options.peers ?? noPeers;
  const live = createLivePublisher(config, module.name);
  const unwatchPool = watchPool(module.name, 'requests', () => orm.em.getConnection().getNativeClient());
  return {
    name: module.name,
    module,
    config,
    schema,
    orm,
    peers,
    live,
    consumersOf: (topic) => (eventRoutes(options.modules ?? [module]).get(topic) ?? []).slice(),
    createContext: (caller) => createRequestContext(orm.em, caller, { peers, live, subgraph: module.name }),
    onClose: (fn) => {
      closers.unshift(fn);
    },
    async close() {
      for (const fn of closers.splice(0)) await fn();
      unwatchPool();
      await live.close();
      await commitWake.close();
      await orm.close(true);
    },
  };
}
