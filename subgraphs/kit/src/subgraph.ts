import type { MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { KitConfig } from './config.js';
import { createRequestContext, type Caller, type RequestContext } from './context.js';
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
}

/** A subgraph with its store open, ready to serve. */
export interface SubgraphRuntime {
  name: string;
  module: SubgraphModule;
  config: KitConfig;
  schema: GraphQLSchema;
  orm: MikroORM;
  createContext(caller: Caller): RequestContext;
  close(): Promise<void>;
}

export async function startSubgraph(module: SubgraphModule, config: KitConfig, options: { poolSize?: number } = {}): Promise<SubgraphRuntime> {
  const schema = await module.buildSchema(config);
  const orm = await openStore(config, module.store, options.poolSize);
  return {
    name: module.name,
    module,
    config,
    schema,
    orm,
    createContext: (caller) => createRequestContext(orm.em, caller),
    close: () => orm.close(true),
  };
}
