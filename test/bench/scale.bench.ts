/**
 * `bench scale`: throughput as processes are added, on loopback against the same stores.
 *
 * Gateways run `serve-embedded` with `EVENT_PROCESSING=off`, workers `serve-worker` (every
 * subgraph each), all started from this process (see apart.ts); the load is signed `orders/paid`
 * deliveries, each a new order (webhook-load.ts, as `ingest`).
 *
 *  (a) applied by workers: one gateway with 1, then 2, then 4 workers (added to the running ones).
 *      For each count, `BENCH_SECONDS` of posting to a merchant of its own, then orders applied end
 *      to end per second from the first post until every delivery is processed and audited: the
 *      customer domain's order ledger and stats, the points domain, the merchant's inbox and the
 *      audit trail, as `ingest` counts them.
 *  (b) accepted by gateways: the workers stopped, `BENCH_SECONDS` of posting to 1 and then 2
 *      gateways (connections dealt out among them in turn), deliveries answered 200 per second.
 *      Then 4 workers apply what (b) stored, so it is checked like the rest.
 *
 * Every merchant's orders are then counted in each store (webhook-load.ts `exactness`): an order
 * missing anywhere is lost, one counted twice anywhere is doubled; both must be 0.
 */
import { GDPR_TOPICS, loadKitConfig } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { deleteQueuePrefix } from '../src/support/queue-keys.js';
import { insertMerchant } from '../src/support/webhooks.js';
import { startDeployment, type Deployment } from './apart.js';
import { log, positiveInt } from './bench-env.js';
import { round } from './load.js';
import { drained, dropBenchDatabases, exactness, inbox, warnIfFailed, webhookLoad, type LoadFigures } from './webhook-load.js';

const DATABASE_PREFIX = 'loyalnest_bench_scale';
const WORKER_COUNTS = [1, 2, 4];
const GATEWAY_COUNTS = [1, 2];
const WARMUP_SECONDS = 2;
const SETUP_BUDGET_SECONDS = 180;
/** How long applying may take after the posting stopped before the run gives up on it. */
const DRAIN_BUDGET_SECONDS = 300;
/**
 * Each gateway's service pool per store. Under this load only the merchant store's fills, and the
 * gateway answers each webhook with one statement, so 6 connections keep up with 50 posters.
 */
const GATEWAY_POOL = 6;
/** Connections neither the gateways nor the workers hold: this process's clients and a margin. */
const OTHER_CONNECTIONS = 4;

/**
 * Pool settings for every worker, the same in every phase so that the phases differ only in the
 * number of workers, sized so that the most workers and the gateways together stay under
 * PostgreSQL's `max_connections`: at the defaults (10 + 3 + 1 per store per worker) four workers
 * and two gateways needed about 250 of the default 100, and the run of 2026-12-05 stalled on
 * refused connections. A worker holds, per store it serves, its service pool (the consumers'
 * batches), one events connection (`EVENTS_POOL_MAX=1`) and one LISTEN connection, and the points
 * store two more for Flow claims; a gateway fills the merchant store's pool and holds about one
 * connection of each other store. The service pool needs two: with one, a batch held it while
 * `/readyz` and the handlers' other reads waited, applying stalled for 20 s at a time and a new
 * worker never became ready (2026-12-05, 22:10).
 */
function workerPools(limit: number, gateways: number, workers: number, stores: number, workerStores: number): Record<string, string> {
  const gatewayConnections = gateways * (GATEWAY_POOL + stores - 1);
  const perWorker = Math.floor((limit - OTHER_CONNECTIONS - gatewayConnections) / workers);
  const pool = Math.min(10, Math.floor((perWorker - 2 - 2 * workerStores) / workerStores));
  if (pool < 2) throw new Error(`PostgreSQL's ${limit} connections cannot hold ${gateways} gateways and ${workers} workers on ${workerStores} stores: raise max_connections`);
  return { DATABASE_POOL_MAX: String(pool), EVENTS_POOL_MAX: '1' };
}

/**
 * The subgraphs whose event processing orders go through: those consuming anything beyond GDPR
 * requests (a store that only takes part in GDPR has nothing to do here, and its connections are
 * what four workers cannot spare). A subgraph that starts consuming order events joins by itself.
 */
function orderPath(): string[] {
  const gdpr = new Set<string>(Object.values(GDPR_TOPICS));
  return subgraphModules.filter((m) => Object.keys(m.consumes ?? {}).some((topic) => !gdpr.has(topic))).map((m) => m.name);
}

