import type { FilterQuery } from '@mikro-orm/postgresql';
import type { RequestContext } from '../context.js';
import { isUuid } from '../ids.js';
import { decodeCursor, pageSize, toPage, type PageInfo } from '../pagination.js';
import { DeadLetterEventEntity, type DeadLetterEvent, type DeadLetterStatusValue } from './dead-letter-event.entity.js';
import { DeadLetterEventNotFoundError, DeadLetterEventResolvedError } from './dead-letter.type.js';

/** A subgraph's dead letters, read and retried through the caller's tenant context only. */
export class DeadLetterService {
  constructor(private readonly consumer: string) {}

  async list(ctx: RequestContext, args: { first?: number | null; after?: string | null; status?: DeadLetterStatusValue | null }): Promise<{ nodes: DeadLetterEvent[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const where: FilterQuery<DeadLetterEvent> = { consumer: this.consumer };
    if (after) where.id = { $gt: after };
    if (args.status) where.status = args.status;
    const rows = await ctx.em.find(DeadLetterEventEntity, where, { orderBy: { id: 'asc' }, limit: size + 1, disableIdentityMap: true });
    return toPage(rows, size);
  }

  /**
   * Marks the dead letter RETRYING; the consumer's pump (woken by the table's NOTIFY trigger) puts
   * it back on the queue. Going through the store keeps Redis out of the request and makes the
   * request durable: if Redis loses the job, the pump enqueues it again.
   */
  async retry(ctx: RequestContext, id: string): Promise<DeadLetterEvent | DeadLetterEventNotFoundError | DeadLetterEventResolvedError> {
    const deadLetter = isUuid(id) ? await ctx.em.findOne(DeadLetterEventEntity, { id, consumer: this.consumer }) : null;
    if (!deadLetter) return new DeadLetterEventNotFoundError(id);
    if (deadLetter.status === 'resolved') return new DeadLetterEventResolvedError(id);
    ctx.em.assign(deadLetter, { status: 'retrying', retryRequestedAt: new Date(), retryEnqueuedAt: null });
    await ctx.em.flush();
    return deadLetter;
  }
}
