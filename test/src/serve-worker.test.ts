import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { databaseName, loadKitConfig } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { auditedPerEvent, expectExactlyOnce, orderTraffic, postAll, settle } from './support/order-traffic.js';
import { deleteQueuePrefix } from './support/queue-keys.js';
import { freePort, SupergraphProcess } from './support/supergraph-process.js';
import { ingestState, insertMerchant, type IngestState } from './support/webhooks.js';

/**
 * Workers apart from requests: a gateway process with `EVENT_PROCESSING=off` (the production
 * entry, `serve-embedded`) takes the Shopify webhooks, and separate `serve-worker` processes on the
 * same stores and queues apply them. This process only posts and reads the stores as the owner.
 */

const config = loadKitConfig();
const SECRET = config.shopify.apiSecret;
/**
 * Short locks and polls, as in crash-recovery: a stopped worker's jobs come back within seconds.
 * One job at a time per consumer and worker keeps three processes on four stores under 60
 * connections (at two, a gateway and two workers under load held 79).
 */
// Three processes of seven stores each: with the default pools (10 + 3 + 1 per store) they could ask
// PostgreSQL for some 270 connections, past a default server's 100, and the gateway's webhook
// ingress then answered 500. Smaller pools keep the three under it.
const EVENTS_ENV = { EVENTS_LOCK_MS: '1500', EVENTS_POLL_MS: '100', EVENTS_ACK_TIMEOUT_MS: '3000', EVENTS_CONCURRENCY: '1', DATABASE_POOL_MAX: '3', EVENTS_POOL_MAX: '2' };

async function scanAll(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  return keys;
}

/**
 * Every applied event recorded once in the audit trail, beside `expectExactlyOnce`'s checks of the
 * other stores. The audit consumer acknowledges an event once it is staged in `audit_pending`; the
 * chainer job turns it into a chained entry a moment later, so this waits for every entry to appear
 * (a CI run saw the last one still staged) and then asserts none is missing or doubled.
 */
async function expectAuditedOnce(merchantId: string, state: IngestState): Promise<void> {
  const ids = [...state.receivedEvents, ...state.appliedEvents];
  let audited = new Map<string, number>();
  await eventually(
    async () => {
      audited = await auditedPerEvent(merchantId, ids);
      return ids.every((id) => (audited.get(id) ?? 0) >= 1);
    },
    30_000,
    'every applied event chained into the audit trail',
  ).catch(() => {});
  expect(ids.filter((id) => audited.get(id) !== 1)).toEqual([]);
}

