import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ORDER_CANCELLED, ORDER_RECORDED, ORDER_REFUNDED, type OrderCancelled, type OrderRecorded, type OrderRefunded } from '@loyalnest/customer/topics';
import { MERCHANT_TIMEZONE_CHANGED } from '@loyalnest/merchant/topics';
import { POINTS_ADJUSTED, POINTS_EARNED, POINTS_EXPIRED, POINTS_REDEEMED, POINTS_RELEASED, POINTS_REVERSED, type LedgerEntryKind, type LedgerEntryPosted } from '@loyalnest/points/topics';
import { TIER_CHANGED, type TierChanged } from '@loyalnest/tier/topics';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { shopTimezone } from '../../subgraphs/segment/src/services/segment-timezone.service.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import {
  consumedBySegment,
  deliverToSegment,
  emitFrom,
  redeliverToSegment,
  SEGMENT_EVENTS_ENV,
  segmentCustomerFacts,
  segmentOrder,
  windowFacts,
} from './support/segment-facts.js';
import { createMerchant, runtime, shopifyId, type TestMerchant } from './support/tenants.js';
import { customerIdOf, DAY_MS, deliver, paidOrder, refundBody } from './support/tier-members.js';

const recorded = (customerId: string, orderId: string, totalMinor: number, placedAt: Date): OrderRecorded => ({
  customerId,
  orderId,
  orderNumber: null,
  currency: 'EUR',
  totalMinor,
  subtotalMinor: null,
  discountCodes: [],
  financialStatus: 'paid',
  placedAt: placedAt.toISOString(),
});
const refunded = (customerId: string, orderId: string, refundId: string, amountMinor: number): OrderRefunded => ({
  customerId,
  orderId,
  refundId,
  amountMinor,
  currency: 'EUR',
  refundedAt: new Date().toISOString(),
});
const cancelled = (customerId: string, orderId: string, cancelledAt: Date): OrderCancelled => ({ customerId, orderId, cancelledAt: cancelledAt.toISOString() });

/** A ledger entry's event as `points_post_entry` builds it; an earn from a tier bonus and anything else by an admin, so that no tier qualifies on them. */
const entry = (customerId: string, kind: LedgerEntryKind, points: number, balance: number, entryId = uuidv7()): LedgerEntryPosted => ({
  entryId,
  customerId,
  kind,
  source: kind === 'earn' ? 'tier' : 'admin',
  status: 'posted',
  points,
  balance,
  pending: 0,
  orderId: null,
  reversesEntryId: null,
  reversesKind: null,
  reversesSource: null,
  reversesCreatedAt: null,
});

const tierChanged = (customerId: string, to: string | null, version: number): TierChanged => ({
  customerId,
  from: null,
  to,
  direction: 'up',
  reason: 'assigned',
  multiplier: 1,
  version,
  entryBonuses: [],
});

/** Every segment row of the merchant, as text: what another merchant's events must leave as it was. */
async function segmentDigest(merchantId: string): Promise<string> {
  return withOwnerDb('segment', async (db) => {
    const parts: string[] = [];
    for (const table of ['segment_order', 'segment_customer', 'segment_settings']) {
      const { rows } = await db.query<{ d: string | null }>(`select string_agg(to_jsonb(t)::text, ',' order by to_jsonb(t)::text) as d from ${table} t where merchant_id = $1`, [merchantId]);
      parts.push(`${table}:${rows[0].d ?? ''}`);
    }
    return parts.join('\n');
  });
}

