import { inRequestTransaction, type RequestContext } from '@loyalnest/kit';

/** Outcomes that end the transaction without its writes, returned rather than thrown. */
export class Rollback<T> extends Error {
  constructor(readonly outcome: T) {
    super('rolled back');
  }
}

/** Like the kit's `inRequestTransaction`, but a `Rollback` thrown inside undoes the writes and returns its outcome. */
export async function inTransactionOr<T, R>(ctx: RequestContext, fn: () => Promise<T>): Promise<T | R> {
  try {
    return await inRequestTransaction(ctx, fn);
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as R;
    throw error;
  }
}
