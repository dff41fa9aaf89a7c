import { LIVE_TOPICS, type BalanceChangedMessage, type RequestContext } from '@loyalnest/kit';
import { POINTS_RELEASED } from '../topics.js';

export interface Release {
  customerId: string;
  /** Net points moved from pending to the balance: the earnings less their pending reversals. */
  points: number;
  entryIds: string[];
  balance: number;
  pending: number;
}

/**
 * Makes held points spendable. Entries are immutable but for this: a pending entry whose
 * `available_at` has passed becomes posted (`released_at`), with every pending reversal of it
 * (a cancelled or refunded order's points were taken from pending first and are held with the
 * earning they reverse), and their net moves from `pending` to `balance` in the same transaction,
 * so the account keeps equalling the sums of its entries.
 */
export class PendingReleaseService {
  /**
   * Releases what is due on one account under its row lock, taken with SKIP LOCKED: when another
   * replica is releasing it, or a ledger entry is being written to it, it is left for the next run.
   * Run inside the caller's transaction; null when there was nothing to do.
   */
  async releaseAccount(ctx: RequestContext, accountId: string): Promise<Release | null> {
    const [account] = await ctx.em.execute<{ customer_id: string }[]>('select customer_id from points_account where id = ? for update skip locked', [accountId]);
    if (!account) return null;
    const released = await ctx.em.execute<{ id: string; points: number; kind: string }[]>(
      `with due as (
         select id from points_entry where account_id = ? and status = 'pending' and available_at <= now()
       )
       update points_entry e set status = 'posted', released_at = now()
        where e.account_id = ? and e.status = 'pending' and (e.id in (select id from due) or e.reverses_entry_id in (select id from due))
       returning e.id, e.points, e.kind`,
      [accountId, accountId],
    );
    if (!released.length) return null;
    const points = released.reduce((sum, e) => sum + e.points, 0);
    const [after] = await ctx.em.execute<{ balance: number; pending: number; lifetime_earned: number }[]>(
      'update points_account set balance = balance + ?, pending = pending - ?, updated_at = now() where id = ? returning balance, pending, lifetime_earned',
      [points, points, accountId],
    );
    const release: Release = { customerId: account.customer_id, points, entryIds: released.map((e) => e.id), balance: after.balance, pending: after.pending };
    ctx.emit(POINTS_RELEASED, { ...release });
    const message: BalanceChangedMessage = {
      merchantId: ctx.merchantId!,
      customerId: account.customer_id,
      balance: after.balance,
      pending: after.pending,
      lifetimeEarned: after.lifetime_earned,
      entryId: (released.find((e) => e.kind !== 'reverse') ?? released[0]).id,
      kind: 'release',
      delta: points,
      committedAt: '',
    };
    ctx.afterCommit(() => ctx.live.publish(LIVE_TOPICS.balanceChanged, { ...message, committedAt: new Date().toISOString() }));
    return release;
  }
}
