import { fieldAad, inRequestTransaction, type FieldCipher, type RequestContext } from '@loyalnest/kit';
import { customerProfiles } from '../customers/segment-export-customers.js';
import { exportLine } from '../domain/segment-export-csv.js';

/** Batches that may fail in a row before an export fails for good (a customer subgraph down for that long is an incident). */
export const MAX_FAILURES = 5;

/** What one batch did: null when the merchant has no export free to work (none, or other replicas hold them). */
export interface ExportBatch {
  exportId: string;
  written: number;
  finished: boolean;
}

/** A uuid[] parameter as PostgreSQL's array literal: the driver would spread a JS array into a list. */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** The additional data a chunk's ciphertext is bound to: it decrypts only as that merchant's export's chunk. */
export function chunkAad(merchantId: string, exportId: string, seq: number): string {
  return fieldAad(merchantId, 'segment_export_chunk', `${exportId}/${seq}`, 'content');
}

/**
 * The job side of member exports. Each batch is one transaction on one export, whose row it
 * takes with SKIP LOCKED, so replicas work different exports (or wait) and never the same batch:
 * the first batch snapshots the members (`segment_export_row`, one set-based insert); each next
 * one writes the following rows as one encrypted chunk and advances `done` with it, so a crash
 * rolls back only the batch it cut and the next pass resumes after the last chunk committed. The
 * batch that writes the last row makes the export ready and starts its lifetime. A batch keeps its
 * transaction open while it asks the customer subgraph for its 500 members' details: one call,
 * and the only way the chunk and the progress commit together.
 */