describe('segment facts from other domains', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  const placed = new Date(Date.now() - 10 * DAY_MS);

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', SEGMENT_EVENTS_ENV);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });
  afterAll(() => gateway.stop());

  describe('order facts', () => {
    it('what if the refund arrives before the order? the refund makes the row, the order fills it, and each refund counts once however often it comes', async () => {
      const customer = randomUUID();
      const order = shopifyId();
      const first = await deliverToSegment(gateway, 'customer', a.id, ORDER_REFUNDED, refunded(customer, order, '9001', 500));
      expect(await segmentOrder(a.id, order)).toMatchObject({ customer_id: customer, placed_at: null, total_minor: null, refunded_minor: '500', refund_ids: ['9001'], cancelled_at: null });

      await deliverToSegment(gateway, 'customer', a.id, ORDER_RECORDED, recorded(customer, order, 2000, placed));
      // the same refund again under another event id, and the first event redelivered, also after its consumed record was lost
      await deliverToSegment(gateway, 'customer', a.id, ORDER_REFUNDED, refunded(customer, order, '9001', 500));
      await redeliverToSegment(gateway, 'customer', first);
      await deliverToSegment(gateway, 'customer', a.id, ORDER_REFUNDED, refunded(customer, order, '9002', 300));

      expect(await segmentOrder(a.id, order)).toEqual({
        customer_id: customer,
        placed_at: placed,
        total_minor: '2000',
        currency: 'EUR',
        refunded_minor: '800',
        refund_ids: ['9001', '9002'],
        cancelled_at: null,
      });
      expect(await windowFacts(a.id, customer, new Date(Date.now() - 365 * DAY_MS))).toEqual({ orders: 1, spend: 1200, last: placed });
    });

    it('what if the cancel comes first? the order counts for nothing, and a second cancellation keeps the first time', async () => {
      const customer = randomUUID();
      const [kept, voided] = [shopifyId(), shopifyId()];
      const cancelAt = new Date(Date.now() - 9 * DAY_MS);
      await deliverToSegment(gateway, 'customer', a.id, ORDER_RECORDED, recorded(customer, kept, 4000, placed));
      await deliverToSegment(gateway, 'customer', a.id, ORDER_CANCELLED, cancelled(customer, voided, cancelAt));
      expect(await segmentOrder(a.id, voided)).toMatchObject({ placed_at: null, total_minor: null, cancelled_at: cancelAt });

      await deliverToSegment(gateway, 'customer', a.id, ORDER_RECORDED, recorded(customer, voided, 7000, placed));
      await deliverToSegment(gateway, 'customer', a.id, ORDER_CANCELLED, cancelled(customer, voided, new Date()));

      expect(await segmentOrder(a.id, voided)).toMatchObject({ placed_at: placed, total_minor: '7000', cancelled_at: cancelAt });
      // the cancelled order leaves the count and the spend; the other one stays
      expect(await windowFacts(a.id, customer, new Date(Date.now() - 365 * DAY_MS))).toEqual({ orders: 1, spend: 4000, last: placed });
    });

    it('the same facts in any order and repeated end in the same rows: order, refund and cancellation shuffled across two orders', async () => {
      const customer = randomUUID();
      const [x, y] = [shopifyId(), shopifyId()];
      const cancelAt = new Date(Date.now() - 8 * DAY_MS);
      const facts = (orderId: string) => [
        () => deliverToSegment(gateway, 'customer', a.id, ORDER_RECORDED, recorded(customer, orderId, 5000, placed)),
        () => deliverToSegment(gateway, 'customer', a.id, ORDER_REFUNDED, refunded(customer, orderId, `${orderId}1`, 1000)),
        () => deliverToSegment(gateway, 'customer', a.id, ORDER_CANCELLED, cancelled(customer, orderId, cancelAt)),
      ];
      const [recX, refX, canX] = facts(x);
      const [recY, refY, canY] = facts(y);
      for (const step of [recX, refX, canX, refX, recX]) await step();
      for (const step of [canY, refY, recY, canY, refY]) await step();

      const rowX = await segmentOrder(a.id, x);
      const rowY = await segmentOrder(a.id, y);
      expect(rowX).toEqual({ customer_id: customer, placed_at: placed, total_minor: '5000', currency: 'EUR', refunded_minor: '1000', refund_ids: [`${x}1`], cancelled_at: cancelAt });
      expect({ ...rowY, refund_ids: rowY!.refund_ids.map((r) => r.replace(y, x)) }).toEqual(rowX);
      expect(await windowFacts(a.id, customer, new Date(Date.now() - 365 * DAY_MS))).toEqual({ orders: 0, spend: 0, last: null });
    });

    it("from Shopify's webhooks through the customer domain: a refund and a cancellation lower the customer's spend and count, the refund sent before its order", async () => {
      const shopper = shopifyId();
      const [first, second] = [shopifyId(), shopifyId()];
      const refund = shopifyId();
      // given a refund Shopify sends before its order, and a second order later cancelled
      await deliver(gateway, a, 'refunds/create', refundBody(refund, first, '7.50'));
      await deliver(gateway, a, 'orders/paid', paidOrder(first, shopper, '30.00', placed));
      await deliver(gateway, a, 'orders/paid', paidOrder(second, shopper, '20.00', placed));
      const customer = await eventually(() => customerIdOf(gateway, a, shopper).catch(() => undefined), 30_000, 'the shopper');
      await eventually(async () => (await segmentOrder(a.id, first))?.refunded_minor === '750' && (await segmentOrder(a.id, second))?.total_minor === '2000', 30_000, 'both orders and the refund');
      expect(await windowFacts(a.id, customer, new Date(Date.now() - 365 * DAY_MS))).toEqual({ orders: 2, spend: 4250, last: placed });

      // when the second order is cancelled
      await deliver(gateway, a, 'orders/cancelled', { ...paidOrder(second, shopper, '20.00', placed), financial_status: 'voided', cancelled_at: new Date().toISOString(), updated_at: new Date(Date.now() + 1000).toISOString() });
      await eventually(async () => (await segmentOrder(a.id, second))?.cancelled_at != null, 30_000, 'the cancellation');

      // then it counts for nothing, and the first counts net of its refund
      expect(await windowFacts(a.id, customer, new Date(Date.now() - 365 * DAY_MS))).toEqual({ orders: 1, spend: 2250, last: placed });
      expect(await segmentOrder(a.id, first)).toMatchObject({ customer_id: customer, total_minor: '3000', refunded_minor: '750', refund_ids: [refund], currency: 'EUR' });
    });

    it('refuses a malformed fact: dead-lettered for an operator, nothing written', async () => {
      const customer = randomUUID();
      const order = shopifyId();
      const id = await emitFrom(gateway, 'customer', a.id, ORDER_REFUNDED, refunded(customer, order, '1', -5));
      const dead = await eventually(async () => {
        const { rows } = await withOwnerDb('segment', (db) => db.query<{ error: string }>("select error from dead_letter_event where consumer = 'segment' and event_id = $1", [id]));
        return rows[0];
      }, 30_000, 'the dead letter');
      expect(dead.error).toMatch(/amountMinor not a non-negative integer/);
      expect(await segmentOrder(a.id, order)).toBeUndefined();
    });
  });

  describe('tier and points balance', () => {
    it('what if tier version 2 arrives before version 1? the tier of the highest version stays; a later one replaces it', async () => {
      const customer = randomUUID();
      const [silver, gold] = [randomUUID(), randomUUID()];
      const v2 = await deliverToSegment(gateway, 'tier', a.id, TIER_CHANGED, tierChanged(customer, gold, 2));
      await deliverToSegment(gateway, 'tier', a.id, TIER_CHANGED, tierChanged(customer, silver, 1));
      await redeliverToSegment(gateway, 'tier', v2);
      expect(await segmentCustomerFacts(a.id, customer)).toMatchObject({ tier_id: gold, tier_version: 2, points_balance: null });

      await deliverToSegment(gateway, 'tier', a.id, TIER_CHANGED, tierChanged(customer, null, 3));
      expect(await segmentCustomerFacts(a.id, customer)).toMatchObject({ tier_id: null, tier_version: 3 });
    });

    it('what if an older entry arrives last? the balance of the newest entry stays, whatever the kind; a release moves it on', async () => {
      const customer = randomUUID();
      const t = Date.now() - 60_000;
      // entries at t, t+1s and t+2s; the newest (an expiry) is consumed first
      await deliverToSegment(gateway, 'points', a.id, POINTS_EXPIRED, entry(customer, 'expire', -20, 130), new Date(t + 2000));
      await deliverToSegment(gateway, 'points', a.id, POINTS_EARNED, entry(customer, 'earn', 100, 100), new Date(t));
      const redeemed = await deliverToSegment(gateway, 'points', a.id, POINTS_REDEEMED, entry(customer, 'redeem', -50, 150), new Date(t + 1000));
      await redeliverToSegment(gateway, 'points', redeemed);
      expect(await segmentCustomerFacts(a.id, customer)).toMatchObject({ points_balance: 130, points_balance_at: new Date(t + 2000) });

      // two entries in the same millisecond: the later UUIDv7 id is the later entry, whichever comes first
      const [earlier, later] = [uuidv7(), uuidv7()].sort();
      await deliverToSegment(gateway, 'points', a.id, POINTS_ADJUSTED, entry(customer, 'adjust', 10, 150, later), new Date(t + 3000));
      await deliverToSegment(gateway, 'points', a.id, POINTS_REVERSED, entry(customer, 'reverse', -10, 140, earlier), new Date(t + 3000));
      expect(await segmentCustomerFacts(a.id, customer)).toMatchObject({ points_balance: 150, points_entry_id: later });

      // held points released: the balance grows without an entry of its own
      await deliverToSegment(gateway, 'points', a.id, POINTS_RELEASED, { customerId: customer, points: 40, entryIds: [uuidv7()], balance: 190, pending: 0 }, new Date(t + 4000));
      expect(await segmentCustomerFacts(a.id, customer)).toMatchObject({ points_balance: 190, points_balance_at: new Date(t + 4000) });
    });
  });

  describe("the shop's time zone", () => {
    it('keeps the newest announcement: what if version 1 arrives after version 2? the settings row is made with the defaults', async () => {
      const merchant = await createMerchant(gateway);
      const v2 = await deliverToSegment(gateway, 'merchant', merchant.id, MERCHANT_TIMEZONE_CHANGED, { timezone: 'Asia/Tokyo', version: 2 });
      await deliverToSegment(gateway, 'merchant', merchant.id, MERCHANT_TIMEZONE_CHANGED, { timezone: 'Australia/Sydney', version: 1 });
      await redeliverToSegment(gateway, 'merchant', v2);
      const { rows } = await withOwnerDb('segment', (db) =>
        db.query('select timezone, timezone_version, window_days, scoring, thresholds, sync_metafield, version from segment_settings where merchant_id = $1', [merchant.id]),
      );
      expect(rows).toEqual([{ timezone: 'Asia/Tokyo', timezone_version: 2, window_days: 365, scoring: 'quintile', thresholds: null, sync_metafield: false, version: 0 }]);
    });

    it("asks the merchant subgraph once for a shop whose zone never arrived, keeps it, and lets any announcement replace it", async () => {
      const merchant = await createMerchant(gateway);
      await withOwnerDb('merchant', (db) => db.query("update merchant set timezone = 'America/Lima' where id = $1", [merchant.id]));
      const ctx = () => runtime(gateway, 'segment').createContext(systemCaller(ADMIN_SCOPES, merchant.id));

      expect(await shopTimezone(ctx())).toBe('America/Lima');
      const stored = () => withOwnerDb('segment', async (db) => (await db.query('select timezone, timezone_version from segment_settings where merchant_id = $1', [merchant.id])).rows);
      expect(await stored()).toEqual([{ timezone: 'America/Lima', timezone_version: 0 }]);
      // kept: the merchant subgraph is not asked again
      await withOwnerDb('merchant', (db) => db.query("update merchant set timezone = 'Europe/Paris' where id = $1", [merchant.id]));
      expect(await shopTimezone(ctx())).toBe('America/Lima');

      await deliverToSegment(gateway, 'merchant', merchant.id, MERCHANT_TIMEZONE_CHANGED, { timezone: 'Europe/Paris', version: 1 });
      expect(await stored()).toEqual([{ timezone: 'Europe/Paris', timezone_version: 1 }]);
      expect(await shopTimezone(ctx())).toBe('Europe/Paris');
    });

    it('falls back to UTC, keeping nothing, when the merchant subgraph tells no zone', async () => {
      const unknown = randomUUID();
      expect(await shopTimezone(runtime(gateway, 'segment').createContext(systemCaller(ADMIN_SCOPES, unknown)))).toBe('UTC');
      const { rows } = await withOwnerDb('segment', (db) => db.query('select 1 from segment_settings where merchant_id = $1', [unknown]));
      expect(rows).toEqual([]);
    });
  });

  it("another merchant's events never touch this merchant's rows, even naming the same order, customer and refund", async () => {
    const customer = randomUUID();
    const order = shopifyId();
    await deliverToSegment(gateway, 'customer', a.id, ORDER_RECORDED, recorded(customer, order, 1000, placed));
    await deliverToSegment(gateway, 'tier', a.id, TIER_CHANGED, tierChanged(customer, randomUUID(), 1));
    await deliverToSegment(gateway, 'points', a.id, POINTS_ADJUSTED, entry(customer, 'adjust', 5, 5));
    const before = await segmentDigest(a.id);

    const ids = [
      await emitFrom(gateway, 'customer', b.id, ORDER_RECORDED, recorded(customer, order, 99_000, new Date())),
      await emitFrom(gateway, 'customer', b.id, ORDER_REFUNDED, refunded(customer, order, '77', 500)),
      await emitFrom(gateway, 'customer', b.id, ORDER_CANCELLED, cancelled(customer, order, new Date())),
      await emitFrom(gateway, 'tier', b.id, TIER_CHANGED, tierChanged(customer, randomUUID(), 9)),
      await emitFrom(gateway, 'points', b.id, POINTS_ADJUSTED, entry(customer, 'adjust', 999, 999)),
      await emitFrom(gateway, 'merchant', b.id, MERCHANT_TIMEZONE_CHANGED, { timezone: 'Asia/Tokyo', version: 50 }),
    ];
    for (const [i, id] of ids.entries()) await consumedBySegment(['customer', 'customer', 'customer', 'tier', 'points', 'merchant'][i], id);

    expect(await segmentDigest(a.id)).toBe(before);
    expect(await segmentOrder(b.id, order)).toMatchObject({ customer_id: customer, total_minor: '99000', refunded_minor: '500' });
    expect(await segmentCustomerFacts(b.id, customer)).toMatchObject({ tier_version: 9, points_balance: 999 });
    // and the service's own role sees only the merchant its transaction acts for
    const seen = await runtime(gateway, 'segment').createContext(systemCaller(ADMIN_SCOPES, a.id)).em.execute<{ merchant_id: string }[]>('select distinct merchant_id from segment_order where order_id = ?', [order]);
    expect(seen).toEqual([{ merchant_id: a.id }]);
  });
});
