import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, inRequestTransaction, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { SegmentPrivacyService } from '../../subgraphs/segment/src/services/segment-privacy.service.js';
import { SegmentTombstoneService } from '../../subgraphs/segment/src/services/segment-tombstone.service.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { historyOf, insertOrders, ordersOf, recomputes, scoresOf, segmentChangedEvents } from './support/segment-recompute.js';
import { createMerchant, runtime, type TestMerchant } from './support/tenants.js';

const AS_OF = new Date('2026-12-01T12:00:00Z');

/**
 * A redaction racing a recompute (event processing off: the test takes the steps): a run copies
 * every customer's facts at its start, so a customer erased after that must not be written back
 * by the run's later batches, nor announced by a `segment.changed`.
 */
describe('a customer redacted while a recompute runs', () => {
  let gateway: TestGateway;
  const privacy = new SegmentPrivacyService(new SegmentTombstoneService());

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { EVENT_PROCESSING: 'off' });
  });
  afterAll(() => gateway.stop());

  const ctxOf = (merchant: TestMerchant) => runtime(gateway, 'segment').createContext(systemCaller(ADMIN_SCOPES, merchant.id));

  it('what if the redaction comes between the run start and its batches? the customer stays erased: no scores, history or event', async () => {
    const merchant = await createMerchant(gateway);
    const customers = Array.from({ length: 6 }, () => randomUUID()).sort();
    await insertOrders(merchant, AS_OF, customers.flatMap((c, i) => ordersOf(c, 1 + i, 10 + i * 20, (i + 1) * 10_00)));
    const erased = customers[3];
    await recomputes.request(ctxOf(merchant), 'manual');
    expect(await recomputes.step(ctxOf(merchant), 2, AS_OF)).toMatchObject({ phase: 'started' });
    expect(await recomputes.step(ctxOf(merchant), 2, AS_OF)).toMatchObject({ phase: 'batch', covered: 2 });

    const ctx = ctxOf(merchant);
    await inRequestTransaction(ctx, () => privacy.erase(ctx, [erased]));

    for (;;) {
      const step = await recomputes.step(ctxOf(merchant), 2, AS_OF);
      if (!step || step.phase === 'finished') break;
    }
    const [run] = await recomputes.runs(ctxOf(merchant), 1);
    expect(run.status).toBe('succeeded');
    const scores = await scoresOf(merchant);
    expect(Object.keys(scores).sort()).toEqual(customers.filter((c) => c !== erased));
    expect((await historyOf(merchant)).map((h) => h.customer_id)).not.toContain(erased);
    expect((await segmentChangedEvents(merchant)).map((e) => e.customerId).sort()).toEqual(customers.filter((c) => c !== erased));
    const left = await withOwnerDb('segment', async (db) =>
      (await db.query<{ n: number }>('select (select count(*) from segment_run_fact where customer_id = $1) + (select count(*) from segment_order where customer_id = $1) as n', [erased])).rows[0].n,
    );
    expect(Number(left)).toBe(0);
  });

  it("what if a later run starts after the redaction? the tombstone keeps the customer out, and another merchant's customer of the same id is untouched", async () => {
    const [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    const shared = randomUUID();
    await insertOrders(a, AS_OF, [...ordersOf(shared, 2, 5, 50_00), ...ordersOf(randomUUID(), 1, 40, 20_00)]);
    await insertOrders(b, AS_OF, ordersOf(shared, 3, 5, 90_00));
    const ctx = ctxOf(a);
    await inRequestTransaction(ctx, () => privacy.erase(ctx, [shared]));
    // An order event consumed late would be refused by the tombstone; a fact written behind its back stays out too.
    await insertOrders(a, AS_OF, ordersOf(shared, 1, 3, 10_00));
    for (const merchant of [a, b]) {
      await recomputes.request(ctxOf(merchant), 'manual');
      for (;;) {
        const step = await recomputes.step(ctxOf(merchant), 10, AS_OF);
        if (!step || step.phase === 'finished') break;
      }
    }
    expect(Object.keys(await scoresOf(a))).not.toContain(shared);
    expect(Object.keys(await scoresOf(b))).toEqual([shared]);
  });
});
