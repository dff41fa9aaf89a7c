import { systemCaller, type RequestContext } from '@loyalnest/kit';
import { DEFAULT_SEGMENTS, SEGMENT_LOCALES, type SegmentLocale, type SegmentNames } from '../domain/segment-rules.js';
import { SegmentDefinitionEntity } from '../entities/segment-definition.entity.js';

const MERCHANT_LOCALE = /* GraphQL */ `query SegmentNamesLocale { merchant { primaryLocale } }`;

/** A merchant's segment names in its language, by handle. */
export interface SegmentNamer {
  locale: SegmentLocale;
  /** The segment's name in the merchant's language (English when it has none in it); its handle for a segment no longer defined. */
  nameOf(handle: string): string;
}

/**
 * The names of the merchant's segments in the shop's primary language (one of en, es, fr; English
 * otherwise), as the definitions have them now: what the Flow trigger and the Shopify metafield
 * show. A merchant whose definitions were never written has the defaults. Unlike the `segments`
 * query, a failed look-up of the language throws: a value written to Shopify in the wrong language
 * would stay there, so the work is retried instead.
 */
export async function segmentNamer(ctx: RequestContext): Promise<SegmentNamer> {
  const answer = await ctx.peers.query<{ merchant: { primaryLocale: string } | null }>('merchant', MERCHANT_LOCALE, {}, { ...systemCaller([], ctx.merchantId), requestId: ctx.requestId });
  const primary = answer.merchant?.primaryLocale.toLowerCase().slice(0, 2);
  const locale = SEGMENT_LOCALES.find((l) => l === primary) ?? 'en';
  const stored = await ctx.em.find(SegmentDefinitionEntity, {}, { fields: ['handle', 'names'], disableIdentityMap: true });
  const names = new Map<string, SegmentNames>((stored.length ? stored : DEFAULT_SEGMENTS).map((d) => [d.handle, d.names]));
  return {
    locale,
    nameOf: (handle) => {
      const found = names.get(handle);
      return found?.[locale] || found?.en || handle;
    },
  };
}