describe('workers apart: a gateway with EVENT_PROCESSING=off and serve-worker processes', () => {
  const queuePrefix = `loyalnest-test-worker-${randomBytes(6).toString('hex')}`;
  const env = { ...EVENTS_ENV, EVENTS_QUEUE_PREFIX: queuePrefix };
  const processes: SupergraphProcess[] = [];

  async function gateway(): Promise<SupergraphProcess> {
    const started = await SupergraphProcess.start(await freePort(), { ...env, EVENT_PROCESSING: 'off' });
    processes.push(started);
    return started;
  }
  async function worker(extra: Record<string, string> = {}): Promise<SupergraphProcess> {
    const started = await SupergraphProcess.startWorker(await freePort(), { ...env, ...extra });
    processes.push(started);
    return started;
  }

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill('SIGKILL')));
  });
  afterAll(async () => {
    await deleteQueuePrefix(config.redisUrl, queuePrefix);
  });

  it('applies a webhook the gateway accepted only once a worker runs, and the worker serves no GraphQL', async () => {
    // given a gateway that processes no events, and 20 orders (with Shopify's duplicates) it accepted
    const front = await gateway();
    const merchant = await insertMerchant();
    const traffic = orderTraffic(20, 4, 5, 7);
    expect((await postAll(front.origin, merchant.shop, SECRET, traffic.webhooks)).size).toBe(traffic.webhooks.length);

    // when nothing else runs for several of the relay's polls
    await new Promise((r) => setTimeout(r, 1500));

    // then every delivery is stored with its event, and none is published, consumed or applied
    const before = await ingestState(merchant.id);
    expect(before.receivedEvents).toHaveLength(traffic.deliveries);
    expect(before.inbox.processed).toBeUndefined();
    expect(before.deliveries).toEqual([]);
    expect(before.consumedReceived.size).toBe(0);
    expect(before.orders).toBe(0);

    // when a worker starts, with small pools: 3 service connections and 1 events connection per store
    const back = await worker({ DATABASE_POOL_MAX: '3', EVENTS_POOL_MAX: '1' });

    // then each is applied exactly once in every domain, audit included
    const state = await settle(merchant.id, traffic);
    expectExactlyOnce(state, traffic);
    await expectAuditedOnce(merchant.id, state);

    // and its pools are the sizes it was given, one events connection per store sufficing
    const metrics = await (await fetch(`${back.origin}/metrics`)).text();
    for (const store of ['merchant', 'customer', 'points', 'audit', 'tier']) {
      expect(metrics.split('\n')).toContain(`loyalnest_db_pool_connections{store="${store}",pool="requests",state="max"} 3`);
      expect(metrics.split('\n')).toContain(`loyalnest_db_pool_connections{store="${store}",pool="events",state="max"} 1`);
    }
    // and PostgreSQL sees whose connections they are
    const { rows } = await withOwnerDb('customer', (db) =>
      db.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where application_name = $1', [`loyalnest customer ${back.pid}`]),
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    expect(rows[0].n).toBeLessThanOrEqual(3 + 1 + 1);

    // and the worker's port answers its probes and nothing else: no GraphQL, no webhook ingress
    expect(await back.answers('/healthz')).toBe(true);
    expect(await back.answers('/readyz')).toBe(true);
    const graphql = await fetch(`${back.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ customers { nodes { id } } }' }) });
    await graphql.arrayBuffer();
    expect(graphql.status).toBe(404);
    const webhook = await fetch(`${back.origin}/webhooks/shopify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await webhook.arrayBuffer();
    expect(webhook.status).toBe(404);
    // and SIGTERM stops it cleanly
    expect(await back.kill('SIGTERM')).toEqual({ code: 0, signal: null });

    // and every key the queues used sits under its queue's Redis Cluster hash tag, so each queue's
    // keys share one slot (BullMQ's scripts need that on a cluster) and none is left untagged
    const redis = new Redis(config.redisUrl);
    try {
      const tagged = await scanAll(redis, `{${queuePrefix}:events:*`);
      const untagged = await scanAll(redis, `${queuePrefix}:events:*`);
      expect(untagged).toEqual([]);
      const queues = new Set(tagged.map((key) => /^\{[^}]+:events:([a-z-]+)\}:([a-z-]+):/.exec(key)).map((m) => m && m[1] === m[2] && m[1]));
      expect([...queues]).not.toContain(null);
      expect([...queues]).not.toContain(false);
      // every consuming subgraph's queue (and, where a nightly scheduler ran, the segments' nightly one)
      expect([...queues].sort()).toEqual(expect.arrayContaining(['audit', 'customer', 'merchant', 'points', 'referral', 'segment', 'tier']));
    } finally {
      redis.disconnect();
    }
  }, 120_000);

  it('applies each event exactly once while two workers race for the same queues, one of them SIGTERMed mid-load', async () => {
    // given a gateway and two workers on the same stores and queues
    const [front, first, second] = await Promise.all([gateway(), worker(), worker()]);
    const merchant = await insertMerchant();
    const traffic = orderTraffic(200, 20, 10, 15);
    const counter = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, 'customer')}`) });
    await counter.connect();
    const applied = async () =>
      (await counter.query<{ n: number }>(`select count(*)::int as n from consumed_event where consumer = 'customer' and merchant_id = $1`, [merchant.id])).rows[0].n;

    // when the orders are posted and one worker gets SIGTERM once a quarter of them are applied
    let accepted: Set<number>;
    let exit: Awaited<ReturnType<SupergraphProcess['kill']>>;
    let appliedAtStop: number;
    try {
      const posting = postAll(front.origin, merchant.shop, SECRET, traffic.webhooks);
      await eventually(async () => (await applied()) >= traffic.deliveries / 4, 90_000, 'a quarter of the deliveries applied');
      exit = await first.kill('SIGTERM');
      appliedAtStop = await applied();
      accepted = await posting;
    } finally {
      await counter.end();
    }

    // then the stopped worker exited cleanly with work still to do, which the other one finished:
    // every event applied exactly once in every domain, audit included, nothing lost or doubled
    expect(exit).toEqual({ code: 0, signal: null });
    expect(accepted.size).toBe(traffic.webhooks.length);
    expect(appliedAtStop).toBeLessThan(traffic.deliveries);
    const state = await settle(merchant.id, traffic, 90_000);
    expectExactlyOnce(state, traffic);
    await expectAuditedOnce(merchant.id, state);
    expect(await second.answers('/readyz')).toBe(true);
  }, 240_000);
});
