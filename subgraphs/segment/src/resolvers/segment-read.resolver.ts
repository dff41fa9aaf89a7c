import { DEFAULT_PAGE_SIZE, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { CustomerRef } from '../graphql/customer-ref.type.js';
import { SegmentDayCountType, SegmentMovementType } from '../graphql/segment-analytics.type.js';
import { SegmentMemberConnection } from '../graphql/segment-member.type.js';
import type { SegmentAnalyticsService } from '../services/segment-analytics.service.js';
import { MAX_COUNT_DAYS } from '../services/segment-analytics.service.js';
import type { SegmentMemberService } from '../services/segment-member.service.js';

/** The dashboard's reads of segments: members, the daily chart and the movement matrix (`segments:read`). */
@Resolver()
export class SegmentReadResolver {
  constructor(
    private readonly members: SegmentMemberService,
    private readonly analytics: SegmentAnalyticsService,
  ) {}

  @Authorized(Scope.SEGMENTS_READ)
  @Query(() => SegmentMemberConnection, { description: "A segment's members (`segments:read`), paginated by cursor in a stable order. An unknown handle is bad input naming `handle`." })
  async segmentMembers(
    @Ctx() ctx: RequestContext,
    @Arg('handle', () => String, { description: "The segment's handle." }) handle: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<SegmentMemberConnection> {
    const page = await this.members.members(ctx, handle, { first, after });
    return {
      nodes: page.nodes.map(({ customerId, ...member }) => ({ ...member, customer: Object.assign(new CustomerRef(), { id: customerId }) })),
      pageInfo: page.pageInfo,
    };
  }

  @Authorized(Scope.SEGMENTS_READ)
  @Query(() => [SegmentDayCountType], {
    description: `Each segment's members per shop-local day (\`segments:read\`), as the day's last run counted them, oldest day first: the dashboard's chart. At most ${MAX_COUNT_DAYS} days.`,
  })
  async segmentCounts(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => String, { description: 'First day, `YYYY-MM-DD`, in the shop\'s time zone.' }) from: string,
    @Arg('to', () => String, { description: 'Last day, `YYYY-MM-DD`, on or after `from`.' }) to: string,
  ): Promise<SegmentDayCountType[]> {
    return this.analytics.dailyCounts(ctx, from, to);
  }

  @Authorized(Scope.SEGMENTS_READ)
  @Query(() => [SegmentMovementType], {
    description: 'How customers moved between RFM segments from one instant to another (`segments:read`): one cell per (segment at `from`, segment at `to`) with customers in it; the diagonal holds those who stayed.',
  })
  async segmentMovements(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date, { description: 'The start instant.' }) from: Date,
    @Arg('to', () => Date, { description: 'The end instant, not before `from`.' }) to: Date,
  ): Promise<SegmentMovementType[]> {
    return this.analytics.movements(ctx, from, to);
  }
}
