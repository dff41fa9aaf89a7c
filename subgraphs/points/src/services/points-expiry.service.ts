import type { RequestContext } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import type { EarningRules } from './earning-rules.js';
import type { LedgerService } from './ledger.service.js';

const DAY_MS = 86_400_000;

/** A timestamp expression as epoch milliseconds: raw queries return timestamps as driver text, numbers convert exactly. */
const epochMs = (expression: string) => `(extract(epoch from ${expression}) * 1000)::float8`;

/** What one account's check did. */
export interface AccountExpiry {
  expired: number;
  warnings: number;
}

/** Points of an account that expire at one moment (the warnings group them by UTC date). */
interface Expiring {
  expiresAt: Date;
  points: number;
}

interface AccountRow {
  id: string;
  customer_id: string;
  balance: number;
}

/**
 * Expiry under the merchant's policy, derived from the immutable ledger alone:
 *
 * - `after_inactivity`: the whole spendable balance expires once the account's last activity
 *   (an earning, a redemption or an adjustment; expiring and releasing are not activity) is
 *   `expiryMonths` old.
 * - `after_earning`: each earning expires `expiryMonths` after it was earned (after it became
 *   spendable, for points that were held), oldest first. Spending takes the oldest points first,
 *   so the unspent part of the earnings up to some point of time is
 *   max(0, Σ positive posted entries up to it − Σ every negative posted entry), earlier expiries
 *   included: an expiry makes itself a no-op for the next run, with no remaining amounts to keep.
 *
 * Pending points never expire, and an expiry never takes the balance below zero. Warnings
 * (`points.expiring_soon`) go out `expiryWarningDays` ahead, once per account and expiry date.
 */
export class PointsExpiryService {
  constructor(private readonly ledger: LedgerService) {}

