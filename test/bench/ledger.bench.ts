/**
 * `bench ledger`: earn entries per second through the product's write path, beside plain INSERTs.
 *
 * The points runtime is started in this process (`startSubgraph`, the kit's own bootstrap, as the
 * service role, pool of `BENCH_POOL` connections) and every measured entry is one
 * `LedgerService.post` with a request context of that runtime (`runtime.createContext`), the same
 * call the API's award/deduct and the order consumers make: begin, the tenant setting,
 * `points_post_entry` (account row lock, idempotency check, entry, account figures, outbox event),
 * commit, then the `balance.changed` message on Redis. The outbox relay does not run: publishing
 * the events is the event backbone's cost (see `bench ingest`), not the ledger's.
 *
 * Seeding is done as the database owner, which is honest because nothing seeded is measured:
 * one merchant row, `BENCH_CUSTOMERS` points accounts inserted in one statement, and one hot account.
 * The points store's ledger tables are emptied first, so each run starts from the same state.
 *
 * One after another, each with `BENCH_WORKERS` concurrent workers for `BENCH_SECONDS`:
 *  (1) earn: each worker posts order earns (`order:<id>:earn`, a new order each) for random customers.
 *  (2) limit: plain INSERTs of the same rows (same columns, same merchant, accounts and table)
 *      through the same pg driver and a pool of the same size, each in its own transaction with the
 *      same transaction-local tenant setting: begin, set_config, insert, commit.
 *  (3) hot: as (1), every worker on one customer, so every entry waits for that account's row lock.
 *  (3b) earn_batched: the same earns as events through the real consumer path, queue → batched
 *      consumer → `LedgerService.post` (see `ledger-batched.ts`).
 * Then the limit's rows are deleted (they moved no balance) and the ledger must verify.
 *  (4) redeem: `BENCH_SHOPPERS` concurrent shoppers redeeming through the gateway against the fake
 *      Shopify for `BENCH_SECONDS` (see `ledger-redeem.ts`): latency p50/p99 in a closed loop (the
 *      capacity), then the same shoppers at `BENCH_REDEEM_RATE` redemptions a second in total,
 *      each timed from when it was due (what one shopper waits at that traffic).
 */
