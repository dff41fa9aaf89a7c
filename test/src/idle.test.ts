import { describe, expect, it } from '@jest/globals';
import { loadKitConfig } from '@loyalnest/kit';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
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
});
