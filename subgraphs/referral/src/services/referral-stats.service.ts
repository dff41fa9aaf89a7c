import { badInput, decimalAmount, type RequestContext } from '@loyalnest/kit';
import { VISIBLE_REFERRAL_SQL } from '../domain/referral-visibility.js';

/** The referral program's figures over referrals claimed in a period (see `ReferralStatsType`). */
export interface ReferralStats {
  from: Date | null;
  to: Date | null;
  clicks: number;
  uniqueClicks: number;
  claims: number;
  conversions: number;
  completed: number;
  blocked: number;
  voided: number;
  rejected: number;
  pointsAwarded: number;
  revenue: { currency: string; amount: string }[];
  conversionRate: number;
}

type StatusRow = { claims: string; conversions: string; completed: string; blocked: string; voided: string; rejected: string; points: string };
type RevenueRow = { currency: string; minor: string };
type ClickRow = { clicks: string; unique_clicks: string };

/**
 * The dashboard's referral figures: three aggregate queries (statuses, revenue, clicks). Referrals
 * count by when they were claimed (a cohort: a claim of the period and what became of it), which
 * keeps every figure of one answer about the same referrals. Clicks are the links' totals: the
 * store keeps one count per code, flushed from Redis every few seconds, not one per day.
 */
export class ReferralStatsService {
  async stats(ctx: RequestContext, period: { from?: Date | null; to?: Date | null }): Promise<ReferralStats> {
    const from = period.from ?? null;
    const to = period.to ?? null;
    if (from && to && from >= to) throw badInput('to', 'must be after from');
    const merchantId = ctx.merchantId!;
    const inPeriod = `merchant_id = ? and ${VISIBLE_REFERRAL_SQL} and (?::timestamptz is null or claimed_at >= ?) and (?::timestamptz is null or claimed_at < ?)`;
    const params = [merchantId, from, from, to, to];
    const [[counts], revenue, [clicks]] = await Promise.all([
      ctx.em.execute<StatusRow[]>(
        `select count(*) as claims,
                count(*) filter (where status in ('PENDING', 'COMPLETED')) as conversions,
                count(*) filter (where status = 'COMPLETED') as completed,
                count(*) filter (where status = 'BLOCKED') as blocked,
                count(*) filter (where status = 'VOIDED') as voided,
                count(*) filter (where status = 'REJECTED') as rejected,
                coalesce(sum(points_awarded) filter (where status = 'COMPLETED'), 0) as points
           from referral where ${inPeriod}`,
        params,
      ),
      ctx.em.execute<RevenueRow[]>(
        `select order_currency as currency, sum(order_total_minor) as minor from referral
          where ${inPeriod} and status in ('PENDING', 'COMPLETED') and order_total_minor is not null and order_currency is not null
          group by order_currency order by sum(order_total_minor) desc, order_currency`,
        params,
      ),
      ctx.em.execute<ClickRow[]>('select coalesce(sum(clicks), 0) as clicks, coalesce(sum(unique_clicks), 0) as unique_clicks from referral_code where merchant_id = ?', [merchantId]),
    ]);
    const claims = Number(counts.claims);
    const conversions = Number(counts.conversions);
    return {
      from,
      to,
      clicks: Number(clicks.clicks),
      uniqueClicks: Number(clicks.unique_clicks),
      claims,
      conversions,
      completed: Number(counts.completed),
      blocked: Number(counts.blocked),
      voided: Number(counts.voided),
      rejected: Number(counts.rejected),
      pointsAwarded: Number(counts.points),
      revenue: revenue.map((r) => ({ currency: r.currency, amount: decimalAmount(Number(r.minor), r.currency) })),
      conversionRate: claims ? Math.round((conversions / claims) * 10_000) / 10_000 : 0,
    };
  }
}
