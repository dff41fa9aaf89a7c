/**
 * `bench segments`: the full RFM recompute of one merchant's customers, beside one plain `ntile()`
 * query over the same order facts (the limit), and the refresh of the daily counts view.
 *
 * Seeding is done as the database owner and is not measured: one merchant, `BENCH_CUSTOMERS`
 * customers with 1 to 10 order facts each (`segment_order`, as the order events' consumer writes
 * them) spread over two years, one order in 20 refunded in half and one in 50 cancelled, made
 * set-based with `generate_series`. Customer n's id is n multiplied by an odd constant modulo 2³²
 * (a permutation), so the recompute's batches in id order read the orders scattered over the
 * table, as orders arriving over time leave them, not in the order they were loaded. The table's
 * key and indexes are built after the load, then `vacuum analyze`.
 *
 * The limit is one query as the service role under the tenant setting: each customer's last order,
 * orders and net spend in the 365-day window, then `ntile(5)` over each, counted in the server so
 * no million rows travel. The recompute is the subgraph's own: a run requested as `recomputeSegments`
 * requests it and worked to its end by the recompute job's code path (`runSegmentRecomputes`,
 * batches of `BENCH_BATCH`): the plan's cut points over the whole population, then every batch's
 * scores, segments, `segment_customer` rows, history, `segment.changed` outbox rows, the run
 * counts and the view's refresh. The first run scores every customer for the first time (each
 * changes, so each gets history and an event): the figure reported. A second run over unchanged
 * facts (nothing to write) is printed beside it.
 */
import { ADMIN_SCOPES, loadKitConfig, startSubgraph, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import segment from '@loyalnest/segment';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { runSegmentRecomputes } from '../../subgraphs/segment/src/jobs/segment-recompute.job.js';
import { SegmentDefinitionService } from '../../subgraphs/segment/src/services/segment-definition.service.js';
import { SegmentRecomputeService } from '../../subgraphs/segment/src/services/segment-recompute.service.js';
import { withAppDb, withOwnerDb } from '../src/support/db.js';
import { log, positiveInt } from './bench-env.js';
import { round } from './load.js';

const DATABASE_PREFIX = 'loyalnest_bench_segments';

async function seed(merchantId: string, customers: number): Promise<number> {
  return withOwnerDb('segment', async (db) => {
    const step = async (what: string, sql: string, params: unknown[] = []) => {
      const t0 = performance.now();
      const result = await db.query(sql, params);
      log(`seed: ${what} in ${round((performance.now() - t0) / 1000, 1)} s`);
      return result;
    };
    await db.query('truncate segment_order, segment_customer, segment_member, segment_run, segment_run_fact, segment_history, segment_run_count, segment_definition, segment_settings, outbox_event, outbox_delivery');
    await db.query('refresh materialized view segment_daily_count');
    await db.query('alter table segment_order drop constraint segment_order_pkey');
    await db.query('drop index segment_order_customer_index, segment_order_placed_at_index');
    const loaded = await step(
      'order facts',
      `insert into segment_order (merchant_id, order_id, customer_id, placed_at, total_minor, currency, refunded_minor, refund_ids, cancelled_at)
       select $1, 'bench-' || n || '-' || k,
              ('00000000-0000-4000-8000-' || lpad(to_hex((n * 2654435761) % 4294967296), 12, '0'))::uuid,
              p.placed_at, p.total, 'USD',
              case when (n + k) % 20 = 0 then p.total / 2 else 0 end,
              case when (n + k) % 20 = 0 then array['r-' || n || '-' || k] else '{}' end,
              case when (n + k) % 50 = 0 then p.placed_at + interval '1 hour' end
         from generate_series(1, $2::bigint) n
        cross join lateral generate_series(1, 1 + (n * 7919) % 10) k
        cross join lateral (select now() - ((n * 31 + k * 97) % 730) * interval '1 day' - (n % 86400) * interval '1 second' as placed_at,
                                   1000 + (n * k * 7919) % 50000 as total) p`,
      [merchantId, customers],
    );
    await step('key', 'alter table segment_order add primary key (merchant_id, order_id)');
    await step('customer index', 'create index segment_order_customer_index on segment_order (merchant_id, customer_id)');
    await step('placed_at index', 'create index segment_order_placed_at_index on segment_order (merchant_id, placed_at)');
    await step('vacuum analyze', 'vacuum analyze segment_order, segment_customer');
    return loaded.rowCount ?? 0;
  });
}

/** The limit: every customer's three values over the window and `ntile(5)` of each, as the service role under the tenant setting. */
async function ntile(merchantId: string): Promise<{ seconds: number; customers: number }> {
  return withAppDb('segment', async (db) => {
    await db.query('begin');
    await db.query(`select set_config('app.merchant_id', $1, true)`, [merchantId]);
    const t0 = performance.now();
    const { rows } = await db.query<{ customers: string }>(
      `select count(*) as customers from (
         select customer_id, ntile(5) over (order by last_at) as r, ntile(5) over (order by orders) as f, ntile(5) over (order by spend) as m
           from (select customer_id, max(placed_at) as last_at, count(*) as orders, sum(total_minor - refunded_minor) as spend
                   from segment_order
                  where merchant_id = $1 and cancelled_at is null and placed_at > now() - interval '365 days'
                  group by customer_id) s) x`,
      [merchantId],
    );
    const seconds = (performance.now() - t0) / 1000;
    await db.query('commit');
    return { seconds, customers: Number(rows[0].customers) };
  });
}

async function timedRecompute(runtime: SubgraphRuntime, recomputes: SegmentRecomputeService, merchantId: string, batch: number): Promise<{ seconds: number; steps: number }> {
  const t0 = performance.now();
  await recomputes.request(runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId)), 'manual');
  const pass = await runSegmentRecomputes(runtime, recomputes, { batch });
  if (pass.failedMerchants.length) throw new Error('the recompute failed: see the log');
  return { seconds: (performance.now() - t0) / 1000, steps: pass.steps };
}

