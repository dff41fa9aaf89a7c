import { expect } from '@jest/globals';
import { consumeEvent, inRequestTransaction, systemCaller, type DomainEvent, type EventPayload, type Topic } from '@loyalnest/kit';
import { SEGMENT_CHANGED, SEGMENTS_UPDATED, type SegmentChanged } from '@loyalnest/segment/topics';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import type { TestGateway } from './gateway.js';
import { runtime } from './tenants.js';

/**
 * Stands in for the segment domain's engine and settings (other parts of the domain): emits one of
 * its events from the segment store's outbox in a transaction of its own, as the recompute or
 * `updateSegments` commits it, optionally with rows of the same transaction (`also`, run on its
 * connection under the merchant's tenant). Returns the event's id.
 */
export async function emitSegmentEvent<P extends EventPayload>(
  gateway: TestGateway,
  merchantId: string,
  topic: Topic<P>,
  payload: P,
  also?: (execute: (sql: string, params: unknown[]) => Promise<unknown>) => Promise<void>,
): Promise<string> {
  const ctx = runtime(gateway, 'segment').createContext({ ...systemCaller([], merchantId), requestId: randomUUID() });
  return inRequestTransaction(ctx, async () => {
    if (also) await also((sql, params) => ctx.em.execute(sql, params as never[]));
    const eventId = ctx.emit(topic, payload);
    await ctx.em.flush();
    return eventId;
  });
}

/** A movement of `customerId` from one RFM segment to another in a run, with the scores of `to`. */
export function movement(customerId: string, from: string | null, to: string | null, runId: string = randomUUID(), scores: [number, number, number] = [5, 5, 5]): SegmentChanged {
  return { customerId, from, to, runId, recency: to ? scores[0] : null, frequency: to ? scores[1] : null, monetary: to ? scores[2] : null };
}

/** Emits `segment.changed` and writes the customer's segment as the recompute commits both (`segment_customer`, the engine's row). */
export async function emitMovement(gateway: TestGateway, merchantId: string, change: SegmentChanged): Promise<string> {
  return emitSegmentEvent(gateway, merchantId, SEGMENT_CHANGED, change, (execute) => scoreRow(execute, merchantId, change));
}

async function scoreRow(execute: (sql: string, params: unknown[]) => Promise<unknown>, merchantId: string, change: SegmentChanged): Promise<void> {
  await execute(
    `insert into segment_customer (merchant_id, customer_id, recency, frequency, monetary, segment, segment_since, run_id, scored_at)
     values (?, ?, ?, ?, ?, ?, case when ? is null then null else now() end, ?, now())
     on conflict (merchant_id, customer_id) do update set recency = excluded.recency, frequency = excluded.frequency, monetary = excluded.monetary,
       segment = excluded.segment, segment_since = excluded.segment_since, run_id = excluded.run_id, scored_at = excluded.scored_at`,
    [merchantId, change.customerId, change.recency, change.frequency, change.monetary, change.to, change.to, change.runId],
  );
}

/** Writes customers' segments as the recompute leaves them, without an event (customers scored before the sync was switched on). */
export async function scoreCustomers(merchantId: string, customers: { customerId: string; segment: string }[]): Promise<void> {
  await withOwnerDb('segment', (db) =>
    db.query(
      `insert into segment_customer (merchant_id, customer_id, recency, frequency, monetary, segment, segment_since, scored_at)
       select $1, c, 3, 3, 3, s, now(), now() from unnest($2::uuid[], $3::text[]) as t(c, s)
       on conflict (merchant_id, customer_id) do update set segment = excluded.segment, recency = 3, frequency = 3, monetary = 3`,
      [merchantId, customers.map((c) => c.customerId), customers.map((c) => c.segment)],
    ),
  );
}

/**
 * Turns the merchant's metafield sync on or off as `updateSegments` does: the settings row at the
 * next version and `segments.updated` in one transaction. Returns the event's id.
 */
export async function setMetafieldSync(gateway: TestGateway, merchantId: string, on: boolean): Promise<string> {
  const [{ version }] = await withOwnerDb('segment', async (db) =>
    (await db.query<{ version: number }>('select coalesce(max(version), 0) + 1 as version from segment_settings where merchant_id = $1', [merchantId])).rows,
  );
  return emitSegmentEvent(gateway, merchantId, SEGMENTS_UPDATED, { version, handles: [], windowDays: 365, scoring: 'quintile', syncMetafield: on, rescore: false }, async (execute) => {
    await execute(
      `insert into segment_settings (merchant_id, sync_metafield, version, updated_at) values (?, ?, ?, now())
       on conflict (merchant_id) do update set sync_metafield = excluded.sync_metafield, version = excluded.version, updated_at = now()`,
      [merchantId, on, version],
    );
  });
}

/** The segment store's event, once the segment subgraph has consumed it; fails if it was dead-lettered. */
export async function consumedSegmentEvent(eventId: string): Promise<DomainEvent> {
  return eventually(
    async () => {
      const { rows } = await withOwnerDb('segment', (db) =>
        db.query<{ consumed: boolean; dead: boolean }>(
          `select exists (select 1 from consumed_event where consumer = 'segment' and event_id = $1) as consumed,
                  exists (select 1 from dead_letter_event where consumer = 'segment' and event_id = $1) as dead`,
          [eventId],
        ),
      );
      if (rows[0].dead) throw new Error(`segment dead-lettered ${eventId}`);
      if (!rows[0].consumed) return undefined;
      const { rows: events } = await withOwnerDb('segment', (db) =>
        db.query<{ id: string; merchant_id: string; topic: string; version: number; occurred_at: Date; payload: Record<string, unknown> }>(
          'select id, merchant_id, topic, version, occurred_at, payload from outbox_event where id = $1',
          [eventId],
        ),
      );
      const r = events[0];
      return { id: r.id, merchantId: r.merchant_id, topic: r.topic, version: r.version, occurredAt: r.occurred_at.toISOString(), payload: r.payload };
    },
    30_000,
    `segment consuming ${eventId}`,
  );
}

/**
 * Delivers a consumed segment event again: twice at once (both found consumed), then once more
 * after its consumed record is gone (pruned), which applies it again.
 */
export async function redeliverSegmentEvent(gateway: TestGateway, eventId: string): Promise<void> {
  const event = await consumedSegmentEvent(eventId);
  const target = runtime(gateway, 'segment');
  const handler = target.module.consumes![event.topic];
  expect(await Promise.all([consumeEvent(target, handler, event), consumeEvent(target, handler, event)])).toEqual(['duplicate', 'duplicate']);
  await withOwnerDb('segment', (db) => db.query("delete from consumed_event where consumer = 'segment' and event_id = $1", [eventId]));
  expect(await consumeEvent(target, handler, event)).toBe('applied');
}

/** The merchant's rows of the metafield sync queue. */
export async function syncQueue(merchantId: string): Promise<{ customer_id: string; status: string; attempts: number; last_error: string | null; due: boolean }[]> {
  return withOwnerDb('segment', async (db) =>
    (
      await db.query(
        'select customer_id, status, attempts, last_error, next_attempt_at <= now() as due from segment_metafield_sync where merchant_id = $1 order by customer_id',
        [merchantId],
      )
    ).rows,
  );
}
