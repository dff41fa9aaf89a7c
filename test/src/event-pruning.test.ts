import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import customer from '@loyalnest/customer';
import { ADMIN_SCOPES, loadKitConfig, pruneEvents, serviceConnection, systemCaller, type DomainEvent, type EventHandler, type SubgraphModule } from '@loyalnest/kit';
import merchant from '@loyalnest/merchant';
import { QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withOwnerDb } from './support/db.js';
import { createEffectTable, dropEffectTable, eventually, startEventsGateway, type EventsGateway } from './support/events.js';
import { createMerchant, runtime, type TestMerchant } from './support/tenants.js';

const HOUR_MS = 3_600_000;
/** Retention of the outbox and the dedupe window in these tests: rows are made older than this by hand. */
const RETENTION = { outboxRetentionMs: HOUR_MS, dedupeRetentionMs: 2 * HOUR_MS };

/**
 * Pruning the event tables (`pruneEvents`) against the real stores, through the service role and
 * the SECURITY DEFINER prune functions: what every consumer acknowledged goes after its retention,
 * nothing a delivery may still need goes, and dedupe keeps working once the outbox is pruned.
 * Rows are aged by moving their timestamps back; other test files' rows are all recent, so a
 * retention of an hour only ever reaches this file's.
 */
describe('pruning the event tables', () => {
  let gateway: EventsGateway;
  let a: TestMerchant;
  let table = '';
  let pool: pg.Pool;

  const record: EventHandler = async (ctx, event: DomainEvent) => {
    await ctx.em.execute(`insert into ${table} (consumer, event_id, topic, payload) values ('customer', ?, ?, ?::jsonb)`, [event.id, event.topic, JSON.stringify(event.payload)]);
  };
  const customerModule: SubgraphModule = { ...customer, consumes: { 'test.applied': record } };

  beforeAll(async () => {
    table = await createEffectTable('customer');
    gateway = await startEventsGateway([merchant, customerModule]);
    a = await createMerchant(gateway);
    const customerRuntime = runtime(gateway, 'customer');
    pool = new pg.Pool({ ...serviceConnection(gateway.config.kit, customerRuntime.module.store), max: 2 });
  });
  afterAll(async () => {
    await pool?.end();
    await gateway?.stop();
    await dropEffectTable('customer', table);
  });

  async function emit(topic: string): Promise<string> {
    const ctx = runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
    const id = ctx.emit(topic, { ref: randomUUID() });
    await ctx.em.flush();
    return id;
  }
  const owner = <T>(fn: (db: pg.Client) => Promise<T>) => withOwnerDb('customer', fn);
  const count = (sql: string, ids: string[]) => owner(async (db) => (await db.query<{ n: number }>(sql, [ids])).rows[0].n);
  const outboxRows = (ids: string[]) => count('select count(*)::int as n from outbox_event where id = any($1)', ids);
  const deliveryRows = (ids: string[]) => count('select count(*)::int as n from outbox_delivery where event_id = any($1)', ids);
  const consumedRows = (ids: string[]) => count("select count(*)::int as n from consumed_event where consumer = 'customer' and event_id = any($1)", ids);
  const effects = (id: string) => count(`select count(*)::int as n from ${table} where event_id = any($1)`, [id]);
  /** Waits until the event is applied by the customer consumer and its delivery acknowledged. */
  const settled = (id: string) =>
    eventually(
      async () => (await effects(id)) === 1 && (await count('select count(*)::int as n from outbox_delivery where event_id = any($1) and acked_at is not null', [id])) === 1,
      10_000,
      `event ${id} applied and acknowledged`,
    );
  /** Moves an event's outbox, delivery and consumed rows `hours` into the past. */
  const age = (ids: string[], hours: number) =>
    owner(async (db) => {
      const back = `interval '${hours} hours'`;
      await db.query(`update outbox_event set occurred_at = occurred_at - ${back}, published_at = published_at - ${back} where id = any($1)`, [ids]);
      await db.query(`update outbox_delivery set published_at = published_at - ${back}, acked_at = acked_at - ${back} where event_id = any($1)`, [ids]);
      await db.query(`update consumed_event set consumed_at = consumed_at - ${back} where event_id = any($1)`, [ids]);
    });

  it('removes what every consumer acknowledged past the retention, and keeps recent, unacknowledged, unpublished and dead-lettered rows', async () => {
    // given events applied and acknowledged: two old, one recent; an old one whose acknowledgement
    // is still missing; an old one nobody consumes (unpublished); an old consumed one with a dead letter
    const [old, older, recent, unacked, deadLettered] = [await emit('test.applied'), await emit('test.applied'), await emit('test.applied'), await emit('test.applied'), await emit('test.applied')];
    const unpublished = await emit('test.unconsumed');
    for (const id of [old, older, recent, unacked, deadLettered]) await settled(id);
    await age([old, older, deadLettered, unpublished], 3);
    await owner(async (db) => {
      // Its consumed row stays recent: the relay's sweeper publishes an unacknowledged delivery
      // again, and that delivery must still be deduped (the window outlasts such delays).
      await db.query(`update outbox_event set published_at = published_at - interval '3 hours' where id = $1`, [unacked]);
      await db.query(`update outbox_delivery set acked_at = null, published_at = published_at - interval '3 hours' where event_id = $1`, [unacked]);
      await db.query(
        `insert into dead_letter_event (id, merchant_id, consumer, event_id, topic, version, occurred_at, payload, error, attempts, status, failed_at)
         values ($1, $2, 'customer', $3, 'test.applied', 1, now(), '{}', 'Error: failed', 1, 'dead', now())`,
        [randomUUID(), a.id, deadLettered],
      );
    });

    // when the store is pruned
    await pruneEvents(pool, { ...RETENTION, batch: 1000 });

    // then the old acknowledged events are gone from the outbox with their deliveries...
    expect(await outboxRows([old, older])).toBe(0);
    expect(await deliveryRows([old, older])).toBe(0);
    // ...while the recent one, the unacknowledged one and the unpublished one stay
    expect(await outboxRows([recent, unacked, unpublished])).toBe(3);
    expect(await deliveryRows([recent, unacked])).toBe(2);
    // and the dedupe window: consumed rows older than it go, recent ones and one whose dead letter
    // is not resolved (its retry must find it consumed) stay
    expect(await consumedRows([old, older])).toBe(0);
    expect(await consumedRows([recent, deadLettered])).toBe(2);
    await owner((db) => db.query('delete from dead_letter_event where event_id = $1', [deadLettered]));
  });

  it('keeps dedupe working: an event delivered again after its outbox rows were pruned changes nothing', async () => {
    // given an event applied, acknowledged and pruned from the outbox (older than the outbox
    // retention, within the dedupe window)
    const id = await emit('test.applied');
    await settled(id);
    const [row] = await owner(async (db) => (await db.query('select * from outbox_event where id = $1', [id])).rows);
    await age([id], 1.5);
    await pruneEvents(pool, { ...RETENTION, batch: 1000 });
    expect(await outboxRows([id])).toBe(0);
    expect(await consumedRows([id])).toBe(1);

    // when a late delivery of it arrives (a job published before the acknowledgement)
    const event: DomainEvent = { id, merchantId: row.merchant_id, topic: row.topic, version: row.version, occurredAt: row.occurred_at.toISOString(), payload: row.payload };
    const queue = gateway.queue('customer');
    const events = new QueueEvents('customer', { connection: queue.opts.connection, prefix: gateway.bullPrefix('customer') });
    try {
      await events.waitUntilReady();
      const job = await queue.add('test.applied', { event, producer: 'customer' }, { jobId: `${id}-late` });
      // then the consumer finds it consumed and applies nothing
      expect(await job.waitUntilFinished(events, 10_000)).toMatchObject({ outcome: 'duplicate' });
    } finally {
      await events.close();
    }
    expect(await effects(id)).toBe(1);
  });

  it('prunes in batches of a fixed size until nothing old is left, and stops between batches once aborted', async () => {
    // given nothing else old (a long run's earliest rows may be), then 250 old acknowledged events, each consumed, and old stall counts
    await pruneEvents(pool, { ...RETENTION, batch: 1000 });
    const ids = Array.from({ length: 250 }, () => randomUUID());
    await owner(async (db) => {
      await db.query(
        `insert into outbox_event (id, merchant_id, topic, payload, occurred_at, published_at)
         select id, $2, 'test.applied', '{}', now() - interval '5 hours', now() - interval '5 hours' from unnest($1::uuid[]) as id`,
        [ids, a.id],
      );
      await db.query(
        `insert into outbox_delivery (event_id, consumer, merchant_id, published_at, acked_at)
         select id, 'customer', $2, now() - interval '5 hours', now() - interval '5 hours' from unnest($1::uuid[]) as id`,
        [ids, a.id],
      );
      await db.query(`insert into consumed_event (consumer, event_id, merchant_id, consumed_at) select 'customer', id, $2, now() - interval '5 hours' from unnest($1::uuid[]) as id`, [ids, a.id]);
      await db.query(`insert into event_stall (consumer, event_id, merchant_id, stalls, stalled_at) select 'customer', id, $2, 1, now() - interval '5 hours' from unnest($1::uuid[]) as id`, [ids.slice(0, 20), a.id]);
    });
    const calls: number[] = [];
    const counting = {
      query: async (sql: string, values: unknown[]) => {
        const result = await pool.query(sql, values);
        calls.push(result.rows[0].n);
        return result;
      },
    } as unknown as pg.Pool;

    // when a run is aborted after its first batch
    const abort = new AbortController();
    const aborting = { query: async (sql: string, values: unknown[]) => ((abort.abort(), pool.query(sql, values))) } as unknown as pg.Pool;
    expect(await pruneEvents(aborting, { ...RETENTION, batch: 100 }, abort.signal)).toEqual({ outbox: 100, consumed: 0 });
    expect(await outboxRows(ids)).toBe(150);

    // then the next run takes the rest, 100 rows per call
    const pruned = await pruneEvents(counting, { ...RETENTION, batch: 100 });
    expect(pruned.outbox).toBe(150);
    expect(pruned.consumed).toBe(270);
    expect(calls.every((n) => n <= 200)).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(5);
    expect(await outboxRows(ids)).toBe(0);
    expect(await deliveryRows(ids)).toBe(0);
    expect(await consumedRows(ids)).toBe(0);
    expect(await count('select count(*)::int as n from event_stall where event_id = any($1)', ids)).toBe(0);
  });

  it('refuses a dedupe window shorter than a day at start-up', () => {
    expect(() => loadKitConfig({ ...process.env, EVENTS_DEDUPE_RETENTION_MS: String(23 * HOUR_MS) })).toThrow(/EVENTS_DEDUPE_RETENTION_MS \(82800000\) must be at least 86400000/);
    expect(loadKitConfig({ ...process.env, EVENTS_DEDUPE_RETENTION_MS: String(24 * HOUR_MS) }).events.dedupeRetentionMs).toBe(24 * HOUR_MS);
  });
});
