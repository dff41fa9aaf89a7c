import { badInput, type RequestContext } from '@loyalnest/kit';

/** The longest series `segmentCounts` returns: a year and a day, so a leap year fits. */
export const MAX_COUNT_DAYS = 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface SegmentDayCount {
  day: string;
  handle: string;
  members: number;
}

export interface SegmentMovement {
  from: string | null;
  to: string | null;
  customers: number;
}

/** The dashboard's figures: daily counts per segment and the moves between segments. */
export class SegmentAnalyticsService {
  /**
   * Each segment's members per shop-local day from `from` to `to` (inclusive), as the day's last
   * run counted them, through the definer function over the materialized view (the view itself
   * has no row-level security, so it is never read directly).
   */
  async dailyCounts(ctx: RequestContext, from: string, to: string): Promise<SegmentDayCount[]> {
    const start = dayOf(from, 'from');
    const end = dayOf(to, 'to');
    if (end < start) throw badInput('to', `must be on or after from (${from})`);
    const days = Math.round((end - start) / 86_400_000) + 1;
    if (days > MAX_COUNT_DAYS) throw badInput('to', `at most ${MAX_COUNT_DAYS} days from from; ${days} were asked for`);
    const rows = await ctx.em.execute<{ day: string; segment: string; members: number }[]>(
      `select day::text as day, segment, members from segment_daily_counts(?::date, ?::date) order by day, segment`,
      [from, to],
    );
    return rows.map((r) => ({ day: r.day, handle: r.segment, members: Number(r.members) }));
  }

  /**
   * The from × to matrix of RFM segments: each customer's segment as of `from` (their last
   * history entry at or before it) against theirs as of `to`, counted per pair in one set-based
   * query. Customers with no entry by `to` are in no cell; those who stayed are on the diagonal.
   */
  async movements(ctx: RequestContext, from: Date, to: Date): Promise<SegmentMovement[]> {
    if (to < from) throw badInput('to', 'must not be before from');
    const rows = await ctx.em.execute<{ from_segment: string | null; to_segment: string | null; customers: string | number }[]>(
      `with at_to as (
         select distinct on (customer_id) customer_id, segment from segment_history
          where merchant_id = ? and recorded_at <= ? order by customer_id, recorded_at desc, run_id desc),
       at_from as (
         select distinct on (customer_id) customer_id, segment from segment_history
          where merchant_id = ? and recorded_at <= ? order by customer_id, recorded_at desc, run_id desc)
       select f.segment as from_segment, t.segment as to_segment, count(*) as customers
         from at_to t left join at_from f using (customer_id)
        where f.segment is not null or t.segment is not null
        group by 1, 2 order by 1 nulls first, 2 nulls first`,
      [ctx.merchantId!, to, ctx.merchantId!, from],
    );
    return rows.map((r) => ({ from: r.from_segment, to: r.to_segment, customers: Number(r.customers) }));
  }
}

/** A real calendar day `YYYY-MM-DD`, as a UTC midnight in ms; anything else is bad input naming `field`. */
function dayOf(text: string, field: string): number {
  const m = DAY.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) throw badInput(field, 'must be a day, YYYY-MM-DD');
  return ms;
}
