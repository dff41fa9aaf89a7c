import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { KitConfig } from './config.js';
import { EVENT_ENTITIES } from './events/entities.js';
import { ensureRoles, SERVICE_ROLE } from './store-roles.js';
import { storeDriverOptions, StorePostgreSqlDriver, type OnCommitWake } from './store-driver.js';

/** What a subgraph declares about its store; the kit does the rest the same way for all. */
export interface StoreDefinition {
  /** Subgraph name: database `${prefix}_${name}`, migrations in `migrations/${name}/`. */
  name: string;
  // MikroORM's EntitySchema generics differ per entity; the store only passes them through.
  entities: EntitySchema<any, any>[];
}

// Compiled (`npm run build`, this file is dist/store.js), the migrations are the compiled ones in
// migrations/dist/; from source (tsx, the tests) the TypeScript ones beside it.
const COMPILED = import.meta.url.endsWith('.js');
const MIGRATIONS_ROOT = fileURLToPath(new URL(COMPILED ? '../../../migrations/dist/' : '../../../migrations/', import.meta.url));

export function databaseName(config: KitConfig, store: string): string {
  return `${config.databasePrefix}_${store}`;
}

function ownerConnection(config: KitConfig) {
  const url = new URL(config.databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

function baseOptions(config: KitConfig, def: StoreDefinition): Options {
  return defineConfig({
    dbName: databaseName(config, def.name),
    // Every store also holds the kit's event tables, the same way in each subgraph.
    entities: [...def.entities, ...EVENT_ENTITIES],
    // Policies are declared on the entities; keep schema diffs honest about them.
    schemaGenerator: { ignorePolicies: false },
    debug: process.env.DEBUG_SQL === '1',
    allowGlobalContext: false,
  });
}

/** Where the services reach the store: as the non-owner service role, so forced RLS applies. */
export function serviceConnection(config: KitConfig, def: StoreDefinition): pg.ClientConfig {
  const owner = ownerConnection(config);
  return { host: owner.host, port: owner.port, user: config.appDbUser, password: config.appDbPassword, database: databaseName(config, def.name), application_name: applicationName(def) };
}

/**
 * What `pg_stat_activity` shows for a service connection: the store and this process's pid, so an
 * operator counting connections against `max_connections` sees which process holds them.
 */
function applicationName(def: StoreDefinition): string {
  return `loyalnest ${def.name} ${process.pid}`;
}

export interface StoreHooks {
  /** After a transaction that marked tables for their pumps committed (`commit-wake.ts`). */
  onCommitWake?: OnCommitWake;
}

/** Opens the subgraph's store as the non-owner service role; this is the one requests use. */
export async function openStore(config: KitConfig, def: StoreDefinition, poolSize = 10, hooks: StoreHooks = {}): Promise<MikroORM> {
  const service = serviceConnection(config, def);
  return MikroORM.init({
    ...baseOptions(config, def),
    host: service.host,
    port: service.port,
    user: service.user,
    password: service.password as string,
    pool: { min: 0, max: poolSize, idleTimeoutMillis: 30_000 },
    // The tenant setting and the wake marks ride on statements already sent (store-driver.ts).
    driver: StorePostgreSqlDriver,
    driverOptions: { ...storeDriverOptions(hooks.onCommitWake), application_name: service.application_name },
  });
}

async function ensureDatabaseAndRoles(config: KitConfig, dbName: string): Promise<void> {
  const client = new pg.Client({ ...ownerConnection(config), database: new URL(config.databaseUrl).pathname.slice(1) || 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [dbName]);
    if (!rowCount) await client.query(`create database "${dbName}"`);
    // Roles are cluster-wide; created once, checked on every migrate.
    await ensureRoles(client, config);
  } finally {
    await client.end();
  }
}

/** Creates the store's database and roles if missing and applies pending migrations as the owner. */
export async function migrateStore(config: KitConfig, def: StoreDefinition): Promise<string[]> {
  const dbName = databaseName(config, def.name);
  await ensureDatabaseAndRoles(config, dbName);
  const owner = ownerConnection(config);
  const orm = await MikroORM.init({
    ...baseOptions(config, def),
    ...owner,
    allowGlobalContext: true,
    extensions: [Migrator],
    migrations: {
      path: `${MIGRATIONS_ROOT}${def.name}`,
      glob: COMPILED ? '*.js' : '*.ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
  });
  try {
    await orm.em.execute(`grant usage on schema public to ${SERVICE_ROLE}`);
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