export async function run(): Promise<void> {
  const seconds = positiveInt('BENCH_SECONDS', 10, 120);
  const connections = positiveInt('BENCH_CONNECTIONS', 50, 1000);
  const customers = positiveInt('BENCH_CUSTOMERS', 1000);

  // Before any config is read: the bench's own databases, which the processes it starts inherit.
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  const config = loadKitConfig();
  const queuePrefix = `loyalnest-bench-scale-${randomBytes(6).toString('hex')}`;
  const secret = config.shopify.apiSecret;

  let deployment: Deployment | null = null;
  const db = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${DATABASE_PREFIX}_merchant`) });
  const cleanup = async () => {
    await deployment?.stop();
    deployment = null;
    await db.end().catch(() => {});
    await deleteQueuePrefix(config.redisUrl, queuePrefix);
  };
  const phases = WORKER_COUNTS.length + GATEWAY_COUNTS.length + 1;
  const budgetSeconds = SETUP_BUDGET_SECONDS + phases * (seconds + DRAIN_BUDGET_SECONDS + 60);
  const watchdog = setTimeout(() => {
    console.error(`[bench] scale: gave up after ${budgetSeconds} s; stopping what was started`);
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    void cleanup().finally(() => process.exit(1));
  }, budgetSeconds * 1000);
  watchdog.unref();

  const loadAtStart = loadavg()[0];
  try {
    log(`databases ${DATABASE_PREFIX}_*: dropped, then migrated from scratch`);
    await dropBenchDatabases(config.databaseUrl, DATABASE_PREFIX);
    await migrateAll(config, subgraphModules, log);
    await db.connect();
    const limit = (await db.query<{ limit: number }>(`select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int as limit`)).rows[0].limit;
    const gatewayCount = Math.max(...GATEWAY_COUNTS);
    const workerSubgraphs = orderPath();
    const pools = workerPools(limit, gatewayCount, Math.max(...WORKER_COUNTS), subgraphModules.length, workerSubgraphs.length);
    deployment = await startDeployment({ DATABASE_PREFIX, EVENTS_QUEUE_PREFIX: queuePrefix, DATABASE_POOL_MAX: String(GATEWAY_POOL) }, { gateways: gatewayCount, workers: 0 });
    await deployment.addWorkers(1, pools, workerSubgraphs);
    const { origins } = deployment;
    log(`${deployment.describe()}; queues under ${queuePrefix}, ${config.events.concurrency} jobs at once per consumer per worker`);
    const merchants: { id: string; accepted: number }[] = [];

    /** Until the merchant's deliveries are applied; seconds from `started`, or null if not within the budget. */
    const applied = async (merchantId: string, started: number, what: string): Promise<number | null> => {
      const at = await drained(db, merchantId, DRAIN_BUDGET_SECONDS * 1000, (s) => log(`${what}: ${s.processed}/${s.total} applied`));
      if (at === null) {
        const state = await inbox(db, merchantId);
        log(`${what}: WARNING only ${state.processed} of ${state.total} applied within ${DRAIN_BUDGET_SECONDS} s after posting stopped`);
        return null;
      }
      return (at - started) / 1000;
    };

    const warm = await insertMerchant();
    log(`warm-up: ${WARMUP_SECONDS} s of webhooks to one gateway, then until they are applied`);
    warnIfFailed('warm-up', await webhookLoad([origins[0]], warm.shop, secret, customers, WARMUP_SECONDS, connections));
    if ((await applied(warm.id, performance.now(), 'warm-up')) === null) throw new Error('the warm-up deliveries were not applied in time');

    const appliedByWorkers: Record<string, number | null> = {};
    const ordersByWorkers: Record<string, number> = {};
    for (const count of WORKER_COUNTS) {
      // Fresh workers for each count: none inherits the last phase's relay state.
      if (deployment.workers.length !== count) {
        await deployment.stopWorkers();
        await deployment.addWorkers(count, pools, workerSubgraphs);
      }
      const merchant = await insertMerchant();
      log(`workers ${count}: ${seconds} s of orders/paid to one gateway with ${connections} connections (${deployment.describe()}; ${JSON.stringify(pools)} each, for ${workerSubgraphs.join(', ')})`);
      const started = performance.now();
      const load = await webhookLoad([origins[0]], merchant.shop, secret, customers, seconds, connections);
      warnIfFailed(`workers ${count}`, load);
      const took = await applied(merchant.id, started, `workers ${count}`);
      const { total } = await inbox(db, merchant.id);
      merchants.push({ id: merchant.id, accepted: total });
      ordersByWorkers[count] = total;
      appliedByWorkers[count] = took === null ? null : round(total / took, 1);
      log(`workers ${count}: ${total} orders applied in ${took === null ? '(not all)' : round(took)} s from the first post: ${appliedByWorkers[count]} orders/s`);
    }

    await deployment.stopWorkers();
    const acceptedByGateways: Record<string, number> = {};
    const acceptedP99ByGateways: Record<string, number> = {};
    const backlog: { id: string; load: LoadFigures }[] = [];
    for (const count of GATEWAY_COUNTS) {
      const merchant = await insertMerchant();
      log(`gateways ${count}: ${seconds} s of orders/paid with ${connections} connections dealt out among ${count} gateway(s), no worker running`);
      const load = await webhookLoad(origins.slice(0, count), merchant.shop, secret, customers, seconds, connections);
      warnIfFailed(`gateways ${count}`, load);
      acceptedByGateways[count] = round(load.ok / load.seconds, 1);
      acceptedP99ByGateways[count] = load.p99;
      backlog.push({ id: merchant.id, load });
      log(`gateways ${count}: ${load.ok} answered 200 in ${round(load.seconds)} s: ${acceptedByGateways[count]} deliveries/s, p99 ${load.p99} ms`);
    }
    const drainFrom = performance.now();
    await deployment.addWorkers(Math.max(...WORKER_COUNTS), pools, workerSubgraphs);
    log(`applying what the gateways stored with ${deployment.workers.length} workers`);
    for (const { id, load } of backlog) {
      await applied(id, drainFrom, 'gateways backlog');
      const { total } = await inbox(db, id);
      // A delivery answered 200 is stored: fewer rows than answers would be a lost delivery.
      if (total < load.ok) log(`gateways: WARNING ${load.ok} deliveries answered 200 but ${total} stored`);
      merchants.push({ id, accepted: load.ok });
    }

    let lost = 0;
    let doubled = 0;
    for (const merchant of merchants) {
      const exact = await exactness(merchant.id, merchant.accepted);
      lost += exact.lost;
      doubled += exact.doubled;
      if (exact.lost || exact.doubled) log(`exactness: WARNING merchant ${merchant.id}: ${JSON.stringify(exact)} for ${merchant.accepted} deliveries`);
    }
    const loadAtEnd = loadavg()[0];
    await cleanup();

    console.log('');
    console.log(`scale: ${seconds} s of posting per phase, ${connections} connections, ${customers} customers, loopback (Node ${process.version}, ${cpus().length} cores, EVENTS_CONCURRENCY ${config.events.concurrency}, load average ${round(loadAtStart, 1)} at start, ${round(loadAtEnd, 1)} at end)`);
    for (const count of WORKER_COUNTS) {
      const ratio = appliedByWorkers[count] && appliedByWorkers[1] ? ` (${round(appliedByWorkers[count]! / appliedByWorkers[1]!, 2)}× one worker)` : '';
      console.log(`  applied with ${count} worker(s)   ${appliedByWorkers[count] ?? '(not all applied)'} orders/s over ${ordersByWorkers[count]} orders${ratio}`);
    }
    for (const count of GATEWAY_COUNTS) {
      const ratio = count > 1 ? ` (${round(acceptedByGateways[count] / acceptedByGateways[1], 2)}× one gateway)` : '';
      console.log(`  accepted by ${count} gateway(s)  ${acceptedByGateways[count]} deliveries/s, p99 ${acceptedP99ByGateways[count]} ms${ratio}`);
    }
    console.log(`  lost ${lost}, doubled ${doubled} over ${merchants.reduce((n, m) => n + m.accepted, 0)} deliveries`);
    console.log(
      JSON.stringify({
        bench: 'scale',
        applied_per_s_by_workers: appliedByWorkers,
        accepted_per_s_by_gateways: acceptedByGateways,
        lost,
        doubled,
        accepted_p99_ms_by_gateways: acceptedP99ByGateways,
        orders_by_workers: ordersByWorkers,
        load_average_1m: { start: round(loadAtStart, 2), end: round(loadAtEnd, 2) },
        cores: cpus().length,
        connections,
        seconds,
      }),
    );
  } catch (error) {
    if (deployment) console.error(`[bench] the processes' last output:\n${deployment.log()}`);
    throw error;
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
}
