/**
 * `bench ingest`: Shopify webhooks in, customer stats out.
 *
 * The embedded supergraph runs as its own process (the production entry, `serve-embedded`), so
 * the load generator (autocannon, in this process's main thread, since every request needs its
 * own event id and signature) never shares its event loop. On loopback, one after another:
 *
 *  (a) accepted: signed `orders/paid` deliveries, each with a new event id, a new order and one of
 *      `BENCH_CUSTOMERS` customers, posted to `/webhooks/shopify` from `BENCH_CONNECTIONS`
 *      keep-alive connections for `BENCH_SECONDS`: deliveries answered 200 per second, p99.
 *      Reference: the same process's `/healthz` under the same load (its HTTP stack alone).
 *  (b) applied: from the first post of (a) until every delivery stored in (a) is `processed`
 *      in the inbox, which the merchant subgraph marks once the customer subgraph has applied the
 *      order to the customer's stats (inbox → relay → customer worker → relay → merchant worker),
 *      and the audit trail holds each delivery's `shopify.webhook_applied` event.
 *      Reference: the same number of plain single-row INSERTs of the order rows into a copy of
 *      `customer_order`, from as many connections as a worker runs jobs at once.
 *  (c) redact_100_s: 100 `customers/redact` posted at once, until each request is completed in
 *      every store (see `measureRedact`).
 */
import autocannon, { type Result } from 'autocannon';
import { loadKitConfig, signWebhook } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { withOwnerDb } from '../src/support/db.js';
import { deleteQueuePrefix } from '../src/support/queue-keys.js';
import { freePort, SupergraphProcess } from '../src/support/supergraph-process.js';
import { insertMerchant, orderBody } from '../src/support/webhooks.js';
import { log, positiveInt } from './bench-env.js';

const DATABASE_PREFIX = 'loyalnest_bench_ingest';
const WARMUP_SECONDS = 2;
const SETUP_BUDGET_SECONDS = 120;
/** How long (b) may take after the posting stopped before the run gives up on it. */
const DRAIN_BUDGET_SECONDS = 300;

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A load of signed `orders/paid` deliveries to one shop, each request a new event and a new order. */
function webhookLoad(origin: string, shop: string, secret: string, customers: number, seconds: number, connections: number): PromiseLike<Result> {
  // Shopify ids unique to this load, so every delivery is a new order of an existing or new customer.
  const base = Date.now() * 1000;
  let n = 0;
  return autocannon({
    url: `${origin}/webhooks/shopify`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          n++;
          const body = JSON.stringify(orderBody(String(base + n), String(base - 1 - (n % customers)), 500 + (n % 20_000)));
          return {
            ...request,
            body,
            headers: {
              'content-type': 'application/json',
              'x-shopify-hmac-sha256': signWebhook(body, secret),
              'x-shopify-shop-domain': shop,
              'x-shopify-topic': 'orders/paid',
              'x-shopify-event-id': randomUUID(),
              'x-shopify-webhook-id': randomUUID(),
              'x-shopify-triggered-at': new Date().toISOString(),
            },
          };
        },
      },
    ],
  });
}

function warnIfFailed(target: string, result: Result): void {
  if (result.non2xx || result.errors) {
    log(`${target}: WARNING ${result.non2xx} non-2xx and ${result.errors} errors (${result.timeouts} timeouts); status codes ${JSON.stringify(result.statusCodeStats)}`);
  }
}

interface Inbox {
  total: number;
  processed: number;
}

async function inbox(db: pg.Client, merchantId: string): Promise<Inbox> {
  const { rows } = await db.query<Inbox>(`select count(*)::int as total, count(*) filter (where status = 'processed')::int as processed from webhook_delivery where merchant_id = $1`, [merchantId]);
  return rows[0];
}

