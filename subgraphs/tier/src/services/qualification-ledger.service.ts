import { currencyExponent, type RequestContext } from '@loyalnest/kit';

/** What one order event says about the order; each kind of event sets only what it knows. */
export type OrderFact =
  | { kind: 'recorded'; orderId: string; customerId: string; placedAt: Date; totalMilli: number; paid: boolean }
  | { kind: 'paid'; orderId: string; customerId: string; placedAt: Date; totalMilli: number }
  | { kind: 'refunded'; orderId: string; customerId: string; refundedMilli: number }
  | { kind: 'cancelled'; orderId: string; customerId: string };

/** Minor units of `currency` in thousandths of its unit: exact for every ISO exponent up to 3. */
export function milliOf(minor: number, currency: string | null): number {
  return Math.round(minor * 10 ** (3 - currencyExponent(currency)));
}

/**
 * The tier domain's qualification ledger: dated amounts per subject (`order:<id>`,
 * `entry:<points entry id>`) and metric, derived from the events the customer and points domains
 * publish. Each statement is commutative with the others of its subject (an order's row is derived
 * from `tier_order` as it stands, a points entry's amount is a sum), so any arrival order of one
 * subject's events ends in the same rows; the consumer's dedupe applies each event once. Callers
 * hold the member's lock first (`TierMemberService.lock`), so every writer takes locks in one order.
 */
export class QualificationLedgerService {
  /**
   * Folds one order event into `tier_order` and re-derives the order's two ledger rows from the
   * result, in one statement: `orders_count` 1 unless cancelled, `amount_spent` the paid total net
   * of refunds unless cancelled, both dated when the order was placed (null until that is known).
   */
  async recordOrder(ctx: RequestContext, fact: OrderFact): Promise<void> {
    const merchantId = ctx.merchantId!;
    const placedAt = fact.kind === 'recorded' || fact.kind === 'paid' ? fact.placedAt : null;
    const total = fact.kind === 'recorded' || fact.kind === 'paid' ? fact.totalMilli : null;
    const paid = fact.kind === 'paid' || (fact.kind === 'recorded' && fact.paid);
    const refunded = fact.kind === 'refunded' ? fact.refundedMilli : 0;
    const cancelled = fact.kind === 'cancelled';
    // The paid version's total is what was paid; the first recorded total stands until then.
    const totalUpdate = fact.kind === 'paid' ? 'excluded.total_milli' : 'coalesce(tier_order.total_milli, excluded.total_milli)';
    await ctx.em.execute(
      `with o as (
         insert into tier_order as tier_order (merchant_id, order_id, customer_id, placed_at, total_milli, paid, refunded_milli, cancelled, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, now())
         on conflict (merchant_id, order_id) do update set
           placed_at = coalesce(excluded.placed_at, tier_order.placed_at),
           total_milli = ${totalUpdate},
           paid = tier_order.paid or excluded.paid,
           refunded_milli = tier_order.refunded_milli + excluded.refunded_milli,
           cancelled = tier_order.cancelled or excluded.cancelled,
           updated_at = now()
         returning *)
       insert into tier_qualification (merchant_id, metric, subject, customer_id, amount, qualifies_at, updated_at)
       select o.merchant_id, m.metric, 'order:' || o.order_id, o.customer_id,
              case when m.metric = 'orders_count' then (case when o.cancelled then 0 else 1 end)
                   when o.paid and not o.cancelled then greatest(0, coalesce(o.total_milli, 0) - o.refunded_milli)
                   else 0 end,
              o.placed_at, now()
         from o cross join (values ('orders_count'), ('amount_spent')) as m(metric)
       on conflict (merchant_id, metric, subject) do update set amount = excluded.amount, qualifies_at = excluded.qualifies_at, updated_at = now()`,
      [merchantId, fact.orderId, fact.customerId, placedAt, total, paid, refunded, cancelled],
    );
  }

  /**
   * Adds `points` to a points entry's row (metric `points_earned`): an earn's positive points, or
   * a reversal's negative ones. Only the earn dates the row (`earnedAt`; null for a reversal): a
   * reversal consumed before its earn leaves the row undated, so it counts in no window until the
   * earn arrives, rather than lowering the metric (and the tier) for a moment.
   */
  async recordPoints(ctx: RequestContext, entry: { entryId: string; customerId: string; points: number; earnedAt: Date | null }): Promise<void> {
    await ctx.em.execute(
      `insert into tier_qualification as q (merchant_id, metric, subject, customer_id, amount, qualifies_at, updated_at)
       values (?, 'points_earned', ?, ?, ?, ?, now())
       on conflict (merchant_id, metric, subject) do update set
         amount = q.amount + excluded.amount,
         qualifies_at = coalesce(excluded.qualifies_at, q.qualifies_at),
         updated_at = now()`,
      [ctx.merchantId!, `entry:${entry.entryId}`, entry.customerId, entry.points, entry.earnedAt],
    );
  }
}
