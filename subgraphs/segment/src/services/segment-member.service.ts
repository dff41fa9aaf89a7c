import { badInput, decodeCursor, encodeCursor, pageSize, type PageInfo, type RequestContext } from '@loyalnest/kit';
import type { SegmentKind } from '../domain/segment-rules.js';
import type { SegmentDefinitionService } from './segment-definition.service.js';

/** A member of a segment with the scores they have now. */
export interface SegmentMemberRow {
  customerId: string;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  since: Date | null;
}

type MemberRow = { customer_id: string; recency: number | null; frequency: number | null; monetary: number | null; since: Date | null };

/** Who is in a segment: RFM members are `segment_customer.segment`, custom ones `segment_member`. */
export class SegmentMemberService {
  constructor(private readonly definitions: SegmentDefinitionService) {}

  /**
   * Members per segment, in key order, in one query for every segment of the request. Keys are
   * `kind:handle`: a handle counts where its kind keeps members, so rows a recompute has not yet
   * cleared after a change of kind are not counted.
   */
  async counts(ctx: RequestContext, keys: readonly string[]): Promise<number[]> {
    // PostgreSQL array literals of handles; only stored handles (lower-case words and hyphens) reach them.
    const of = (kind: SegmentKind) => `{${keys.filter((k) => k.startsWith(`${kind}:`)).map((k) => `"${k.slice(kind.length + 1)}"`).join(',')}}`;
    const rows = await ctx.em.execute<{ key: string; n: string | number }[]>(
      `select 'rfm:' || segment as key, count(*) as n from segment_customer where merchant_id = ? and segment = any(?::text[]) group by segment
       union all
       select 'custom:' || handle, count(*) from segment_member where merchant_id = ? and handle = any(?::text[]) group by handle`,
      [ctx.merchantId!, of('rfm'), ctx.merchantId!, of('custom')],
    );
    const found = new Map(rows.map((r) => [r.key, Number(r.n)]));
    return keys.map((key) => found.get(key) ?? 0);
  }

  /**
   * A page of a segment's members by customer id, so members joining or leaving between pages
   * never shift a page. An unknown handle (another merchant's custom one included) is bad input.
   */
  async members(ctx: RequestContext, handle: string, args: { first?: number | null; after?: string | null }): Promise<{ nodes: SegmentMemberRow[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    const definition = (await this.definitions.definitions(ctx)).find((d) => d.handle === handle);
    if (!definition) throw badInput('handle', handle.length > 64 ? 'No segment with that handle in this shop' : `No segment "${handle}" in this shop`);
    const params: unknown[] = [ctx.merchantId!, handle];
    if (after) params.push(after);
    params.push(size + 1);
    const rows =
      definition.kind === 'rfm'
        ? await ctx.em.execute<MemberRow[]>(
            `select customer_id, recency, frequency, monetary, coalesce(segment_since, scored_at) as since from segment_customer
              where merchant_id = ? and segment = ? ${after ? 'and customer_id > ?::uuid' : ''}
              order by customer_id limit ?`,
            params,
          )
        : await ctx.em.execute<MemberRow[]>(
            `select m.customer_id, c.recency, c.frequency, c.monetary, m.since from segment_member m
               left join segment_customer c on c.merchant_id = m.merchant_id and c.customer_id = m.customer_id
              where m.merchant_id = ? and m.handle = ? ${after ? 'and m.customer_id > ?::uuid' : ''}
              order by m.customer_id limit ?`,
            params,
          );
    const nodes = rows.slice(0, size).map((r) => ({ customerId: r.customer_id, recency: r.recency, frequency: r.frequency, monetary: r.monetary, since: r.since && new Date(r.since) }));
    const last = nodes[nodes.length - 1];
    return { nodes, pageInfo: { endCursor: last ? encodeCursor(last.customerId) : null, hasNextPage: rows.length > size } };
  }
}
