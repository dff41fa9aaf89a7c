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
 * How long an event of a batch waits for a lock before it steps out of the batch. A batch holds
 * every lock its events took until it commits, so two batches touching the same rows (one
 * customer's orders, a delivery redelivered while it runs) would wait on each other for whole
 * batches, or deadlock; an event that meets such a lock is run again on its own right after its
 * batch, holding no other event's locks, as events ran before batching.
 */
const BATCH_LOCK_TIMEOUT_MS = 100;

/** SQLSTATEs of a lock not granted in time (`lock_timeout`) and of a deadlock victim. */
const CONTENDED = new Set(['55P03', '40P01']);

/** `alone`: the event must run again in a transaction of its own (it met a lock, or the finish it shared failed). */
type TogetherOutcome = BatchOutcome | { alone: true };

/**
 * Applies `items` once per consumer and returns each one's outcome in order: together in one
 * transaction (`applyTogether`), then each event that met another transaction's lock there on its
 * own, in a transaction of its own, as a batch of one. Only a batch of one waits for locks as long
 * as it takes.
 */
export async function consumeBatch(runtime: SubgraphRuntime, items: BatchItem[]): Promise<BatchOutcome[]> {
  if (items.length === 1) return (await applyTogether(runtime, items, null)) as BatchOutcome[];
  const outcomes = await applyTogether(runtime, items, BATCH_LOCK_TIMEOUT_MS);
  return Promise.all(items.map(async (item, i) => ('alone' in outcomes[i] ? (await applyTogether(runtime, [item], null))[0] : outcomes[i]) as BatchOutcome));
}

/**
 * Applies `items` in one transaction.
 *
 * One statement records every event in consumed_event first (`loyalnest_consumed_record`, a
 * SECURITY DEFINER function because a batch may hold several merchants' events and forced RLS
 * admits one merchant per statement); the events it did not record are duplicates. A redelivery
 * finds its row and changes nothing; two concurrent deliveries serialize on its primary key and the
 * second finds the first's row once it commits.
 *
 * The events are taken merchant by merchant (in arrival order within one), so the tenant setting
 * changes once per merchant rather than once per event, between the module's preparation and
 * finish for them (`applyMerchant`). Each recorded event runs in a savepoint of its own, under its
 * own request context (tenant filter, `emit`, after-commit work). A handler that throws rolls back
 * its savepoint and its consumed_event row, and only that item fails: BullMQ retries its job. The
 * batch then commits, and only then is the after-commit work of the applied events run. If the
 * commit (or the batch's own statements) fail, every item fails and nothing is applied. With
 * `lockTimeoutMs` (a batch of several), an event (or the batch's insert) that waits longer for a
 * lock, or is a deadlock's victim, is rolled back the same way and run again alone, as are the
 * events of a merchant whose finish failed: a fault of one customer's shared work must not fail
 * the other events beside it, attempt after attempt.
 *
 * An event listed twice is applied once: its later copies share the first's fate, as 'duplicate'
 * when it was applied.
 */
async function applyTogether(runtime: SubgraphRuntime, items: BatchItem[], lockTimeoutMs: number | null): Promise<TogetherOutcome[]> {
  const consumer = runtime.name;
  const outcomes: (TogetherOutcome | undefined)[] = items.map(() => undefined);
  const firsts = new Map<string, number>();
  items.forEach(({ event }, i) => {
    if (!firsts.has(event.id)) firsts.set(event.id, i);
  });
  const unique = [...firsts.values()];
  const applied: Applied[] = [];
  const failure = (error: unknown): TogetherOutcome => (lockTimeoutMs !== null && isContended(error) ? { alone: true } : { error });
  // A batch of one has no one else to blame: its finish's failure is its own.
  const finishFailure = (error: unknown): TogetherOutcome => (lockTimeoutMs !== null ? { alone: true } : { error });
  // No merchant of its own: outside the events' savepoints it fails closed like any tenantless context.
  const owner = runtime.createContext(systemCaller([], null));
  try {
    await owner.em.begin();
    if (lockTimeoutMs !== null) await owner.em.execute("select set_config('lock_timeout', ?, true)", [`${lockTimeoutMs}ms`]);
    const rows = await owner.em.execute<{ event_id: string }[]>('select event_id from loyalnest_consumed_record(?, ?::uuid[], ?::uuid[]) as r(event_id)', [
      consumer,
      pgArray(unique.map((i) => items[i].event.id)),
      pgArray(unique.map((i) => items[i].event.merchantId)),
    ]);
    const recorded = new Set(rows.map((row) => row.event_id));
    for (const index of unique) if (!recorded.has(items[index].event.id)) outcomes[index] = { outcome: 'duplicate' };
    for (const group of byMerchant(unique.filter((i) => recorded.has(items[i].event.id)), items)) {
      applied.push(...(await applyMerchant(runtime, owner, items, group, outcomes, failure, finishFailure)));
    }
    await owner.em.commit();
  } catch (error) {
    if (owner.em.isInTransaction()) await owner.em.rollback().catch(() => {});
    for (const { ctx } of applied) ctx.discardAfterCommit();
    const whole = failure(error);
    return items.map((item, i) => (i === firsts.get(item.event.id) && outcomes[i] && !('outcome' in outcomes[i]) ? outcomes[i] : whole));
  }
  await Promise.all(
    applied.map(async ({ index, ctx }) => {
      if (index !== null) outcomes[index] = { outcome: 'applied' };
      await ctx.runAfterCommit();
    }),
  );
  return items.map((item, i) => {
    const firstIndex = firsts.get(item.event.id)!;
    const first = outcomes[firstIndex]!;
    return i === firstIndex || !('outcome' in first) ? first : { outcome: 'duplicate' };
  });
}

/** A context whose work the batch's commit keeps: an applied event's (its item's index), or a merchant's finish (`null`). */
interface Applied {
  index: number | null;
  ctx: RequestContext;
}

/**
 * Applies one merchant's recorded events (`group`, indexes into `items`) in the batch's
 * transaction and returns the contexts whose work stands; the outcome of each event that failed is
 * set in `outcomes`.
 *
 * The module prepares once for them (`prepareMerchant`), then each event runs in its savepoint.
 * When the module finishes too (and prepared), the events' savepoints nest in one savepoint of the
 * merchant's, and the finish runs last, in it. A finish that throws rolls the merchant savepoint
 * back: every event of the merchant fails (`finishFailure`), and all their consumed_event rows go
 * (a failed event's row was deleted inside the savepoint, so the rollback brought it back), so that
 * each runs again and none is taken for consumed.
 */
async function applyMerchant(
  runtime: SubgraphRuntime,
  owner: RequestContext,
  items: BatchItem[],
  group: number[],
  outcomes: (TogetherOutcome | undefined)[],
  failure: (error: unknown) => TogetherOutcome,
  finishFailure: (error: unknown) => TogetherOutcome,
): Promise<Applied[]> {
  const consumer = runtime.name;
  const events = group.map((i) => items[i].event);
  const merchantId = events[0].merchantId;
  // Set outside every savepoint, so a rolled-back event leaves it standing for the next one.
  await setTransactionTenant(owner.em, merchantId);
  const prepared = await prepareMerchant(runtime, owner, merchantId, events);
  const finish = prepared === undefined ? undefined : runtime.module.finishMerchantEvents;
  // The finish's own context; what it emits names its cause itself (`EventOrigin`).
  const merchant = finish ? runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId)) : owner;
  if (finish) await merchant.em.begin({ ctx: owner.em.getTransactionContext() });
  const applied: Applied[] = [];
  for (const index of group) {
    const { event, handler, settlesDeadLetter } = items[index];
    const ctx = runtime.createContext(eventCaller(event));
    await ctx.em.begin({ ctx: merchant.em.getTransactionContext() });
    try {
      await handler(ctx, event, runtime, prepared);
      if (settlesDeadLetter) {
        await ctx.em.nativeUpdate(DeadLetterEventEntity, { consumer, eventId: event.id, status: { $ne: 'resolved' } }, { status: 'resolved', resolvedAt: new Date() });
      }
      // Flushed, not released: the next event's savepoint nests inside this one, which saves a
      // round trip per event, and rolling back to it (the innermost of that name) still undoes
      // that event alone. The batch's commit (or the merchant savepoint's release) keeps them all.
      await ctx.em.flush();
      applied.push({ index, ctx });
    } catch (error) {
      ctx.discardAfterCommit();
      // A failure here (the connection lost) is the whole batch's: it propagates.
      await ctx.em.rollback();
      // The batch's insert recorded it before the savepoint; a retry must find it unconsumed.
      await merchant.em.execute('delete from consumed_event where consumer = ? and event_id = ?', [consumer, event.id]);
      outcomes[index] = failure(error);
    }
  }
  if (!finish) return applied;
  if (applied.length === 0) {
    // Released: a later merchant's savepoint of the same name is then its own.
    await merchant.em.commit();
    return applied;
  }
  try {
    await finish(merchant, prepared, applied.map(({ index }) => items[index!].event), runtime);
    await merchant.em.flush();
    await merchant.em.commit();
    return [...applied, { index: null, ctx: merchant }];
  } catch (error) {
    merchant.discardAfterCommit();
    for (const { ctx } of applied) ctx.discardAfterCommit();
    await merchant.em.rollback();
    await owner.em.execute('delete from consumed_event where consumer = ? and event_id = any(?::uuid[])', [consumer, pgArray(events.map((e) => e.id))]);
    for (const { index } of applied) outcomes[index!] = finishFailure(error);
    return [];
  }
}

