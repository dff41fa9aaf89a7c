import type { DomainEvent, EventOrigin, RequestContext } from '@loyalnest/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoadedProgram, TierMemberService } from './tier-member.service.js';

/**
 * What a consumer batch shares for one merchant's events: the program read once, the existing
 * members its ledger events lock up front (one statement, in id order), and the customer each
 * applied event touched, all re-placed together once the merchant's events are applied
 * (`finishBatch`).
 */
export interface TierBatch {
  program: LoadedProgram;
  locked: Set<string>;
  /** Event id → the customer it touched: only the events that applied count at the finish. */
  touched: Map<string, string>;
}

/**
 * The tier domain's side of the kit's consumer batches (`prepareMerchantEvents`,
 * `finishMerchantEvents`): what the order, points and customer consumers call, so that a batch's
 * events share one program read and one lock statement, and every customer they touched is placed
 * once, by `TierMemberService.evaluateMany`, after the last of them.
 */
export class TierBatchService {
  constructor(private readonly members: TierMemberService) {}

  /**
   * A consumer batch's preparation for one merchant (`prepareMerchantEvents`): the program, and the
   * locks of those of `customerIds` (the customers of its ledger events) who are members, taken
   * together in id order before any event runs, so their events need no lock statement of their
   * own. A customer not yet a member gets their row and lock from their event (`lockFor`), in the
   * event's savepoint, so an event that fails leaves no unplaced member behind.
   */
  async prepareBatch(em: EntityManager, merchantId: string, customerIds: string[]): Promise<TierBatch> {
    const program = await this.members.load(em, merchantId);
    const sorted = [...new Set(customerIds.map((c) => c.toLowerCase()))].sort();
    const locked = sorted.length ? await this.members.lockExisting({ em, merchantId }, sorted) : [];
    return { program, locked: new Set(locked.map((r) => r.customer_id)), touched: new Map() };
  }

  /** An event handler's view of its batch (`undefined` when the batch could not prepare): adopts the batch's program. */
  batchOf(ctx: RequestContext, prepared: unknown): TierBatch | undefined {
    const batch = prepared as TierBatch | undefined;
    if (batch) this.members.adopt(ctx, batch.program);
    return batch;
  }

  /** Takes the customer's member lock, unless its batch took it up front. Before any write to the customer's ledger rows. */
  async lockFor(ctx: RequestContext, batch: TierBatch | undefined, customerId: string): Promise<void> {
    if (!batch?.locked.has(customerId.toLowerCase())) await this.members.lock(ctx, [customerId]);
  }

  /**
   * Re-places the customer after `event`: in a batch, once with the rest of the batch's customers
   * when the merchant's events are applied (`finishBatch`); alone, at once.
   */
  async placeAfter(ctx: RequestContext, batch: TierBatch | undefined, event: DomainEvent, customerId: string): Promise<void> {
    if (batch) batch.touched.set(event.id, customerId);
    else await this.members.evaluate(ctx, customerId, 'event');
  }

  /**
   * The batch's finish (`finishMerchantEvents`): every customer an applied event touched, re-placed
   * in one `evaluateMany`, each one's events attributed to the request of the last event that
   * touched them.
   */
  async finishBatch(ctx: RequestContext, prepared: unknown, applied: DomainEvent[]): Promise<void> {
    const batch = prepared as TierBatch;
    // Without a request id, the customer's events take the finish context's own.
    const origins = new Map<string, EventOrigin | undefined>();
    for (const event of applied) {
      const customerId = batch.touched.get(event.id)?.toLowerCase();
      if (customerId) origins.set(customerId, event.requestId ? { requestId: event.requestId, correlationId: event.correlationId ?? null } : undefined);
    }
    if (origins.size === 0) return;
    this.members.adopt(ctx, batch.program);
    await this.members.evaluateMany(ctx, [...origins.keys()], 'event', new Date(), origins);
  }
}
