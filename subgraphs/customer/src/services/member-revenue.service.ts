import { badInput, type RequestContext } from '@loyalnest/kit';
import type { MemberRevenue } from '../graphql/member-revenue.type.js';

/** The longest period `memberRevenue` sums: a year and a day, so a leap year and a time zone fit. */
export const MAX_REVENUE_DAYS = 367;

/** Members' revenue from the order ledger, for the dashboard. */
export class MemberRevenueService {
  /**
   * Sums, per currency and in one set-based query, the orders members placed in [from, to) that
   * were not cancelled, each less its refunds (never below zero: a refund cannot take back more
   * than its order). An order counts once its customer is known to this domain, as the program's
   * members are; a guest checkout or a redacted customer's orders do not. Amounts keep two decimals,
   * as the API writes money.
   */
  async revenue(ctx: RequestContext, from: Date, to: Date): Promise<MemberRevenue[]> {
    if (to <= from) throw badInput('to', 'must be after from');
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (days > MAX_REVENUE_DAYS) throw badInput('to', `at most ${MAX_REVENUE_DAYS} days after from; ${Math.ceil(days)} were asked for`);
    const rows = await ctx.em.transactional((em) =>
      em.execute<{ currency: string | null; orders: number; gross: string; refunded: string; net: string }[]>(
        `select o.currency, count(*)::int as orders, sum(o.total_price)::numeric(20, 2)::text as gross,
                sum(least(coalesce(r.amount, 0), o.total_price))::numeric(20, 2)::text as refunded,
                sum(o.total_price - least(coalesce(r.amount, 0), o.total_price))::numeric(20, 2)::text as net
           from customer_order o
           join customer c on c.merchant_id = o.merchant_id and c.shopify_id = o.shopify_customer_id
           left join lateral (select sum(f.amount) as amount from order_refund f
                               where f.merchant_id = o.merchant_id and f.shopify_order_id = o.shopify_order_id) r on true
          where o.merchant_id = ? and not o.cancelled and o.processed_at >= ? and o.processed_at < ?
          group by o.currency
          order by o.currency nulls last`,
        [ctx.merchantId!, from, to],
      ),
    );
    return rows;
  }
}
