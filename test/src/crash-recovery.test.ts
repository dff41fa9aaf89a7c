import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { bullPrefix, databaseName, loadKitConfig, queueKeyPatterns, redisConnection } from '@loyalnest/kit';
import { Queue } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { eventually } from './support/events.js';
import { deleteKeys } from './support/queue-keys.js';
import { freePort, processExists, SupergraphProcess } from './support/supergraph-process.js';
import { shopifyId } from './support/tenants.js';
import { ingestState, insertMerchant, mapConcurrent, orderBody, postWebhook, type IngestState, type Webhook } from './support/webhooks.js';

/**
 * Faults of the event machinery, end to end with Shopify webhooks, against the embedded supergraph
 * running in a child process (the production entry, `serve-embedded`). This process runs no relay
 * and no worker: it creates its merchants as the database owner and only posts webhooks, looks at
 * Redis and reads the stores, so everything applied was applied by the child.
 *
 * Orders carry Shopify ids and the customer's stats are recomputed from the order ledger, so stats
 * alone would hide an event applied twice. The consumer emits one `shopify.webhook_applied` per
 * application, in the transaction of its effects: exactly one of those per delivery and applying
 * domain (customer, points) is the proof that each event took effect once, neither lost nor doubled.
 */

const config = loadKitConfig();
const SECRET = config.shopify.apiSecret;
/**
 * Locks short enough that BullMQ hands a dead worker's jobs back within seconds, and an
 * acknowledgement timeout to match: a job the killed worker completed after its relay's last
 * acknowledgement flush has its completion event in the stream before the restart, and the new
 * relay reads from the stream's end, so only the sweeper acknowledges it, by publishing it again
 * (the consumer dedupes it) once the timeout has passed. At the default 60 s that came after the
 * test's 60 s wait (one CI run: 9 of 330 unacknowledged).
 */
const EVENTS_ENV = { EVENTS_LOCK_MS: '1500', EVENTS_POLL_MS: '100', EVENTS_ACK_TIMEOUT_MS: '3000' };

