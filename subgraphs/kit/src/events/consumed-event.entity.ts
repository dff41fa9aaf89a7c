import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { tenantOwned } from '../tenancy.js';

/**
 * An event a consumer has applied, written in the same transaction as the handler's effects:
 * the primary key makes a redelivery find it and change nothing.
 */
export const ConsumedEventEntity = defineEntity({
  name: 'ConsumedEvent',
  tableName: 'consumed_event',
  properties: {
    consumer: p.string().length(50).primary(),
    eventId: p.uuid().primary(),
    merchantId: p.uuid(),
    consumedAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['consumedAt'], name: 'consumed_event_consumed_at_index' }],
  ...tenantOwned('consumed_event'),
});

export type ConsumedEvent = InferEntity<typeof ConsumedEventEntity>;