/**
 * The module's preparation for one merchant's events of the batch, in a savepoint of its own that
 * is released (its locks then belong to the batch) or, when it fails (a lock not granted within
 * the batch's timeout, say), rolled back: that merchant's handlers then get `undefined` and do the
 * work themselves, each in its own savepoint, so a failure stays with the events it concerns.
 */
async function prepareMerchant(runtime: SubgraphRuntime, owner: RequestContext, merchantId: string, events: DomainEvent[]): Promise<unknown> {
  const prepare = runtime.module.prepareMerchantEvents;
  if (!prepare) return undefined;
  const ctx = runtime.createContext(eventCaller(events[0]));
  await ctx.em.begin({ ctx: owner.em.getTransactionContext() });
  try {
    const prepared = await prepare({ em: ctx.em, merchantId }, events, runtime);
    await ctx.em.commit();
    return prepared;
  } catch {
    await ctx.em.rollback();
    return undefined;
  }
}

function isContended(error: unknown): boolean {
  return typeof error === 'object' && error !== null && CONTENDED.has(String((error as { code?: unknown }).code));
}

/** `indexes` grouped by their events' merchants, in first-seen order of merchant, in arrival order within one. */
function byMerchant(indexes: number[], items: BatchItem[]): number[][] {
  const groups = new Map<string, number[]>();
  for (const i of indexes) {
    const merchantId = items[i].event.merchantId;
    if (!groups.has(merchantId)) groups.set(merchantId, []);
    groups.get(merchantId)!.push(i);
  }
  return [...groups.values()];
}

/**
 * A PostgreSQL array literal of UUIDs, cast to `uuid[]` by the statement (which rejects anything
 * else). One text parameter rather than a parameter per element, so a batch is one fixed statement.
 */
function pgArray(values: string[]): string {
  return `{${values.join(',')}}`;
}
