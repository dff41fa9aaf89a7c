import { badInput, isUuid, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { SegmentRunStatusType, SegmentRunTriggerType, SegmentRunType } from '../graphql/segment-run.type.js';
import type { SegmentRecomputeService, SegmentRunView } from '../services/segment-recompute.service.js';

/** The most runs `segmentRuns` lists. */
const MAX_RUNS = 50;

function segmentRunTypeOf(run: SegmentRunView): SegmentRunType {
  const progress = run.status === 'succeeded' ? 100 : run.total > 0 ? Math.min(100, Math.floor((100 * run.processed) / run.total)) : 0;
  return Object.assign(new SegmentRunType(), { ...run, trigger: run.trigger as SegmentRunTriggerType, status: run.status as SegmentRunStatusType, progress });
}

@Resolver(() => SegmentRunType)
export class SegmentRunResolver {
  constructor(private readonly recomputes: SegmentRecomputeService) {}

  @Authorized(Scope.SEGMENTS_MANAGE)
  @Mutation(() => SegmentRunType, { description: "Recomputes every customer's RFM scores and segments now, in the background (`segments:manage`): returns the run, queued, or the one already queued or running." })
  async recomputeSegments(@Ctx() ctx: RequestContext): Promise<SegmentRunType> {
    return segmentRunTypeOf((await this.recomputes.request(ctx, 'manual'))!);
  }

  @Authorized(Scope.SEGMENTS_READ)
  @Query(() => SegmentRunType, { nullable: true, description: "One recompute of the merchant's segments, with its progress (`segments:read`); null when the id is none of the merchant's runs." })
  async segmentRun(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The run\'s id (`SegmentRun.id`).' }) id: string): Promise<SegmentRunType | null> {
    if (!isUuid(id)) return null;
    const run = await this.recomputes.run(ctx, id);
    return run ? segmentRunTypeOf(run) : null;
  }

  @Authorized(Scope.SEGMENTS_READ)
  @Query(() => [SegmentRunType], { description: "The merchant's latest recomputes, newest first (`segments:read`)." })
  async segmentRuns(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 10, description: `How many, 1–${MAX_RUNS}.` }) first: number,
  ): Promise<SegmentRunType[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RUNS) throw badInput('first', `must be between 1 and ${MAX_RUNS}`);
    return (await this.recomputes.runs(ctx, first)).map(segmentRunTypeOf);
  }
}
