import { inRequestTransaction, type RequestContext } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import type { TierMemberService } from './tier-member.service.js';

/**
 * A recompute as read: its progress over the merchant's members. The table also admits `failed`,
 * which nothing sets: a batch that throws rolls back and is tried again at the job's next pass.
 */
export interface TierRecomputeView {
  id: string;
  programVersion: number;
  status: 'running' | 'completed' | 'superseded';
  processed: number;
  total: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** What one batch did: null when the merchant has no running recompute free to take (none, or another replica holds it). */
export interface RecomputeBatch {
  recomputeId: string;
  placed: number;
  changed: number;
  finished: boolean;
}

/** Below every UUID: the cursor of a recompute that has placed no one yet. */
const BEFORE_FIRST = '00000000-0000-0000-0000-000000000000';

/**
 * Re-places every member of a merchant after a program change, in the background: the consumer of
 * `tier_program.updated` starts a recompute, and the recompute job works it in batches of members
 * in customer id order, each batch one transaction that places its members (`evaluateMany`, the
 * same placement as events) and advances the progress and the keyset cursor together, so a crash
 * resumes after the last batch committed. Earning and redemption go on meanwhile: an event's
 * evaluation and a batch take the same member locks in the same order, and entry bonuses stay
 * once per tier and period (`tier_bonus`), whoever places the member.
 */
export class TierRecomputeService {
  constructor(private readonly members: TierMemberService) {}

  /**
   * Starts the recompute of `programVersion` in the caller's transaction, superseding the running
   * one (which stops at its next batch: it waits for the batch in progress, whose row lock it
   * needs). A version no newer than the latest recompute's (a late or repeated event) starts
   * nothing. Concurrent starts of one merchant take turns on the program row's lock.
   */
  async start(ctx: RequestContext, programVersion: number): Promise<string | null> {
    const merchantId = ctx.merchantId!;
    return inRequestTransaction(ctx, async () => {
      await ctx.em.execute('select 1 from tier_program where merchant_id = ? for update', [merchantId]);
      const [latest] = await ctx.em.execute<{ program_version: number }[]>(
        'select max(program_version) as program_version from tier_recompute where merchant_id = ?',
        [merchantId],
      );
      if (latest?.program_version != null && latest.program_version >= programVersion) return null;
      await ctx.em.execute(`update tier_recompute set status = 'superseded', finished_at = now() where merchant_id = ? and status = 'running'`, [merchantId]);
      const id = uuidv7();
      await ctx.em.execute(
        `insert into tier_recompute (id, merchant_id, program_version, status, processed, total, cursor, started_at)
         select ?, ?, ?, 'running', 0, count(*), null, now() from tier_member where merchant_id = ?`,
        [id, merchantId, programVersion, merchantId],
      );
      return id;
    });
  }

  /**
   * Places the next `size` members of the merchant's running recompute, in one transaction of its
   * own: the recompute's row is taken with SKIP LOCKED, so two replicas never place the same batch
   * (the second finds nothing to do), and a superseded recompute is not taken again. The last
   * batch (fewer than `size`) completes it; `total` then becomes the members it placed, customers
   * who joined meanwhile included.
   */
  async runBatch(ctx: RequestContext, size: number, now: Date = new Date()): Promise<RecomputeBatch | null> {
    const merchantId = ctx.merchantId!;
    return inRequestTransaction(ctx, async () => {
      const [recompute] = await ctx.em.execute<{ id: string; cursor: string | null }[]>(
        `select id, cursor from tier_recompute where merchant_id = ? and status = 'running' for update skip locked`,
        [merchantId],
      );
      if (!recompute) return null;
      const next = await ctx.em.execute<{ customer_id: string }[]>(
        'select customer_id from tier_member where merchant_id = ? and customer_id > ? order by customer_id limit ?',
        [merchantId, recompute.cursor ?? BEFORE_FIRST, size],
      );
      const ids = next.map((r) => r.customer_id);
      const { changed } = await this.members.evaluateMany(ctx, ids, 'program_changed', now);
      const finished = ids.length < size;
      await ctx.em.execute(
        `update tier_recompute set processed = processed + ?, cursor = coalesce(?::uuid, cursor),
                status = case when ? then 'completed' else status end,
                total = case when ? then processed + ? else total end,
                finished_at = case when ? then now() else finished_at end
          where id = ?`,
        [ids.length, ids.at(-1) ?? null, finished, finished, ids.length, finished, recompute.id],
      );
      return { recomputeId: recompute.id, placed: ids.length, changed, finished };
    });
  }

  /** The merchant's latest recompute; null when the program never changed. */
  async latest(ctx: RequestContext): Promise<TierRecomputeView | null> {
    const [row] = await ctx.em.execute<
      { id: string; program_version: number; status: TierRecomputeView['status']; processed: number; total: number; started_at: Date; finished_at: Date | null }[]
    >(
      'select id, program_version, status, processed, total, started_at, finished_at from tier_recompute where merchant_id = ? order by started_at desc, id desc limit 1',
      [ctx.merchantId!],
    );
    if (!row) return null;
    return {
      id: row.id,
      programVersion: row.program_version,
      status: row.status,
      processed: row.processed,
      total: row.total,
      startedAt: new Date(row.started_at),
      finishedAt: row.finished_at ? new Date(row.finished_at) : null,
    };
  }
}