export class SegmentExportBatchService {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly lifetimeMs: number,
  ) {}

  async runBatch(ctx: RequestContext, size: number): Promise<ExportBatch | null> {
    let picked: string | null = null;
    try {
      return await inRequestTransaction(ctx, async () => {
        const [exp] = await ctx.em.execute<{ id: string; kind: string; handle: string; status: string; done: number; total: number; chunks: number }[]>(
          `select id, kind, handle, status, done, total, chunks from segment_export
            where merchant_id = ? and status in ('queued', 'running')
            order by created_at, id limit 1 for update skip locked`,
          [ctx.merchantId!],
        );
        if (!exp) return null;
        picked = exp.id;
        if (exp.status === 'queued') return this.snapshot(ctx, exp);
        return this.writeChunk(ctx, exp, size);
      });
    } catch (error) {
      if (picked) await this.recordFailure(ctx, picked, error);
      throw error;
    }
  }

  /**
   * Expires the merchant's exports whose time is up: their file and snapshot are deleted, the
   * export stays as a record (`expired`). The exports are locked first, so a batch committing
   * meanwhile is waited for and its chunk deleted too.
   */
  async expireDue(ctx: RequestContext): Promise<number> {
    return inRequestTransaction(ctx, async () => {
      const due = await ctx.em.execute<{ id: string }[]>(
        `select id from segment_export where merchant_id = ? and status <> 'expired' and expires_at <= now() order by id for update`,
        [ctx.merchantId!],
      );
      return this.expire(ctx, due.map((d) => d.id));
    });
  }

  /**
   * A customer was erased (GDPR): every export of the merchant that holds them, in its snapshot,
   * expires at once, its file deleted, rather than keep their email and name in a file someone
   * may still download. Exports not yet snapshotted will not find them.
   */
  async forgetCustomers(ctx: RequestContext, customerIds: string[]): Promise<number> {
    return inRequestTransaction(ctx, async () => {
      const holding = await ctx.em.execute<{ id: string }[]>(
        `select e.id from segment_export e
          where e.merchant_id = ? and e.status <> 'expired'
            and e.id in (select r.export_id from segment_export_row r where r.merchant_id = ? and r.customer_id = any(?::uuid[]))
          order by e.id for update`,
        [ctx.merchantId!, ctx.merchantId!, uuidArray(customerIds)],
      );
      return this.expire(ctx, holding.map((h) => h.id));
    });
  }

  private async expire(ctx: RequestContext, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const merchantId = ctx.merchantId!;
    await ctx.em.execute('delete from segment_export_chunk where merchant_id = ? and export_id = any(?::uuid[])', [merchantId, uuidArray(ids)]);
    await ctx.em.execute('delete from segment_export_row where merchant_id = ? and export_id = any(?::uuid[])', [merchantId, uuidArray(ids)]);
    await ctx.em.execute(
      `update segment_export set status = 'expired', expires_at = least(expires_at, now()), finished_at = coalesce(finished_at, now())
        where merchant_id = ? and id = any(?::uuid[])`,
      [merchantId, uuidArray(ids)],
    );
    return ids.length;
  }

  /** The members now, numbered in customer id order: RFM ones by their segment, custom ones by membership. */
  private async snapshot(ctx: RequestContext, exp: { id: string; kind: string; handle: string }): Promise<ExportBatch> {
    const merchantId = ctx.merchantId!;
    const members =
      exp.kind === 'rfm'
        ? `select c.merchant_id, ?::uuid, row_number() over (order by c.customer_id), c.customer_id, c.recency, c.frequency, c.monetary, c.segment, c.segment_since
             from segment_customer c where c.merchant_id = ? and c.segment = ?`
        : `select m.merchant_id, ?::uuid, row_number() over (order by m.customer_id), m.customer_id, c.recency, c.frequency, c.monetary, c.segment, m.since
             from segment_member m left join segment_customer c on c.merchant_id = m.merchant_id and c.customer_id = m.customer_id
            where m.merchant_id = ? and m.handle = ?`;
    const inserted = await ctx.em.execute<{ affectedRows: number }>(
      `insert into segment_export_row (merchant_id, export_id, ordinal, customer_id, recency, frequency, monetary, segment, since) ${members}`,
      [exp.id, merchantId, exp.handle],
      'run',
    );
    const total = inserted.affectedRows;
    await ctx.em.execute(
      `update segment_export set status = case when ? = 0 then 'ready' else 'running' end, total = ?, started_at = now(),
              finished_at = case when ? = 0 then now() end,
              expires_at = case when ? = 0 then now() + make_interval(secs => ?) else expires_at end
        where id = ?`,
      [total, total, total, total, this.lifetimeMs / 1000, exp.id],
    );
    return { exportId: exp.id, written: 0, finished: total === 0 };
  }

  private async writeChunk(ctx: RequestContext, exp: { id: string; done: number; total: number; chunks: number }, size: number): Promise<ExportBatch> {
    const merchantId = ctx.merchantId!;
    const rows = await ctx.em.execute<
      { customer_id: string; recency: number | null; frequency: number | null; monetary: number | null; segment: string | null; since: Date | null }[]
    >(
      `select customer_id, recency, frequency, monetary, segment, since from segment_export_row
        where merchant_id = ? and export_id = ? and ordinal > ? order by ordinal limit ?`,
      [merchantId, exp.id, exp.done, size],
    );
    const profiles = await customerProfiles(ctx, rows.map((r) => r.customer_id));
    const content = rows
      .map((r) => {
        const profile = profiles.get(r.customer_id);
        return exportLine({
          customerId: r.customer_id,
          shopifyCustomerId: profile?.shopifyId ?? null,
          email: profile?.email ?? null,
          firstName: profile?.firstName ?? null,
          lastName: profile?.lastName ?? null,
          recency: r.recency,
          frequency: r.frequency,
          monetary: r.monetary,
          segment: r.segment,
          since: r.since ? new Date(r.since) : null,
        });
      })
      .join('');
    await ctx.em.execute('insert into segment_export_chunk (merchant_id, export_id, seq, rows, content) values (?, ?, ?, ?, ?)', [
      merchantId,
      exp.id,
      exp.chunks,
      rows.length,
      this.cipher.encrypt(content, chunkAad(merchantId, exp.id, exp.chunks)),
    ]);
    // The snapshot is fixed, so a short batch is the last; `total` then says what was written.
    const finished = rows.length < size || exp.done + rows.length >= exp.total;
    await ctx.em.execute(
      `update segment_export set done = done + ?, chunks = chunks + 1, failures = 0, error = null,
              total = case when ? then done + ? else total end,
              status = case when ? then 'ready' else status end,
              finished_at = case when ? then now() else finished_at end,
              expires_at = case when ? then now() + make_interval(secs => ?) else expires_at end
        where id = ?`,
      [rows.length, finished, rows.length, finished, finished, finished, this.lifetimeMs / 1000, exp.id],
    );
    return { exportId: exp.id, written: rows.length, finished };
  }

  /**
   * A batch failed and rolled back: counted, in a transaction of its own; the export fails for good
   * after `MAX_FAILURES` in a row, and only then does the merchant read a reason (a plain one: the
   * cause, which may name internals, goes to the log).
   */
  private async recordFailure(ctx: RequestContext, exportId: string, error: unknown): Promise<void> {
    ctx.log.warn({ err: error, exportId }, 'segment export batch failed');
    const message = `The members' details could not be read ${MAX_FAILURES} times in a row; export again later.`;
    await inRequestTransaction(ctx, () =>
      ctx.em.execute(
        `update segment_export set failures = failures + 1,
                error = case when failures + 1 >= ? then ? else error end,
                status = case when failures + 1 >= ? then 'failed' else status end,
                finished_at = case when failures + 1 >= ? then now() else finished_at end
          where merchant_id = ? and id = ? and status in ('queued', 'running')`,
        [MAX_FAILURES, message, MAX_FAILURES, MAX_FAILURES, ctx.merchantId!, exportId],
      ),
    );
  }
}
