import type { RequestContext } from '@loyalnest/kit';
import type { OrderCancelled, OrderRecorded, OrderRefunded } from '@loyalnest/customer/topics';
import type { SegmentTombstoneService } from './segment-tombstone.service.js';

/** One order fact as the customer domain's events bring it. */
export type SegmentOrderFact =
  | { kind: 'recorded'; order: OrderRecorded }
  | { kind: 'refunded'; refund: OrderRefunded }
  | { kind: 'cancelled'; cancel: OrderCancelled };

function minorUnits(value: unknown, field: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new Error(`order fact with ${field} not a non-negative integer: ${JSON.stringify(value)}`);
  return value as number;
}

function instant(value: unknown, field: string): Date {
  const at = typeof value === 'string' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) throw new Error(`order fact with ${field} not an ISO 8601 time: ${JSON.stringify(value)}`);
  return at;
}

/**
 * The segment domain's own order facts (`segment_order`), one row per order, from which the
 * recompute reads each customer's last order, orders in the window (not cancelled, placed in it)
 * and net spend (`total_minor - refunded_minor`). One upsert per event, so the row ends the same
 * whatever order the events come in and however often: a refund or a cancellation before
 * `order.recorded` makes the row with `placed_at` and `total_minor` null, which the recorded facts
 * fill later; a refund counts once by its id; a cancellation keeps its first time. A malformed
 * payload throws (the event is dead-lettered for an operator) and writes nothing.
 */
export class SegmentOrderFactsService {
  constructor(private readonly tombstones: SegmentTombstoneService) {}

  async apply(ctx: RequestContext, fact: SegmentOrderFact): Promise<void> {
    const merchantId = ctx.merchantId!;
    switch (fact.kind) {
      case 'recorded': {
        const o = fact.order;
        const total = minorUnits(o.totalMinor, 'totalMinor');
        const placedAt = instant(o.placedAt, 'placedAt');
        if (!(await this.tombstones.admit(ctx, o.customerId))) return;
        await ctx.em.execute(
          `insert into segment_order (merchant_id, order_id, customer_id, placed_at, total_minor, currency) values (?, ?, ?, ?, ?, ?)
           on conflict (merchant_id, order_id) do update set
             placed_at = excluded.placed_at, total_minor = excluded.total_minor, currency = coalesce(excluded.currency, segment_order.currency)`,
          [merchantId, o.orderId, o.customerId, placedAt, total, o.currency],
        );
        return;
      }
      case 'refunded': {
        const r = fact.refund;
        const amount = minorUnits(r.amountMinor, 'amountMinor');
        if (!(await this.tombstones.admit(ctx, r.customerId))) return;
        // The update's condition makes a refund already counted change nothing.
        await ctx.em.execute(
          `insert into segment_order (merchant_id, order_id, customer_id, currency, refunded_minor, refund_ids) values (?, ?, ?, ?, ?, array[?::text])
           on conflict (merchant_id, order_id) do update set
             refunded_minor = segment_order.refunded_minor + excluded.refunded_minor, refund_ids = segment_order.refund_ids || excluded.refund_ids,
             currency = coalesce(segment_order.currency, excluded.currency)
           where not (excluded.refund_ids[1] = any(segment_order.refund_ids))`,
          [merchantId, r.orderId, r.customerId, r.currency, amount, r.refundId],
        );
        return;
      }
      case 'cancelled': {
        const c = fact.cancel;
        const cancelledAt = instant(c.cancelledAt, 'cancelledAt');
        if (!(await this.tombstones.admit(ctx, c.customerId))) return;
        await ctx.em.execute(
          `insert into segment_order (merchant_id, order_id, customer_id, cancelled_at) values (?, ?, ?, ?)
           on conflict (merchant_id, order_id) do update set cancelled_at = coalesce(segment_order.cancelled_at, excluded.cancelled_at)`,
          [merchantId, c.orderId, c.customerId, cancelledAt],
        );
        return;
      }
    }
  }
}