  /** Accounts after `after` (in id order) that may have points expiring now or within the warning window. */
  async candidates(ctx: RequestContext, rules: EarningRules, after: string | null, limit: number): Promise<string[]> {
    const horizon = this.horizon(rules);
    const condition =
      rules.expiryPolicy === 'after_inactivity'
        ? `coalesce(a.last_activity_at, a.created_at) + make_interval(months => ?) <= ?`
        : `exists (select 1 from points_entry e where e.account_id = a.id and e.status = 'posted' and e.points > 0
                      and coalesce(e.available_at, e.created_at) + make_interval(months => ?) <= ?)`;
    const rows = await ctx.em.execute<{ id: string }[]>(
      `select a.id from points_account a where a.balance > 0 and a.id > ? and ${condition} order by a.id limit ?`,
      [after ?? '00000000-0000-0000-0000-000000000000', rules.expiryMonths, horizon, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Expires what is due on one account and warns of what comes within the warning window, under
   * the account's row lock (a replica doing the same account waits, then finds nothing due).
   * Run inside the caller's transaction.
   */
  async processAccount(ctx: RequestContext, rules: EarningRules, accountId: string): Promise<AccountExpiry> {
    const [account] = await ctx.em.execute<AccountRow[]>('select id, customer_id, balance from points_account where id = ? for update', [accountId]);
    if (!account || rules.expiryPolicy === 'never') return { expired: 0, warnings: 0 };
    const now = new Date();
    const upcoming = rules.expiryPolicy === 'after_inactivity' ? await this.inactive(ctx, rules, account) : await this.unspentEarnings(ctx, rules, account);
    const due = Math.min(account.balance, upcoming.filter((e) => e.expiresAt <= now).reduce((sum, e) => sum + e.points, 0));
    let expired = 0;
    if (due > 0) expired = await this.expire(ctx, rules, account, due);
    let warnings = 0;
    if (rules.expiryWarningDays > 0) {
      const byDate = new Map<string, Expiring>();
      for (const e of upcoming.filter((x) => x.expiresAt > now)) {
        const day = e.expiresAt.toISOString().slice(0, 10);
        const seen = byDate.get(day);
        byDate.set(day, { expiresAt: seen && seen.expiresAt < e.expiresAt ? seen.expiresAt : e.expiresAt, points: (seen?.points ?? 0) + e.points });
      }
      for (const [day, e] of byDate) if (e.points > 0 && (await this.warn(ctx, account, day, e))) warnings += 1;
    }
    return { expired, warnings };
  }

  /** Moments up to which the policy looks: now plus the warning window. */
  private horizon(rules: EarningRules): Date {
    return new Date(Date.now() + rules.expiryWarningDays * DAY_MS);
  }

  /** The whole balance, when the inactivity limit falls within the warning window. */
  private async inactive(ctx: RequestContext, rules: EarningRules, account: AccountRow): Promise<Expiring[]> {
    const [row] = await ctx.em.execute<{ expires_ms: number }[]>(
      `select ${epochMs('coalesce(last_activity_at, created_at) + make_interval(months => ?)')} as expires_ms from points_account where id = ?`,
      [rules.expiryMonths, account.id],
    );
    const expiresAt = new Date(row.expires_ms);
    return expiresAt <= this.horizon(rules) && account.balance > 0 ? [{ expiresAt, points: account.balance }] : [];
  }

  /**
   * The unspent part of each earning that expires within the warning window: with earnings in
   * the order they were earned, an earning's unspent part is its running total less everything
   * spent, between zero and its own points.
   */
  private async unspentEarnings(ctx: RequestContext, rules: EarningRules, account: AccountRow): Promise<Expiring[]> {
    const rows = await ctx.em.execute<{ expires_ms: number; unspent: number }[]>(
      `with spent as (
         select coalesce(-sum(points), 0)::bigint as total from points_entry where account_id = ? and status = 'posted' and points < 0
       ), earned as (
         select points, coalesce(available_at, created_at) + make_interval(months => ?) as expires_at,
                sum(points) over (order by coalesce(available_at, created_at), id) as running
           from points_entry where account_id = ? and status = 'posted' and points > 0
       )
       select ${epochMs('e.expires_at')} as expires_ms, greatest(0, least(e.points, e.running - s.total))::int as unspent
         from earned e, spent s
        where e.expires_at <= ? and e.running > s.total
        order by e.expires_at`,
      [account.id, rules.expiryMonths, account.id, this.horizon(rules)],
    );
    return rows.map((r) => ({ expiresAt: new Date(r.expires_ms), points: r.unspent }));
  }

  /**
   * One expire entry. Its key is the account's next expiry number: under the row lock the count
   * is stable, so a run repeated over the same ledger finds nothing due, and two expiries of one
   * account can never share a key.
   */
  private async expire(ctx: RequestContext, rules: EarningRules, account: AccountRow, points: number): Promise<number> {
    const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from points_entry where account_id = ? and kind = 'expire'`, [account.id]);
    const result = await this.ledger.post(ctx, {
      customerId: account.customer_id,
      kind: 'expire',
      source: 'expiry',
      points: -points,
      idempotencyKey: `expire:${account.id}:${n + 1}`,
      reason: rules.expiryPolicy === 'after_inactivity' ? `No activity for ${rules.expiryMonths} months` : `Earned more than ${rules.expiryMonths} months ago`,
      clamp: true,
      metadata: { policy: rules.expiryPolicy, months: rules.expiryMonths },
    });
    return result.outcome === 'posted' ? -result.points : 0;
  }

  /** Remembers the warning and emits it in the same transaction; false when this account and date were warned of already. */
  private async warn(ctx: RequestContext, account: AccountRow, day: string, e: Expiring): Promise<boolean> {
    const inserted = await ctx.em.execute(
      `insert into points_expiry_warning (id, merchant_id, account_id, expires_on, points, warned_at) values (?, ?, ?, ?::date, ?, now())
       on conflict (merchant_id, account_id, expires_on) do nothing returning id`,
      [uuidv7(), ctx.merchantId, account.id, day, e.points],
    );
    if (!inserted.length) return false;
    ctx.emit('points.expiring_soon', { customerId: account.customer_id, points: e.points, expiresAt: e.expiresAt.toISOString() });
    return true;
  }
}
