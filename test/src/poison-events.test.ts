import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { bullPrefix, databaseName, loadKitConfig, queueKeyPatterns, redisConnection } from '@loyalnest/kit';
import { Queue } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { postGraphQL } from './support/gateway.js';
import { deleteKeys } from './support/queue-keys.js';
import { freePort, SupergraphProcess } from './support/supergraph-process.js';
import { shopifyId } from './support/tenants.js';
import { bearer, sessionToken } from './support/tokens.js';
import { insertMerchant, orderBody, postWebhook } from './support/webhooks.js';

/**
 * Poison events: an event whose job stops its worker (the process killed mid-job, as an out-of-memory
 * kill would) is dead-lettered after `EVENTS_MAX_STALLS` such stops, against the embedded supergraph
 * in a child process (see crash-recovery.test.ts). The job is held mid-run by this process: it
 * inserts the event's `consumed_event` row in a transaction it keeps open, so the consumer's own
 * insert waits on it, and the child is SIGKILLed while it waits.
 */

const config = loadKitConfig();
const SECRET = config.shopify.apiSecret;
const EVENTS_ENV = { EVENTS_LOCK_MS: '1500', EVENTS_POLL_MS: '100', EVENTS_ACK_TIMEOUT_MS: '3000', EVENTS_MAX_STALLS: '3' };

const DEAD_LETTERS = `query { customerDeadLetterEvents(first: 50) { nodes { id eventId status error attempts } } }`;
const RETRY = `mutation($id: ID!) { retryCustomerDeadLetterEvent(id: $id) { __typename ... on DeadLetterEvent { id status } } }`;

