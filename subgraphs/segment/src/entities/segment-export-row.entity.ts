import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * One member of an export as its first batch found them (ids, scores, segment, since; no PII),
 * numbered from 1 in customer id order: the batches write them in that order.
 */
export const SegmentExportRowEntity = defineEntity({
  name: 'SegmentExportRow',
  tableName: 'segment_export_row',
  properties: {
    exportId: p.uuid().primary(),
    ordinal: p.integer().primary(),
    merchantId: p.uuid(),
    customerId: p.uuid(),
    recency: p.smallint().nullable(),
    frequency: p.smallint().nullable(),
    monetary: p.smallint().nullable(),
    segment: p.string().length(64).nullable(),
    since: p.datetime().nullable(),
  },
  ...tenantOwned('segment_export_row'),
});

export type SegmentExportRow = InferEntity<typeof SegmentExportRowEntity>;
