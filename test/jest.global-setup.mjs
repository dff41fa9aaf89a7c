import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Redis from 'ioredis';
import pg from 'pg';

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
  await dropDatabases(prefix);
  // Not the per-test `loyalnest-test-<hex>` prefixes: a run on another DATABASE_PREFIX may be using
  // its own right now. Tests delete theirs when they stop; only a killed run leaves some behind.
  await flushKeys(`${queuePrefix}:*`);

  const gateway = fileURLToPath(new URL('../gateway/', import.meta.url));
  const result = spawnSync('pnpm', ['--silent', 'migrate'], {
    cwd: gateway,
    env: { ...process.env, DATABASE_PREFIX: prefix, LOYALNEST_DEV: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`migrating the test databases failed (exit ${result.status})`);
}

async function dropDatabases(prefix) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
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
