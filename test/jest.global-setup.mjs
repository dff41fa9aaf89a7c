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
  // Never wipe a deployment's data because someone pointed the tests at it.
  if (!/test/.test(prefix)) throw new Error(`DATABASE_PREFIX "${prefix}" does not look like a test prefix; the tests drop its databases`);
  await dropDatabases(prefix);
  await flushQueues(process.env.EVENTS_QUEUE_PREFIX ?? prefix);

  const gateway = fileURLToPath(new URL('../gateway/', import.meta.url));
  const result = spawnSync('pnpm', ['--silent', 'migrate'], {
    cwd: gateway,
    env: { ...process.env, DATABASE_PREFIX: prefix, NODE_ENV: 'test' },
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
    // `with (force)` ends the sessions a killed earlier run may have left open.
    for (const { datname } of rows) await client.query(`drop database ${pg.escapeIdentifier(datname)} with (force)`);
  } finally {
    await client.end();
  }
}

async function flushQueues(queuePrefix) {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1, lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
