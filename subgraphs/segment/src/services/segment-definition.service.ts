import type { RequestContext } from '@loyalnest/kit';
import { DEFAULT_SEGMENTS, type SegmentDefinitionDraft } from '../domain/segment-rules.js';
import { SegmentDefinitionEntity, type SegmentDefinition } from '../entities/segment-definition.entity.js';

/** The columns of a definition draft, as stored. */
export function definitionRow(merchantId: string, draft: SegmentDefinitionDraft, builtin: boolean) {
  const { rules } = draft;
  return {
    merchantId,
    handle: draft.handle,
    kind: draft.kind,
    position: draft.position,
    names: draft.names,
    recencyMin: rules.recency.min,
    recencyMax: rules.recency.max,
    frequencyMin: rules.frequency.min,
    frequencyMax: rules.frequency.max,
    monetaryMin: rules.monetary.min,
    monetaryMax: rules.monetary.max,
    tierIds: rules.tierIds,
    pointsMin: rules.pointsMin,
    pointsMax: rules.pointsMax,
    builtin,
  };
}

/** A merchant's segment definitions; the defaults are written on first need, once, whoever asks first. */
export class SegmentDefinitionService {
  /** Every definition of the merchant, RFM ones first, each kind in position order. */
  async definitions(ctx: RequestContext): Promise<SegmentDefinition[]> {
    await this.ensureDefaults(ctx);
    return ctx.em.find(SegmentDefinitionEntity, {}, { orderBy: { kind: 'desc', position: 'asc' } });
  }

  /**
   * Writes the default segments when the merchant has no definition yet. Two first callers at
   * once both insert with `on conflict do nothing`: the defaults land once.
   */
  async ensureDefaults(ctx: RequestContext): Promise<void> {
    if ((await ctx.em.count(SegmentDefinitionEntity, {})) > 0) return;
    const now = new Date();
    const rows = DEFAULT_SEGMENTS.map((d) => ({ ...definitionRow(ctx.merchantId!, d, true), createdAt: now, updatedAt: now }));
    await ctx.em.createQueryBuilder(SegmentDefinitionEntity).insert(rows).onConflict().ignore().execute();
  }
}
