import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, createUnionType } from 'type-graphql';
import { SegmentExportLimitReachedError, SegmentNotFoundError } from '../graphql/segment-export.error.js';
import { SegmentExportType, type SegmentExportStatusType } from '../graphql/segment-export.type.js';
import type { SegmentExportService, SegmentExportView } from '../services/segment-export.service.js';

export const ExportSegmentResult = createUnionType({
  name: 'ExportSegmentResult',
  description: 'The export as queued, or why none was started.',
  types: () => [SegmentExportType, SegmentNotFoundError, SegmentExportLimitReachedError] as const,
  resolveType: (value) => (value instanceof SegmentNotFoundError ? SegmentNotFoundError : value instanceof SegmentExportLimitReachedError ? SegmentExportLimitReachedError : SegmentExportType),
});

@Resolver()
export class SegmentExportResolver {
  constructor(private readonly exports: SegmentExportService) {}

  // The file holds the members' emails and names: segment scopes alone must not reach them.
  @Authorized(Scope.SEGMENTS_MANAGE, Scope.CUSTOMERS_READ)
  @Mutation(() => ExportSegmentResult, {
    description:
      "Starts a CSV export of a segment's members (`segments:manage` and `customers:read`: the file holds their emails and names), made in the background: follow it with `segmentExport(id)` until READY, then download it from `downloadUrl`. At most 3 per merchant queued or running at once.",
  })
  async exportSegment(
    @Ctx() ctx: RequestContext,
    @Arg('handle', () => String, { description: 'The segment (`Segment.handle`), RFM or custom.' }) handle: string,
  ): Promise<typeof ExportSegmentResult> {
    const result = await this.exports.start(ctx, handle);
    return result instanceof SegmentNotFoundError || result instanceof SegmentExportLimitReachedError ? result : typeOf(result);
  }

  @Authorized(Scope.SEGMENTS_READ, Scope.CUSTOMERS_READ)
  @Query(() => SegmentExportType, { nullable: true, description: "A member export of the merchant, with its progress and, once ready, its download link (`segments:read` and `customers:read`); null for an unknown id or another merchant's." })
  async segmentExport(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The export (`SegmentExport.id`).' }) id: string): Promise<SegmentExportType | null> {
    const view = await this.exports.byId(ctx, id);
    return view && typeOf(view);
  }
}

function typeOf(view: SegmentExportView): SegmentExportType {
  return Object.assign(new SegmentExportType(), { ...view, status: view.status as SegmentExportStatusType });
}
