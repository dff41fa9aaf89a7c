import type { RequestContext } from '@loyalnest/kit';
import type { OrderRecorded } from '@loyalnest/customer/topics';

/** `financial_status` values of an order whose money was taken: an order recorded already paid is paid before `order.paid` comes. */
const PAID_STATUSES = new Set(['paid', 'partially_refunded', 'refunded']);

/** One change to an order's facts, as an order event brings it; `at` is when it happened. */
export type OrderFactChange =
  | { kind: 'recorded'; order: OrderRecorded; at: Date }
  | { kind: 'paid'; orderId: string; customerId: string; totalMinor: number; at: Date }
  | { kind: 'fulfilled'; orderId: string; customerId: string; at: Date }
  | { kind: 'refunded'; orderId: string; customerId: string; refundId: string; amountMinor: number; at: Date }
  | { kind: 'cancelled'; orderId: string; customerId: string; at: Date };

/**
 * The referral domain's copy of the order facts (`referral_order`), one upsert per event, so
 * the row ends the same whatever order the events come in: a refund or a cancellation consumed
 * before `order.recorded` makes the row with `placed_at` null and the recorded facts fill it
 * later; a moment already known (paid, fulfilled, cancelled) keeps its first value; a refund
 * counts once by its id. An order's browser IP becomes its customer's recent activity.
 */
export class ReferralOrderFactsService {
  async apply(ctx: RequestContext, change: OrderFactChange): Promise<void> {
    const merchantId = ctx.merchantId!;
    switch (change.kind) {
      case 'recorded': {
        const o = change.order;
        const prints = o.fingerprints ?? { email: null, shippingAddress: null, browserIp: null };
        const paidAt = PAID_STATUSES.has(o.financialStatus ?? '') ? change.at : null;
        await ctx.em.execute(
          `insert into referral_order (merchant_id, order_id, customer_id, placed_at, total_minor, subtotal_minor, currency, discount_codes,
             email_hash, shipping_address_hash, browser_ip_hash, paid_at)
           values (?, ?, ?, ?, ?, ?, ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?)
           on conflict (merchant_id, order_id) do update set
             placed_at = excluded.placed_at, total_minor = excluded.total_minor, subtotal_minor = excluded.subtotal_minor,
             currency = excluded.currency, discount_codes = excluded.discount_codes, email_hash = excluded.email_hash,
             shipping_address_hash = excluded.shipping_address_hash, browser_ip_hash = excluded.browser_ip_hash,
             paid_at = coalesce(referral_order.paid_at, excluded.paid_at)`,
          [merchantId, o.orderId, o.customerId, new Date(o.placedAt), o.totalMinor, o.subtotalMinor, o.currency, JSON.stringify(o.discountCodes),
            prints.email, prints.shippingAddress, prints.browserIp, paidAt],
        );
        if (prints.browserIp) {
          // Where the customer was seen from: the latest sighting of each IP is what counts.
          await ctx.em.execute(
            `insert into referral_activity (merchant_id, customer_id, ip_hash, last_seen_at) values (?, ?, ?, ?)
             on conflict (merchant_id, customer_id, ip_hash) do update set last_seen_at = greatest(referral_activity.last_seen_at, excluded.last_seen_at)`,
            [merchantId, o.customerId, prints.browserIp, new Date(o.placedAt)],
          );
        }
        return;
      }
      case 'paid':
        await this.moment(ctx, change, 'paid_at', { total_minor: change.totalMinor });
        return;
      case 'fulfilled':
        await this.moment(ctx, change, 'fulfilled_at');
        return;
      case 'cancelled':
        await this.moment(ctx, change, 'cancelled_at');
        return;
      case 'refunded':
        // The update's condition makes a refund already counted change nothing.
        await ctx.em.execute(
          `insert into referral_order (merchant_id, order_id, customer_id, refunded_minor, refund_ids) values (?, ?, ?, ?, array[?::text])
           on conflict (merchant_id, order_id) do update set
             refunded_minor = referral_order.refunded_minor + excluded.refunded_minor, refund_ids = referral_order.refund_ids || excluded.refund_ids
           where not (excluded.refund_ids[1] = any(referral_order.refund_ids))`,
          [merchantId, change.orderId, change.customerId, change.amountMinor, change.refundId],
        );
        return;
    }
  }

  /** Sets one moment of the order once; `fill` are columns taken only while the row has none (the recorded facts win). */
  private async moment(ctx: RequestContext, change: { orderId: string; customerId: string; at: Date }, column: 'paid_at' | 'fulfilled_at' | 'cancelled_at', fill: { total_minor?: number } = {}) {
    const filled = Object.keys(fill);
    await ctx.em.execute(
      `insert into referral_order (merchant_id, order_id, customer_id, ${column}${filled.map((c) => `, ${c}`).join('')}) values (?, ?, ?, ?${filled.map(() => ', ?').join('')})
       on conflict (merchant_id, order_id) do update set ${[column, ...filled].map((c) => `${c} = coalesce(referral_order.${c}, excluded.${c})`).join(', ')}`,
      [ctx.merchantId!, change.orderId, change.customerId, change.at, ...Object.values(fill)],
    );
  }
}