interface Traffic {
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
function orderTraffic(orders: number, customers: number, resendEvery: number, twiceEvery: number): Traffic {
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
async function post(origin: string, shop: string, webhooks: Webhook[]): Promise<Set<number>> {
  const statuses = await mapConcurrent(
    webhooks.map((w, i) => [w, i] as const),
    16,
    async ([w]) => postWebhook(origin, shop, SECRET, w).catch(() => 0),
  );
  return new Set(statuses.flatMap((s, i) => (s === 200 ? [i] : [])));
}

/** Waits until every delivery is processed and every outbox delivery acknowledged; returns the state seen last either way. */
async function settle(merchantId: string, traffic: Traffic, timeoutMs = 60_000): Promise<IngestState> {
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
function expectExactlyOnce(state: IngestState, traffic: Traffic): void {
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
    expect(route(domain, 'merchant')).toMatchObject({ total: traffic.deliveries, acked: traffic.deliveries });
  }
  expect(route('merchant', 'audit')).toMatchObject({ total: traffic.deliveries, acked: traffic.deliveries });
  expect(state.deliveries.filter((d) => d.acked !== d.total)).toEqual([]);
  expect(state.deadLetters).toBe(0);
  expect(state.orders).toBe(traffic.orders);
  expect(state.customers).toEqual(traffic.expected);
}

describe('event delivery survives faults, end to end with Shopify webhooks', () => {
  const queuePrefixes: string[] = [];
  const queues: Queue[] = [];
  let supergraph: SupergraphProcess | undefined;

  /** A queue prefix of this test's own, so no other run's keys are touched. */
  function newQueuePrefix(): string {
    const prefix = `loyalnest-test-crash-${randomBytes(6).toString('hex')}`;
    queuePrefixes.push(prefix);
    return prefix;
  }

  /** A handle on a consumer's queue in Redis, to look at (never to work) its jobs. */
  function queueOf(queuePrefix: string, consumer: string): Queue {
    const queue = new Queue(consumer, { connection: redisConnection(config.redisUrl), prefix: bullPrefix({ ...config.events, queuePrefix }, consumer) });
    queues.push(queue);
    return queue;
  }

  async function deleteQueueKeys(queue: Queue, queuePrefix: string): Promise<number> {
    return deleteKeys(await queue.client, queueKeyPatterns(queuePrefix));
  }

  afterEach(async () => {
    await supergraph?.kill('SIGKILL');
    supergraph = undefined;
  });
  afterAll(async () => {
    const queue = queues[0];
    if (queue) for (const prefix of queuePrefixes) await deleteQueueKeys(queue, prefix);
    await Promise.all(queues.map((q) => q.close()));
  });

  it('applies every event exactly once when the process doing the work is SIGKILLed mid-job and started again', async () => {
    // given 300 orders of 20 customers with Shopify's duplicates, posted to the supergraph's process
    const merchant = await insertMerchant();
    const traffic = orderTraffic(300, 20, 10, 15);
    const queuePrefix = newQueuePrefix();
    const env = { ...EVENTS_ENV, EVENTS_QUEUE_PREFIX: queuePrefix };
    const port = await freePort();
    const first = await SupergraphProcess.start(port, env);
    supergraph = first;
    const customerQueue = queueOf(queuePrefix, 'customer');

    // when it is killed once a quarter of the deliveries are applied (posting may still be going on)
    const counter = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, 'customer')}`) });
    await counter.connect();
    const applied = async () =>
      (await counter.query<{ n: number }>(`select count(*)::int as n from consumed_event where consumer = 'customer' and merchant_id = $1`, [merchant.id])).rows[0].n;
    let accepted: Set<number>;
    let appliedAtKill: number;
    let exit: Awaited<ReturnType<SupergraphProcess['kill']>>;
    try {
      const posting = post(first.origin, merchant.shop, traffic.webhooks);
      await eventually(async () => (await applied()) >= traffic.deliveries / 4, 30_000, 'a quarter of the deliveries applied');
      exit = await first.kill('SIGKILL');
      accepted = await posting;
      appliedAtKill = await applied();
    } finally {
      await counter.end();
    }

    // then it is gone, some but not all events were applied, and jobs were in flight: BullMQ still
    // lists as active the jobs the dead worker had taken (nothing else can have moved them: that
    // worker is dead and the next one is not started yet)
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(processExists(first.pid)).toBe(false);
    expect(await first.answers()).toBe(false);
    expect(appliedAtKill).toBeGreaterThan(0);
    expect(appliedAtKill).toBeLessThan(traffic.deliveries);
    const inFlight = (await customerQueue.getActive()).map((job) => job.id!);
    const ours = new Set((await ingestState(merchant.id)).receivedEvents);
    expect(inFlight.filter((id) => ours.has(id)).length).toBeGreaterThan(0);

    // when it is started again and Shopify retries every delivery that was not answered 200
    supergraph = await SupergraphProcess.start(port, env);
    const retries = traffic.webhooks.filter((_, i) => !accepted.has(i));
    const retried = await post(supergraph.origin, merchant.shop, retries);
    expect(retried.size).toBe(retries.length);

    // then every event was applied exactly once, the jobs in flight at the kill included
    const state = await settle(merchant.id, traffic);
    expectExactlyOnce(state, traffic);
    expect(inFlight.filter((id) => ours.has(id)).map((id) => state.consumedReceived.get(id))).toEqual(inFlight.filter((id) => ours.has(id)).map(() => 1));
    // and a graceful stop still works after the recovery
    expect(await supergraph.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    // Every order is applied by the customer and the points domains: more work than a minute on a busy 2-core machine.
  }, 150_000);

  it('publishes again what Redis lost between publish and consume, and applies it exactly once', async () => {
    // given deliveries published to the customer queue while it is paused, so none is consumed
    const merchant = await insertMerchant();
    const traffic = orderTraffic(40, 5, 8, 10);
    const queuePrefix = newQueuePrefix();
    supergraph = await SupergraphProcess.start(await freePort(), { ...EVENTS_ENV, EVENTS_QUEUE_PREFIX: queuePrefix });
    const customerQueue = queueOf(queuePrefix, 'customer');
    await customerQueue.pause();
    expect((await post(supergraph.origin, merchant.shop, traffic.webhooks)).size).toBe(traffic.webhooks.length);
    const published = await eventually(
      async () => {
        const state = await ingestState(merchant.id);
        const toCustomer = state.deliveries.find((d) => d.consumer === 'customer');
        return toCustomer?.total === traffic.deliveries ? state : undefined;
      },
      15_000,
      'every delivery published to the customer queue',
    );
    const jobs = await Promise.all(published.receivedEvents.map((id) => customerQueue.getJob(id)));
    expect(jobs.filter((job) => !job).length).toBe(0);
    expect(published.consumedReceived.size).toBe(0);

    // when Redis loses every queue of the deployment (and with them the pause)
    expect(await deleteQueueKeys(customerQueue, queuePrefix)).toBeGreaterThan(0);
    expect(await customerQueue.getJob(published.receivedEvents[0])).toBeUndefined();

    // then the relay publishes the deliveries again and each is applied exactly once
    const state = await settle(merchant.id, traffic);
    expectExactlyOnce(state, traffic);
    expect(state.deliveries.find((d) => d.consumer === 'customer')?.minPublishCount).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
