import { expect } from '@jest/globals';
import { consumeEvent, inRequestTransaction, systemCaller, type DomainEvent, type EventPayload, type Topic } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import type { TestGateway } from './gateway.js';
import { runtime } from './tenants.js';

/** Fast event delivery and retries. */
export const SEGMENT_EVENTS_ENV = { EVENTS_ATTEMPTS: '3', EVENTS_BACKOFF_MS: '50', EVENTS_POLL_MS: '100' };

/**
 * Stands in for another domain's service: emits one of its events from `store`'s outbox in a
 * transaction of its own, as a service commits it (at `occurredAt` when given), so the segment
 * consumers are tested on the events the producers emit, through the relay and the queues.
 */
export async function emitFrom<P extends EventPayload>(gateway: TestGateway, store: string, merchantId: string, topic: Topic<P>, payload: P, occurredAt?: Date): Promise<string> {
  const ctx = runtime(gateway, store).createContext({ ...systemCaller([], merchantId), requestId: randomUUID() });
  return inRequestTransaction(ctx, async () => {
    const eventId = ctx.emit(topic, payload);
    await ctx.em.flush();
    if (occurredAt) await ctx.em.execute('update outbox_event set occurred_at = ? where id = ?', [occurredAt, eventId]);
    return eventId;
  });
}

/** `store`'s event as the relay published it, once the segment subgraph consumed it; fails at once if it was dead-lettered. */
export async function consumedBySegment(store: string, eventId: string): Promise<DomainEvent> {
  return eventually(
    async () => {
      const dead = await withOwnerDb('segment', (db) => db.query<{ error: string }>("select error from dead_letter_event where consumer = 'segment' and event_id = $1", [eventId]));
      if (dead.rowCount) throw new Error(`segment dead-lettered ${eventId}: ${dead.rows[0].error}`);
      const done = await withOwnerDb('segment', (db) => db.query("select 1 from consumed_event where consumer = 'segment' and event_id = $1", [eventId]));
      if (!done.rowCount) return undefined;
      const { rows } = await withOwnerDb(store, (db) =>
        db.query<{ id: string; merchant_id: string; topic: string; version: number; occurred_at: Date; payload: Record<string, unknown> }>(
          'select id, merchant_id, topic, version, occurred_at, payload from outbox_event where id = $1',
          [eventId],
        ),
      );
      const r = rows[0];
      return { id: r.id, merchantId: r.merchant_id, topic: r.topic, version: r.version, occurredAt: r.occurred_at.toISOString(), payload: r.payload };
    },
    30_000,
    `segment consuming ${eventId}`,
  );
}

/** Emits and waits until the segment subgraph consumed it. */
export async function deliverToSegment<P extends EventPayload>(gateway: TestGateway, store: string, merchantId: string, topic: Topic<P>, payload: P, occurredAt?: Date): Promise<string> {
  const id = await emitFrom(gateway, store, merchantId, topic, payload, occurredAt);
  await consumedBySegment(store, id);
  return id;
}

/**
 * Delivers a consumed event to the segment subgraph again: twice at once (both found consumed),
 * then once more after its consumed record is gone (pruned, or a crash lost it), which applies it
 * again: what the consumer keeps must not change.
 */
export async function redeliverToSegment(gateway: TestGateway, store: string, eventId: string): Promise<void> {
  const event = await consumedBySegment(store, eventId);
  const target = runtime(gateway, 'segment');
  const handler = target.module.consumes![event.topic];
  expect(await Promise.all([consumeEvent(target, handler, event), consumeEvent(target, handler, event)])).toEqual(['duplicate', 'duplicate']);
  await withOwnerDb('segment', (db) => db.query("delete from consumed_event where consumer = 'segment' and event_id = $1", [eventId]));
  expect(await consumeEvent(target, handler, event)).toBe('applied');
}

export interface SegmentOrderRow {
  customer_id: string;
  placed_at: Date | null;
  total_minor: string | null;
  currency: string | null;
  refunded_minor: string;
  refund_ids: string[];
  cancelled_at: Date | null;
}

/** The segment store's fact row of one order, as the owner reads it. */
export async function segmentOrder(merchantId: string, orderId: string): Promise<SegmentOrderRow | undefined> {
  const { rows } = await withOwnerDb('segment', (db) =>
    db.query<SegmentOrderRow>(
      'select customer_id, placed_at, total_minor::text, currency, refunded_minor::text, refund_ids, cancelled_at from segment_order where merchant_id = $1 and order_id = $2',
      [merchantId, orderId],
    ),
  );
  return rows[0];
}

export interface SegmentCustomerFactsRow {
  tier_id: string | null;
  tier_version: number;
  points_balance: number | null;
  points_balance_at: Date | null;
  points_entry_id: string | null;
}

export async function segmentCustomerFacts(merchantId: string, customerId: string): Promise<SegmentCustomerFactsRow | undefined> {
  const { rows } = await withOwnerDb('segment', (db) =>
    db.query<SegmentCustomerFactsRow>('select tier_id, tier_version, points_balance, points_balance_at, points_entry_id from segment_customer where merchant_id = $1 and customer_id = $2', [
      merchantId,
      customerId,
    ]),
  );
  return rows[0];
}

/**
 * A customer's orders counted in a window as the recompute counts them (not cancelled, placed in
 * the window; spend = total less refunds), read straight from the facts.
 */
export async function windowFacts(merchantId: string, customerId: string, since: Date): Promise<{ orders: number; spend: number; last: Date | null }> {
  const { rows } = await withOwnerDb('segment', (db) =>
    db.query<{ orders: number; spend: string; last: Date | null }>(
      `select count(*)::int as orders, coalesce(sum(total_minor - refunded_minor), 0)::text as spend, max(placed_at) as last
         from segment_order where merchant_id = $1 and customer_id = $2 and cancelled_at is null and placed_at >= $3`,
      [merchantId, customerId, since],
    ),
  );
  return { orders: rows[0].orders, spend: Number(rows[0].spend), last: rows[0].last };
}
