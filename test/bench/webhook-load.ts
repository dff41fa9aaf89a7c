/**
 * What the webhook benches (`ingest`, `scale`) share: a load of signed `orders/paid` deliveries,
 * the wait until they are applied end to end, the check that each order took effect exactly once,
 * and the plain-INSERT reference.
 */
import autocannon, { type Result } from 'autocannon';
import { loadKitConfig, signWebhook } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { withOwnerDb } from '../src/support/db.js';
import { orderBody } from '../src/support/webhooks.js';
import { log } from './bench-env.js';

/** What a load did, summed over its targets. */
export interface LoadFigures {
  /** Answered 2xx. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  p50: number;
  /** The worst target's p99 when there are several (autocannon keeps no raw latencies to merge). */
  p99: number;
  statusCodes: Record<string, unknown>;
}

function figures(results: Result[]): LoadFigures {
  return {
    ok: results.reduce((n, r) => n + r['2xx'], 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    seconds: Math.max(...results.map((r) => r.duration)),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    statusCodes: Object.assign({}, ...results.map((r) => r.statusCodeStats)),
  };
}

/**
 * Signed `orders/paid` deliveries to one shop for `seconds`, each request a new event and a new
 * order of one of `customers` customers. With several origins (gateway processes) the connections
 * are dealt out among them in turn: a round robin per connection, as a load balancer keeping
 * connections alive does.
 */
export async function webhookLoad(origins: string[], shop: string, secret: string, customers: number, seconds: number, connections: number): Promise<LoadFigures> {
  // Shopify ids unique to this load, so every delivery is a new order of an existing or new customer.
  const base = Date.now() * 1000;
  let n = 0;
  const one = (origin: string, share: number) =>
    autocannon({
      url: `${origin}/webhooks/shopify`,
      connections: share,
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
  const shares = origins.map((_, i) => Math.floor(connections / origins.length) + (i < connections % origins.length ? 1 : 0));
  return figures(await Promise.all(origins.map((origin, i) => one(origin, Math.max(1, shares[i])))));
}

/** Autocannon's figures of a plain GET load (a reference). */
export async function getLoad(url: string, seconds: number, connections: number): Promise<LoadFigures> {
  return figures([await autocannon({ url, connections, duration: seconds, timeout: 10 })]);
}

export function warnIfFailed(target: string, load: LoadFigures): void {
  if (load.non2xx || load.errors) {
    log(`${target}: WARNING ${load.non2xx} non-2xx and ${load.errors} errors (${load.timeouts} timeouts); status codes ${JSON.stringify(load.statusCodes)}`);
  }
}

export interface Inbox {
  total: number;
  processed: number;
}

/** The merchant's inbox: deliveries stored, and of those processed (applied by the customer domain). */
export async function inbox(db: pg.Client, merchantId: string): Promise<Inbox> {
  const { rows } = await db.query<Inbox>(`select count(*)::int as total, count(*) filter (where status = 'processed')::int as processed from webhook_delivery where merchant_id = $1`, [merchantId]);
  return rows[0];
}

/** The domains that apply an order and each report it with a `shopify.webhook_applied` event: customer and points. */
const APPLYING_DOMAINS = 2;

/** Audit entries of the merchant's `shopify.webhook_applied` events. */
async function audited(merchantId: string): Promise<number> {
  const { rows } = await withOwnerDb('audit', (c) =>
    c.query<{ n: number }>("select count(*)::int as n from audit_entry where merchant_id = $1 and source_topic = 'shopify.webhook_applied'", [merchantId]),
  );
  return rows[0].n;
}

/**
 * Polls until every delivery of the merchant is processed (the customer domain applied it) and the
 * audit trail holds every applying domain's report of it; resolves to when that was seen, or null after `budgetMs`.
 */
export async function drained(db: pg.Client, merchantId: string, budgetMs: number, progress: (state: Inbox) => void): Promise<number | null> {
  const deadline = Date.now() + budgetMs;
  let lastReport = 0;
  for (;;) {
    const state = await inbox(db, merchantId);
    // End to end includes every applying domain and the audit trail: each domain's
    // `shopify.webhook_applied` event of each delivery recorded in it.
    if (state.total > 0 && state.processed === state.total && (await audited(merchantId)) >= APPLYING_DOMAINS * state.total) return performance.now();
    if (Date.now() > deadline) return null;
    if (Date.now() - lastReport > 5000) {
      progress(state);
      lastReport = Date.now();
    }
    // Each look counts every delivery of the merchant (13,000 in a 10 s run): every 50 ms, these
    // looks were the merchant store's most read index (16 million entries over an evening's runs),
    // load the product does not make.
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Orders of one merchant that did not take effect (lost) or took effect more than once (doubled), per store. */
export interface Exactness {
  lost: number;
  doubled: number;
  /** Orders in the customer store's ledger. */
  orders: number;
  /** Order earn entries in the points store. */
  pointsEntries: number;
  /** Audit entries of the merchant's deliveries and of their applications. */
  auditEntries: number;
}

/**
 * Counts, for a merchant whose every delivery was a new order, what each store holds per order or
 * event against the `accepted` deliveries: the customer store's orders (and the stats counting
 * each once), points earn entries per order, audit entries per event (one for each delivery's
 * event and for each domain's `shopify.webhook_applied`). Points count only when the merchant's
 * program earns on orders (entries > 0); otherwise that store is reported and skipped. The
 * `order.recorded` event the customer domain emits for each new order is audited too, but is
 * neither counted here nor waited for by `drained`: both select the webhook topics by name.
 */
export async function exactness(merchantId: string, accepted: number): Promise<Exactness> {
  const customer = await withOwnerDb('customer', async (c) => {
    const orders = await c.query<{ orders: number; distinct_orders: number }>(
      'select count(*)::int as orders, count(distinct shopify_order_id)::int as distinct_orders from customer_order where merchant_id = $1',
      [merchantId],
    );
    const stats = await c.query<{ counted: number }>('select coalesce(sum(orders_count), 0)::int as counted from customer where merchant_id = $1', [merchantId]);
    return { ...orders.rows[0], counted: stats.rows[0].counted };
  });
  const points = await withOwnerDb('points', async (c) =>
    (
      await c.query<{ entries: number; orders: number }>(
        "select count(*)::int as entries, count(distinct order_id)::int as orders from points_entry where merchant_id = $1 and source = 'order' and kind = 'earn'",
        [merchantId],
      )
    ).rows[0],
  );
  const audit = await withOwnerDb('audit', async (c) =>
    (
      await c.query<{ entries: number; events: number; applied: number }>(
        `select count(*)::int as entries, count(distinct source_event_id)::int as events,
                count(*) filter (where source_topic = 'shopify.webhook_applied')::int as applied
         from audit_entry where merchant_id = $1 and (source_topic = 'shopify.webhook_applied' or source_topic like 'shopify.webhook.%')`,
        [merchantId],
      )
    ).rows[0],
  );
  const pointsApply = points.entries > 0;
  // Each delivery: its event, and one application per applying domain.
  const expectedAudit = accepted * (1 + APPLYING_DOMAINS);
  const lost = Math.max(0, accepted - customer.distinct_orders) + (pointsApply ? Math.max(0, accepted - points.orders) : 0) + Math.max(0, expectedAudit - audit.events);
  const doubled =
    customer.orders - customer.distinct_orders +
    Math.max(0, customer.counted - customer.distinct_orders) +
    (points.entries - points.orders) +
    (audit.entries - audit.events);
  if (!pointsApply) log(`exactness: the merchant's program earned no points on orders; the points store is not counted`);
  return { lost, doubled, orders: customer.orders, pointsEntries: points.entries, auditEntries: audit.entries };
}

/**
 * The reference for the applied figures: `count` order rows like the ones the consumer writes,
 * each inserted by one autocommitted statement, from `connections` connections at once, into a
 * scratch copy of `customer_order` (same columns, defaults, indexes; no RLS, no triggers).
 */
export async function plainInserts(count: number, connections: number, merchantId: string): Promise<number> {
  const config = loadKitConfig();
  const table = `bench_plain_order_${randomBytes(4).toString('hex')}`;
  await withOwnerDb('customer', (db) => db.query(`create table ${table} (like customer_order including defaults including indexes)`));
  const url = config.databaseUrl.replace(/\/[^/]*$/, `/${config.databasePrefix}_customer`);
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
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
 * Drops the bench's databases (`<prefix>_*`), for a run that must start with no work left over: a
 * run stopped halfway leaves deliveries in the inbox and outboxes, which the next run's workers
 * would apply during its measured phases. Only one bench runs at a time (the bench lock), so no
 * one else is connected.
 */
export async function dropBenchDatabases(databaseUrl: string, prefix: string): Promise<void> {
  if (!prefix.startsWith('loyalnest_bench_')) throw new Error(`refusing to drop databases under "${prefix}": not a bench prefix`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [`${prefix}_`]);
    for (const { datname } of rows) await client.query(`drop database ${pg.escapeIdentifier(datname)} with (force)`);
  } finally {
    await client.end();
  }
}
