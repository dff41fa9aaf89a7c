import { inRequestTransaction, isUuid, type RequestContext } from '@loyalnest/kit';
import { v7 as uuidv7 } from 'uuid';
import { LINK_LIFETIME_MS, type ExportLinkSigner } from '../domain/segment-export-link.js';
import type { SegmentExportStatus } from '../entities/segment-export.entity.js';
import { SegmentExportLimitReachedError, SegmentNotFoundError } from '../graphql/segment-export.error.js';
import type { SegmentDefinitionService } from './segment-definition.service.js';

/** Exports one merchant may have queued or running at once: each holds a snapshot of its members and a job's batches. */
export const MAX_ACTIVE_EXPORTS = 3;

/** An export as read, with a fresh download link when it is ready. */
export interface SegmentExportView {
  id: string;
  handle: string;
  status: SegmentExportStatus;
  progress: number;
  rows: number;
  processed: number;
  downloadUrl: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date;
  error: string | null;
}

interface ExportRow {
  id: string;
  merchant_id: string;
  handle: string;
  status: SegmentExportStatus;
  total: number;
  done: number;
  chunks: number;
  created_at: Date;
  finished_at: Date | null;
  expires_at: Date;
  error: string | null;
}

const COLUMNS = 'id, merchant_id, handle, status, total, done, chunks, created_at, finished_at, expires_at, error';

/** What the download route finds for a link's export. */
export type ExportFile = { kind: 'missing' } | { kind: 'gone' } | { kind: 'ready'; handle: string; chunks: number; finishedAt: Date };

/**
 * The request side of member exports: starting one (`exportSegment`), reading it
 * (`segmentExport`), and finding its file for the download route. The job side is
 * `SegmentExportBatchService`.
 */
export class SegmentExportService {
  constructor(
    private readonly definitions: SegmentDefinitionService,
    private readonly signer: ExportLinkSigner,
    private readonly settings: { appUrl: string; lifetimeMs: number },
  ) {}

  /**
   * Queues an export of the segment `handle` for the export job, which its insert wakes. Unknown
   * handle: `SegmentNotFoundError`. A merchant's starts take turns on an advisory lock, so two at
   * once cannot both pass the bound of `MAX_ACTIVE_EXPORTS`.
   */
  async start(ctx: RequestContext, handle: string): Promise<SegmentExportView | SegmentNotFoundError | SegmentExportLimitReachedError> {
    const definition = (await this.definitions.definitions(ctx)).find((d) => d.handle === handle);
    if (!definition) return new SegmentNotFoundError(handle);
    const merchantId = ctx.merchantId!;
    return inRequestTransaction(ctx, async () => {
      await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`segment_export:${merchantId}`]);
      const [{ active }] = await ctx.em.execute<{ active: number }[]>(
        `select count(*)::int as active from segment_export where merchant_id = ? and status in ('queued', 'running')`,
        [merchantId],
      );
      if (active >= MAX_ACTIVE_EXPORTS) return new SegmentExportLimitReachedError(MAX_ACTIVE_EXPORTS);
      // Until it is ready, its expiry bounds how long a stuck export can hold its snapshot.
      const [row] = await ctx.em.execute<ExportRow[]>(
        `insert into segment_export (id, merchant_id, handle, kind, status, requested_by_kind, requested_by_id, created_at, expires_at)
         values (?, ?, ?, ?, 'queued', ?, ?, now(), now() + make_interval(secs => ?))
         returning ${COLUMNS}`,
        [uuidv7(), merchantId, handle, definition.kind, ctx.actor.kind, ctx.actor.id.slice(0, 255), this.settings.lifetimeMs / 1000],
      );
      return this.view(row);
    });
  }

  /** The merchant's export `id`; null for an unknown id or another merchant's. */
  async byId(ctx: RequestContext, id: string): Promise<SegmentExportView | null> {
    if (!isUuid(id)) return null;
    const [row] = await ctx.em.execute<ExportRow[]>(`select ${COLUMNS} from segment_export where merchant_id = ? and id = ?`, [ctx.merchantId!, id]);
    return row ? this.view(row) : null;
  }

  /**
   * The export's file as the download route serves it: missing (unknown, another merchant's, or
   * not ready), or gone (expired or erased), or ready with its chunk count.
   */
  async file(ctx: RequestContext, id: string): Promise<ExportFile> {
    if (!isUuid(id)) return { kind: 'missing' };
    const [row] = await ctx.em.execute<(ExportRow & { live: boolean })[]>(
      `select ${COLUMNS}, expires_at > now() as live from segment_export where merchant_id = ? and id = ?`,
      [ctx.merchantId!, id],
    );
    if (!row) return { kind: 'missing' };
    if (row.status === 'expired' || !row.live) return { kind: 'gone' };
    if (row.status !== 'ready') return { kind: 'missing' };
    return { kind: 'ready', handle: row.handle, chunks: row.chunks, finishedAt: new Date(row.finished_at!) };
  }

  /** Up to `limit` of the export's encrypted chunks from `fromSeq`, in order. */
  async chunks(ctx: RequestContext, id: string, fromSeq: number, limit: number): Promise<{ seq: number; content: string }[]> {
    return ctx.em.execute<{ seq: number; content: string }[]>(
      'select seq, content from segment_export_chunk where merchant_id = ? and export_id = ? and seq >= ? order by seq limit ?',
      [ctx.merchantId!, id, fromSeq, limit],
    );
  }

  private view(row: ExportRow): SegmentExportView {
    const expiresAt = new Date(row.expires_at);
    const ready = row.status === 'ready' && expiresAt.getTime() > Date.now();
    return {
      id: row.id,
      handle: row.handle,
      // An export past its expiry reads as expired before the prune job gets to it.
      status: row.status === 'ready' && !ready ? 'expired' : row.status,
      progress: row.status === 'ready' ? 100 : row.total > 0 ? Math.floor((row.done * 100) / row.total) : 0,
      rows: row.total,
      processed: row.done,
      downloadUrl: ready ? this.link(row.merchant_id, row.id, expiresAt) : null,
      createdAt: new Date(row.created_at),
      finishedAt: row.finished_at ? new Date(row.finished_at) : null,
      expiresAt,
      error: row.error,
    };
  }

  private link(merchantId: string, exportId: string, expiresAt: Date): string {
    const expires = Math.floor(Math.min(Date.now() + LINK_LIFETIME_MS, expiresAt.getTime()) / 1000);
    return new URL(this.signer.path({ merchantId, exportId, expires }), this.settings.appUrl).toString();
  }
}
