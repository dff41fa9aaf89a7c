import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, createUnionType, Mutation, Query, Resolver } from 'type-graphql';
import type { SegmentSetupDraft } from '../domain/segment-settings.js';
import type { SegmentThresholds } from '../entities/segment-settings.entity.js';
import type { SegmentScoringType } from '../graphql/segment-enums.type.js';
import { SegmentSettingsType, SegmentSetupType } from '../graphql/segment-settings.type.js';
import { SegmentsInvalidError } from '../graphql/segments-invalid.error.js';
import { UpdateSegmentsInput } from '../graphql/update-segments.input.js';
import type { SegmentSettingsService, SegmentSettingsView } from '../services/segment-settings.service.js';
import { merchantLocale, segmentTypeOf } from './segment.resolver.js';

export const UpdateSegmentsResult = createUnionType({
  name: 'UpdateSegmentsResult',
  description: 'The settings and segments as saved, or why they were refused (then nothing changed).',
  types: () => [SegmentSetupType, SegmentsInvalidError] as const,
  resolveType: (value) => (value instanceof SegmentsInvalidError ? SegmentsInvalidError : SegmentSetupType),
});

@Resolver()
export class SegmentSettingsResolver {
  constructor(private readonly settings: SegmentSettingsService) {}

  @Authorized(Scope.SEGMENTS_READ)
  @Query(() => SegmentSettingsType, { description: 'How the merchant scores and segments customers (`segments:read`); the defaults while none were saved.' })
  async segmentSettings(@Ctx() ctx: RequestContext): Promise<SegmentSettingsType> {
    return settingsTypeOf(await this.settings.settings(ctx));
  }

  @Authorized(Scope.SEGMENTS_MANAGE)
  @Mutation(() => UpdateSegmentsResult, {
    description: 'Replaces the scoring settings and every segment at once (`segments:manage`), checked as a whole; the segments are recomputed after it.',
  })
  async updateSegments(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateSegmentsInput, { description: 'The settings and every segment, in order.' }) input: UpdateSegmentsInput,
  ): Promise<typeof UpdateSegmentsResult> {
    const result = await this.settings.update(ctx, draftOf(input));
    if (result instanceof SegmentsInvalidError) return result;
    const locale = await merchantLocale(ctx);
    return Object.assign(new SegmentSetupType(), { settings: settingsTypeOf(result.settings), segments: result.definitions.map((d) => segmentTypeOf(d, locale)) });
  }
}

/** GraphQL's nulls for omitted settings become "not given", so the defaults apply. */
function draftOf(input: UpdateSegmentsInput): SegmentSetupDraft {
  return {
    windowDays: input.windowDays ?? undefined,
    scoring: input.scoring ?? undefined,
    thresholds: input.thresholds ? (input.thresholds as SegmentThresholds) : null,
    syncMetafield: input.syncMetafield ?? undefined,
    segments: input.segments.map((s) => ({
      handle: s.handle,
      kind: s.kind,
      names: s.names,
      recency: s.recency,
      frequency: s.frequency,
      monetary: s.monetary,
      tierIds: s.tierIds,
      pointsMin: s.pointsMin,
      pointsMax: s.pointsMax,
    })),
  };
}

function settingsTypeOf(view: SegmentSettingsView): SegmentSettingsType {
  return Object.assign(new SegmentSettingsType(), { ...view, scoring: view.scoring as SegmentScoringType });
}
