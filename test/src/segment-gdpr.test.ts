import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ORDER_RECORDED, ORDER_REFUNDED } from '@loyalnest/customer/topics';
import { POINTS_ADJUSTED } from '@loyalnest/points/topics';
import { TIER_CHANGED } from '@loyalnest/tier/topics';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { completedRequest, requestIds, tablesWithRows } from './support/gdpr-requests.js';
import { consumedBySegment, deliverToSegment, emitFrom, SEGMENT_EVENTS_ENV, segmentOrder } from './support/segment-facts.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import { customerIdOf, DAY_MS, deliver, paidOrder, refundBody } from './support/tier-members.js';

const EXPORT = `query($id: ID!) { gdprExport(id: $id) }`;
const PARTS = `query { gdprRequests(first: 100) { nodes { id parts { subgraph status } } } }`;

/** A Shopify id no other test uses (16 digits, below 2^53). */
function uniqueShopifyId(): string {
  return (1_000_000_000_000_000n + BigInt(randomInt(2 ** 47)) * 31n).toString();
}

/** History rows in three partitions: March 2026, May 2027, and the default one (2031 is past the monthly partitions). */
const HISTORY_AT = ['2026-03-10T08:00:00.000Z', '2027-05-02T08:00:00.000Z', '2031-01-01T08:00:00.000Z'];

interface Shopper {
  shopifyId: string;
  email: string;
  customerId: string;
  orders: string[];
}

