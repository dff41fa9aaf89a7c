import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { tenantOwned } from '../tenancy.js';

/**
 * How often an event stopped this store's consumer's worker mid-job (see `EventConsumer`). Kept in
 * the store, not in Redis, so the count survives BullMQ removing the job and the relay publishing
 * it again; reset when the event is dead-lettered for it, so an admin's retry gets a fresh count.
 */
export const EventStallEntity = defineEntity({
  name: 'EventStall',
  tableName: 'event_stall',
  properties: {
    consumer: p.string().length(50).primary(),
    eventId: p.uuid().primary(),
    merchantId: p.uuid(),
    stalls: p.integer(),
    stalledAt: p.datetime(),
  },
  indexes: [{ properties: ['stalledAt'], name: 'event_stall_stalled_at_index' }],
  ...tenantOwned('event_stall'),
});

export type EventStall = InferEntity<typeof EventStallEntity>;
