import { expect } from '@jest/globals';
import { consumeEvent, inRequestTransaction, systemCaller, type DomainEvent, type EventPayload, type Topic } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import type { TestGateway } from './gateway.js';
import { runtime } from './tenants.js';

/**
 * Stands in for the referral domain's services: emits one of its events from the referral store's
 * outbox in a transaction of its own, as a service commits it, so the consumers of other domains
 * (points) and of the referral domain itself (Flow triggers) are tested on the events the
 * referral services will emit. Returns the event's id.
 */
export async function emitReferralEvent<P extends EventPayload>(gateway: TestGateway, merchantId: string, topic: Topic<P>, payload: P): Promise<string> {
  const ctx = runtime(gateway, 'referral').createContext({ ...systemCaller([], merchantId), requestId: randomUUID() });
  return inRequestTransaction(ctx, async () => {
    const eventId = ctx.emit(topic, payload);
    await ctx.em.flush();
    return eventId;
  });
}

/** The referral store's event as the relay published it, once `consumer`'s subgraph has consumed it (or dead-lettered it). */
export async function consumedReferralEvent(consumer: string, eventId: string): Promise<DomainEvent> {
  return eventually(
    async () => {
      const done = await withOwnerDb(consumer, (db) =>
        db.query('select 1 from consumed_event where consumer = $1 and event_id = $2 union all select 1 from dead_letter_event where consumer = $1 and event_id = $2', [consumer, eventId]),
      );
      if (!done.rowCount) return undefined;
      const { rows } = await withOwnerDb('referral', (db) =>
        db.query<{ id: string; merchant_id: string; topic: string; version: number; occurred_at: Date; payload: Record<string, unknown> }>(
          'select id, merchant_id, topic, version, occurred_at, payload from outbox_event where id = $1',
          [eventId],
        ),
      );
      const r = rows[0];
      return { id: r.id, merchantId: r.merchant_id, topic: r.topic, version: r.version, occurredAt: r.occurred_at.toISOString(), payload: r.payload };
    },
    20_000,
    `${consumer} consuming ${eventId}`,
  );
}

/**
 * Delivers a consumed referral event to `consumer` again: twice at once (both found consumed), then
 * once more after its consumed record is gone (pruned), which applies it again: whatever the
 * consumer does must not happen twice.
 */
export async function redeliverReferralEvent(gateway: TestGateway, consumer: string, eventId: string): Promise<void> {
  const event = await consumedReferralEvent(consumer, eventId);
  const target = runtime(gateway, consumer);
  const handler = target.module.consumes![event.topic];
  expect(await Promise.all([consumeEvent(target, handler, event), consumeEvent(target, handler, event)])).toEqual(['duplicate', 'duplicate']);
  await withOwnerDb(consumer, (db) => db.query('delete from consumed_event where consumer = $1 and event_id = $2', [consumer, eventId]));
  expect(await consumeEvent(target, handler, event)).toBe('applied');
}
