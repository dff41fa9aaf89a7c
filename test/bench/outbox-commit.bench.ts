/**
 * `bench outbox-commit`: what the outbox's wake-up trigger costs the commits that write events.
 * `pgbench` (`BENCH_CLIENTS` connections, default 16, for `BENCH_SECONDS`, default 10, per variant)
 * commits one outbox insert per transaction into a table shaped like `outbox_event`, with:
 * - `notify`: the former trigger, `pg_notify` per statement, and one session LISTENing as a relay
 *   would: every such commit takes PostgreSQL's cluster-wide notification lock;
 * - `mark`: today's trigger, a transaction-local `set_config` (the kit's `commit-wake.ts`);
 * - `none`: no trigger, the reference.
 * Variants run in turn, `BENCH_ROUNDS` times (default 2), and each figure is the best of its rounds.
 * The ratios are the figures; the absolute rates depend on the disk's fsync.
 */
import { execFile } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { round } from './load.js';
import { log, positiveInt } from './bench-env.js';

const DATABASE = 'loyalnest_bench_outbox_commit';
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const VARIANTS = ['notify', 'mark', 'none'] as const;
type Variant = (typeof VARIANTS)[number];

const TRIGGER: Record<Variant, string | null> = {
  notify: `perform pg_notify('loyalnest_events', TG_TABLE_NAME); return null;`,
  mark: `perform set_config('loyalnest.outbox_written', 'on', true); return null;`,
  none: null,
};

const exec = promisify(execFile);

function databaseUrl(): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

async function withDb<T>(url: string, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

async function prepare(variant: Variant): Promise<void> {
  await withDb(databaseUrl(), async (db) => {
    await db.query(`drop table if exists outbox_event; drop function if exists outbox_wake_fn()`);
    await db.query(`create table outbox_event (id uuid primary key, merchant_id uuid not null, topic varchar(100) not null, payload jsonb not null, occurred_at timestamptz not null default now(), published_at timestamptz)`);
    const body = TRIGGER[variant];
    if (body) {
      await db.query(`create function outbox_wake_fn() returns trigger as $$ begin ${body} end; $$ language plpgsql`);
      await db.query(`create trigger outbox_wake after insert on outbox_event for each statement execute function outbox_wake_fn()`);
    }
  });
}

/** Transactions per second pgbench reports (without connection time). */
async function pgbench(script: string, clients: number, seconds: number): Promise<number> {
  const url = new URL(databaseUrl());
  const { stdout } = await exec('pgbench', ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, '-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres'), DATABASE], {
    env: { ...process.env, PGPASSWORD: url.password ? decodeURIComponent(url.password) : '' },
  });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return Number(tps[1]);
}

export async function run(): Promise<void> {
  const clients = positiveInt('BENCH_CLIENTS', 16, 100);
  const seconds = positiveInt('BENCH_SECONDS', 10, 600);
  const rounds = positiveInt('BENCH_ROUNDS', 2, 10);
  await withDb(ADMIN_URL, async (db) => {
    await db.query(`drop database if exists ${DATABASE} with (force)`);
    await db.query(`create database ${DATABASE}`);
  });
  const dir = mkdtempSync(join(tmpdir(), 'outbox-commit-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(script, `insert into outbox_event (id, merchant_id, topic, payload) values (gen_random_uuid(), gen_random_uuid(), 'points.earned', '{"entryId": 1}');\n`);
  // A relay's LISTEN session: notifications are queued for it, as in production.
  const listener = new pg.Client({ connectionString: databaseUrl() });
  await listener.connect();
  await listener.query('listen loyalnest_events');
  listener.on('notification', () => {});
  const best: Record<Variant, number> = { notify: 0, mark: 0, none: 0 };
  try {
    log(`${clients} connections, ${seconds} s per variant, ${rounds} rounds; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    for (let r = 0; r < rounds; r++) {
      for (const variant of VARIANTS) {
        await prepare(variant);
        const tps = await pgbench(script, clients, seconds);
        log(`round ${r + 1} ${variant}: ${round(tps)} commits/s`);
        best[variant] = Math.max(best[variant], tps);
      }
    }
  } finally {
    await listener.end();
    rmSync(dir, { recursive: true, force: true });
    await withDb(ADMIN_URL, (db) => db.query(`drop database if exists ${DATABASE} with (force)`));
  }
  const ratio = (a: number, b: number) => round(a / b, 2);
  console.log(`outbox commits/s with ${clients} connections: notify ${round(best.notify)}, mark ${round(best.mark)}, none ${round(best.none)}`);
  console.log(`mark / notify: ${ratio(best.mark, best.notify)}x; mark / none: ${ratio(best.mark, best.none)}`);
  console.log(
    JSON.stringify({
      bench: 'outbox-commit',
      clients,
      commits_per_s: { notify: round(best.notify), mark: round(best.mark), none: round(best.none) },
      mark_over_notify: ratio(best.mark, best.notify),
      mark_over_none: ratio(best.mark, best.none),
      load: round(loadavg()[0], 1),
    }),
  );
}
