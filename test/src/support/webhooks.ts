import { signWebhook } from '@loyalnest/kit';
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { withOwnerDb } from './db.js';

/** One Shopify webhook delivery as Shopify sends it: the topic, its event id, the JSON body. */
export interface Webhook {
  topic: string;
  eventId: string;
  body: Record<string, unknown>;
}

/**
 * A merchant written straight into the merchant store as the owner, for tests and benchmarks
 * whose supergraph runs in another process: creating it through a runtime of this process would
 * need no event machinery, but the owner's insert needs no runtime at all.
 */
export async function insertMerchant(): Promise<{ id: string; shop: string }> {
  const id = randomUUID();
  const shop = `ingest-${randomBytes(6).toString('hex')}.myshopify.com`;
  await withOwnerDb('merchant', (db) =>
    db.query(
      `insert into merchant (id, shop_domain, name, currency, primary_locale, enabled_locales, plan, status, installed_at, access_scopes, settings, created_at, updated_at)
       values ($1, $2, $3, 'EUR', 'en', '{en}', 'free', 'installed', now(), '', $4::jsonb, now(), now())`,
      [id, shop, `Shop ${shop}`, JSON.stringify({ programEnabled: true, pointsName: 'Points', pointsPerCurrencyUnit: 1, pointsExpiryDays: null })],
    ),
  );
  return { id, shop };
}

/** An `orders/paid` body for `customerId`, `cents` in the shop's currency. */
export function orderBody(orderId: string, customerId: string, cents: number): Record<string, unknown> {
  return {
    id: Number(orderId),
    currency: 'EUR',
    total_price: (cents / 100).toFixed(2),
    processed_at: '2026-11-20T10:00:00Z',
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    cancelled_at: null,
    customer: { id: Number(customerId), email: `buyer-${customerId}@example.com`, first_name: 'Order', last_name: 'Snapshot' },
  };
}

