import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A customer's scores and RFM segment as a run found them, recorded only when they changed
 * (`previousSegment` is the segment before; both null for a customer leaving every segment).
 * The table is partitioned by month on `recordedAt`.
 */
export const SegmentHistoryEntity = defineEntity({
  name: 'SegmentHistory',
  tableName: 'segment_history',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    recordedAt: p.datetime().primary(),
    runId: p.uuid().primary(),
    recency: p.smallint().nullable(),
    frequency: p.smallint().nullable(),
    monetary: p.smallint().nullable(),
    segment: p.string().length(64).nullable(),
    previousSegment: p.string().length(64).nullable(),
  },
  ...tenantOwned('segment_history'),
});

export type SegmentHistory = InferEntity<typeof SegmentHistoryEntity>;
