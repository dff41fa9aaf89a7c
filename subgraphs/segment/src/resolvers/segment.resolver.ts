import { Scope, systemCaller, type RequestContext } from '@loyalnest/kit';
import { Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { SEGMENT_LOCALES, type SegmentLocale } from '../domain/segment-rules.js';
import type { SegmentDefinition } from '../entities/segment-definition.entity.js';
import { SegmentKindType } from '../graphql/segment-enums.type.js';
import { SegmentType } from '../graphql/segment.type.js';
import type { SegmentDefinitionService } from '../services/segment-definition.service.js';
import type { SegmentMemberService } from '../services/segment-member.service.js';

const MERCHANT_LOCALE = /* GraphQL */ `query SegmentMerchantLocale { merchant { primaryLocale } }`;

@Resolver(() => SegmentType)
export class SegmentResolver {
  constructor(
    private readonly definitions: SegmentDefinitionService,
    private readonly memberService: SegmentMemberService,
  ) {}

  @Authorized(Scope.SEGMENTS_READ)
  @Query(() => [SegmentType], { description: "The merchant's segments (`segments:read`): RFM segments first in the order they are tried, then custom ones. The defaults until the merchant changes them." })
  async segments(@Ctx() ctx: RequestContext): Promise<SegmentType[]> {
    const [definitions, locale] = await Promise.all([this.definitions.definitions(ctx), merchantLocale(ctx)]);
    return definitions.map((d) => segmentTypeOf(d, locale));
  }

  @FieldResolver(() => Int, { description: 'Customers in the segment now, as the last run placed them; the counts of every segment of a request are read in one query.' })
  async members(@Ctx() ctx: RequestContext, @Root() segment: SegmentType): Promise<number> {
    return (await ctx.loaders.get<string, number>('segment.memberCounts', (keys) => this.memberService.counts(ctx, keys)).load(`${segment.kind}:${segment.handle}`))!;
  }
}

export function segmentTypeOf(d: SegmentDefinition, locale: SegmentLocale): SegmentType {
  return Object.assign(new SegmentType(), {
    handle: d.handle,
    kind: d.kind as SegmentKindType,
    position: d.position,
    name: d.names[locale] ?? d.names.en,
    names: d.names,
    recency: { min: d.recencyMin, max: d.recencyMax },
    frequency: { min: d.frequencyMin, max: d.frequencyMax },
    monetary: { min: d.monetaryMin, max: d.monetaryMax },
    tierIds: d.tierIds ?? null,
    pointsMin: d.pointsMin ?? null,
    pointsMax: d.pointsMax ?? null,
    builtin: d.builtin,
  });
}

/**
 * The merchant's primary language among those segments are named in, asked of the merchant
 * subgraph once per request. A failure falls back to English: a name in another language is
 * better than no list.
 */
export async function merchantLocale(ctx: RequestContext): Promise<SegmentLocale> {
  const locale = await ctx.loaders
    .get<string, SegmentLocale>('segment.merchantLocale', async (ids) => {
      const answer = await ctx.peers
        .query<{ merchant: { primaryLocale: string } | null }>('merchant', MERCHANT_LOCALE, {}, { ...systemCaller([], ctx.merchantId), requestId: ctx.requestId })
        .catch(() => null);
      const primary = answer?.merchant?.primaryLocale.toLowerCase().slice(0, 2);
      const locale = SEGMENT_LOCALES.find((l) => l === primary) ?? 'en';
      return ids.map(() => locale);
    })
    .load(ctx.merchantId!);
  return locale ?? 'en';
}
