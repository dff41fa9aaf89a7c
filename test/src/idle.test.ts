import { describe, expect, it } from '@jest/globals';
import { databaseName, loadKitConfig } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { EVENTS_CHANNEL } from '../../subgraphs/kit/src/events/notify.js';
import { withAppDb, withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';

const WINDOW_MS = 10_000;
/** An idle pass of a pump commits one claim; allow a second (a job's pass reads twice, a relay sweep per queue). */
const COMMITS_PER_IDLE_PASS = 2;

/** Transactions committed so far per database of this run only: other runs share the server. */
async function commitsByDatabase(): Promise<Map<string, number>> {
  const config = loadKitConfig();
  const db = new pg.Client({ connectionString: config.databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ datname: string; n: string }>(`select datname, xact_commit as n from pg_stat_database where starts_with(datname, $1)`, [`${config.databasePrefix}_`]);
    return new Map(rows.map((r) => [r.datname, Number(r.n)]));
  } finally {
    await db.end();
  }
}

async function committed(): Promise<number> {
  return [...(await commitsByDatabase()).values()].reduce((a, b) => a + b, 0);
}

/**
 * How many passes the supergraph's pumps run in `ms` when nothing wakes them: each store's relay
 * and dead-letter pump every `EVENTS_POLL_MS`, each job every `everyMs` (the audit chainer's 100 ms
 * dominates). A NOTIFY that wakes a pump from its own idle pass adds passes without bound.
 */
function idlePasses(gateway: TestGateway, ms: number): number {
  const every = (interval: number) => Math.floor(ms / interval) + 1;
  let passes = 0;
  for (const runtime of gateway.runtimes.values()) {
    passes += 2 * every(gateway.config.kit.events.pollMs);
    for (const job of runtime.module.jobs?.(runtime) ?? []) passes += every(job.everyMs);
  }
  return passes;
}

describe('an idle supergraph', () => {
  it('commits next to no transactions: no pump is woken by its own pass that changed nothing (the dead-letter claim and its statement trigger)', async () => {
    const gateway = await startTestGateway('embedded', { EVENTS_POLL_MS: '1000' });
    try {
      const budget = COMMITS_PER_IDLE_PASS * idlePasses(gateway, WINDOW_MS);
      // Start-up passes (republishing, the jobs' first runs, what earlier files left) settle first.
      // PostgreSQL publishes a session's counts up to a few seconds late, so sample over 2 s.
      for (let waited = 0; waited < 20_000; waited += 2_000) {
        const start = await committed();
        await sleep(2_000);
        if ((await committed()) - start <= budget / 5) break;
      }

      const before = await commitsByDatabase();
      await sleep(WINDOW_MS);
      const after = await commitsByDatabase();
      const perDatabase = [...after].map(([name, n]) => `${name} ${n - (before.get(name) ?? 0)}`);
      const count = [...after].reduce((sum, [name, n]) => sum + n - (before.get(name) ?? 0), 0);

      console.log(`idle supergraph: ${count} transactions committed in ${WINDOW_MS / 1000} s (budget ${budget}): ${perDatabase.join(', ')}`);
      expect(count).toBeLessThanOrEqual(budget);
    } finally {
      await gateway.stop();
    }
  }, 60_000);

  it('the dead-letter trigger wakes the pump for a retry asked for, never for the pump\'s own claim or a claim of nothing', async () => {
    const config = loadKitConfig();
    const listener = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, 'customer')}`) });
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.connect();
    // A round trip on the listening session delivers every notification committed before it.
    const notifications = async () => {
      await listener.query('select 1');
      return heard.splice(0);
    };
    const consumer = `idle-test-${randomUUID().slice(0, 8)}`; // no pump claims for it
    try {
      await listener.query(`listen ${EVENTS_CHANNEL}`);
      const id = randomUUID();
      await withOwnerDb('customer', (db) =>
        db.query(
          `insert into dead_letter_event (id, merchant_id, consumer, event_id, topic, version, occurred_at, payload, error, attempts, status, failed_at)
           values ($1, $2, $3, $4, 'test.idle', 1, now(), '{}', 'Error: test', 1, 'dead', now())`,
          [id, randomUUID(), consumer, randomUUID()],
        ),
      );
      expect(await notifications()).toEqual([]);

      await withOwnerDb('customer', (db) => db.query(`update dead_letter_event set status = 'retrying', retry_requested_at = now(), retry_enqueued_at = null where id = $1`, [id]));
      expect(await notifications()).toEqual(['dead_letter_event']);

      const claim = () => withAppDb('customer', async (db) => (await db.query('select id from loyalnest_dead_letter_claim_retries($1, 60000, 10)', [consumer])).rows.length);
      expect(await claim()).toBe(1);
      expect(await claim()).toBe(0);
      expect(await notifications()).toEqual([]);
    } finally {
      await listener.end();
    }
  });
});
