/**
 * `bench ingest`: Shopify webhooks in, customer stats out.
 *
 * The product runs as production runs it, in processes of its own (see apart.ts): a gateway
 * (`serve-embedded` with `EVENT_PROCESSING=off`) and one `serve-worker` on the same stores, or with
 * `BENCH_WORKERS_APART=0` the one process doing both, so the load generator (autocannon, in this
 * process's main thread, since every request needs its own event id and signature) never shares
 * their event loops. On loopback, one after another:
 *
 *  (a) accepted: signed `orders/paid` deliveries, each with a new event id, a new order and one of
 *      `BENCH_CUSTOMERS` customers, posted to `/webhooks/shopify` from `BENCH_CONNECTIONS`
 *      keep-alive connections for `BENCH_SECONDS`: deliveries answered 200 per second, p99.
 *      Reference: the gateway process's `/healthz` under the same load (its HTTP stack alone).
 *  (b) applied: from the first post of (a) until every delivery stored in (a) is `processed`
 *      in the inbox, which the merchant subgraph marks once the customer subgraph has applied the
 *      order to the customer's stats (inbox → relay → customer worker → relay → merchant worker),
 *      and the audit trail holds each delivery's `shopify.webhook_applied` event.
 *      Reference: the same number of plain single-row INSERTs of the order rows into a copy of
 *      `customer_order`, from as many connections as a worker runs jobs at once.
 *  (c) redact_100_s: 100 `customers/redact` posted at once, until each request is completed in
 *      every store (see `measureRedact`).
 */
import { loadKitConfig, signWebhook } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { withOwnerDb } from '../src/support/db.js';
import { deleteQueuePrefix } from '../src/support/queue-keys.js';
import { insertMerchant } from '../src/support/webhooks.js';
import { startDeployment, workersApart, type Deployment } from './apart.js';
import { log, positiveInt } from './bench-env.js';
import { round } from './load.js';
import { drained, dropBenchDatabases, exactness, getLoad, inbox, plainInserts, warnIfFailed, webhookLoad } from './webhook-load.js';

const DATABASE_PREFIX = 'loyalnest_bench_ingest';
const WARMUP_SECONDS = 2;
const SETUP_BUDGET_SECONDS = 120;
/** How long (b) may take after the posting stopped before the run gives up on it. */
const DRAIN_BUDGET_SECONDS = 300;

/**
 * (c) 100 `customers/redact` for customers the merchant has (with their orders), posted at once;
 * seconds from the first post until every request is completed in every store (the merchant's
 * `gdpr_request` completes only when each participating subgraph has reported its part).
 */
