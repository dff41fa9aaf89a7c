import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { tenantOwned } from '../tenancy.js';

/**
 * The producer's memory of one event handed to one consuming subgraph. `acked_at` is set once
 * the consumer has durably dealt with the event (applied it, found it a duplicate, or
 * dead-lettered it); until then the relay publishes it again after a Redis loss or once
 * `published_at` is older than the acknowledgement timeout.
 */
export const OutboxDeliveryEntity = defineEntity({
  name: 'OutboxDelivery',
  tableName: 'outbox_delivery',
  properties: {
    eventId: p.uuid().primary(),
    consumer: p.string().length(50).primary(),
    merchantId: p.uuid(),
    /** When it was last handed to the queue. */
    publishedAt: p.datetime(),
    publishCount: p.integer().default(1),
    ackedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['consumer', 'ackedAt', 'publishedAt'], name: 'outbox_delivery_unacked_index' }],
  ...tenantOwned('outbox_delivery'),
});

export type OutboxDelivery = InferEntity<typeof OutboxDeliveryEntity>;