/** Posts a signed delivery to `origin`/webhooks/shopify (or one with the `hmac` given); resolves to the HTTP status. */
export async function postWebhook(origin: string, shop: string, secret: string, webhook: Webhook, options: { hmac?: string } = {}): Promise<number> {
  const raw = JSON.stringify(webhook.body);
  const response = await fetch(`${origin}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': options.hmac ?? signWebhook(raw, secret),
      'x-shopify-shop-domain': shop,
      'x-shopify-topic': webhook.topic,
      'x-shopify-event-id': webhook.eventId,
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-triggered-at': new Date().toISOString(),
    },
    body: raw,
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Runs `fn` over `items` with at most `concurrency` calls in flight, results in item order. */
export async function mapConcurrent<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** What the stores hold of one merchant's webhook traffic, read as the owner for the exactly-once checks. */
export interface IngestState {
  /** Inbox rows by status. */
  inbox: Record<string, number>;
  /** Event ids of the merchant's `shopify.webhook.<topic>` events (one per stored delivery). */
  receivedEvents: string[];
  /** Of those, the ones the customer consumer recorded in consumed_event, with how often. */
  consumedReceived: Map<string, number>;
  /** The same for the points consumer, which applies the order topics too. */
  pointsConsumedReceived: Map<string, number>;
  /** `shopify.webhook_applied` events the customer consumer emitted, per delivery id. */
  appliedPerDelivery: Map<string, number>;
  /** The same for the points consumer. */
  pointsAppliedPerDelivery: Map<string, number>;
  /** Event ids of the `shopify.webhook_applied` events of both applying domains. */
  appliedEvents: string[];
  /**
   * Of those, the ones the merchant consumer recorded, with how often. (It consumes other events of
   * these stores too, for the outgoing webhooks' fan-out: only the `shopify.webhook_applied` ones count here.)
   */
  consumedApplied: Map<string, number>;
  /**
   * Deliveries (event × consumer) of the merchant's events in the three stores: recorded, acknowledged,
   * and how many of them carry a `shopify.webhook_applied` event.
   */
  deliveries: { store: string; consumer: string; total: number; acked: number; minPublishCount: number; webhookApplied: number }[];
  deadLetters: number;
  /** Each customer's stats, by Shopify customer id. */
  customers: Map<string, { ordersCount: number; totalSpent: string }>;
  orders: number;
}

export async function ingestState(merchantId: string): Promise<IngestState> {
  const counts = (rows: { id: string; n: number }[]) => new Map(rows.map((r) => [r.id, r.n]));
  const deliveries = async (db: pg.Client, store: string) =>
    (
      await db.query<{ consumer: string; total: number; acked: number; min_publish_count: number; webhook_applied: number }>(
        `select d.consumer, count(*)::int as total, count(d.acked_at)::int as acked, min(d.publish_count)::int as min_publish_count,
                count(*) filter (where e.topic = 'shopify.webhook_applied')::int as webhook_applied
         from outbox_delivery d left join outbox_event e on e.id = d.event_id
         where d.merchant_id = $1 group by d.consumer order by d.consumer`,
        [merchantId],
      )
    ).rows.map((r) => ({ store, consumer: r.consumer, total: r.total, acked: r.acked, minPublishCount: r.min_publish_count, webhookApplied: r.webhook_applied }));

  const merchantSide = await withOwnerDb('merchant', async (db) => {
    const inbox = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from webhook_delivery where merchant_id = $1 group by status', [merchantId]);
    const received = await db.query<{ id: string }>(`select id from outbox_event where merchant_id = $1 and topic like 'shopify.webhook.%' order by id`, [merchantId]);
    const consumed = await db.query<{ id: string; n: number }>(
      `select event_id::text as id, count(*)::int as n from consumed_event where merchant_id = $1 and consumer = 'merchant' group by event_id`,
      [merchantId],
    );
    const dead = await db.query<{ n: number }>('select count(*)::int as n from dead_letter_event where merchant_id = $1', [merchantId]);
    return { inbox, received, consumed, dead, deliveries: await deliveries(db, 'merchant') };
  });
  /** What one applying domain's store says: the webhook events it consumed, what it reported applied, its dead letters. */
  const applyingSide = async (db: pg.Client, consumer: string) => {
    const consumed = await db.query<{ id: string; n: number }>(
      `select event_id::text as id, count(*)::int as n from consumed_event where merchant_id = $1 and consumer = $2 and event_id = any($3::uuid[]) group by event_id`,
      [merchantId, consumer, merchantSide.received.rows.map((r) => r.id)],
    );
    const applied = await db.query<{ id: string; delivery: string }>(
      `select id, payload->>'deliveryId' as delivery from outbox_event where merchant_id = $1 and topic = 'shopify.webhook_applied' order by id`,
      [merchantId],
    );
    const dead = await db.query<{ n: number }>('select count(*)::int as n from dead_letter_event where merchant_id = $1', [merchantId]);
    return { consumed, applied, dead };
  };
  const perDelivery = (rows: { delivery: string }[]) => {
    const counted = new Map<string, number>();
    for (const row of rows) counted.set(row.delivery, (counted.get(row.delivery) ?? 0) + 1);
    return counted;
  };
  const pointsSide = await withOwnerDb('points', async (db) => ({ ...(await applyingSide(db, 'points')), deliveries: await deliveries(db, 'points') }));
  const customerSide = await withOwnerDb('customer', async (db) => {
    const { consumed, applied, dead } = await applyingSide(db, 'customer');
    const customers = await db.query<{ shopify_id: string; orders_count: number; total_spent: string }>(
      'select shopify_id, orders_count, total_spent::text from customer where merchant_id = $1',
      [merchantId],
    );
    const orders = await db.query<{ n: number }>('select count(*)::int as n from customer_order where merchant_id = $1', [merchantId]);
    return { consumed, applied, dead, customers, orders, deliveries: await deliveries(db, 'customer') };
  });

  const appliedIds = new Set([...customerSide.applied.rows, ...pointsSide.applied.rows].map((r) => r.id));
  return {
    inbox: Object.fromEntries(merchantSide.inbox.rows.map((r) => [r.status, r.n])),
    receivedEvents: merchantSide.received.rows.map((r) => r.id),
    consumedReceived: counts(customerSide.consumed.rows),
    pointsConsumedReceived: counts(pointsSide.consumed.rows),
    appliedPerDelivery: perDelivery(customerSide.applied.rows),
    pointsAppliedPerDelivery: perDelivery(pointsSide.applied.rows),
    appliedEvents: [...customerSide.applied.rows, ...pointsSide.applied.rows].map((r) => r.id).sort(),
    consumedApplied: counts(merchantSide.consumed.rows.filter((r) => appliedIds.has(r.id))),
    deliveries: [...merchantSide.deliveries, ...customerSide.deliveries, ...pointsSide.deliveries],
    deadLetters: merchantSide.dead.rows[0].n + customerSide.dead.rows[0].n + pointsSide.dead.rows[0].n,
    customers: new Map(customerSide.customers.rows.map((r) => [r.shopify_id, { ordersCount: r.orders_count, totalSpent: r.total_spent }])),
    orders: customerSide.orders.rows[0].n,
  };
}
