import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import { shopifyId } from './tenants.js';
import { ingestState, mapConcurrent, orderBody, postWebhook, type IngestState, type Webhook } from './webhooks.js';

/**
 * Order traffic for the end-to-end event tests whose supergraph runs in other processes
 * (crash recovery, workers apart), and the exactly-once check of what the stores then hold.
 */

export interface Traffic {
  webhooks: Webhook[];
  /** Distinct Shopify event ids: the deliveries the inbox must hold, each applied once. */
  deliveries: number;
  orders: number;
  /** What each customer's stats must be: every distinct order counted once. */
  expected: Map<string, { ordersCount: number; totalSpent: string }>;
}

/**
 * `orders` paid orders spread over `customers` customers. Shopify's own duplicates are mixed in:
 * every `resendEvery`th order is sent again under a new event id (the same order, counted once),
 * every `twiceEvery`th delivery is sent twice at once under the same event id (stored once).
 */
export function orderTraffic(orders: number, customers: number, resendEvery: number, twiceEvery: number): Traffic {
  const buyers = Array.from({ length: customers }, () => shopifyId());
  const cents = new Map<string, { count: number; cents: number }>();
  const webhooks: Webhook[] = [];
  for (let i = 0; i < orders; i++) {
    const buyer = buyers[i % customers];
    const amount = 1000 + ((i * 379) % 9000);
    const body = orderBody(shopifyId(), buyer, amount);
    const spent = cents.get(buyer) ?? { count: 0, cents: 0 };
    cents.set(buyer, { count: spent.count + 1, cents: spent.cents + amount });
    const webhook = { topic: 'orders/paid', eventId: randomUUID(), body };
    webhooks.push(webhook);
    if (i % twiceEvery === 0) webhooks.push(webhook);
    if (i % resendEvery === 0) webhooks.push({ ...webhook, eventId: randomUUID() });
  }
  return {
    webhooks,
    deliveries: new Set(webhooks.map((w) => w.eventId)).size,
    orders,
    expected: new Map([...cents].map(([buyer, s]) => [buyer, { ordersCount: s.count, totalSpent: (s.cents / 100).toFixed(2) }])),
  };
}

/** Posts every webhook, 16 at a time; resolves to the index of each one answered 200. */
export async function postAll(origin: string, shop: string, secret: string, webhooks: Webhook[]): Promise<Set<number>> {
  const statuses = await mapConcurrent(
    webhooks.map((w, i) => [w, i] as const),
    16,
    async ([w]) => postWebhook(origin, shop, secret, w).catch(() => 0),
  );
  return new Set(statuses.flatMap((s, i) => (s === 200 ? [i] : [])));
}

/** Waits until every delivery is processed and every outbox delivery acknowledged; returns the state seen last either way. */
export async function settle(merchantId: string, traffic: Traffic, timeoutMs = 120_000): Promise<IngestState> {
  let state = await ingestState(merchantId);
  await eventually(
    async () => {
      state = await ingestState(merchantId);
      return state.inbox.processed === traffic.deliveries && state.deliveries.length > 0 && state.deliveries.every((d) => d.acked === d.total);
    },
    timeoutMs,
    'every delivery processed and acknowledged',
  ).catch(() => {});
  return state;
}

/** Every event applied exactly once, every delivery acknowledged, nothing dead, stats exact. */
export function expectExactlyOnce(state: IngestState, traffic: Traffic): void {
  expect(state.inbox).toEqual({ processed: traffic.deliveries });
  // One shopify.webhook.<topic> event per stored delivery, each consumed by the customer and the points subgraphs...
  expect(state.receivedEvents).toHaveLength(traffic.deliveries);
  expect([...state.consumedReceived.keys()].sort()).toEqual(state.receivedEvents);
  expect([...state.pointsConsumedReceived.keys()].sort()).toEqual(state.receivedEvents);
  // ...and taking effect once in each: one shopify.webhook_applied per delivery and domain, never two.
  for (const applied of [state.appliedPerDelivery, state.pointsAppliedPerDelivery]) {
    expect(applied.size).toBe(traffic.deliveries);
    expect([...applied.values()].filter((n) => n !== 1)).toEqual([]);
  }
  expect([...state.consumedApplied.keys()].sort()).toEqual(state.appliedEvents);
  // Each event handed to its consumers and acknowledged by them: the webhook events to the
  // customer and points subgraphs, their webhook_applied events to the merchant subgraph, everything to audit.
  const route = (store: string, consumer: string) => state.deliveries.find((d) => d.store === store && d.consumer === consumer);
  for (const domain of ['customer', 'points']) {
    expect(route('merchant', domain)).toMatchObject({ total: traffic.deliveries, acked: traffic.deliveries });
    // (the merchant subgraph also takes these stores' points and customer events, for its webhooks' fan-out)
    expect(route(domain, 'merchant')).toMatchObject({ webhookApplied: traffic.deliveries });
  }
  expect(route('merchant', 'audit')).toMatchObject({ total: traffic.deliveries, acked: traffic.deliveries });
  expect(state.deliveries.filter((d) => d.acked !== d.total)).toEqual([]);
  expect(state.deadLetters).toBe(0);
  expect(state.orders).toBe(traffic.orders);
  expect(state.customers).toEqual(traffic.expected);
}

/** How often the audit trail recorded each of `eventIds` (its `source_event_id`); ids it never recorded are absent. */
export async function auditedPerEvent(merchantId: string, eventIds: string[]): Promise<Map<string, number>> {
  const { rows } = await withOwnerDb('audit', (db) =>
    db.query<{ id: string; n: number }>(
      'select source_event_id::text as id, count(*)::int as n from audit_entry where merchant_id = $1 and source_event_id = any($2::uuid[]) group by source_event_id',
      [merchantId, eventIds],
    ),
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}
