import type { RequestContext } from './context.js';

/**
 * Runs `fn` in the transaction the request's EntityManager is in (an event handler's, which the
 * consumer owns and commits), or else in one of its own on that same EntityManager, committed
 * with everything `fn` flushed or left to flush (its `ctx.emit` outbox rows included), then runs
 * what it queued for after the commit. Either way a change and the events reporting it commit or
 * roll back together.
 */
export async function inRequestTransaction<T>(ctx: RequestContext, fn: () => Promise<T>): Promise<T> {
  if (ctx.em.isInTransaction()) return fn();
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
