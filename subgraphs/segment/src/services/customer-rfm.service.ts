import { badInput, isUuid, pageSize, type PageInfo, type RequestContext } from '@loyalnest/kit';

/** A scored customer's scores and RFM segment. */
export interface CustomerRfm {
  customerId: string;
  recency: number;
  frequency: number;
  monetary: number;
  segment: string;
  since: Date | null;
}

/** A run that changed the customer's scores or segment. */
export interface SegmentHistoryRow {
  recordedAt: Date;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  segment: string | null;
  previousSegment: string | null;
}

type RfmRow = { customer_id: string; recency: number; frequency: number; monetary: number; segment: string; since: Date | null };
type HistoryRow = { recorded_at: Date; run_id: string; at: string; recency: number | null; frequency: number | null; monetary: number | null; segment: string | null; previous_segment: string | null };

/** `recorded_at` to the microsecond and the run: the key a history page continues below. */
const HISTORY_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

/** Customers' RFM scores and their history, read for admins (`Customer.rfm`). */
export class CustomerRfmService {
  /**
   * Each customer's scores in key order, in one query for every customer of the request; null for
   * a customer no run has scored, another merchant's, or an id that is no customer's.
   */
  async scoresOf(ctx: RequestContext, customerIds: readonly string[]): Promise<(CustomerRfm | null)[]> {
    const valid = [...new Set(customerIds.filter(isUuid))];
    // A PostgreSQL array literal: the driver would spread a JS array into a list. Only UUIDs reach it.
    const rows = valid.length
      ? await ctx.em.execute<RfmRow[]>(
          `select customer_id, recency, frequency, monetary, segment, coalesce(segment_since, scored_at) as since from segment_customer
            where merchant_id = ? and customer_id = any(?::uuid[]) and segment is not null`,
          [ctx.merchantId!, `{${valid.join(',')}}`],
        )
      : [];
    const found = new Map(rows.map((r) => [r.customer_id, r]));
    return customerIds.map((id) => {
      const r = found.get(id);
      return r ? { customerId: id, recency: r.recency, frequency: r.frequency, monetary: r.monetary, segment: r.segment, since: r.since && new Date(r.since) } : null;
    });
  }

  /**
   * A page of the customer's history, newest first. The cursor is the last entry's recording
   * instant (to the microsecond) and run; the next page starts below it, so runs recorded
   * meanwhile never shift a page.
   */
  async history(ctx: RequestContext, customerId: string, args: { first?: number | null; after?: string | null }): Promise<{ nodes: SegmentHistoryRow[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeHistoryCursor(args.after);
    const params: unknown[] = [ctx.merchantId!, customerId];
    if (after) params.push(after.at, after.at, after.runId);
    params.push(size + 1);
    const rows = await ctx.em.execute<HistoryRow[]>(
      `select recorded_at, run_id, to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
              recency, frequency, monetary, segment, previous_segment
         from segment_history
        where merchant_id = ? and customer_id = ?
          ${after ? 'and (recorded_at < ?::timestamptz or (recorded_at = ?::timestamptz and run_id < ?::uuid))' : ''}
        order by recorded_at desc, run_id desc limit ?`,
      params,
    );
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    return {
      nodes: page.map((r) => ({ recordedAt: new Date(r.recorded_at), recency: r.recency, frequency: r.frequency, monetary: r.monetary, segment: r.segment, previousSegment: r.previous_segment })),
      pageInfo: { endCursor: last ? Buffer.from(`${last.at}|${last.run_id}`, 'utf8').toString('base64url') : null, hasNextPage: rows.length > size },
    };
  }
}

function decodeHistoryCursor(cursor: string | null | undefined): { at: string; runId: string } | null {
  if (cursor == null) return null;
  const match = HISTORY_CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || !isUuid(match[2]) || Number.isNaN(Date.parse(match[1]))) throw badInput('after', 'is not a cursor returned by this API');
  return { at: match[1], runId: match[2] };
}
