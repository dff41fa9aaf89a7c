import { describe, expect, it } from '@jest/globals';
import { databaseName, loadKitConfig } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { EVENTS_CHANNEL } from '../../subgraphs/kit/src/events/notify.js';
import { withAppDb, withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';

const WINDOW_MS = 10_000;
/**
 * PostgreSQL's PGSTAT_IDLE_INTERVAL: a session reports its counts at most once a second, and one
 * that went idle within a second of its last report does so this much later.
 */
const STATS_IDLE_REPORT_MS = 10_000;

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
 * The most transactions the supergraph's pumps commit in `ms` when nothing wakes them. Each idle
 * pass commits one (a claim of nothing, the chainer's listing of no merchant): each store's relay
 * and dead-letter pump every `EVENTS_POLL_MS`, each job every `everyMs`. A relay's sweep for
 * unacknowledged deliveries, every `EVENTS_ACK_TIMEOUT_MS / 2`, commits one per consumer queue
 * (every subgraph consumes).
 * A NOTIFY that wakes a pump from its own idle pass adds passes without bound.
 */
function idleCommits(gateway: TestGateway, ms: number): number {
  const { pollMs, ackTimeoutMs } = gateway.config.kit.events;
  const every = (interval: number) => Math.floor(ms / interval) + 1;
  let commits = 0;
  for (const runtime of gateway.runtimes.values()) {
    commits += 2 * every(pollMs) + gateway.runtimes.size * every(ackTimeoutMs / 2);
    for (const job of runtime.module.jobs?.(runtime) ?? []) commits += every(job.everyMs);
  }
  return commits;
}

describe('an idle supergraph', () => {
  it('commits next to no transactions: no pump is woken by its own pass that changed nothing (the dead-letter claim and its statement trigger), none polls faster than the safety net', async () => {
    const gateway = await startTestGateway('embedded', { EVENTS_POLL_MS: '5000', EVENTS_ACK_TIMEOUT_MS: '60000' }); // the defaults
    try {
      // Work that wants a quicker answer than the safety net (the audit chainer's) is woken after commit (commit-wake.ts).
      for (const runtime of gateway.runtimes.values()) {
        for (const job of runtime.module.jobs?.(runtime) ?? []) expect([job.name, job.everyMs >= gateway.config.kit.events.pollMs]).toEqual([job.name, true]);
      }
      // What a session reports late was committed up to STATS_IDLE_REPORT_MS before the window.
      const budget = idleCommits(gateway, STATS_IDLE_REPORT_MS + WINDOW_MS);
      // Start-up passes (republishing, the jobs' first runs, what earlier files left) settle first,
      // and are reported.
      await sleep(STATS_IDLE_REPORT_MS);
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
  }, 90_000);

  it('the dead-letter trigger wakes the pump for a retry asked for, never for the pump\'s own claim or a claim of nothing', async () => {
    const { notifications, stop } = await listen('customer');
    const consumer = `idle-test-${randomUUID().slice(0, 8)}`; // no pump claims for it
    try {
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
      await stop();
    }
  });

  it('the audit_pending trigger notifies no one (no notification lock at commit): it marks its transaction for the chainer once, never for the chainer\'s own listing or deletes', async () => {
    const { notifications, stop } = await listen('audit');
    const merchantId = randomUUID();
    const wakeList = async (db: pg.Client) => (await db.query(`select current_setting('loyalnest.wake', true) as wake`)).rows[0].wake as string | null;
    try {
      const staged = await withOwnerDb('audit', async (db) => {
        await db.query('begin');
        await db.query(`insert into audit_pending (id, merchant_id, draft) values ($1, $2, '{}')`, [randomUUID(), merchantId]);
        await db.query(`insert into audit_pending (id, merchant_id, draft) values ($1, $2, '{}')`, [randomUUID(), merchantId]);
        const wake = await wakeList(db);
        await db.query('commit');
        return wake;
      });
      expect(staged).toBe('audit_pending');
      expect(await notifications()).toEqual([]);

      const chained = await withOwnerDb('audit', async (db) => {
        await db.query('begin');
        const listed = (await db.query('select merchant_id from loyalnest_audit_pending_merchants(1000)')).rows.map((r) => r.merchant_id);
        await db.query('delete from audit_pending where merchant_id = $1', [merchantId]);
        const wake = await wakeList(db);
        await db.query('commit');
        return { listed, wake };
      });
      expect(chained.listed).toContain(merchantId);
      expect(chained.wake ?? '').toBe('');
      expect(await notifications()).toEqual([]);
    } finally {
      await withOwnerDb('audit', (db) => db.query('delete from audit_pending where merchant_id = $1', [merchantId]));
      await stop();
    }
  });
});

/** Listens on a store's events channel as its pumps do; `notifications()` returns the payloads heard since the last call. */
async function listen(store: string): Promise<{ notifications: () => Promise<string[]>; stop: () => Promise<void> }> {
  const config = loadKitConfig();
  const listener = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, store)}`) });
  const heard: string[] = [];
  listener.on('notification', (n) => heard.push(n.payload ?? ''));
  await listener.connect();
  await listener.query(`listen ${EVENTS_CHANNEL}`);
  return {
    // A round trip on the listening session delivers every notification committed before it.
    notifications: async () => {
      await listener.query('select 1');
      return heard.splice(0);
    },
    stop: () => listener.end(),
  };
}