function storeUrl(store: string): string {
  return config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, store)}`);
}

/** Holds the consumer `consumer`'s run of an event: its insert into consumed_event waits on ours until `release`. */
async function holdConsumption(store: string, consumer: string, eventId: string, merchantId: string): Promise<{ release(): Promise<void> }> {
  const db = new pg.Client({ connectionString: storeUrl(store) });
  await db.connect();
  await db.query('begin');
  await db.query('insert into consumed_event (consumer, event_id, merchant_id, consumed_at) values ($1, $2, $3, now())', [consumer, eventId, merchantId]);
  return {
    async release() {
      await db.query('rollback');
      await db.end();
    },
  };
}

/** Sessions of the store waiting on a lock: each is a consumer run held by `holdConsumption` (a killed process's stays until released). */
const waiting = (store: string) =>
  withOwnerDb(store, async (db) => (await db.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")).rows[0].n);

const stalls = (eventId: string) =>
  withOwnerDb('customer', async (db) => (await db.query<{ stalls: number }>("select stalls from event_stall where consumer = 'customer' and event_id = $1", [eventId])).rows[0]?.stalls ?? 0);

const delivery = (eventId: string) =>
  withOwnerDb('merchant', async (db) => (await db.query<{ publish_count: number; acked_at: Date | null }>("select publish_count, acked_at from outbox_delivery where consumer = 'customer' and event_id = $1", [eventId])).rows[0]);

const consumed = (eventId: string) =>
  withOwnerDb('customer', async (db) => (await db.query<{ n: number }>("select count(*)::int as n from consumed_event where consumer = 'customer' and event_id = $1", [eventId])).rows[0].n);

const deadLetter = (eventId: string) =>
  withOwnerDb('customer', async (db) => (await db.query<{ status: string; error: string; attempts: number }>("select status, error, attempts from dead_letter_event where consumer = 'customer' and event_id = $1", [eventId])).rows[0]);

describe('an event that stops its worker', () => {
  const queuePrefixes: string[] = [];
  const queues: Queue[] = [];
  let supergraph: SupergraphProcess | undefined;
  let held: { release(): Promise<void> } | undefined;

  function newQueuePrefix(): string {
    const prefix = `loyalnest-test-poison-${randomBytes(6).toString('hex')}`;
    queuePrefixes.push(prefix);
    return prefix;
  }
  function queueOf(queuePrefix: string, consumer: string): Queue {
    const queue = new Queue(consumer, { connection: redisConnection(config.redisUrl), prefix: bullPrefix({ ...config.events, queuePrefix }, consumer) });
    queues.push(queue);
    return queue;
  }
  /** Deletes every key under `prefix`, as a Redis restart without persistence would. */
  async function loseRedis(queue: Queue, prefix: string): Promise<void> {
    await deleteKeys(await queue.client, queueKeyPatterns(prefix));
  }

  /** Posts one paid order while the customer queue is paused; resolves to its event's id once published to that queue. */
  async function publishOrder(origin: string, merchant: { id: string; shop: string }, customerQueue: Queue): Promise<string> {
    await customerQueue.pause();
    const webhook = { topic: 'orders/paid', eventId: randomUUID(), body: orderBody(shopifyId(), shopifyId(), 1234) };
    expect(await postWebhook(origin, merchant.shop, SECRET, webhook)).toBe(200);
    return eventually(
      async () =>
        (await withOwnerDb('merchant', (db) => db.query<{ event_id: string }>("select event_id from outbox_delivery where consumer = 'customer' and merchant_id = $1", [merchant.id]))).rows[0]?.event_id,
      15_000,
      'the order event published to the customer queue',
    );
  }

  afterEach(async () => {
    await held?.release().catch(() => {});
    held = undefined;
    await supergraph?.kill('SIGKILL');
    supergraph = undefined;
  });
  afterAll(async () => {
    const queue = queues[0];
    if (queue) for (const prefix of queuePrefixes) await loseRedis(queue, prefix);
    await Promise.all(queues.map((q) => q.close()));
  });

  it('is dead-lettered when its job has killed its worker three times, the count surviving Redis losing the job; an admin retries it', async () => {
    // given an order event whose customer consumer is held mid-job
    const merchant = await insertMerchant();
    const queuePrefix = newQueuePrefix();
    const env = { ...EVENTS_ENV, EVENTS_QUEUE_PREFIX: queuePrefix };
    const port = await freePort();
    supergraph = await SupergraphProcess.start(port, env);
    const customerQueue = queueOf(queuePrefix, 'customer');
    const eventId = await publishOrder(supergraph.origin, merchant, customerQueue);
    held = await holdConsumption('customer', 'customer', eventId, merchant.id);
    const before = await waiting('customer');
    await customerQueue.resume();
    await eventually(async () => (await waiting('customer')) === before + 1, 15_000, 'the job held mid-run');

    // when its process is killed mid-job and started again, twice: each time the job comes back
    // stalled, the stall is counted in the store, and the job runs (and is held) again
    for (const stall of [1, 2]) {
      expect(await supergraph.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      supergraph = await SupergraphProcess.start(port, env);
      await eventually(async () => (await stalls(eventId)) === stall, 20_000, `stall ${stall} counted`);
      await eventually(async () => (await waiting('customer')) === before + 1 + stall, 15_000, `the job held mid-run again (${stall})`);
    }
    expect(await deadLetter(eventId)).toBeUndefined();

    // and Redis loses every queue while it runs: the relay publishes the event again, as a new job
    // with no stall of its own, which runs and is held too
    const published = (await delivery(eventId)).publish_count;
    await loseRedis(customerQueue, queuePrefix);
    await eventually(async () => (await delivery(eventId)).publish_count > published, 15_000, 'the event published again');
    await eventually(async () => (await waiting('customer')) === before + 4, 15_000, 'the new job held mid-run');

    // and the process is killed a third time
    await supergraph.kill('SIGKILL');
    supergraph = await SupergraphProcess.start(port, env);

    // then the third stall dead-letters it, without running it, and the producer records it acknowledged
    const letter = await eventually(async () => (await deadLetter(eventId)) ?? undefined, 20_000, 'the dead letter');
    expect(letter).toMatchObject({ status: 'dead', attempts: 3 });
    expect(letter.error).toMatch(/^WorkerStalledError: the event stopped its worker mid-job 3 times/);
    expect(await stalls(eventId)).toBe(0);
    await eventually(async () => (await delivery(eventId)).acked_at !== null, 15_000, 'the delivery acknowledged');
    await held.release();
    held = undefined;
    expect(await consumed(eventId)).toBe(0);

    // and an admin sees it and retries it through the API: it is applied, once
    const gatewayConfig = loadGatewayConfig();
    const auth = bearer(await sessionToken(gatewayConfig, merchant.shop));
    const listed = await postGraphQL<{ customerDeadLetterEvents: { nodes: { id: string; eventId: string; status: string }[] } }>(`${supergraph.origin}/graphql`, DEAD_LETTERS, {}, auth);
    const node = listed.data!.customerDeadLetterEvents.nodes.find((n) => n.eventId === eventId)!;
    expect(node).toMatchObject({ status: 'DEAD' });
    const retried = await postGraphQL<{ retryCustomerDeadLetterEvent: { __typename: string } }>(`${supergraph.origin}/graphql`, RETRY, { id: node.id }, auth);
    expect(retried.data!.retryCustomerDeadLetterEvent.__typename).toBe('DeadLetterEvent');
    await eventually(async () => (await deadLetter(eventId))?.status === 'resolved', 20_000, 'the retry applied');
    expect(await consumed(eventId)).toBe(1);
  }, 180_000);

  it('is not dead-lettered for Redis losing its job again and again while it runs, with no worker stopped', async () => {
    // given an order event whose customer consumer is held mid-job
    const merchant = await insertMerchant();
    const queuePrefix = newQueuePrefix();
    supergraph = await SupergraphProcess.start(await freePort(), { ...EVENTS_ENV, EVENTS_QUEUE_PREFIX: queuePrefix });
    const customerQueue = queueOf(queuePrefix, 'customer');
    const eventId = await publishOrder(supergraph.origin, merchant, customerQueue);
    held = await holdConsumption('customer', 'customer', eventId, merchant.id);
    const before = await waiting('customer');
    await customerQueue.resume();
    await eventually(async () => (await waiting('customer')) === before + 1, 15_000, 'the job held mid-run');

    // when Redis loses every queue four times (more than EVENTS_MAX_STALLS), each time the relay
    // publishing the event again, as a new job that runs and is held too
    for (const loss of [1, 2, 3, 4]) {
      const published = (await delivery(eventId)).publish_count;
      await loseRedis(customerQueue, queuePrefix);
      await eventually(async () => (await delivery(eventId)).publish_count > published, 15_000, `the event published again (${loss})`);
      await eventually(async () => (await waiting('customer')) === before + 1 + loss, 15_000, `the new job held mid-run (${loss})`);
    }

    // then, once let go, it is applied once and acknowledged, with no stall counted and no dead letter
    await held.release();
    held = undefined;
    await eventually(async () => (await delivery(eventId)).acked_at !== null, 20_000, 'the delivery acknowledged');
    expect(await consumed(eventId)).toBe(1);
    expect(await deadLetter(eventId)).toBeUndefined();
    expect(await stalls(eventId)).toBe(0);
    expect((await delivery(eventId)).publish_count).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