import { LIVE_TOPICS, liveChannel, loadKitConfig, serviceConnection, startSubgraph, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import points from '@loyalnest/points';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { LedgerReportService } from '../../subgraphs/points/src/services/ledger-report.service.js';
import { LedgerService, type EntryRequest } from '../../subgraphs/points/src/services/ledger.service.js';
import { PointsProgramService } from '../../subgraphs/points/src/services/points-program.service.js';
import { withOwnerDb } from '../src/support/db.js';
import { deleteQueuePrefix } from '../src/support/queue-keys.js';
import { insertMerchant } from '../src/support/webhooks.js';
import { workersApart } from './apart.js';
import { measureBatchedEarn, orderEarn } from './ledger-batched.js';
import { measureRedeem } from './ledger-redeem.js';
import { describe, load, round } from './load.js';
import { log, positiveInt } from './bench-env.js';

const DATABASE_PREFIX = 'loyalnest_bench_ledger';
const WARMUP_SECONDS = 2;
const SETUP_BUDGET_SECONDS = 180;

interface Account {
  id: string;
  customerId: string;
}

/** Empties the points store's ledger and outbox (this run's own databases) and seeds the accounts. */
async function seed(merchantId: string, customers: number): Promise<{ accounts: Account[]; hot: Account }> {
  return withOwnerDb('points', async (db) => {
    await db.query('truncate points_entry, points_order_refund, points_account, outbox_event cascade');
    const { rows } = await db.query<{ id: string; customer_id: string }>(
      `insert into points_account (id, merchant_id, customer_id, shopify_customer_id, created_at, updated_at)
       select gen_random_uuid(), $1, gen_random_uuid(), 7000000000 + g, now(), now() from generate_series(1, $2::int + 1) g
       returning id, customer_id`,
      [merchantId, customers],
    );
    await db.query('vacuum analyze points_account');
    const accounts = rows.map((r) => ({ id: r.id, customerId: r.customer_id }));
    return { accounts: accounts.slice(1), hot: accounts[0] };
  });
}

export async function run(): Promise<void> {
  const seconds = positiveInt('BENCH_SECONDS', 10, 60);
  const workers = positiveInt('BENCH_WORKERS', 20, 500);
  const poolSize = positiveInt('BENCH_POOL', 10, 50);
  const customers = positiveInt('BENCH_CUSTOMERS', 10_000, 1_000_000);
  const shoppers = positiveInt('BENCH_SHOPPERS', 100, 1000);
  // About half the 70–90/s the closed loop measured on the 2-core machine: a busy hour, not saturation.
  const redeemRate = positiveInt('BENCH_REDEEM_RATE', 40, 1000);

  // Before any config is read: the bench has databases of its own, and its live messages go to
  // channels nobody else listens on.
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  const queuePrefix = `loyalnest-bench-ledger-${randomBytes(6).toString('hex')}`;
  process.env.EVENTS_QUEUE_PREFIX = queuePrefix;
  const config = loadKitConfig();

  let runtime: SubgraphRuntime | null = null;
  let pool: pg.Pool | null = null;
  const cleanup = async () => {
    await pool?.end().catch(() => {});
    pool = null;
    await runtime?.close();
    runtime = null;
    // The queues the redemption run's processes made under this run's prefix.
    await deleteQueuePrefix(config.redisUrl, queuePrefix);
  };
  const budgetSeconds = 2 * SETUP_BUDGET_SECONDS + 7 * (seconds + 10) + 90;
  const watchdog = setTimeout(() => {
    console.error(`[bench] ledger: gave up after ${budgetSeconds} s; stopping what was started`);
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    void cleanup().finally(() => process.exit(1));
  }, budgetSeconds * 1000);
  watchdog.unref();

  try {
    log(`databases ${DATABASE_PREFIX}_*; migrating`);
    await migrateAll(config, subgraphModules, log);
    const merchant = await insertMerchant();
    const { accounts, hot } = await seed(merchant.id, customers);
    log(`merchant ${merchant.shop}: ${accounts.length} accounts and one hot account seeded as the owner`);

    const started = await startSubgraph(points, config, { poolSize });
    runtime = started;
    const ledger = new LedgerService();
    log(`points runtime started (service role, pool ${poolSize}); ${workers} workers, ${seconds} s per phase; live messages on ${liveChannel(config, LIVE_TOPICS.balanceChanged)}`);

    // Order ids unique to the run: every earn is a new order, so none is a duplicate.
    let nextOrder = Date.now() * 1000;
    const earn = (account: Account): EntryRequest => {
      const orderId = String(nextOrder++);
      return orderEarn(account.customerId, orderId, 5 + (nextOrder % 200));
    };
    const randomAccount = () => accounts[Math.floor(Math.random() * accounts.length)];
    // A request context per entry, as every API request and every consumed event gets its own.
    const post = async (account: Account) => {
      const ctx = started.createContext(systemCaller(['points:write'], merchant.id));
      return (await ledger.post(ctx, earn(account))).outcome === 'posted';
    };

    log(`warm-up: ${WARMUP_SECONDS} s of earns across customers`);
    describe('warm-up', await load(workers, WARMUP_SECONDS, () => post(randomAccount())));

    log(`(1) earn across ${accounts.length} customers: LedgerService.post`);
    const across = await load(workers, seconds, () => post(randomAccount()));
    describe('earn', across);

    log(`(2) limit: plain INSERTs of the same rows into points_entry, begin / set_config / insert / commit, pool ${poolSize}`);
    pool = new pg.Pool({ ...serviceConnection(config, points.store), max: poolSize });
    const limitPool = pool;
    const insertRow = async () => {
      const account = randomAccount();
      const r = earn(account);
      const client = await limitPool.connect();
      try {
        await client.query('begin');
        await client.query("select set_config('app.merchant_id', $1, true)", [merchant.id]);
        await client.query(
          `insert into points_entry ("id", "merchant_id", "account_id", "customer_id", "kind", "source", "status", "points", "requested_points",
                                     "idempotency_key", "reason", "order_id", "reverses_entry_id", "available_at", "metadata", "created_at")
           values ($1, $2, $3, $4, $5, $6, 'posted', $7, $7, $8, null, $9, null, null, $10::jsonb, clock_timestamp())`,
          [uuidv7(), merchant.id, account.id, r.customerId, r.kind, r.source, r.points, `limit:${r.idempotencyKey}`, r.orderId, JSON.stringify(r.metadata)],
        );
        await client.query('commit');
        return true;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    };
    // Its own warm-up, so neither side pays for opening connections in the measured window.
    await load(workers, 1, insertRow);
    const limit = await load(workers, seconds, insertRow);
    describe('limit', limit);
    await pool.end();
    pool = null;

    log('(3) hot: every worker on one account');
    const hotPhase = await load(workers, seconds, () => post(hot));
    describe('hot', hotPhase);

    log(`(3b) earn_batched across ${accounts.length} customers: events on the points queue, batched consumer, LedgerService.post`);
    const batched = await measureBatchedEarn({
      config,
      merchantId: merchant.id,
      customerIds: accounts.map((a) => a.customerId),
      poolSize,
      seconds,
      warmupSeconds: WARMUP_SECONDS,
      firstOrder: nextOrder + 1_000_000_000,
    });
    log(`earn_batched: ${batched.entries} in ${batched.seconds} s = ${batched.perSecond}/s; about ${batched.commitsPerEntry} commits in the store per entry (batches of up to ${batched.batchSize}, worker concurrency ${batched.concurrency})`);

    const removed = await withOwnerDb('points', (db) => db.query("delete from points_entry where merchant_id = $1 and idempotency_key like 'limit:%'", [merchant.id]));
    const ctx = runtime.createContext(systemCaller(['points:manage'], merchant.id));
    const verified = await new LedgerReportService(new PointsProgramService()).verify(ctx);
    const [hotAccount] = await withOwnerDb('points', async (db) => (await db.query<{ balance: number; n: number }>(
      'select a.balance, (select count(*)::int from points_entry e where e.account_id = a.id) as n from points_account a where a.id = $1',
      [hot.id],
    )).rows);
    log(`ledger: ${removed.rowCount} limit rows removed; verifyLedger ok=${verified.ok}, ${verified.accountsChecked} accounts, ${verified.entriesChecked} entries, ${verified.mismatches.length} mismatches; hot account: ${hotAccount.n} entries, balance ${hotAccount.balance}`);
    if (!verified.ok) throw new Error(`the ledger does not verify: ${JSON.stringify(verified.mismatches.slice(0, 5))}`);

    const ratio = round(across.perSecond / limit.perSecond);
    const batchedRatio = round(batched.perSecond / limit.perSecond);
    log(`earn ÷ limit = ${ratio}; earn_batched ÷ limit = ${batchedRatio}; hot ÷ limit = ${round(hotPhase.perSecond / limit.perSecond)}`);
    await runtime.close();
    runtime = null;

    // The earns' outbox events were never meant to be relayed; the processes started next would
    // publish them all during the redemption run.
    await withOwnerDb('points', (db) => db.query('truncate outbox_event cascade'));
    log(`(4) redeem: ${shoppers} concurrent shoppers, redeemReward through the gateway against the fake Shopify`);
    const redeem = await measureRedeem({ shoppers, seconds, warmupSeconds: WARMUP_SECONDS, openRate: redeemRate, env: { DATABASE_PREFIX, EVENTS_QUEUE_PREFIX: queuePrefix } });
    describe('redeem', redeem);
    log(`redeem: outcomes ${JSON.stringify(redeem.outcomes)}; ${redeem.shopifyCalls} Admin API calls to the fake Shopify; commits per redemption ${JSON.stringify(redeem.commitsPerRedemption)}`);
    const open = redeem.open;
    log(
      `redeem open: offered ${open.offeredPerSecond}/s, achieved ${open.achievedPerSecond}/s (closed-loop capacity ${redeem.perSecond}/s); ${open.scheduled} scheduled, the last answered ${open.seconds} s after the first was due, outcomes ${JSON.stringify(open.outcomes)}; ` +
        `from the due time p50 ${open.p50Ms} ms, p99 ${open.p99Ms} ms, max ${open.maxMs} ms; at most ${open.maxInFlight} in flight, sends at most ${open.maxSendLagMs} ms late`,
    );
    console.log(
      JSON.stringify({
        bench: 'ledger',
        earn_per_s: across.perSecond,
        hot_earn_per_s: hotPhase.perSecond,
        insert_limit_per_s: limit.perSecond,
        redeem_p99_ms: redeem.p99Ms,
        redeem_p50_ms: redeem.p50Ms,
        redeem_per_s: redeem.perSecond,
        redeem_open_p99_ms: open.p99Ms,
        redeem_open_p50_ms: open.p50Ms,
        redeem_open_rate: redeemRate,
        redeem_open_per_s: open.achievedPerSecond,
        redeem_open_max_ms: open.maxMs,
        earn_ratio: ratio,
        earn_batched_per_s: batched.perSecond,
        earn_batched_ratio: batchedRatio,
        earn_batched_commits_per_entry: batched.commitsPerEntry,
        batch_size: batched.batchSize,
        earn_p99_ms: across.p99Ms,
        hot_p99_ms: hotPhase.p99Ms,
        limit_p99_ms: limit.p99Ms,
        workers,
        redeem_workers_apart: workersApart(),
        pool: poolSize,
        seconds,
        customers: accounts.length,
        shoppers,
      }),
    );
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}
