import type { RequestContext } from '@loyalnest/kit';
import { SegmentLabelType } from '../graphql/customer-rfm.type.js';
import type { SegmentDefinitionService } from '../services/segment-definition.service.js';
import { merchantLocale } from './segment.resolver.js';

/**
 * Every segment's name in the merchant's language by handle, read once per request however many
 * customers and history entries ask.
 */
async function namesByHandle(ctx: RequestContext, definitions: SegmentDefinitionService): Promise<Map<string, string>> {
  const names = await ctx.loaders
    .get<string, Map<string, string>>('segment.namesByHandle', async (merchantIds) => {
      const [all, locale] = await Promise.all([definitions.definitions(ctx), merchantLocale(ctx)]);
      const byHandle = new Map(all.map((d) => [d.handle, d.names[locale] ?? d.names.en]));
      return merchantIds.map(() => byHandle);
    })
    .load(ctx.merchantId!);
  return names ?? new Map();
}

/** Labels for handles; a handle the merchant has since removed is named by itself. */
export async function segmentLabeler(ctx: RequestContext, definitions: SegmentDefinitionService): Promise<(handle: string | null) => SegmentLabelType | null> {
  const names = await namesByHandle(ctx, definitions);
  return (handle) => (handle === null ? null : Object.assign(new SegmentLabelType(), { handle, name: names.get(handle) ?? handle }));
}
