import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import pg from 'pg';
import { buildDashboard } from '../scripts/dashboard-build.mjs';
import { buildWidget } from '../scripts/widget-build.mjs';

/**
 * Every run starts from empty test databases and queues, then migrates them once, through the
 * same CLI operators use. What earlier runs left would otherwise be picked up by this run's
 * background jobs (a failed redemption from an hour ago is rechecked at a shop that no longer
 * exists) and make a run depend on how many ran before it on the machine.
 */
export default async function globalSetup() {
  const prefix = process.env.DATABASE_PREFIX ?? 'loyalnest_test';
  const queuePrefix = process.env.EVENTS_QUEUE_PREFIX ?? prefix;
  // Never wipe a deployment's data because someone pointed the tests at it.
  for (const [name, value] of [['DATABASE_PREFIX', prefix], ['EVENTS_QUEUE_PREFIX', queuePrefix]]) {
    if (!/test/.test(value)) throw new Error(`${name} "${value}" does not look like a test prefix; the tests drop what is under it`);
  }
  // The browser tests open the dashboard the gateway serves from its build, and the widget the
  // test storefront serves from the theme extension's assets.
  buildDashboard({ ifStale: true });
  buildWidget({ ifStale: true });
  await dropDatabases(prefix);
  // Not the per-test `loyalnest-test-<hex>` prefixes: a run on another DATABASE_PREFIX may be using
  // its own right now. Tests delete theirs when they stop; only a killed run leaves some behind.
  // The patterns of the kit's `queueKeyPatterns`: live channels and cost buckets under the prefix,
  // each queue under its own hash tag (`{<prefix>:events:<consumer>}`).
  for (const pattern of [`${queuePrefix}:*`, `{${queuePrefix}:events:*`]) await flushKeys(pattern);

  const gateway = fileURLToPath(new URL('../gateway/', import.meta.url));
  const result = spawnSync('pnpm', ['--silent', 'migrate'], {
    cwd: gateway,
    env: { ...process.env, DATABASE_PREFIX: prefix, LOYALNEST_DEV: '1', DATABASE_URL: await migratingOwnerUrl() },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrating the test databases failed (exit ${result.status})`);
}

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEST_OWNER = 'loyalnest_test_owner';

/**
 * Migrations run as a managed PostgreSQL's admin user would: CREATEDB and CREATEROLE, neither
 * superuser nor BYPASSRLS, so forced RLS applies to the owner of every table and the suite proves
 * that nothing (the relay, caller authentication, the jobs) leans on a superuser's privileges.
 * As the superuser, this does once what an operator does once (README, configuration): create
 * `loyalnest_definer`, which only a superuser may, and grant it to the owner. The tests' own
 * DATABASE_URL stays the superuser, to read raw rows and the catalog.
 */
async function migratingOwnerUrl() {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows: [me] } = await client.query('select rolsuper from pg_roles where rolname = current_user');
    if (!me.rolsuper) return ADMIN_URL; // already no superuser: migrate as it
    await createRole(client, TEST_OWNER, `create role ${TEST_OWNER} login createdb createrole nosuperuser nobypassrls password '${TEST_OWNER}'`);
    await createRole(client, 'loyalnest_definer', 'create role loyalnest_definer nologin nosuperuser bypassrls');
    await client.query(`grant loyalnest_definer to ${TEST_OWNER}`);
  } finally {
    await client.end();
  }
  const url = new URL(ADMIN_URL);
  url.username = TEST_OWNER;
  url.password = TEST_OWNER;
  return url.toString();
}

/** Roles are cluster-wide: another suite running beside this one may create the same role first. */
async function createRole(client, name, sql) {
  const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [name]);
  if (rowCount) return;
  await client.query(sql).catch((error) => {
    if (error.code !== '42710' && error.code !== '23505') throw error;
  });
}

async function dropDatabases(prefix) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query(`select datname from pg_database where starts_with(datname, $1)`, [`${prefix}_`]);
    // Another run on the same prefix would lose its databases halfway: refuse, naming it, rather than
    // end its sessions (the processes of a killed run are gone, and their sessions with them).
    const { rows: sessions } = await client.query(
      `select pid, datname, application_name, client_addr, backend_start from pg_stat_activity where datname = any($1) and pid <> pg_backend_pid()`,
      [rows.map((r) => r.datname)],
    );
    if (sessions.length) {
      const who = sessions.slice(0, 5).map((s) => `pid ${s.pid} on ${s.datname} since ${s.backend_start.toISOString()}`).join('; ');
      throw new Error(`${sessions.length} session(s) are connected to the test databases (${who}): another test run on DATABASE_PREFIX "${prefix}"? Stop it, or give this run its own DATABASE_PREFIX`);
    }
    for (const { datname } of rows) await client.query(`drop database ${pg.escapeIdentifier(datname)}`);
  } finally {
    await client.end();
  }
}

async function flushKeys(pattern) {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
