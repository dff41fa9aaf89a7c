import { markWake, tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

export const SEGMENT_EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;
export type SegmentExportStatus = (typeof SEGMENT_EXPORT_STATUSES)[number];

/**
 * A CSV of a segment's members (`exportSegment`), made in the background by the export job:
 * `done` of `total` rows written so far, one encrypted chunk per batch (`segment_export_chunk`),
 * downloadable until `expiresAt`, after which the prune job deletes its content. Written with SQL
 * by the services; declared so shop redaction purges it and schema diffs keep its wake trigger.
 */
export const SegmentExportEntity = defineEntity({
  name: 'SegmentExport',
  tableName: 'segment_export',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    handle: p.string().length(64),
    kind: p.string(),
    status: p.enum(SEGMENT_EXPORT_STATUSES),
    total: p.integer().default(0),
    done: p.integer().default(0),
    chunks: p.integer().default(0),
    /** Batches that failed in a row; the export fails for good at `MAX_FAILURES`. */
    failures: p.integer().default(0),
    error: p.string().length(1000).nullable(),
    requestedByKind: p.string().length(20),
    requestedById: p.string().length(255),
    createdAt: p.datetime(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    expiresAt: p.datetime(),
  },
  triggers: [markWake('segment_export_wake')],
  ...tenantOwned('segment_export'),
});

export type SegmentExport = InferEntity<typeof SegmentExportEntity>;
