import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { MAX_FAILURES } from '../../subgraphs/segment/src/services/segment-recompute.service.js';
import { runSegmentRecomputes } from '../../subgraphs/segment/src/jobs/segment-recompute.job.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { historyOf, insertOrders, ordersOf, recomputeMerchant, recomputes, saveSettings, scoresOf, segmentChangedEvents } from './support/segment-recompute.js';
import { createMerchant, runtime, type TestMerchant } from './support/tenants.js';

const AS_OF = new Date('2026-12-01T12:00:00Z');

/** `count` customers with 1–4 orders each, spread over the year before `AS_OF`. */
async function seedCustomers(merchant: TestMerchant, count: number): Promise<string[]> {
  const customers = Array.from({ length: count }, () => randomUUID());
  await insertOrders(merchant, AS_OF, customers.flatMap((c, i) => ordersOf(c, 1 + (i % 4), 1 + ((i * 37) % 300), (1 + ((i * 13) % 20)) * 10_00)));
  return customers;
}

/**
 * The recompute runs, stepped by the test (event processing is off in this gateway, so no job
 * races the steps it takes): idempotency, history and events only on change, progress, two
 * requests at once, a failing batch, and tenants.
 */
describe('segment recompute runs', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { EVENT_PROCESSING: 'off' });
  });
  afterAll(() => gateway.stop());

  const ctxOf = (merchant: TestMerchant) => runtime(gateway, 'segment').createContext(systemCaller(ADMIN_SCOPES, merchant.id));

  it('gives the same result when run twice; the second run writes no history, emits nothing and changes no row', async () => {
    const merchant = await createMerchant(gateway);
    const customers = await seedCustomers(merchant, 30);
    const first = await recomputeMerchant(gateway, merchant, { asOf: AS_OF, batch: 7 });
    expect(first.run).toMatchObject({ status: 'succeeded', total: 30, processed: 30, changed: 30 });
    const scores = await scoresOf(merchant);
    const history = await historyOf(merchant);
    const events = await segmentChangedEvents(merchant);
    // the first scoring moves every customer from no segment into one: once each
    expect(history).toHaveLength(30);
    expect(events.map((e) => e.customerId).sort()).toEqual([...customers].sort());
    expect(events.every((e) => e.from === null && e.to === scores[e.customerId].segment && e.runId === first.run.id)).toBe(true);

    const second = await recomputeMerchant(gateway, merchant, { asOf: AS_OF, batch: 7 });
    expect(second.run.id).not.toBe(first.run.id);
    expect(second.run).toMatchObject({ status: 'succeeded', processed: 30, changed: 0 });
    expect(await scoresOf(merchant)).toEqual(scores);
    expect(await historyOf(merchant)).toEqual(history);
    expect(await segmentChangedEvents(merchant)).toEqual(events);
    const rewritten = await withOwnerDb('segment', (db) => db.query<{ n: number }>('select count(*)::int as n from segment_customer where merchant_id = $1 and run_id = $2', [merchant.id, second.run.id]));
    expect(rewritten.rows[0].n).toBe(0);
  });

  it('records history only for the customer who changed, and fires segment.changed once for their movement', async () => {
    const merchant = await createMerchant(gateway);
    const [mover, stayer, other] = [randomUUID(), randomUUID(), randomUUID()];
    await insertOrders(merchant, AS_OF, [...ordersOf(mover, 1, 200, 10_00), ...ordersOf(stayer, 2, 5, 50_00), ...ordersOf(other, 3, 1, 100_00)]);
    await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    const before = await scoresOf(merchant);
    expect(before[mover].segment).toBe('lost');

    // the mover orders again, big, yesterday: more recent than the stayer and spending the most
    await insertOrders(merchant, AS_OF, ordersOf(mover, 1, 0.5, 500_00));
    const { run } = await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    const after = await scoresOf(merchant);
    expect(after[mover].segment).not.toBe('lost');
    const changedHistory = (await historyOf(merchant)).filter((h) => h.run_id === run.id);
    const movedEvents = (await segmentChangedEvents(merchant)).filter((e) => e.runId === run.id);
    const changedCustomers = Object.keys(after).filter((c) => after[c].recency !== before[c].recency || after[c].frequency !== before[c].frequency || after[c].monetary !== before[c].monetary);
    expect(changedHistory.map((h) => h.customer_id).sort()).toEqual(changedCustomers.sort());
    const moved = Object.keys(after).filter((c) => after[c].segment !== before[c].segment);
    expect(movedEvents.map((e) => [e.customerId, e.from, e.to]).sort()).toEqual(moved.map((c) => [c, before[c].segment, after[c].segment]).sort());
    expect(movedEvents.find((e) => e.customerId === mover)).toMatchObject({ from: 'lost', to: after[mover].segment });
    expect(run.changed).toBe(moved.length);
    // a customer who stays in the segment keeps the date they entered it
    for (const c of Object.keys(after).filter((id) => !moved.includes(id))) expect(after[c].segment_since).toEqual(before[c].segment_since);
  });

  it('shows progress batch by batch, processed growing to total', async () => {
    const merchant = await createMerchant(gateway);
    await seedCustomers(merchant, 23);
    const requested = (await recomputes.request(ctxOf(merchant), 'manual'))!;
    expect(requested).toMatchObject({ status: 'queued', total: 0, processed: 0 });
    const seen: { status: string; processed: number; total: number }[] = [];
    for (;;) {
      const step = await recomputes.step(ctxOf(merchant), 5, AS_OF);
      const run = (await recomputes.run(ctxOf(merchant), requested.id))!;
      seen.push({ status: run.status, processed: run.processed, total: run.total });
      if (!step || step.phase === 'finished') break;
    }
    expect(seen).toEqual([
      { status: 'running', processed: 0, total: 23 },
      { status: 'running', processed: 5, total: 23 },
      { status: 'running', processed: 10, total: 23 },
      { status: 'running', processed: 15, total: 23 },
      { status: 'running', processed: 20, total: 23 },
      { status: 'succeeded', processed: 23, total: 23 },
    ]);
  });

  it('what if two recomputes are requested at once? both get the same run, and one is queued', async () => {
    const merchant = await createMerchant(gateway);
    await seedCustomers(merchant, 3);
    const [a, b] = await Promise.all([recomputes.request(ctxOf(merchant), 'manual'), recomputes.request(ctxOf(merchant), 'settings')]);
    expect(a!.id).toBe(b!.id);
    const active = await withOwnerDb('segment', (db) => db.query<{ n: number }>("select count(*)::int as n from segment_run where merchant_id = $1 and status in ('queued', 'running')", [merchant.id]));
    expect(active.rows[0].n).toBe(1);
    // and a request while it runs joins it too
    await recomputes.step(ctxOf(merchant), 2, AS_OF);
    expect((await recomputes.request(ctxOf(merchant), 'manual'))!.id).toBe(a!.id);
  });

  it('a run\'s total counts the customers with counted orders and the known ones left without any (all their orders cancelled), no one twice, no other merchant\'s', async () => {
    const [merchant, other] = [await createMerchant(gateway), await createMerchant(gateway)];
    const customers = (await seedCustomers(merchant, 6)).sort();
    await seedCustomers(other, 4);
    const never = randomUUID();
    await insertOrders(merchant, AS_OF, [{ customerId: never, daysAgo: 3, totalMinor: 50_00, cancelled: true }]);
    const first = await recomputeMerchant(gateway, merchant, { asOf: AS_OF, batch: 4 });
    expect(first.run).toMatchObject({ status: 'succeeded', total: 6, processed: 6 });
    await withOwnerDb('segment', (db) => db.query('update segment_order set cancelled_at = placed_at where merchant_id = $1 and customer_id = $2', [merchant.id, customers[0]]));
    const requested = (await recomputes.request(ctxOf(merchant), 'manual'))!;
    expect(await recomputes.step(ctxOf(merchant), 4, AS_OF)).toMatchObject({ phase: 'started' });
    expect(await recomputes.run(ctxOf(merchant), requested.id)).toMatchObject({ status: 'running', total: 6, processed: 0 });
    for (let step = await recomputes.step(ctxOf(merchant), 4, AS_OF); step?.phase !== 'finished'; step = await recomputes.step(ctxOf(merchant), 4, AS_OF)) expect(step).not.toBeNull();
    expect(await recomputes.run(ctxOf(merchant), requested.id)).toMatchObject({ status: 'succeeded', total: 6, processed: 6 });
    expect((await scoresOf(merchant))[customers[0]]).toMatchObject({ segment: null });
  });

  it('what if PostgreSQL crashes mid-run and empties the unlogged run facts? the run starts again from its as_of and ends as an uninterrupted one would; another merchant\'s run goes on', async () => {
    const [merchant, other] = [await createMerchant(gateway), await createMerchant(gateway)];
    const customers = (await seedCustomers(merchant, 12)).sort();
    await seedCustomers(other, 8);
    const persistence = await withOwnerDb('segment', (db) => db.query<{ p: string }>(`select relpersistence as p from pg_class where relname = 'segment_run_fact'`));
    expect(persistence.rows[0].p).toBe('u');
    const requested = (await recomputes.request(ctxOf(merchant), 'manual'))!;
    await recomputes.request(ctxOf(other), 'manual');
    expect(await recomputes.step(ctxOf(merchant), 5, AS_OF)).toMatchObject({ phase: 'started' });
    expect(await recomputes.step(ctxOf(merchant), 5, AS_OF)).toMatchObject({ phase: 'batch', covered: 5 });
    expect(await recomputes.step(ctxOf(other), 5, AS_OF)).toMatchObject({ phase: 'started' });
    // What crash recovery does to an unlogged table, for this merchant's run only.
    await withOwnerDb('segment', (db) => db.query('delete from segment_run_fact where merchant_id = $1', [merchant.id]));
    const later = new Date(AS_OF.getTime() + 86_400_000);
    expect(await recomputes.step(ctxOf(merchant), 5, later)).toMatchObject({ runId: requested.id, phase: 'started' });
    expect(await recomputes.step(ctxOf(other), 5, later)).toMatchObject({ phase: 'batch', covered: 5 });
    const asOf = await withOwnerDb('segment', (db) => db.query<{ as_of: Date; processed: number }>('select as_of, processed from segment_run where id = $1', [requested.id]));
    expect(asOf.rows[0]).toEqual({ as_of: AS_OF, processed: 0 });
    for (let step = await recomputes.step(ctxOf(merchant), 5, later); step?.phase !== 'finished'; step = await recomputes.step(ctxOf(merchant), 5, later)) expect(step).not.toBeNull();
    const done = (await recomputes.run(ctxOf(merchant), requested.id))!;
    expect(done).toMatchObject({ status: 'succeeded', processed: 12, total: 12, error: null });
    // each customer scored, historied and announced once: the batch before the crash is not redone as a change
    expect((await historyOf(merchant)).map((h) => h.customer_id).sort()).toEqual(customers);
    expect((await segmentChangedEvents(merchant)).map((e) => e.customerId).sort()).toEqual(customers);
    // and an uninterrupted run as of the same time finds nothing to change
    const scores = await scoresOf(merchant);
    const again = await recomputeMerchant(gateway, merchant, { asOf: AS_OF, batch: 5 });
    expect(again.run).toMatchObject({ status: 'succeeded', processed: 12, changed: 0 });
    expect(await scoresOf(merchant)).toEqual(scores);
  });

  it('what if a batch fails mid-run? the run stays resumable where its last batch committed, and finishing it doubles nothing', async () => {
    const merchant = await createMerchant(gateway);
    const customers = (await seedCustomers(merchant, 12)).sort();
    // A fault in the store: writing the 8th customer (in id order) fails, so the second batch of 5 does.
    const poisoned = customers[7];
    await withOwnerDb('segment', async (db) => {
      await db.query(`create or replace function segment_test_fault() returns trigger language plpgsql as $$ begin if new.customer_id = '${poisoned}' then raise exception 'injected fault'; end if; return new; end $$`);
      await db.query(`create trigger segment_test_fault before insert or update on segment_customer for each row execute function segment_test_fault()`);
    });
    try {
      await recomputes.request(ctxOf(merchant), 'manual');
      const segment = runtime(gateway, 'segment');
      // The job's own pass, as a worker runs it: the merchant's step fails, is logged and counted.
      const pass = await runSegmentRecomputes(segment, recomputes, { batch: 5, now: AS_OF });
      expect(pass.failedMerchants).toContain(merchant.id);
      const [stuck] = await recomputes.runs(ctxOf(merchant), 1);
      expect(stuck).toMatchObject({ status: 'running', processed: 5, total: 12 });
      expect(stuck.error).toMatch(/failed \(1 of 5 tries\)/);
      expect(await historyOf(merchant)).toHaveLength(5);
    } finally {
      await withOwnerDb('segment', async (db) => {
        await db.query('drop trigger if exists segment_test_fault on segment_customer');
        await db.query('drop function if exists segment_test_fault()');
      });
    }
    // the next pass (another replica, or this one after a restart) resumes after the committed batch
    await runSegmentRecomputes(runtime(gateway, 'segment'), recomputes, { batch: 5, now: AS_OF });
    const [done] = await recomputes.runs(ctxOf(merchant), 1);
    expect(done).toMatchObject({ status: 'succeeded', processed: 12, total: 12, changed: 12, error: null });
    const history = await historyOf(merchant);
    expect(history.map((h) => h.customer_id).sort()).toEqual(customers);
    const events = await segmentChangedEvents(merchant);
    expect(events.map((e) => e.customerId).sort()).toEqual(customers);
  });

  it('what if the settings change while a run is under way? the request joins it, and its end queues a run under the new settings', async () => {
    const merchant = await createMerchant(gateway);
    await seedCustomers(merchant, 4);
    await saveSettings(merchant, { version: 1 });
    const run = (await recomputes.request(ctxOf(merchant), 'manual'))!;
    await recomputes.step(ctxOf(merchant), 2, AS_OF);
    // updateSegments saves version 2 and its event requests a settings run: it joins the one under way
    await saveSettings(merchant, { version: 2, windowDays: 90 });
    expect((await recomputes.request(ctxOf(merchant), 'settings'))!.id).toBe(run.id);
    for (;;) if ((await recomputes.step(ctxOf(merchant), 2, AS_OF))!.phase === 'finished') break;
    const runs = await withOwnerDb('segment', (db) =>
      db.query<{ id: string; trigger: string; status: string; settings_version: number | null }>('select id, trigger, status, settings_version from segment_run where merchant_id = $1 order by requested_at, id', [merchant.id]),
    );
    expect(runs.rows).toEqual([
      { id: run.id, trigger: 'manual', status: 'succeeded', settings_version: 1 },
      { id: expect.any(String), trigger: 'settings', status: 'queued', settings_version: null },
    ]);
    for (;;) if ((await recomputes.step(ctxOf(merchant), 10, AS_OF))!.phase === 'finished') break;
    const [last] = await recomputes.runs(ctxOf(merchant), 1);
    expect(last).toMatchObject({ trigger: 'settings', status: 'succeeded' });
    // nothing more is queued once a run scored the latest settings
    expect(await recomputes.step(ctxOf(merchant), 10, AS_OF)).toBeNull();
  });

  it(`gives a run up after ${MAX_FAILURES} failed batches in a row; a new request starts afresh`, async () => {
    const merchant = await createMerchant(gateway);
    await seedCustomers(merchant, 2);
    const run = (await recomputes.request(ctxOf(merchant), 'manual'))!;
    for (let i = 0; i < MAX_FAILURES; i++) await recomputes.recordFailure(ctxOf(merchant));
    expect(await recomputes.run(ctxOf(merchant), run.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/given up/) });
    const next = (await recomputes.request(ctxOf(merchant), 'manual'))!;
    expect(next.id).not.toBe(run.id);
  });

  it("keeps tenants apart: A's recompute leaves B's run and rows untouched, and A cannot read B's run", async () => {
    const [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    await seedCustomers(a, 4);
    await seedCustomers(b, 4);
    await recomputeMerchant(gateway, b, { asOf: AS_OF });
    const bRows = await scoresOf(b);
    const bHistory = await historyOf(b);
    const bRun = (await recomputes.request(ctxOf(b), 'manual'))!;

    await recomputeMerchant(gateway, a, { asOf: new Date(AS_OF.getTime() + 86_400_000) });
    expect(await scoresOf(b)).toEqual(bRows);
    expect(await historyOf(b)).toEqual(bHistory);
    expect(await recomputes.run(ctxOf(b), bRun.id)).toMatchObject({ status: 'queued' });
    expect(await recomputes.run(ctxOf(a), bRun.id)).toBeNull();
    expect((await recomputes.runs(ctxOf(a), 50)).map((r) => r.id)).not.toContain(bRun.id);
    // stepping A never takes B's run
    expect(await recomputes.step(ctxOf(a), 10, AS_OF)).toBeNull();
  });
});
