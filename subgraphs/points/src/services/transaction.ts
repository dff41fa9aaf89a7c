import type { RequestContext } from '@loyalnest/kit';

/**
 * Runs `fn` in one transaction on the request's own EntityManager, so the services it calls
 * (`LedgerService.post`) join it, then runs what they queued for after the commit (live messages).
 */
export async function inTransaction<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  await ctx.em.begin();
  try {
    const result = await fn();
    await ctx.em.commit();
    await ctx.runAfterCommit();
    return result;
  } catch (error) {
    await ctx.em.rollback().catch(() => {});
    ctx.discardAfterCommit();
    ctx.em.clear();
    throw error;
  }
}

/** Outcomes that end the transaction without its writes, returned rather than thrown. */
export class Rollback<T> extends Error {
  constructor(readonly outcome: T) {
    super('rolled back');
  }
}

/** Like `inTransaction`, but a `Rollback` thrown inside undoes the writes and returns its outcome. */
export async function inTransactionOr<T, R>(ctx: RequestContext, fn: () => Promise<T>): Promise<T | R> {
  try {
    return await inTransaction(ctx, fn);
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as R;
    throw error;
  }
}
