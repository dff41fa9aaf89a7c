import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** One batch's CSV lines of an export, encrypted (`FieldCipher`, bound to merchant, export and chunk). */
export const SegmentExportChunkEntity = defineEntity({
  name: 'SegmentExportChunk',
  tableName: 'segment_export_chunk',
  properties: {
    exportId: p.uuid().primary(),
    seq: p.integer().primary(),
    merchantId: p.uuid(),
    rows: p.integer(),
    content: p.text(),
  },
  ...tenantOwned('segment_export_chunk'),
});

export type SegmentExportChunk = InferEntity<typeof SegmentExportChunkEntity>;
