import { badInput, type RequestContext } from '@loyalnest/kit';
import type { LedgerMismatch, LedgerVerification, PointsLiability } from '../graphql/points-change.type.js';
import type { PointsSummary } from '../graphql/points-summary.type.js';
import type { PointsProgramService } from './points-program.service.js';

/** The longest period `pointsSummary` sums: a year and a day, so a leap year and a time zone fit. */
export const MAX_SUMMARY_DAYS = 367;

/** Whole-merchant views of the ledger: its proof of consistency and what it owes. */
export class LedgerReportService {
  constructor(private readonly program: PointsProgramService) {}

  /**
   * Recomputes every account from its entries: balance = posted entries, pending = pending
   * entries, lifetime earned = earns and the reversals of earns (read from the entry each one
   * reverses, not from how the ledger function counted it: a give-back of spent points, or taking
   * it again, never moves lifetime). Any difference is a defect.
   */
  async verify(ctx: RequestContext): Promise<LedgerVerification> {
    return ctx.em.transactional(async (em) => {
      const rows = await em.execute<
        { customer_id: string; balance: number; pending: number; lifetime_earned: number; expected_balance: number; expected_pending: number; expected_lifetime: number; entries: number }[]
      >(
        `select a.customer_id, a.balance, a.pending, a.lifetime_earned,
                coalesce(s.posted, 0)::int as expected_balance, coalesce(s.pending, 0)::int as expected_pending,
                coalesce(s.lifetime, 0)::int as expected_lifetime, coalesce(s.entries, 0)::int as entries
           from points_account a
           left join (select x.account_id,
                             sum(x.points) filter (where x.status = 'posted') as posted,
                             sum(x.points) filter (where x.status = 'pending') as pending,
                             sum(x.points) filter (where x.kind = 'earn' or (x.kind = 'reverse' and r.kind = 'earn')) as lifetime,
                             count(*) as entries
                        from points_entry x left join points_entry r on r.id = x.reverses_entry_id
                       group by x.account_id) s on s.account_id = a.id`,
      );
      const mismatches: LedgerMismatch[] = rows
        .filter((r) => r.balance !== r.expected_balance || r.pending !== r.expected_pending || r.lifetime_earned !== r.expected_lifetime)
        .slice(0, 100)
        .map((r) => ({
          customerId: r.customer_id,
          balance: r.balance,
          expectedBalance: r.expected_balance,
          pending: r.pending,
          expectedPending: r.expected_pending,
          lifetimeEarned: r.lifetime_earned,
          expectedLifetimeEarned: r.expected_lifetime,
        }));
      return { ok: mismatches.length === 0, accountsChecked: rows.length, entriesChecked: rows.reduce((n, r) => n + r.entries, 0), mismatches };
    });
  }

  async liability(ctx: RequestContext): Promise<PointsLiability> {
    const rules = await this.program.rules(ctx);
    const [row] = await ctx.em.transactional((em) =>
      em.execute<{ outstanding: number; pending: number; accounts: number; outstanding_value: string; pending_value: string }[]>(
        `select coalesce(sum(greatest(balance, 0)), 0)::int as outstanding, coalesce(sum(pending), 0)::int as pending,
                count(*) filter (where balance > 0)::int as accounts,
                round(coalesce(sum(greatest(balance, 0)), 0) * ?::numeric, 2)::text as outstanding_value,
                round(coalesce(sum(pending), 0) * ?::numeric, 2)::text as pending_value
           from points_account`,
        [rules.pointValue, rules.pointValue],
      ),
    );
    return {
      outstandingPoints: row.outstanding,
      pendingPoints: row.pending,
      accountsWithPoints: row.accounts,
      pointValue: rules.pointValue,
      outstandingValue: row.outstanding_value,
      pendingValue: row.pending_value,
      merchant: { id: ctx.merchantId! },
    };
  }

  /**
   * Sums the entries written in [from, to) by what they did, in one set-based query: a reversal
   * counts against what it reverses (an earn taken back by a refund lowers `issued`, a cancelled
   * redemption's give-back lowers `redeemed`), read from the entry it names. A reversal of a
   * reversal (a give-back taken back when a cancelled redemption turns out used) counts as the
   * original entry again; nothing reverses deeper than that (takeBackCancelled is the only one).
   */
  async summary(ctx: RequestContext, from: Date, to: Date): Promise<PointsSummary> {
    if (to <= from) throw badInput('to', 'must be after from');
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (days > MAX_SUMMARY_DAYS) throw badInput('to', `at most ${MAX_SUMMARY_DAYS} days after from; ${Math.ceil(days)} were asked for`);
    const [row] = await ctx.em.transactional((em) =>
      em.execute<{ issued: number; redeemed: number; expired: number; deducted: number }[]>(
        `select coalesce(sum(x.points) filter (where x.kind = 'earn' or (x.kind = 'adjust' and x.points > 0) or (x.kind = 'reverse' and coalesce(rr.kind, r.kind) = 'earn')), 0)::int as issued,
                coalesce(-sum(x.points) filter (where x.kind = 'redeem' or (x.kind = 'reverse' and coalesce(rr.kind, r.kind) = 'redeem')), 0)::int as redeemed,
                coalesce(-sum(x.points) filter (where x.kind = 'expire'), 0)::int as expired,
                coalesce(-sum(x.points) filter (where x.kind = 'adjust' and x.points < 0), 0)::int as deducted
           from points_entry x
           left join points_entry r on r.id = x.reverses_entry_id
           left join points_entry rr on r.kind = 'reverse' and rr.id = r.reverses_entry_id
          where x.merchant_id = ? and x.created_at >= ? and x.created_at < ?`,
        [ctx.merchantId!, from, to],
      ),
    );
    return { from, to, ...row };
  }
}
