import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import customer from '@loyalnest/customer';
import { databaseName, loadKitConfig, type DomainEvent, type EventHandler, type EventJobResult, type RequestContext, type SubgraphModule } from '@loyalnest/kit';
import merchant from '@loyalnest/merchant';
import { QueueEvents, type Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ConsumedEventEntity } from '../../subgraphs/kit/src/events/consumed-event.entity.js';
import { withAppDb, withOwnerDb } from './support/db.js';
import { createEffectTable, dropEffectTable, eventually, startEventsGateway, type EventsGateway } from './support/events.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';

/**
 * Batched consumers against the real worker: jobs are put on the customer queue while it is paused
 * and released together, and a batch waits long enough (EVENTS_BATCH_WAIT_MS) to take them all.
 * Every handler notes the id of the transaction it ran in, which tells which events shared a batch.
 */

interface EffectRow {
  merchant_id: string;
  event_id: string;
  topic: string;
  payload: { txid: string; sees?: string[] };
}

describe('a batched consumer', () => {
  let gateway: EventsGateway;
  let queueEvents: QueueEvents;
  let a: TestMerchant;
  let b: TestMerchant;
  let table = '';
  /** The transaction of each run of a `test.batch.poison` event, by event id. */
  const poisonRuns = new Map<string, string[]>();
  /** How many times each event's handler ran, whatever became of the run. */
  const runs = new Map<string, number>();
  /** The event ids a `test.batch.mixed` handler may look for in consumed_event (the batch's). */
  let lookFor: string[] = [];
  /** `test.batch.finished` events whose merchant's finish has thrown once already. */
  const finishFailed = new Set<string>();

  const txid = async (ctx: RequestContext) => (await ctx.em.execute<{ txid: string }[]>('select txid_current()::text as txid'))[0].txid;

  const record =
    (extra: (ctx: RequestContext) => Promise<Record<string, unknown>> = async () => ({})): EventHandler =>
    async (ctx, event) => {
      runs.set(event.id, (runs.get(event.id) ?? 0) + 1);
      // merchant_id is not given: the effect table takes it from the tenant setting, and its forced
      // RLS policy refuses a row whose merchant differs from the setting.
      await ctx.em.execute(`insert into ${table} (consumer, event_id, topic, payload) values ('customer', ?, ?, ?::jsonb)`, [
        event.id,
        event.topic,
        JSON.stringify({ txid: await txid(ctx), ...(await extra(ctx)) }),
      ]);
    };

  /** What a batch's preparation hands its `test.batch.finished` handlers: the events they noted, which the finish must see only when applied. */
  type Noted = { noted: string[] };
  const FINISHED = 'test.batch.finished';

  const customerModule: SubgraphModule = {
    ...customer,
    prepareMerchantEvents: async () => ({ noted: [] }) satisfies Noted,
    // Records one row per run: the events it was handed, in the batch's transaction. It throws, once
    // per event, when handed an event that asks it to.
    finishMerchantEvents: async (ctx, prepared, applied) => {
      const ours = applied.filter((e) => e.topic === FINISHED);
      if (ours.length === 0) return;
      const failing = ours.find((e) => (e.payload as { failFinish?: boolean }).failFinish && !finishFailed.has(e.id));
      if (failing) {
        finishFailed.add(failing.id);
        throw new Error(`finish failed for ${failing.id}`);
      }
      await ctx.em.execute(`insert into ${table} (consumer, event_id, topic, payload) values ('customer', ?, 'finish', ?::jsonb)`, [
        ours[0].id,
        JSON.stringify({ txid: await txid(ctx), applied: ours.map((e) => e.id), noted: (prepared as Noted).noted }),
      ]);
    },
    consumes: {
      [FINISHED]: async (ctx, event, runtime, prepared) => {
        (prepared as Noted | undefined)?.noted.push(event.id);
        await record()(ctx, event, runtime);
      },
      'test.batch.ok': record(),
      'test.batch.poison': async (ctx, event) => {
        runs.set(event.id, (runs.get(event.id) ?? 0) + 1);
        poisonRuns.set(event.id, [...(poisonRuns.get(event.id) ?? []), await txid(ctx)]);
        // It writes before it fails: the write must go with its savepoint, not stay in the batch.
        await ctx.em.execute(`insert into ${table} (consumer, event_id, topic, payload) values ('customer', ?, ?, '{}'::jsonb)`, [event.id, event.topic]);
        throw new Error(`poison event ${event.id}`);
      },
      // Waits for an advisory lock named by the event, as handlers lock a customer or an order.
      'test.batch.locking': async (ctx, event, runtime) => {
        await ctx.em.execute('select pg_advisory_xact_lock(hashtext(?))', [(event.payload as { lock: string }).lock]);
        await record()(ctx, event, runtime);
      },
      // What the tenant filter and RLS let this event's context see of the batch's consumed events.
      'test.batch.mixed': record(async (ctx) => ({
        sees: (await ctx.em.find(ConsumedEventEntity, { consumer: 'customer', eventId: { $in: lookFor } })).map((row) => row.eventId).sort(),
      })),
    },
  };

  beforeAll(async () => {
    table = await createEffectTable('customer');
    gateway = await startEventsGateway([merchant, customerModule], { EVENTS_BATCH_SIZE: '20', EVENTS_BATCH_WAIT_MS: '400' });
    queueEvents = new QueueEvents('customer', { connection: gateway.queue('customer').opts.connection, prefix: gateway.bullPrefix('customer') });
    await queueEvents.waitUntilReady();
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(async () => {
    await queueEvents?.close();
    await gateway?.stop();
    await dropEffectTable('customer', table);
  });

  const newEvent = (merchantId: string, topic: string): DomainEvent => ({
    id: randomUUID(),
    merchantId,
    topic,
    version: 1,
    occurredAt: new Date().toISOString(),
    payload: { ref: randomUUID() },
  });

  /**
   * Puts `events` on the customer queue at once, each as a job of its own (`jobIds` when given, the
   * event id otherwise), as the relay would, and resolves to each job's result once all finished.
   */
  async function deliverTogether(events: DomainEvent[], jobIds = events.map((e) => e.id)): Promise<EventJobResult[]> {
    const queue = gateway.queue('customer');
    await queue.pause();
    let jobs: Job[];
    try {
      // A producer no relay answers to: these events are in no outbox.
      jobs = await queue.addBulk(events.map((event, i) => ({ name: event.topic, data: { event, producer: 'test' }, opts: { jobId: jobIds[i], attempts: 3, backoff: { type: 'exponential', delay: 100 }, removeOnComplete: true, removeOnFail: true } })));
    } finally {
      await queue.resume();
    }
    return Promise.all(jobs.map((job) => job.waitUntilFinished(queueEvents, 30_000) as Promise<EventJobResult>));
  }

  const effects = (eventIds: string[]) =>
    withOwnerDb('customer', async (db) => (await db.query<EffectRow>(`select merchant_id, event_id, topic, payload from ${table} where event_id = any($1::uuid[]) and topic <> 'finish' order by id`, [eventIds])).rows);
  const consumedCount = (eventIds: string[]) =>
    withOwnerDb('customer', async (db) => (await db.query<{ n: number }>("select count(*)::int as n from consumed_event where consumer = 'customer' and event_id = any($1::uuid[])", [eventIds])).rows[0].n);
  const deadLetter = (eventId: string) =>
    withOwnerDb('customer', async (db) => (await db.query<{ status: string; attempts: number; error: string }>("select status, attempts, error from dead_letter_event where consumer = 'customer' and event_id = $1", [eventId])).rows[0]);

  it('with one failing event commits the others, retries the failing one alone and dead-letters it after its last attempt', async () => {
    // given four events and a poison one among them, delivered together
    const good = [1, 2, 3, 4].map(() => newEvent(a.id, 'test.batch.ok'));
    const poison = newEvent(a.id, 'test.batch.poison');
    const events = [good[0], good[1], poison, good[2], good[3]];

    // when the consumer takes them
    const results = await deliverTogether(events);

    // then the poison one ran in the same transaction as the others, which committed, once each
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'dead-lettered', 'applied', 'applied']);
    const rows = await effects(events.map((e) => e.id));
    expect(rows.map((r) => r.event_id).sort()).toEqual(good.map((e) => e.id).sort());
    const [firstRun, ...retries] = poisonRuns.get(poison.id)!;
    expect(new Set(rows.map((r) => r.payload.txid))).toEqual(new Set([firstRun]));
    expect(good.map((e) => runs.get(e.id))).toEqual([1, 1, 1, 1]);
    expect(await consumedCount(good.map((e) => e.id))).toBe(4);

    // and it alone was retried, in transactions of its own, until its last attempt dead-lettered it
    expect(retries).toHaveLength(2);
    expect(retries).not.toContain(firstRun);
    expect(await consumedCount([poison.id])).toBe(0);
    expect(await deadLetter(poison.id)).toMatchObject({ status: 'dead', attempts: 3, error: `Error: poison event ${poison.id}` });
  }, 60_000);

  it("mixing two merchants writes each event's rows under its own merchant, and each handler sees only its own merchant's", async () => {
    // given events of two merchants, interleaved
    const events = [newEvent(a.id, 'test.batch.mixed'), newEvent(b.id, 'test.batch.mixed'), newEvent(a.id, 'test.batch.mixed'), newEvent(b.id, 'test.batch.mixed')];
    lookFor = events.map((e) => e.id);

    // when they are delivered together
    const results = await deliverTogether(events);

    // then every one applied, in one transaction, each row under its event's merchant (the forced RLS
    // check of the effect table would have refused any other)
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied', 'applied']);
    const rows = await effects(lookFor);
    expect(new Set(rows.map((r) => r.payload.txid)).size).toBe(1);
    const ofMerchant = (m: TestMerchant) => events.filter((e) => e.merchantId === m.id).map((e) => e.id).sort();
    expect(Object.fromEntries(rows.map((r) => [r.event_id, r.merchant_id]))).toEqual(Object.fromEntries(events.map((e) => [e.id, e.merchantId])));
    // and each handler's context (tenant filter and tenant setting) saw its own merchant's events only
    for (const row of rows) expect(row.payload.sees).toEqual(ofMerchant(row.merchant_id === a.id ? a : b));

    // and each merchant, as the services' role, sees its own rows and none of the other's
    const visible = (m: TestMerchant) =>
      withAppDb('customer', async (db) => {
        await db.query('begin');
        await db.query("select set_config('app.merchant_id', $1, true)", [m.id]);
        const { rows: seen } = await db.query<{ event_id: string }>(`select event_id from ${table} where event_id = any($1::uuid[]) order by event_id`, [lookFor]);
        await db.query('rollback');
        return seen.map((r) => r.event_id);
      });
    expect(await visible(a)).toEqual(ofMerchant(a));
    expect(await visible(b)).toEqual(ofMerchant(b));
  }, 60_000);

  it('applies an event once when it is delivered twice in one batch (two jobs at once, a race) and again in a later batch', async () => {
    // given one event delivered as two jobs together, beside another event
    const twice = newEvent(a.id, 'test.batch.ok');
    const other = newEvent(b.id, 'test.batch.ok');

    // when both jobs are taken in one batch
    const results = await deliverTogether([twice, other, twice], [`${twice.id}-1`, other.id, `${twice.id}-2`]);

    // then one applied it and the other found it consumed
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'duplicate']);
    expect((await effects([twice.id])).length).toBe(1);
    expect(new Set((await effects([twice.id, other.id])).map((r) => r.payload.txid)).size).toBe(1);

    // and delivered again in a later batch, it is a duplicate and runs nothing
    expect((await deliverTogether([twice], [`${twice.id}-3`])).map((r) => r.outcome)).toEqual(['duplicate']);
    expect(runs.get(twice.id)).toBe(1);
    expect((await effects([twice.id])).length).toBe(1);
    expect(await consumedCount([twice.id])).toBe(1);
  }, 60_000);

  it('changes nothing when a whole batch is delivered again', async () => {
    // given a batch of two merchants' events, applied
    const events = [newEvent(a.id, 'test.batch.ok'), newEvent(b.id, 'test.batch.ok'), newEvent(a.id, 'test.batch.ok')];
    expect((await deliverTogether(events)).map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
    const before = await effects(events.map((e) => e.id));
    expect(before).toHaveLength(3);

    // when the same batch is delivered again (its jobs are gone, so it is taken as new jobs)
    const again = await deliverTogether(events);

    // then every event is a duplicate, no handler ran again, and the store is as it was
    expect(again.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(events.map((e) => runs.get(e.id))).toEqual([1, 1, 1]);
    expect(await effects(events.map((e) => e.id))).toEqual(before);
    expect(await consumedCount(events.map((e) => e.id))).toBe(3);
  }, 60_000);

  it("steps an event out of its batch when it meets another transaction's lock (a race on one customer), commits the rest, then applies it alone", async () => {
    // given another transaction holding a lock that one of three events needs
    const config = loadKitConfig();
    const holder = new pg.Client({ connectionString: config.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config, 'customer')}`) });
    await holder.connect();
    const lock = `batch-test-${randomUUID()}`;
    await holder.query('select pg_advisory_lock(hashtext($1))', [lock]);
    try {
      const locked = { ...newEvent(a.id, 'test.batch.locking'), payload: { lock } };
      const others = [newEvent(a.id, 'test.batch.ok'), newEvent(b.id, 'test.batch.ok')];

      // when the three are delivered together
      const results = deliverTogether([others[0], locked, others[1]]);

      // then the other two commit in one transaction while the lock is still held
      const rows = await eventually(async () => {
        const found = await effects(others.map((e) => e.id));
        return found.length === 2 ? found : undefined;
      }, 20_000, 'the rest of the batch committed');
      expect(new Set(rows.map((r) => r.payload.txid)).size).toBe(1);
      expect(await effects([locked.id])).toEqual([]);

      // and once the lock is let go, the locked event is applied, alone, once
      await holder.query('select pg_advisory_unlock(hashtext($1))', [lock]);
      expect((await results).map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
      const [alone] = await effects([locked.id]);
      expect(alone.payload.txid).not.toBe(rows[0].payload.txid);
      expect((await effects([locked.id])).length).toBe(1);
      expect(await consumedCount([locked.id, ...others.map((e) => e.id)])).toBe(3);
    } finally {
      await holder.end();
    }
  }, 60_000);

  /** The finish runs that were handed any of `eventIds`. */
  const finishRuns = async (eventIds: string[]) =>
    (await withOwnerDb('customer', (db) => db.query<{ merchant_id: string; payload: { txid: string; applied: string[]; noted: string[] } }>(`select merchant_id, payload from ${table} where topic = 'finish' order by id`))).rows.filter(
      (r) => r.payload.applied.some((id) => eventIds.includes(id)),
    );

  it("finishes each merchant's events once, after them, in their transaction, with only the events that applied", async () => {
    // given two merchants' events, with one that fails among merchant A's
    const a1 = newEvent(a.id, FINISHED);
    const poison = newEvent(a.id, 'test.batch.poison');
    const a2 = newEvent(a.id, FINISHED);
    const b1 = newEvent(b.id, FINISHED);

    // when they are delivered together
    const results = await deliverTogether([a1, poison, b1, a2]);

    // then each merchant's finish ran once, handed its applied events only, in the events' transaction
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'dead-lettered', 'applied', 'applied']);
    const runsOf = await finishRuns([a1.id, a2.id, b1.id, poison.id]);
    expect(runsOf.map((r) => [r.merchant_id, r.payload.applied])).toEqual([
      [a.id, [a1.id, a2.id]],
      [b.id, [b1.id]],
    ]);
    const [eventTx] = new Set((await effects([a1.id, a2.id, b1.id])).map((r) => r.payload.txid));
    expect(new Set(runsOf.map((r) => r.payload.txid))).toEqual(new Set([eventTx]));
    // and what the handlers added to the preparation reached the finish of their own merchant only
    expect(runsOf[0].payload.noted).toEqual([a1.id, a2.id]);
    expect(runsOf[1].payload.noted).toEqual([b1.id]);
  }, 60_000);

  it('what if the shared finish fails? every event of its merchant fails with it, nothing of them stays, and each is retried and applied once', async () => {
    // given merchant A's events whose finish throws once, beside merchant B's event
    const a1 = { ...newEvent(a.id, FINISHED), payload: { failFinish: true } };
    const a2 = newEvent(a.id, FINISHED);
    const b1 = newEvent(b.id, FINISHED);

    // when they are delivered together
    const results = await deliverTogether([a1, b1, a2]);

    // then all three are applied in the end, each exactly once
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
    const rows = await effects([a1.id, a2.id, b1.id]);
    expect(rows.map((r) => r.event_id).sort()).toEqual([a1.id, a2.id, b1.id].sort());
    expect(await consumedCount([a1.id, a2.id, b1.id])).toBe(3);
    // and A's events ran twice (the batch's run rolled back, then their retry), B's once
    expect([a1, a2, b1].map((e) => runs.get(e.id))).toEqual([2, 2, 1]);
    const txOf = Object.fromEntries(rows.map((r) => [r.event_id, r.payload.txid]));
    expect(txOf[a1.id]).not.toBe(txOf[b1.id]);
    expect(txOf[a2.id]).not.toBe(txOf[b1.id]);
    // and each finish that stood ran in its events' transaction, and was handed each event once
    const runsOf = await finishRuns([a1.id, a2.id, b1.id]);
    expect(runsOf.flatMap((r) => r.payload.applied).sort()).toEqual([a1.id, a2.id, b1.id].sort());
    for (const run of runsOf) for (const id of run.payload.applied) expect(txOf[id]).toBe(run.payload.txid);
  }, 60_000);
});