async function measureRedact(origin: string, shop: string, merchantId: string, secret: string, db: pg.Client): Promise<number | null> {
  const { rows } = await withOwnerDb('customer', (c) =>
    c.query<{ id: string }>('select shopify_id::text as id from customer where merchant_id = $1 order by shopify_id limit 100', [merchantId]),
  );
  if (rows.length < 100) {
    log(`redact: only ${rows.length} customers to redact; not measured`);
    return null;
  }
  const started = performance.now();
  await Promise.all(
    rows.map(async ({ id }) => {
      const body = JSON.stringify({ shop_domain: shop, customer: { id: Number(id), email: null }, orders_to_redact: [] });
      const response = await fetch(`${origin}/webhooks/shopify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-shopify-hmac-sha256': signWebhook(body, secret),
          'x-shopify-shop-domain': shop,
          'x-shopify-topic': 'customers/redact',
          'x-shopify-event-id': randomUUID(),
        },
        body,
      });
      if (response.status !== 200) throw new Error(`customers/redact answered ${response.status}`);
      await response.arrayBuffer();
    }),
  );
  const deadline = started + DRAIN_BUDGET_SECONDS * 1000;
  while (performance.now() < deadline) {
    const { rows: done } = await db.query<{ n: number }>(
      "select count(*)::int as n from gdpr_request where merchant_id = $1 and kind = 'customer_redact' and status = 'completed'",
      [merchantId],
    );
    if (done[0].n >= rows.length) return round((performance.now() - started) / 1000);
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`redact: WARNING not all 100 requests completed within ${DRAIN_BUDGET_SECONDS} s`);
  return null;
}

export async function run(): Promise<void> {
  const seconds = positiveInt('BENCH_SECONDS', 10, 120);
  const connections = positiveInt('BENCH_CONNECTIONS', 50, 1000);
  const customers = positiveInt('BENCH_CUSTOMERS', 1000);

  // Before any config is read: the bench has databases of its own, and the supergraph process
  // inherits process.env, so it opens the same ones; its queues get a prefix of their own.
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  const config = loadKitConfig();
  const queuePrefix = `loyalnest-bench-ingest-${randomBytes(6).toString('hex')}`;
  const concurrency = config.events.concurrency;

  const apart = workersApart();
  let deployment: Deployment | null = null;
  const db = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${DATABASE_PREFIX}_merchant`) });
  const cleanup = async () => {
    await deployment?.stop();
    deployment = null;
    await db.end().catch(() => {});
    await deleteQueuePrefix(config.redisUrl, queuePrefix);
  };

  const budgetSeconds = SETUP_BUDGET_SECONDS + 2 * (WARMUP_SECONDS + seconds + 15) + DRAIN_BUDGET_SECONDS + 60;
  const watchdog = setTimeout(() => {
    console.error(`[bench] ingest: gave up after ${budgetSeconds} s; stopping what was started`);
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    void cleanup().finally(() => process.exit(1));
  }, budgetSeconds * 1000);
  watchdog.unref();

  try {
    // From scratch, as `scale` does: each run used to add its orders to the last run's, and with
    // autovacuum off (as on these machines) their dead outbox rows too, so runs drifted apart.
    log(`databases ${DATABASE_PREFIX}_*: dropped, then migrated from scratch`);
    await dropBenchDatabases(config.databaseUrl, DATABASE_PREFIX);
    await migrateAll(config, subgraphModules, log);
    await db.connect();
    deployment = await startDeployment({ DATABASE_PREFIX, EVENTS_QUEUE_PREFIX: queuePrefix }, { gateways: 1, workers: apart ? 1 : 0, apart });
    const { origins } = deployment;
    log(`${deployment.describe()}; queues under ${queuePrefix}, ${concurrency} jobs at once per consumer`);
    const secret = config.shopify.apiSecret;

    // Warm-up on a merchant of its own, drained before anything is measured.
    const warm = await insertMerchant();
    log(`warm-up: ${WARMUP_SECONDS} s of webhooks to ${warm.shop}, then until they are applied`);
    warnIfFailed('warm-up', await webhookLoad(origins, warm.shop, secret, customers, WARMUP_SECONDS, connections));
    if ((await drained(db, warm.id, DRAIN_BUDGET_SECONDS * 1000, (s) => log(`warm-up: ${s.processed}/${s.total} applied`))) === null) {
      throw new Error('the warm-up deliveries were not applied in time');
    }

    log(`reference: GET /healthz, ${seconds} s with ${connections} connections`);
    const health = await getLoad(`${origins[0]}/healthz`, seconds, connections);
    warnIfFailed('healthz', health);

    const merchant = await insertMerchant();
    log(`accepted: ${seconds} s of signed orders/paid to ${merchant.shop} (${customers} customers) with ${connections} connections`);
    const started = performance.now();
    const accepted = await webhookLoad(origins, merchant.shop, secret, customers, seconds, connections);
    const postedFor = (performance.now() - started) / 1000;
    warnIfFailed('webhooks', accepted);
    const atStop = await inbox(db, merchant.id);
    log(`accepted: ${accepted.ok} deliveries answered 200 in ${round(postedFor)} s; ${atStop.processed} of ${atStop.total} already applied when posting stopped`);

    const appliedAt = await drained(db, merchant.id, DRAIN_BUDGET_SECONDS * 1000, (s) => log(`applied: ${s.processed}/${s.total}`));
    const final = await inbox(db, merchant.id);
    if (appliedAt === null) log(`applied: WARNING only ${final.processed} of ${final.total} applied within ${DRAIN_BUDGET_SECONDS} s after posting stopped`);
    const appliedSeconds = ((appliedAt ?? performance.now()) - started) / 1000;
    // Every delivery is a new order: each must have taken effect once in every store.
    const exact = await exactness(merchant.id, final.total);
    if (exact.lost || exact.doubled) log(`applied: WARNING ${exact.lost} lost and ${exact.doubled} doubled (${JSON.stringify(exact)})`);

    log('redact: 100 customers/redact at once, until completed in every store');
    const redact = await measureRedact(origins[0], merchant.shop, merchant.id, secret, db);

    await deployment.stop();
    deployment = null;
    log(`reference: ${final.total} plain INSERTs of order rows from ${concurrency} connections`);
    const plainSeconds = await plainInserts(final.total, concurrency, merchant.id);

    const acceptedPerS = round(accepted.ok / accepted.seconds, 1);
    const healthPerS = round(health.ok / health.seconds, 1);
    const appliedPerS = round(final.processed / appliedSeconds, 1);
    const plainPerS = round(final.total / plainSeconds, 1);
    console.log('');
    console.log(`ingest: ${seconds} s of posting, ${connections} connections, ${customers} customers, loopback (Node ${process.version}, EVENTS_CONCURRENCY ${concurrency}, ${apart ? 'a gateway and a worker apart' : 'one process, BENCH_WORKERS_APART=0'})`);
    console.log(`  accepted   ${acceptedPerS} deliveries/s   p50 ${accepted.p50} ms   p99 ${accepted.p99} ms   (${accepted.ok} answered 200, ${accepted.non2xx} not)`);
    console.log(`  /healthz   ${healthPerS} req/s          p50 ${health.p50} ms   p99 ${health.p99} ms   (reference)`);
    console.log(`  applied    ${appliedPerS} orders/s   ${final.processed} of ${final.total} in ${round(appliedSeconds)} s from the first post`);
    console.log(`  plain      ${plainPerS} INSERTs/s   (reference)`);
    console.log(`  accepted ÷ /healthz ${round(acceptedPerS / healthPerS, 3)}   applied ÷ plain INSERTs ${round(appliedPerS / plainPerS, 3)}`);
    console.log(`  redact     100 customers/redact completed in every store in ${redact ?? '(not measured)'} s`);
    console.log(
      JSON.stringify({
        bench: 'ingest',
        accepted_per_s: acceptedPerS,
        accepted_p99_ms: accepted.p99,
        applied_per_s: appliedPerS,
        redact_100_s: redact,
        lost: exact.lost,
        doubled: exact.doubled,
        workers_apart: apart,
        healthz_per_s: healthPerS,
        healthz_p99_ms: health.p99,
        plain_insert_per_s: plainPerS,
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
