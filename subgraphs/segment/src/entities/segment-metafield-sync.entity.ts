import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A customer whose Shopify metafield (`loyalnest.segment`) must be written: one row per customer,
 * whatever the number of changes, since the value sent is the customer's segment when it is sent.
 * Removed once written; `failed` when given up on (see `SegmentMetafieldSyncService`).
 */
export const SegmentMetafieldSyncEntity = defineEntity({
  name: 'SegmentMetafieldSync',
  tableName: 'segment_metafield_sync',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    /** Counts the requests; a send removes the row only when none came while it was sent. */
    generation: p.bigint('number').default(1),
    status: p.enum(['pending', 'failed'] as const).default('pending'),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    leasedUntil: p.datetime().nullable(),
    lastError: p.string().length(1000).nullable(),
    queuedAt: p.datetime(),
  },
  ...tenantOwned('segment_metafield_sync'),
});

export type SegmentMetafieldSync = InferEntity<typeof SegmentMetafieldSyncEntity>;
