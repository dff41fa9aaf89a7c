import { setTransactionTenant, systemCaller, type RequestContext } from '../context.js';
import { ADMIN_SCOPES } from '../scopes.js';
import type { SubgraphRuntime } from '../subgraph.js';
import { DeadLetterEventEntity } from './dead-letter-event.entity.js';
import type { DomainEvent, EventHandler } from './domain-event.js';

/** One event for `consumeBatch`, with the handler that applies it. */
export interface BatchItem {
  event: DomainEvent;
  handler: EventHandler;
  /** Mark the event's dead letter resolved in the same transaction (an admin's retry of it). */
  settlesDeadLetter: boolean;
}

/** What became of one item: applied, found consumed already, or failed (nothing of it committed). */
export type BatchOutcome = { outcome: 'applied' | 'duplicate' } | { error: unknown };

/**
 * A system caller with an admin's scopes for the event's merchant: handlers call the same services
 * the API does, and the tenant filter and RLS confine them to that merchant. It keeps the event's
 * request id, so what a handler emits in turn is traced to the request that began it.
 */
export function eventCaller(event: DomainEvent) {
  const caller = systemCaller(ADMIN_SCOPES, event.merchantId);
  return event.requestId ? { ...caller, requestId: event.requestId, correlationId: event.correlationId ?? null } : caller;
}

/**
 * Applies `items` once per consumer, in one transaction, and returns each one's outcome in order.
 *
 * One statement records every event in consumed_event first (`loyalnest_consumed_record`, a
 * SECURITY DEFINER function because a batch may hold several merchants' events and forced RLS
 * admits one merchant per statement); the events it did not record are duplicates. A redelivery
 * finds its row and changes nothing; two concurrent deliveries serialize on its primary key and the
 * second finds the first's row once it commits.
 *
 * Each recorded event then runs in a savepoint of its own, under its merchant's tenant setting and
 * its own request context (tenant filter, `emit`, after-commit work). A handler that throws rolls
 * back its savepoint and its consumed_event row, and only that item fails: the caller retries it
 * alone. The batch then commits, and only then is the after-commit work of the applied events run.
 * If the commit (or the batch's own statements) fail, every item fails and nothing is applied.
 *
 * The events are taken merchant by merchant (in arrival order within one), so the tenant setting
 * changes once per merchant rather than once per event. An event listed twice is applied once:
 * its later copies share the first's fate, as 'duplicate' when it was applied.
 */
export async function consumeBatch(runtime: SubgraphRuntime, items: BatchItem[]): Promise<BatchOutcome[]> {
  const consumer = runtime.name;
  const outcomes: (BatchOutcome | undefined)[] = items.map(() => undefined);
  const firsts = new Map<string, number>();
  items.forEach(({ event }, i) => {
    if (!firsts.has(event.id)) firsts.set(event.id, i);
  });
  const unique = [...firsts.values()];
  const applied: { index: number; ctx: RequestContext }[] = [];
  // No merchant of its own: outside the events' savepoints it fails closed like any tenantless context.
  const owner = runtime.createContext(systemCaller([], null));
  await owner.em.begin();
  try {
    const rows = await owner.em.execute<{ event_id: string }[]>('select event_id from loyalnest_consumed_record(?, ?::uuid[], ?::uuid[]) as r(event_id)', [
      consumer,
      pgArray(unique.map((i) => items[i].event.id)),
      pgArray(unique.map((i) => items[i].event.merchantId)),
    ]);
    const recorded = new Set(rows.map((row) => row.event_id));
    let tenant: string | null = null;
    for (const index of byMerchant(unique, items)) {
      const { event, handler, settlesDeadLetter } = items[index];
      if (!recorded.has(event.id)) {
        outcomes[index] = { outcome: 'duplicate' };
        continue;
      }
      // Set outside the savepoint, so a rolled-back event leaves it standing for the next one.
      if (tenant !== event.merchantId) {
        await setTransactionTenant(owner.em, event.merchantId);
        tenant = event.merchantId;
      }
      const ctx = runtime.createContext(eventCaller(event));
      await ctx.em.begin({ ctx: owner.em.getTransactionContext() });
      try {
        await handler(ctx, event, runtime);
        if (settlesDeadLetter) {
          await ctx.em.nativeUpdate(DeadLetterEventEntity, { consumer, eventId: event.id, status: { $ne: 'resolved' } }, { status: 'resolved', resolvedAt: new Date() });
        }
        await ctx.em.commit();
        applied.push({ index, ctx });
      } catch (error) {
        ctx.discardAfterCommit();
        // A failure here (the connection lost) is the whole batch's: it propagates.
        await ctx.em.rollback();
        // The batch's insert recorded it before the savepoint; a retry must find it unconsumed.
        await owner.em.execute('delete from consumed_event where consumer = ? and event_id = ?', [consumer, event.id]);
        outcomes[index] = { error };
      }
    }
    await owner.em.commit();
  } catch (error) {
    await owner.em.rollback().catch(() => {});
    for (const { ctx } of applied) ctx.discardAfterCommit();
    return items.map((item, i) => (i === firsts.get(item.event.id) && outcomes[i] && 'error' in outcomes[i] ? outcomes[i] : { error }));
  }
  await Promise.all(
    applied.map(async ({ index, ctx }) => {
      outcomes[index] = { outcome: 'applied' };
      await ctx.runAfterCommit();
    }),
  );
  return items.map((item, i) => {
    const first = outcomes[firsts.get(item.event.id)!]!;
    return i === firsts.get(item.event.id) || 'error' in first ? first : { outcome: 'duplicate' };
  });
}

/** `indexes` ordered by their events' merchants, in first-seen order of merchant, stable within one. */
function byMerchant(indexes: number[], items: BatchItem[]): number[] {
  const rank = new Map<string, number>();
  for (const i of indexes) if (!rank.has(items[i].event.merchantId)) rank.set(items[i].event.merchantId, rank.size);
  return indexes.slice().sort((a, b) => rank.get(items[a].event.merchantId)! - rank.get(items[b].event.merchantId)!);
}

/**
 * A PostgreSQL array literal of UUIDs, cast to `uuid[]` by the statement (which rejects anything
 * else). One text parameter rather than a parameter per element, so a batch is one fixed statement.
 */
function pgArray(values: string[]): string {
  return `{${values.join(',')}}`;
}
