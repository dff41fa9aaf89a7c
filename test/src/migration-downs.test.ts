import { afterAll, describe, expect, it } from '@jest/globals';
import { databaseName, DEFINER_ROLE, loadKitConfig, migrateStore } from '@loyalnest/kit';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM } from '@mikro-orm/postgresql';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { subgraphModules } from '../../gateway/src/subgraphs.js';

/** Migrations from here on belong to the definer-role change and what followed it; each one's `down` is walked. */
const FIRST_REVERTED = 'Migration20261204';
const SAFE_SEARCH_PATH = 'search_path=pg_catalog, public, pg_temp';
const MIGRATIONS = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Stores of their own (`<prefix>_downs_<store>`): stepping the shared ones down would pull tables from under other files. */
const config = loadKitConfig({ ...process.env, DATABASE_PREFIX: `${process.env.DATABASE_PREFIX ?? 'loyalnest_test'}_downs` });

/**
 * What must hold after every migration and after every `down`: no SECURITY DEFINER function is
 * executable by PUBLIC, and one that runs as `loyalnest_definer` (which bypasses RLS) resolves
 * names from pg_catalog first and pg_temp last. A `down` may hand a function back to the
 * migrating owner with its old search path, never leave the definer role's with an unsafe one.
 */
async function unsafeDefinerFunctions(db: pg.Client): Promise<string[]> {
  const { rows } = await db.query<{ fn: string; owner: string; config: string[] | null; public_execute: boolean }>(
    `select p.oid::regprocedure::text as fn, pg_get_userbyid(p.proowner) as owner, p.proconfig as config,
            has_function_privilege('public', p.oid, 'execute') as public_execute
       from pg_proc p where p.prosecdef and p.pronamespace = 'public'::regnamespace`,
  );
  return rows.filter((r) => r.public_execute || (r.owner === DEFINER_ROLE && !(r.config ?? []).includes(SAFE_SEARCH_PATH))).map((r) => `${r.fn} (${r.owner}, ${r.config})`);
}

describe('the migrations of the definer-role change, stepped down one at a time and up again', () => {
  const opened: MikroORM[] = [];

  afterAll(async () => {
    await Promise.all(opened.map((orm) => orm.close(true)));
    const admin = new pg.Client({ connectionString: config.databaseUrl });
    await admin.connect();
    try {
      for (const m of subgraphModules) await admin.query(`drop database if exists "${databaseName(config, m.store.name)}" with (force)`);
    } finally {
      await admin.end();
    }
  });

  it.each(subgraphModules.map((m) => m.store))('leave no SECURITY DEFINER function of the $name store unsafe at any step', async (store) => {
    await migrateStore(config, store);
    const orm = await MikroORM.init({
      dbName: databaseName(config, store.name),
      clientUrl: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, store.name)}`),
      entities: [],
      discovery: { warnWhenNoEntities: false },
      logger: () => {},
      allowGlobalContext: true,
      extensions: [Migrator],
      migrations: { path: `${MIGRATIONS}${store.name}`, glob: '!(*.d).{js,ts}', snapshot: false, transactional: true, silent: true },
    });
    opened.push(orm);
    const db = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, store.name)}`) });
    await db.connect();
    try {
      const offending: Record<string, string[]> = { up: await unsafeDefinerFunctions(db) };
      let reverted = 0;
      for (;;) {
        const executed = await orm.migrator.getExecuted();
        const last = executed.at(-1)?.name ?? '';
        if (last < FIRST_REVERTED) break;
        await orm.migrator.down();
        reverted++;
        offending[`after ${last} down`] = await unsafeDefinerFunctions(db);
      }
      await orm.migrator.up();
      offending['up again'] = await unsafeDefinerFunctions(db);

      expect(reverted).toBeGreaterThan(0);
      expect(Object.fromEntries(Object.entries(offending).filter(([, fns]) => fns.length))).toEqual({});
    } finally {
      await db.end();
    }
  }, 120_000);
});