/** Polls until every delivery of the merchant is processed; resolves to when that was seen, or null after `budgetMs`. */
/** Audit entries of the merchant's `shopify.webhook_applied` events. */
async function audited(merchantId: string): Promise<number> {
  const { rows } = await withOwnerDb('audit', (c) =>
    c.query<{ n: number }>("select count(*)::int as n from audit_entry where merchant_id = $1 and source_topic = 'shopify.webhook_applied'", [merchantId]),
  );
  return rows[0].n;
}

async function drained(db: pg.Client, merchantId: string, budgetMs: number, progress: (state: Inbox) => void): Promise<number | null> {
  const deadline = Date.now() + budgetMs;
  let lastReport = 0;
  for (;;) {
    const state = await inbox(db, merchantId);
    // End to end includes the audit trail: each applied delivery's `shopify.webhook_applied` event recorded in it.
    if (state.total > 0 && state.processed === state.total && (await audited(merchantId)) >= state.total) return performance.now();
    if (Date.now() > deadline) return null;
    if (Date.now() - lastReport > 5000) {
      progress(state);
      lastReport = Date.now();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The reference for (b): `count` order rows like the ones the consumer writes, each inserted by
 * one autocommitted statement, from `connections` connections at once, into a scratch copy of
 * `customer_order` (same columns, defaults, indexes; no RLS, no triggers).
 */
async function plainInserts(count: number, connections: number, merchantId: string): Promise<number> {
  const config = loadKitConfig();
  const table = `bench_plain_order_${randomBytes(4).toString('hex')}`;
  await withOwnerDb('customer', (db) => db.query(`create table ${table} (like customer_order including defaults including indexes)`));
  const url = config.databaseUrl.replace(/\/[^/]*$/, `/${config.databasePrefix}_customer`);
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }));
  try {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (next < count) {
          const i = next++;
          await client.query(
            `insert into ${table} (id, merchant_id, shopify_order_id, shopify_customer_id, total_price, cancelled, processed_at, source_updated_at)
             values ($1, $2, $3, $4, $5, false, now(), now())`,
            [randomUUID(), merchantId, String(i), String(i % 1000), '12.34'],
          );
        }
      }),
    );
    return (performance.now() - started) / 1000;
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    await withOwnerDb('customer', (db) => db.query(`drop table ${table}`));
  }
}

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

  let supergraph: SupergraphProcess | null = null;
  const db = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${DATABASE_PREFIX}_merchant`) });
  const cleanup = async () => {
    await supergraph?.kill('SIGTERM');
    supergraph = null;
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
    log(`databases ${DATABASE_PREFIX}_*; migrating`);
    await migrateAll(config, subgraphModules, log);
    await db.connect();
    const port = await freePort();
    supergraph = await SupergraphProcess.start(port, { DATABASE_PREFIX, EVENTS_QUEUE_PREFIX: queuePrefix });
    log(`embedded supergraph pid ${supergraph.pid} on ${supergraph.origin}, queues ${queuePrefix}:*, ${concurrency} jobs at once per worker`);
    const secret = config.shopify.apiSecret;

    // Warm-up on a merchant of its own, drained before anything is measured.
    const warm = await insertMerchant();
    log(`warm-up: ${WARMUP_SECONDS} s of webhooks to ${warm.shop}, then until they are applied`);
    warnIfFailed('warm-up', await webhookLoad(supergraph.origin, warm.shop, secret, customers, WARMUP_SECONDS, connections));
    if ((await drained(db, warm.id, DRAIN_BUDGET_SECONDS * 1000, (s) => log(`warm-up: ${s.processed}/${s.total} applied`))) === null) {
      throw new Error('the warm-up deliveries were not applied in time');
    }

    log(`reference: GET /healthz, ${seconds} s with ${connections} connections`);
    const health = await autocannon({ url: `${supergraph.origin}/healthz`, connections, duration: seconds, timeout: 10 });
    warnIfFailed('healthz', health);

    const merchant = await insertMerchant();
    log(`accepted: ${seconds} s of signed orders/paid to ${merchant.shop} (${customers} customers) with ${connections} connections`);
    const started = performance.now();
    const accepted = await webhookLoad(supergraph.origin, merchant.shop, secret, customers, seconds, connections);
    const postedFor = (performance.now() - started) / 1000;
    warnIfFailed('webhooks', accepted);
    const atStop = await inbox(db, merchant.id);
    log(`accepted: ${accepted['2xx']} deliveries answered 200 in ${round(postedFor)} s; ${atStop.processed} of ${atStop.total} already applied when posting stopped`);

    const appliedAt = await drained(db, merchant.id, DRAIN_BUDGET_SECONDS * 1000, (s) => log(`applied: ${s.processed}/${s.total}`));
    const final = await inbox(db, merchant.id);
    if (appliedAt === null) log(`applied: WARNING only ${final.processed} of ${final.total} applied within ${DRAIN_BUDGET_SECONDS} s after posting stopped`);
    const appliedSeconds = ((appliedAt ?? performance.now()) - started) / 1000;
    // Every delivery is a new order: the stats must count each one once.
    const stats = await withOwnerDb('customer', (c) =>
      c.query<{ orders: number }>('select coalesce(sum(orders_count), 0)::int as orders from customer where merchant_id = $1', [merchant.id]),
    );
    if (stats.rows[0].orders !== final.processed) log(`applied: WARNING the customers count ${stats.rows[0].orders} orders for ${final.processed} processed deliveries`);

    log('redact: 100 customers/redact at once, until completed in every store');
    const redact = await measureRedact(supergraph.origin, merchant.shop, merchant.id, secret, db);

    await supergraph.kill('SIGTERM');
    supergraph = null;
    log(`reference: ${final.total} plain INSERTs of order rows from ${concurrency} connections`);
    const plainSeconds = await plainInserts(final.total, concurrency, merchant.id);


    const acceptedPerS = round(accepted['2xx'] / accepted.duration, 1);
    const healthPerS = round(health['2xx'] / health.duration, 1);
    const appliedPerS = round(final.processed / appliedSeconds, 1);
    const plainPerS = round(final.total / plainSeconds, 1);
    console.log('');
    console.log(`ingest: ${seconds} s of posting, ${connections} connections, ${customers} customers, loopback (Node ${process.version}, EVENTS_CONCURRENCY ${concurrency})`);
    console.log(`  accepted   ${acceptedPerS} deliveries/s   p50 ${accepted.latency.p50} ms   p99 ${accepted.latency.p99} ms   (${accepted['2xx']} answered 200, ${accepted.non2xx} not)`);
    console.log(`  /healthz   ${healthPerS} req/s          p50 ${health.latency.p50} ms   p99 ${health.latency.p99} ms   (reference)`);
    console.log(`  applied    ${appliedPerS} orders/s   ${final.processed} of ${final.total} in ${round(appliedSeconds)} s from the first post`);
    console.log(`  plain      ${plainPerS} INSERTs/s   (reference)`);
    console.log(`  accepted ÷ /healthz ${round(acceptedPerS / healthPerS, 3)}   applied ÷ plain INSERTs ${round(appliedPerS / plainPerS, 3)}`);
    console.log(`  redact     100 customers/redact completed in every store in ${redact ?? '(not measured)'} s`);
    console.log(
      JSON.stringify({
        bench: 'ingest',
        accepted_per_s: acceptedPerS,
        accepted_p99_ms: accepted.latency.p99,
        applied_per_s: appliedPerS,
        redact_100_s: redact,
        healthz_per_s: healthPerS,
        healthz_p99_ms: health.latency.p99,
        plain_insert_per_s: plainPerS,
        connections,
        seconds,
      }),
    );
  } catch (error) {
    if (supergraph) console.error(`[bench] the supergraph process's last output:\n${supergraph.log}`);
    throw error;
  } finally {
    await cleanup();
    clearTimeout(watchdog);
  }
}
