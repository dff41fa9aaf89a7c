import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { refreshSegmentDailyCounts } from '../../subgraphs/segment/src/jobs/segment-daily-counts.job.js';
import { withAppDb, withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { historyOf, insertOrders, ordersOf, recomputeMerchant, saveSettings, scoresOf, segmentChangedEvents } from './support/segment-recompute.js';
import { createMerchant, runtime } from './support/tenants.js';

/** The instant the runs score as of: recency counts back from it, the window ends at it. */
const AS_OF = new Date('2026-12-01T12:00:00Z');

const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
const triple = (c: { recency: number | null; frequency: number | null; monetary: number | null; segment: string | null }) => [c.recency, c.frequency, c.monetary, c.segment];

/**
 * Scoring on hand-computed data sets, with the runs worked step by step by the test (event
 * processing is off in this gateway, so no job races it): quintiles, fixed thresholds, the default
 * segments, custom segments on tier and points, refunds and cancellations.
 */
describe('segment scoring', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { EVENT_PROCESSING: 'off' });
  });
  afterAll(() => gateway.stop());

  it('scores quintiles as computed by hand: ties score alike, the lowest 1 and the highest 5; orders only before the window score 1/1/1; only cancelled orders score nothing, and one scored before leaves its segment', async () => {
    const merchant = await createMerchant(gateway);
    const [c1, c2, c3, c4, c5, c6, old, cancelled] = ids(8);
    // n = 6 in the window, so a score is 1 + the customers strictly below, capped at 5.
    await insertOrders(merchant, AS_OF, [
      ...ordersOf(c1, 5, 1, 500_00), // last 1 day ago, 5 orders, 500.00
      ...ordersOf(c2, 1, 2, 50_00),
      ...ordersOf(c3, 2, 3, 60_00), // c3 and c4 tie on recency (same instant) and frequency
      ...ordersOf(c4, 2, 3, 80_00),
      ...ordersOf(c5, 3, 10, 300_00),
      ...ordersOf(c6, 1, 100, 20_00),
      ...ordersOf(old, 4, 400, 900_00), // all before the 365-day window
      { customerId: cancelled, daysAgo: 5, totalMinor: 70_00, cancelled: true },
    ]);

    const { run } = await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    // the customer with only a cancelled order has no counted order: not covered, not scored
    expect(run).toMatchObject({ status: 'succeeded', total: 7, processed: 7, changed: 7 });

    const scores = await scoresOf(merchant);
    // recency: c6 < c5 < c3 = c4 < c2 < c1; frequency: c2 = c6 (1) < c3 = c4 (2) < c5 (3) < c1 (5); monetary: c6 < c2 < c3 < c4 < c5 < c1
    expect(triple(scores[c1])).toEqual([5, 5, 5, 'champions']);
    expect(triple(scores[c2])).toEqual([5, 1, 2, 'new']);
    expect(triple(scores[c3])).toEqual([3, 3, 3, 'needs-attention']);
    expect(triple(scores[c4])).toEqual([3, 3, 4, 'needs-attention']);
    expect(triple(scores[c5])).toEqual([2, 5, 5, 'cant-lose']);
    expect(triple(scores[c6])).toEqual([1, 1, 1, 'lost']);
    expect(triple(scores[old])).toEqual([1, 1, 1, 'lost']);
    expect(scores[old]).toMatchObject({ orders_in_window: 0, spend_in_window_minor: '0' });
    expect(scores[cancelled]).toBeUndefined();
    expect(scores[c1]).toMatchObject({ orders_in_window: 5, spend_in_window_minor: '50000' });

    // when c6's only order is cancelled, c6 leaves every RFM segment: unscored, one history row, one event to null
    await withOwnerDb('segment', (db) => db.query('update segment_order set cancelled_at = placed_at where merchant_id = $1 and customer_id = $2', [merchant.id, c6]));
    const again = await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    expect(triple((await scoresOf(merchant))[c6])).toEqual([null, null, null, null]);
    const left = await segmentChangedEvents(merchant);
    expect(left.filter((e) => e.customerId === c6).map((e) => [e.from, e.to, e.runId])).toEqual([
      [null, 'lost', run.id],
      ['lost', null, again.run.id],
    ]);
    expect((await historyOf(merchant)).filter((h) => h.customer_id === c6).map((h) => [h.previous_segment, h.segment])).toEqual([
      [null, 'lost'],
      ['lost', null],
    ]);
  });

  it('spreads a merchant with 3 customers over 1, 3 and 5, and gives a lone customer 3 on each score', async () => {
    const three = await createMerchant(gateway);
    const [a, b, c] = ids(3);
    await insertOrders(three, AS_OF, [...ordersOf(a, 1, 10, 10_00), ...ordersOf(b, 2, 5, 50_00), ...ordersOf(c, 3, 1, 100_00)]);
    await recomputeMerchant(gateway, three, { asOf: AS_OF });
    const scores = await scoresOf(three);
    expect(triple(scores[a])).toEqual([1, 1, 1, 'lost']);
    expect(triple(scores[b])).toEqual([3, 3, 3, 'needs-attention']);
    expect(triple(scores[c])).toEqual([5, 5, 5, 'champions']);

    const lone = await createMerchant(gateway);
    const [only] = ids(1);
    await insertOrders(lone, AS_OF, ordersOf(only, 2, 4, 40_00));
    await recomputeMerchant(gateway, lone, { asOf: AS_OF });
    expect(triple((await scoresOf(lone))[only])).toEqual([3, 3, 3, 'needs-attention']);
  });

  it("scores with the merchant's fixed thresholds instead, and every default segment's rule is reached by a customer", async () => {
    const merchant = await createMerchant(gateway);
    await saveSettings(merchant, {
      scoring: 'threshold',
      thresholds: { recencyDays: [7, 30, 90, 180], frequencyOrders: [2, 3, 5, 8], monetaryMinor: [50_00, 100_00, 500_00, 1000_00] },
    });
    // days ago for R 5..1, orders for F 1..5, spend for M 1, 3, 5
    const R = { 5: 2, 4: 20, 3: 60, 2: 120, 1: 300 } as const;
    const F = { 1: 1, 2: 2, 3: 3, 4: 5, 5: 8 } as const;
    const M = { 1: 1_00, 3: 100_00, 5: 1000_00 } as const;
    const wanted: [string, 1 | 2 | 3 | 4 | 5, 1 | 2 | 3 | 4 | 5, 1 | 3 | 5][] = [
      ['champions', 5, 5, 5],
      ['loyal', 3, 4, 1],
      ['cant-lose', 1, 5, 5],
      ['at-risk', 2, 3, 1],
      ['new', 5, 1, 1],
      ['promising', 4, 1, 1],
      ['potential-loyalist', 5, 2, 1],
      ['needs-attention', 3, 3, 3],
      ['about-to-sleep', 3, 1, 1],
      ['hibernating', 2, 1, 1],
      ['lost', 1, 1, 1],
    ];
    const customers = wanted.map(() => randomUUID());
    await insertOrders(merchant, AS_OF, wanted.flatMap(([, r, f, m], i) => ordersOf(customers[i], F[f], R[r], M[m])));
    await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    const scores = await scoresOf(merchant);
    expect(customers.map((c) => triple(scores[c]))).toEqual(wanted.map(([segment, r, f, m]) => [r, f, m, segment]));
  });

  it('puts customers in custom segments on tier and on points; one with a score rule takes scored customers only', async () => {
    const merchant = await createMerchant(gateway);
    const gold = randomUUID();
    const [goldUnscored, goldScored, rich, poor] = ids(4);
    await insertOrders(merchant, AS_OF, [...ordersOf(goldScored, 3, 2, 300_00), ...ordersOf(rich, 1, 50, 10_00), ...ordersOf(poor, 1, 200, 5_00)]);
    // a first run writes the default RFM segments, which custom ones come beside
    await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    await withOwnerDb('segment', async (db) => {
      await db.query(
        `insert into segment_customer (merchant_id, customer_id, tier_id, tier_version, points_balance) values
           ($1, $2, $5, 1, null), ($1, $3, $5, 1, 20), ($1, $4, null, 0, 150), ($1, $6, null, 0, 50)
         on conflict (merchant_id, customer_id) do update set tier_id = excluded.tier_id, tier_version = excluded.tier_version, points_balance = excluded.points_balance`,
        [merchant.id, goldUnscored, goldScored, rich, gold, poor],
      );
      await db.query(
        `insert into segment_definition (merchant_id, handle, kind, position, names, tier_ids, points_min, points_max, recency_min, created_at, updated_at) values
           ($1, 'gold-members', 'custom', 1, '{"en":"Gold","es":"Oro","fr":"Or"}', array[$2::uuid], null, null, 1, now(), now()),
           ($1, 'point-hoarders', 'custom', 2, '{"en":"Hoarders","es":"Acumuladores","fr":"Thésauriseurs"}', null, 100, 1000, 1, now(), now()),
           ($1, 'recent-gold', 'custom', 3, '{"en":"Recent gold","es":"Oro reciente","fr":"Or récent"}', array[$2::uuid], null, null, 4, now(), now())`,
        [merchant.id, gold],
      );
    });
    await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    const members = async () =>
      (await withOwnerDb('segment', (db) => db.query<{ handle: string; customer_id: string }>('select handle, customer_id from segment_member where merchant_id = $1 order by handle, customer_id', [merchant.id]))).rows;
    expect(await members()).toEqual(
      [
        { handle: 'gold-members', customer_id: goldScored },
        { handle: 'gold-members', customer_id: goldUnscored },
        { handle: 'point-hoarders', customer_id: rich },
        { handle: 'recent-gold', customer_id: goldScored },
      ].sort((x, y) => x.handle.localeCompare(y.handle) || x.customer_id.localeCompare(y.customer_id)),
    );
    expect((await scoresOf(merchant))[goldScored].segment).toBe('champions');

    // when the balance drops below the bound, the next run takes the customer out
    await withOwnerDb('segment', (db) => db.query('update segment_customer set points_balance = 90 where merchant_id = $1 and customer_id = $2', [merchant.id, rich]));
    await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    expect((await members()).filter((m) => m.handle === 'point-hoarders')).toEqual([]);
  });

  it('lowers frequency and monetary value when an order is refunded in part and another cancelled', async () => {
    const merchant = await createMerchant(gateway);
    const [x, y, z] = ids(3);
    const [first, second] = await insertOrders(merchant, AS_OF, [
      { customerId: x, daysAgo: 3, totalMinor: 100_00 },
      { customerId: x, daysAgo: 4, totalMinor: 100_00 },
      ...ordersOf(y, 1, 2, 50_00),
      ...ordersOf(z, 3, 1, 300_00),
    ]);
    await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    expect((await scoresOf(merchant))[x]).toMatchObject({ frequency: 3, monetary: 3, orders_in_window: 2, spend_in_window_minor: '20000' });

    await withOwnerDb('segment', async (db) => {
      await db.query(`update segment_order set refunded_minor = 6000, refund_ids = '{r1}' where merchant_id = $1 and order_id = $2`, [merchant.id, first]);
      await db.query('update segment_order set cancelled_at = placed_at where merchant_id = $1 and order_id = $2', [merchant.id, second]);
    });
    await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    // x now has 1 order (tied with y at the bottom) and 40.00 (below y's 50.00)
    expect((await scoresOf(merchant))[x]).toMatchObject({ frequency: 1, monetary: 1, orders_in_window: 1, spend_in_window_minor: '4000' });

    // refunded in full, z's latest order is no order: z falls back on its two others, the last 2 days ago
    await withOwnerDb('segment', (db) =>
      db.query(`update segment_order set refunded_minor = total_minor where merchant_id = $1 and customer_id = $2 and placed_at = (select max(placed_at) from segment_order where merchant_id = $1 and customer_id = $2)`, [merchant.id, z]),
    );
    await recomputeMerchant(gateway, merchant, { asOf: AS_OF });
    expect((await scoresOf(merchant))[z]).toMatchObject({ orders_in_window: 2, spend_in_window_minor: '20000' });
    expect(new Date((await scoresOf(merchant))[z].last_order_at!).getTime()).toBe(AS_OF.getTime() - 2 * 86_400_000);
  });

  it("counts the members of each segment for the shop's day, and the daily counts view equals a direct count", async () => {
    const merchant = await createMerchant(gateway);
    await saveSettings(merchant, { timezone: 'Pacific/Auckland' });
    const customers = ids(12);
    await insertOrders(merchant, AS_OF, customers.flatMap((c, i) => ordersOf(c, 1 + (i % 4), 1 + i * 7, (i + 1) * 10_00)));
    const { run } = await recomputeMerchant(gateway, merchant, { asOf: AS_OF, batch: 5 });
    // the refresh the counts' commit wakes, as the daily counts job does it
    await refreshSegmentDailyCounts(runtime(gateway, 'segment'));
    // 12:00 UTC is 01:00 the next day in Auckland (summer time)
    const day = '2026-12-02';
    const direct = await withOwnerDb('segment', (db) =>
      db.query<{ segment: string; members: number }>('select segment, count(*)::int as members from segment_customer where merchant_id = $1 and segment is not null group by segment order by segment', [merchant.id]),
    );
    const viewed = await withAppDb('segment', async (db) => {
      await db.query('begin');
      await db.query(`select set_config('app.merchant_id', $1, true)`, [merchant.id]);
      const { rows } = await db.query<{ day: string; segment: string; members: number }>(
        `select to_char(day, 'YYYY-MM-DD') as day, segment, members from segment_daily_counts($1, $2) where members > 0 order by segment`,
        ['2026-11-01', '2026-12-31'],
      );
      await db.query('commit');
      return rows;
    });
    expect(direct.rows.length).toBeGreaterThan(1);
    expect(viewed).toEqual(direct.rows.map((r) => ({ day, ...r })));
    const counted = await withOwnerDb('segment', (db) => db.query<{ n: number }>('select count(*)::int as n from segment_run_count where run_id = $1', [run.id]));
    // every default segment is counted, empty ones as 0
    expect(counted.rows[0].n).toBe(11);
  });
});
