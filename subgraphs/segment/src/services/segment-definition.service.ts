import { inRequestTransaction, type RequestContext } from '@loyalnest/kit';
import { LockMode } from '@mikro-orm/postgresql';
import { DEFAULT_SEGMENTS, type SegmentDefinitionDraft } from '../domain/segment-rules.js';
import { SegmentDefinitionEntity, type SegmentDefinition } from '../entities/segment-definition.entity.js';
import { SegmentSettingsEntity, type SegmentSettings } from '../entities/segment-settings.entity.js';

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
   * Writes the default segments when the merchant has no definition yet. The first write takes
   * the settings row's lock, as `updateSegments` does, and looks again under it: two first readers
   * write the defaults once, and a first reader racing a first save either writes the defaults
   * before the save replaces them or finds the saved set, never a mix of both.
   */
  async ensureDefaults(ctx: RequestContext): Promise<void> {
    if ((await ctx.em.count(SegmentDefinitionEntity, {})) > 0) return;
    await inRequestTransaction(ctx, async () => {
      await lockSegmentSettings(ctx);
      if ((await ctx.em.count(SegmentDefinitionEntity, {})) > 0) return;
      const now = new Date();
      const rows = DEFAULT_SEGMENTS.map((d) => ({ ...definitionRow(ctx.merchantId!, d, true), createdAt: now, updatedAt: now }));
      await ctx.em.createQueryBuilder(SegmentDefinitionEntity).insert(rows).execute();
    });
  }
}

/**
 * Locks the merchant's settings row for the rest of the transaction, creating it (version 0: never
 * saved) when absent, so even a merchant's first changes of settings or definitions apply one after
 * the other.
 */
export async function lockSegmentSettings(ctx: RequestContext): Promise<SegmentSettings> {
  await ctx.em.execute(`insert into segment_settings (merchant_id, version, updated_at) values (?, 0, now()) on conflict (merchant_id) do nothing`, [ctx.merchantId!]);
  return ctx.em.findOneOrFail(SegmentSettingsEntity, { merchantId: ctx.merchantId! }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