/** Rows about the customer in each customer-keyed table of the segment store, history by partition. */
async function segmentRowsOf(merchantId: string, customerId: string): Promise<Record<string, number>> {
  return withOwnerDb('segment', async (db) => {
    const counts: Record<string, number> = {};
    for (const table of ['segment_order', 'segment_customer', 'segment_member']) {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${table} where merchant_id = $1 and customer_id = $2`, [merchantId, customerId]);
      counts[table] = rows[0].n;
    }
    const { rows } = await db.query<{ partition: string; n: number }>(
      'select tableoid::regclass::text as partition, count(*)::int as n from segment_history where merchant_id = $1 and customer_id = $2 group by 1 order by 1',
      [merchantId, customerId],
    );
    for (const r of rows) counts[r.partition] = r.n;
    return counts;
  });
}

/** What the engine (scores, segment, custom segments, history) would have written of the customer, written here directly. */
async function scoreCustomer(merchantId: string, customerId: string): Promise<void> {
  await withOwnerDb('segment', async (db) => {
    const runId = randomUUID();
    await db.query(
      `insert into segment_customer (merchant_id, customer_id, recency, frequency, monetary, segment, segment_since, last_order_at, orders_in_window, spend_in_window_minor, run_id, scored_at)
       values ($1, $2, 5, 4, 3, 'loyal', '2027-05-02T08:00:00Z', '2026-11-20T10:00:00Z', 2, 4250, $3, '2027-05-02T08:00:00Z')
       on conflict (merchant_id, customer_id) do update set recency = 5, frequency = 4, monetary = 3, segment = 'loyal', segment_since = excluded.segment_since,
         last_order_at = excluded.last_order_at, orders_in_window = 2, spend_in_window_minor = 4250, run_id = excluded.run_id, scored_at = excluded.scored_at`,
      [merchantId, customerId, runId],
    );
    await db.query(`insert into segment_member (merchant_id, handle, customer_id, since) values ($1, 'big-spenders', $2, '2027-05-02T08:00:00Z')`, [merchantId, customerId]);
    for (const [i, at] of HISTORY_AT.entries()) {
      await db.query(
        `insert into segment_history (merchant_id, customer_id, recorded_at, run_id, recency, frequency, monetary, segment, previous_segment) values ($1, $2, $3, $4, $5, 4, 3, $6, $7)`,
        [merchantId, customerId, at, randomUUID(), 3 + i > 5 ? 5 : 3 + i, ['needs-attention', 'loyal', 'loyal'][i], [null, 'needs-attention', 'loyal'][i]],
      );
    }
  });
}

describe('segment GDPR', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', SEGMENT_EVENTS_ENV);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });
  afterAll(() => gateway.stop());

  /** A customer with two paid orders (the first partly refunded), as Shopify's webhooks bring them, whose order facts the segment store holds, and scores written for them. */
  async function shopper(merchant: TestMerchant): Promise<Shopper> {
    const shopifyId = uniqueShopifyId();
    const email = `seg-${randomBytes(4).toString('hex')}@example.com`;
    const orders = [uniqueShopifyId(), uniqueShopifyId()];
    const placed = new Date('2026-11-20T10:00:00Z');
    await deliver(gateway, merchant, 'customers/create', { id: Number(shopifyId), email, first_name: 'Seg', last_name: 'Ment' });
    for (const [i, order] of orders.entries()) await deliver(gateway, merchant, 'orders/paid', { ...paidOrder(order, shopifyId, `${20 + i}.00`, placed), customer: { id: Number(shopifyId), email } });
    await deliver(gateway, merchant, 'refunds/create', refundBody(uniqueShopifyId(), orders[0], '5.00'));
    await eventually(
      async () => (await segmentOrder(merchant.id, orders[0]))?.refunded_minor === '500' && (await segmentOrder(merchant.id, orders[1]))?.total_minor === '2100',
      30_000,
      'the order facts in the segment store',
    );
    const customerId = await customerIdOf(gateway, merchant, shopifyId);
    await scoreCustomer(merchant.id, customerId);
    return { shopifyId, email, customerId, orders };
  }

  it('customers/data_request exports the scores, segment, custom segments, history and order facts held about the customer', async () => {
    const person = await shopper(a);
    // the tier and points the other domains published of them (none here: no program), as the store holds them
    const { rows: [published] } = await withOwnerDb('segment', (db) =>
      db.query<{ tier_id: string | null; points_balance: number | null }>('select tier_id, points_balance from segment_customer where merchant_id = $1 and customer_id = $2', [a.id, person.customerId]),
    );
    const known = await requestIds(gateway, a);

    await deliver(gateway, a, 'customers/data_request', { shop_domain: a.shop, customer: { id: Number(person.shopifyId), email: person.email }, orders_requested: person.orders.map(Number), data_request: { id: 1 } });
    const request = await completedRequest(gateway, a, 'CUSTOMER_DATA_REQUEST', known);
    const result = await gateway.gql<{ gdprExport: Record<string, unknown> }>(EXPORT, { id: request }, a.auth);

    expect(result.errors).toBeUndefined();
    expect(result.data!.gdprExport.segment).toEqual({
      customers: [
        {
          customerId: person.customerId,
          recency: 5,
          frequency: 4,
          monetary: 3,
          segment: 'loyal',
          segmentSince: '2027-05-02T08:00:00.000Z',
          lastOrderAt: '2026-11-20T10:00:00.000Z',
          ordersInWindow: 2,
          spendInWindowMinor: 4250,
          scoredAt: '2027-05-02T08:00:00.000Z',
          tierId: published.tier_id,
          pointsBalance: published.points_balance,
          customSegments: [{ handle: 'big-spenders', since: '2027-05-02T08:00:00.000Z' }],
          history: HISTORY_AT.map((recordedAt, i) => ({
            recordedAt,
            runId: expect.any(String),
            recency: Math.min(3 + i, 5),
            frequency: 4,
            monetary: 3,
            segment: ['needs-attention', 'loyal', 'loyal'][i],
            previousSegment: [null, 'needs-attention', 'loyal'][i],
          })),
          // placed at the same time: in order id order
          orders: person.orders
            .map((order, i) => ({
              shopifyOrderId: order,
              placedAt: '2026-11-20T10:00:00.000Z',
              totalMinor: 2000 + i * 100,
              currency: 'EUR',
              refundedMinor: i === 0 ? 500 : 0,
              refundIds: i === 0 ? [expect.any(String)] : [],
              cancelledAt: null,
            }))
            .sort((x, y) => x.shopifyOrderId.localeCompare(y.shopifyOrderId)),
        },
      ],
    });
    const parts = await gateway.gql<{ gdprRequests: { nodes: { id: string; parts: { subgraph: string; status: string }[] }[] } }>(PARTS, {}, a.auth);
    expect(parts.data!.gdprRequests.nodes.find((n) => n.id === request)!.parts).toContainEqual({ subgraph: 'segment', status: 'COMPLETED' });
    // B's admin does not see A's export
    expect((await gateway.gql(EXPORT, { id: request }, b.auth)).data).toEqual({ gdprExport: null });
  });

  it("customers/redact removes every row about the customer, history in every partition, and leaves another merchant's rows of the same ids", async () => {
    const person = await shopper(a);
    // merchant B holds rows under the same customer and order ids: they are B's
    await scoreCustomer(b.id, person.customerId);
    await deliverToSegment(gateway, 'customer', b.id, ORDER_RECORDED, {
      customerId: person.customerId, orderId: person.orders[0], orderNumber: null, currency: 'EUR', totalMinor: 100, subtotalMinor: null, discountCodes: [], financialStatus: 'paid', placedAt: new Date().toISOString(),
    });
    const partitions = { segment_history_2026_03: 1, segment_history_2027_05: 1, segment_history_default: 1 };
    expect(await segmentRowsOf(a.id, person.customerId)).toEqual({ segment_order: 2, segment_customer: 1, segment_member: 1, ...partitions });
    const bBefore = await segmentRowsOf(b.id, person.customerId);
    expect(bBefore).toEqual({ segment_order: 1, segment_customer: 1, segment_member: 1, ...partitions });
    const known = await requestIds(gateway, a);

    await deliver(gateway, a, 'customers/redact', { shop_domain: a.shop, customer: { id: Number(person.shopifyId), email: person.email, phone: null }, orders_to_redact: [Number(person.orders[1])] });
    const request = await completedRequest(gateway, a, 'CUSTOMER_REDACT', known);

    const parts = await gateway.gql<{ gdprRequests: { nodes: { id: string; parts: { subgraph: string; status: string }[] }[] } }>(PARTS, {}, a.auth);
    expect(parts.data!.gdprRequests.nodes.find((n) => n.id === request)!.parts).toContainEqual({ subgraph: 'segment', status: 'COMPLETED' });
    expect(await segmentRowsOf(a.id, person.customerId)).toEqual({ segment_order: 0, segment_customer: 0, segment_member: 0 });
    const tombstones = await withOwnerDb('segment', (db) => db.query('select merchant_id from segment_redacted_customer where customer_id = $1', [person.customerId]));
    expect(tombstones.rows).toEqual([{ merchant_id: a.id }]);
    expect(await segmentRowsOf(b.id, person.customerId)).toEqual(bBefore);
  });

  it('what if an order, tier or points event emitted before the redaction is consumed after it? the tombstone keeps the customer erased', async () => {
    const person = await shopper(a);
    const before = new Date(Date.now() - 60_000);
    const known = await requestIds(gateway, a);
    await deliver(gateway, a, 'customers/redact', { shop_domain: a.shop, customer: { id: Number(person.shopifyId), email: person.email, phone: null }, orders_to_redact: [] });
    await completedRequest(gateway, a, 'CUSTOMER_REDACT', known);
    expect(await segmentRowsOf(a.id, person.customerId)).toEqual({ segment_order: 0, segment_customer: 0, segment_member: 0 });

    const late = uniqueShopifyId();
    await deliverToSegment(gateway, 'customer', a.id, ORDER_RECORDED, {
      customerId: person.customerId, orderId: late, orderNumber: null, currency: 'EUR', totalMinor: 900, subtotalMinor: null, discountCodes: [], financialStatus: 'paid', placedAt: before.toISOString(),
    }, before);
    await deliverToSegment(gateway, 'customer', a.id, ORDER_REFUNDED, { customerId: person.customerId, orderId: person.orders[0], refundId: uniqueShopifyId(), amountMinor: 100, currency: 'EUR', refundedAt: before.toISOString() }, before);
    await deliverToSegment(gateway, 'tier', a.id, TIER_CHANGED, { customerId: person.customerId, from: null, to: randomUUID(), direction: 'up', reason: 'qualified', multiplier: 1, version: 99, entryBonuses: [] }, before);
    await deliverToSegment(gateway, 'points', a.id, POINTS_ADJUSTED, {
      entryId: uuidv7(), customerId: person.customerId, kind: 'adjust', source: 'admin', status: 'posted', points: 5, balance: 5, pending: 0, orderId: null, reversesEntryId: null, reversesKind: null, reversesSource: null, reversesCreatedAt: null,
    }, before);

    expect(await segmentRowsOf(a.id, person.customerId)).toEqual({ segment_order: 0, segment_customer: 0, segment_member: 0 });
    expect(await segmentOrder(a.id, late)).toBeUndefined();
  });

  it('what if the customer domain erased the customer first, with order events for them still in flight? customer.redacted erases them, whichever comes first', async () => {
    const customerId = randomUUID();
    const orders = Array.from({ length: 8 }, () => uniqueShopifyId());
    await deliverToSegment(gateway, 'customer', a.id, ORDER_RECORDED, {
      customerId, orderId: orders[0], orderNumber: null, currency: 'EUR', totalMinor: 100, subtotalMinor: null, discountCodes: [], financialStatus: 'paid', placedAt: new Date().toISOString(),
    });
    // the erasure and seven more orders, all emitted at once: consumed in whatever order the queue runs them
    const ids = await Promise.all([
      emitFrom(gateway, 'customer', a.id, { name: 'customer.redacted', version: 1 }, { customerId }),
      ...orders.slice(1).map((orderId) =>
        emitFrom(gateway, 'customer', a.id, ORDER_RECORDED, { customerId, orderId, orderNumber: null, currency: 'EUR', totalMinor: 100, subtotalMinor: null, discountCodes: [], financialStatus: 'paid', placedAt: new Date().toISOString() }),
      ),
    ]);
    for (const id of ids) await consumedBySegment('customer', id);

    const { rows } = await withOwnerDb('segment', (db) => db.query('select order_id from segment_order where merchant_id = $1 and customer_id = $2', [a.id, customerId]));
    expect(rows).toEqual([]);
    const tombstone = await withOwnerDb('segment', (db) => db.query('select 1 from segment_redacted_customer where merchant_id = $1 and customer_id = $2', [a.id, customerId]));
    expect(tombstone.rowCount).toBe(1);
  });

  it("shop/redact purges every segment table of the merchant, tombstones included, and its counts from the daily view; another merchant's stay", async () => {
    const doomed = await createMerchant(gateway);
    const customerId = randomUUID();
    await deliverToSegment(gateway, 'customer', doomed.id, ORDER_RECORDED, {
      customerId, orderId: uniqueShopifyId(), orderNumber: null, currency: 'EUR', totalMinor: 100, subtotalMinor: null, discountCodes: [], financialStatus: 'paid', placedAt: new Date().toISOString(),
    });
    await scoreCustomer(doomed.id, customerId);
    await deliverToSegment(gateway, 'customer', doomed.id, { name: 'customer.redacted', version: 1 }, { customerId: randomUUID() });
    const day = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
    await withOwnerDb('segment', async (db) => {
      for (const merchant of [doomed, a]) {
        const run = randomUUID();
        await db.query(`insert into segment_run (id, merchant_id, trigger, status, total, processed, requested_at, finished_at) values ($1, $2, 'manual', 'succeeded', 1, 1, now(), now())`, [run, merchant.id]);
        await db.query(`insert into segment_run_count (merchant_id, run_id, day, finished_at, segment, members) values ($1, $2, $3, now(), 'loyal', 1)`, [merchant.id, run, day]);
      }
      await db.query('refresh materialized view segment_daily_count');
    });
    const viewRows = (merchantId: string) => withOwnerDb('segment', async (db) => (await db.query<{ n: number }>('select count(*)::int as n from segment_daily_count where merchant_id = $1', [merchantId])).rows[0].n);
    expect(await viewRows(doomed.id)).toBe(1);
    expect(await tablesWithRows('segment', doomed.id)).toEqual(
      expect.arrayContaining(['consumed_event', 'segment_customer', 'segment_history_2026_03', 'segment_member', 'segment_order', 'segment_redacted_customer', 'segment_run', 'segment_run_count']),
    );
    const aBefore = await viewRows(a.id);

    await deliver(gateway, doomed, 'shop/redact', { shop_id: 1, shop_domain: doomed.shop });
    await eventually(async () => (await tablesWithRows('segment', doomed.id)).length === 0, 30_000, 'every segment row of the merchant gone');

    expect(await viewRows(doomed.id)).toBe(0);
    expect(await viewRows(a.id)).toBe(aBefore);
    expect(aBefore).toBeGreaterThanOrEqual(1);
  });
});
