import { LIVE_TOPICS, type BalanceChangedMessage, type RequestContext } from '@loyalnest/kit';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { EntryKind, EntrySource } from '../entities/points-entry.entity.js';

/** What one ledger entry should do. */
export interface EntryRequest {
  customerId: string;
  kind: EntryKind;
  source: EntrySource;
  /** Signed: earns and give-backs are positive, spending and reversals negative. */
  points: number;
  /** Unique per merchant: the same key never counts twice (`order:<id>:earn`, `api:<actor>:<key>`). */
  idempotencyKey: string;
  reason?: string | null;
  orderId?: string | null;
  reversesEntryId?: string | null;
  /** Held as pending until then instead of posted to the balance. */
  availableAt?: Date | null;
  /** A reversal takes what the balance has rather than being refused (unless negative balances are allowed). */
  clamp?: boolean;
  allowNegative?: boolean;
  metadata?: Record<string, unknown>;
}

export interface AccountFigures {
  customerId: string;
  balance: number;
  pending: number;
  lifetimeEarned: number;
}

export type PostResult =
  | { outcome: 'posted' | 'duplicate'; entryId: string; points: number; createdAt: Date; account: AccountFigures }
  | { outcome: 'insufficient'; account: AccountFigures }
  | { outcome: 'key_reused' }
  | { outcome: 'no_account' };

interface PostRow {
  outcome: PostResult['outcome'];
  entry_id: string | null;
  points: number;
  balance: number;
  pending: number;
  lifetime_earned: number;
  created_at: Date | null;
}

const POST_SQL = 'select * from points_post_entry(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)';

/**
 * Writes the ledger. Every entry goes through `points_post_entry` (see its migration), which does
 * the idempotency check, the balance check and both writes under the account's row lock, with its
 * outbox event, in one statement: concurrent redemptions on one account serialize on that lock
 * and none can spend what another already spent.
 *
 * Runs in the caller's transaction when there is one (an event handler's). Otherwise it is one
 * statement on its own, straight through the connection: the function sets the tenant for its own
 * transaction, so a ledger write costs one round trip, not four (begin, tenant, call, commit).
 * The live `balance.changed` message goes out once the entry has committed.
 */
export class LedgerService {
  async post(ctx: RequestContext, request: EntryRequest): Promise<PostResult> {
    const inOuter = ctx.em.isInTransaction();
    let result: PostResult;
    try {
      result = await this.postIn(ctx, inOuter ? ctx.em : null, request);
    } catch (error) {
      // The same key used concurrently for another customer: the loser meets the unique key. In a
      // caller's transaction the error has aborted it, so it is the caller's to see (and retry).
      if (error instanceof UniqueConstraintViolationException && !inOuter) return { outcome: 'key_reused' };
      throw error;
    }
    if (result.outcome === 'posted') {
      const message: BalanceChangedMessage = {
        merchantId: ctx.merchantId!,
        ...result.account,
        entryId: result.entryId,
        kind: request.kind,
        delta: request.availableAt ? 0 : result.points,
        committedAt: '',
      };
      ctx.afterCommit(() => ctx.live.publish(LIVE_TOPICS.balanceChanged, { ...message, committedAt: new Date().toISOString() }));
      if (!inOuter) await ctx.runAfterCommit();
    }
    return result;
  }

  /** Creates the customer's account if it has none; the caller has checked the customer exists. */
  async openAccount(ctx: RequestContext, customerId: string, shopifyCustomerId: string | null = null): Promise<void> {
    const open = (em: EntityManager) =>
      em.execute(
        `insert into points_account (id, merchant_id, customer_id, shopify_customer_id, created_at, updated_at)
         values (?, ?, ?, ?, now(), now())
         on conflict (merchant_id, customer_id) do update set shopify_customer_id = coalesce(points_account.shopify_customer_id, excluded.shopify_customer_id)`,
        [uuidv7(), ctx.merchantId, customerId, shopifyCustomerId],
      );
    if (ctx.em.isInTransaction()) await open(ctx.em);
    else await ctx.em.transactional((em) => open(em as EntityManager));
  }

  /** `em` is the caller's transaction; null runs the statement alone. */
  private async postIn(ctx: RequestContext, em: EntityManager | null, r: EntryRequest): Promise<PostResult> {
    const execute = (sql: string, params: unknown[]) => (em ? em.execute<PostRow[]>(sql, params) : (ctx.em.getConnection().execute(sql, params) as Promise<PostRow[]>));
    const [row] = await execute(POST_SQL, [
      uuidv7(),
      ctx.merchantId,
      r.customerId,
      r.kind,
      r.source,
      r.availableAt ? 'pending' : 'posted',
      r.points,
      r.idempotencyKey,
      r.reason ?? null,
      r.orderId ?? null,
      r.reversesEntryId ?? null,
      r.availableAt ?? null,
      r.allowNegative ?? false,
      r.clamp ?? false,
      JSON.stringify(r.metadata ?? {}),
      uuidv7(),
      ctx.actor.kind,
      ctx.actor.id,
      ctx.requestId,
    ]);
    const account: AccountFigures = { customerId: r.customerId, balance: row.balance, pending: row.pending, lifetimeEarned: row.lifetime_earned };
    switch (row.outcome) {
      case 'posted':
      case 'duplicate':
        return { outcome: row.outcome, entryId: row.entry_id!, points: row.points, createdAt: row.created_at!, account };
      case 'insufficient':
        return { outcome: 'insufficient', account };
      default:
        return { outcome: row.outcome };
    }
  }
}
