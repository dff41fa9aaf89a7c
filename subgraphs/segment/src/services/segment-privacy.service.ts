import { isUuid, purgeMerchantRows, Scope, systemCaller, type GdprSubject, type RequestContext } from '@loyalnest/kit';
import { uuidArray } from '../domain/uuid-array.js';
import type { SegmentTombstoneService } from './segment-tombstone.service.js';

const BY_SHOPIFY_ID = /* GraphQL */ `
  query SegmentCustomerByShopifyId($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { id } }
`;

type CustomerRow = {
  customer_id: string; recency: number | null; frequency: number | null; monetary: number | null; segment: string | null; segment_since: Date | null;
  last_order_at: Date | null; orders_in_window: number | null; spend_in_window_minor: string | null; scored_at: Date | null;
  tier_id: string | null; points_balance: number | null;
};
type MemberRow = { customer_id: string; handle: string; since: Date };
type HistoryRow = { customer_id: string; recorded_at: Date; run_id: string; recency: number | null; frequency: number | null; monetary: number | null; segment: string | null; previous_segment: string | null };
type OrderRow = { customer_id: string; order_id: string; placed_at: Date | null; total_minor: string | null; currency: string | null; refunded_minor: string; refund_ids: string[]; cancelled_at: Date | null };

const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
const integer = (value: string | number | null) => (value === null ? null : Number(value));

/**
 * The segment domain's part in Shopify's customers/redact, customers/data_request and shop/redact.
 * The store holds no names, emails or addresses: LoyalNest customer ids, Shopify order ids,
 * amounts, dates, scores and segment handles. A customer's redaction deletes every row about them
 * (order facts, scores and segment, custom segment memberships, history in every partition, the
 * facts of a run under way, a pending Shopify metafield write) and
 * leaves a tombstone of their id, so that an event emitted before it brings nothing back; the
 * per-run segment counts (`segment_run_count`, the daily counts view) are anonymous and stay.
 */
export class SegmentPrivacyService {
  constructor(private readonly tombstones: SegmentTombstoneService) {}

  /** The LoyalNest customer the customer subgraph still knows under the Shopify id; none once its own redaction ran (then `customer.redacted` brings the id). */
  async customersOf(ctx: RequestContext, subject: GdprSubject): Promise<string[]> {
    const caller = { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
    const answer = await ctx.peers.query<{ customerByShopifyId: { id: string } | null }>('customer', BY_SHOPIFY_ID, { shopifyId: subject.shopifyCustomerId }, caller);
    return answer.customerByShopifyId ? [answer.customerByShopifyId.id] : [];
  }

  /** Erases the customers and the orders Shopify names (see the class), in the caller's transaction. */
  async erase(ctx: RequestContext, customerIds: readonly string[], orderIds: readonly string[] = []): Promise<void> {
    const merchantId = ctx.merchantId!;
    const ids = uuidArray(await this.tombstones.bury(ctx, customerIds));
    const orders = `{${orderIds.filter((id) => /^[0-9]+$/.test(id)).join(',')}}`;
    // A recompute step holds its run's row for its whole transaction, and would write back the
    // customer's scores from facts it took before this commits: wait for the step under way, and
    // leave the run no fact of them for its later batches (its steps skip a run held here).
    const runs = await ctx.em.execute<{ id: string }[]>(`select id from segment_run where merchant_id = ? and status in ('queued', 'running') for update`, [merchantId]);
    for (const run of runs) {
      await ctx.em.execute('delete from segment_run_fact where merchant_id = ? and run_id = ? and customer_id = any(?::uuid[])', [merchantId, run.id, ids]);
    }
    await ctx.em.execute('delete from segment_order where merchant_id = ? and (customer_id = any(?::uuid[]) or order_id = any(?::text[]))', [merchantId, ids, orders]);
    for (const table of ['segment_customer', 'segment_member', 'segment_history', 'segment_metafield_sync']) {
      await ctx.em.execute(`delete from ${table} where merchant_id = ? and customer_id = any(?::uuid[])`, [merchantId, ids]);
    }
  }

  /** What the segment store holds of the customers: per customer, their scores, RFM segment and since when, custom segments, history and order facts. */
  async export(ctx: RequestContext, customerIds: readonly string[]): Promise<Record<string, unknown>> {
    const merchantId = ctx.merchantId!;
    const ids = uuidArray(customerIds.filter(isUuid));
    const [customers, members, history, orders] = await Promise.all([
      ctx.em.execute<CustomerRow[]>(
        `select customer_id, recency, frequency, monetary, segment, segment_since, last_order_at, orders_in_window, spend_in_window_minor::text, scored_at, tier_id, points_balance
           from segment_customer where merchant_id = ? and customer_id = any(?::uuid[])`,
        [merchantId, ids],
      ),
      ctx.em.execute<MemberRow[]>('select customer_id, handle, since from segment_member where merchant_id = ? and customer_id = any(?::uuid[]) order by handle', [merchantId, ids]),
      ctx.em.execute<HistoryRow[]>(
        `select customer_id, recorded_at, run_id, recency, frequency, monetary, segment, previous_segment
           from segment_history where merchant_id = ? and customer_id = any(?::uuid[]) order by recorded_at, run_id`,
        [merchantId, ids],
      ),
      ctx.em.execute<OrderRow[]>(
        `select customer_id, order_id, placed_at, total_minor::text, currency, refunded_minor::text, refund_ids, cancelled_at
           from segment_order where merchant_id = ? and customer_id = any(?::uuid[]) order by placed_at nulls last, order_id`,
        [merchantId, ids],
      ),
    ]);
    const held = [...new Set([...customers, ...members, ...history, ...orders].map((r) => r.customer_id))].sort();
    return {
      customers: held.map((customerId) => {
        const c = customers.find((r) => r.customer_id === customerId);
        return {
          customerId,
          recency: c?.recency ?? null,
          frequency: c?.frequency ?? null,
          monetary: c?.monetary ?? null,
          segment: c?.segment ?? null,
          segmentSince: iso(c?.segment_since ?? null),
          lastOrderAt: iso(c?.last_order_at ?? null),
          ordersInWindow: c?.orders_in_window ?? null,
          spendInWindowMinor: integer(c?.spend_in_window_minor ?? null),
          scoredAt: iso(c?.scored_at ?? null),
          tierId: c?.tier_id ?? null,
          pointsBalance: c?.points_balance ?? null,
          customSegments: members.filter((m) => m.customer_id === customerId).map((m) => ({ handle: m.handle, since: iso(m.since) })),
          history: history
            .filter((h) => h.customer_id === customerId)
            .map((h) => ({ recordedAt: iso(h.recorded_at), runId: h.run_id, recency: h.recency, frequency: h.frequency, monetary: h.monetary, segment: h.segment, previousSegment: h.previous_segment })),
          orders: orders
            .filter((o) => o.customer_id === customerId)
            .map((o) => ({
              shopifyOrderId: o.order_id,
              placedAt: iso(o.placed_at),
              totalMinor: integer(o.total_minor),
              currency: o.currency,
              refundedMinor: integer(o.refunded_minor),
              refundIds: o.refund_ids,
              cancelledAt: iso(o.cancelled_at),
            })),
        };
      }),
    };
  }

  /**
   * Removes every row of the merchant (the kit's `purgeMerchantRows` over the store's entities,
   * tombstones included), then refreshes the daily counts view, which has no row-level security
   * and would otherwise keep the merchant's counts until the next refresh.
   */
  async redactShop(ctx: RequestContext): Promise<void> {
    await purgeMerchantRows(ctx);
    await ctx.em.execute('select segment_daily_count_refresh()');
  }
}