export async function run(): Promise<void> {
  const customers = positiveInt('BENCH_CUSTOMERS', 1_000_000, 10_000_000);
  const batch = positiveInt('BENCH_BATCH', 25_000, 1_000_000);
  const poolSize = positiveInt('BENCH_POOL', 4, 50);

  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  const config = loadKitConfig();
  let runtime: SubgraphRuntime | null = null;
  try {
    log(`databases ${DATABASE_PREFIX}_*; migrating`);
    await migrateAll(config, subgraphModules, log);
    const merchantId = randomUUID();
    log(`seeding ${customers} customers' order facts as the owner (not measured)`);
    const orders = await seed(merchantId, customers);
    log(`${orders} order facts; load average ${loadavg().map((l) => round(l, 2)).join(' ')}`);

    log('limit: one ntile() query over the same rows');
    const limit = await ntile(merchantId);
    log(`ntile: ${limit.customers} customers in the window in ${round(limit.seconds)} s`);

    runtime = await startSubgraph(segment, config, { poolSize });
    const recomputes = new SegmentRecomputeService(new SegmentDefinitionService());
    log(`recompute: a run worked by the job's code path, batches of ${batch}`);
    const first = await timedRecompute(runtime, recomputes, merchantId, batch);
    const outcome = await withOwnerDb('segment', async (db) => {
      const [r] = (await db.query<{ status: string; processed: number; total: number; changed: number }>('select status, processed, total, changed from segment_run where merchant_id = $1 order by requested_at desc limit 1', [merchantId])).rows;
      const [c] = (await db.query<{ history: string; events: string; scored: string }>(
        `select (select count(*) from segment_history) as history, (select count(*) from outbox_event where topic = 'segment.changed') as events,
                (select count(*) from segment_customer where segment is not null) as scored`,
      )).rows;
      return { ...r, ...c };
    });
    log(`recompute: ${outcome.processed}/${outcome.total} customers in ${round(first.seconds)} s (${first.steps} steps, ${round(outcome.processed / first.seconds, 0)}/s); ${outcome.status}; ${outcome.scored} scored, ${outcome.history} history rows, ${outcome.events} segment.changed`);
    const second = await timedRecompute(runtime, recomputes, merchantId, batch);
    log(`second recompute over unchanged facts (nothing to write): ${round(second.seconds)} s`);

    const refresh = await withAppDb('segment', async (db) => {
      const t0 = performance.now();
      await db.query('select segment_daily_count_refresh()');
      return (performance.now() - t0) / 1000;
    });
    log(`daily counts view refreshed concurrently in ${round(refresh, 3)} s`);

    const ratio = round(limit.seconds / first.seconds, 3);
    log(`recompute ${round(first.seconds)} s (target < 30 s), ntile ${round(limit.seconds)} s, ratio ${ratio} (target ≥ 0.3); load average ${loadavg().map((l) => round(l, 2)).join(' ')}`);
    console.log(JSON.stringify({ bench: 'segments', customers: Number(outcome.processed), recompute_s: round(first.seconds), ntile_s: round(limit.seconds), refresh_s: round(refresh, 3) }));
  } finally {
    await runtime?.close();
  }
}
