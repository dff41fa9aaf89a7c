import { DEFAULT_TIME_ZONE, inRequestTransaction, type RequestContext } from '@loyalnest/kit';
import { checkSegmentSetup } from '../domain/segment-check.js';
import { DEFAULT_SEGMENT_SETTINGS, type SegmentSettingsValues, type SegmentSetupDraft } from '../domain/segment-settings.js';
import { SegmentDefinitionEntity, type SegmentDefinition } from '../entities/segment-definition.entity.js';
import { SegmentSettingsEntity, type SegmentSettings } from '../entities/segment-settings.entity.js';
import { SegmentsInvalidError } from '../graphql/segments-invalid.error.js';
import { merchantTierIds } from '../peers/merchant-tiers.js';
import { SEGMENTS_UPDATED } from '../topics.js';
import { definitionRow, lockSegmentSettings } from './segment-definition.service.js';

/** The settings as read: the shop's zone with them, and the change count (0 while the defaults apply). */
export interface SegmentSettingsView extends SegmentSettingsValues {
  timezone: string;
  version: number;
}

/** A saved setup: the settings and every definition, RFM first, each kind in position order. */
export interface SegmentSetupView {
  settings: SegmentSettingsView;
  definitions: SegmentDefinition[];
}

/** Each merchant's scoring settings and segment definitions: read with `segments:read`, replaced whole with `segments:manage`. */
export class SegmentSettingsService {
  async settings(ctx: RequestContext): Promise<SegmentSettingsView> {
    return viewOf(await ctx.em.findOne(SegmentSettingsEntity, { merchantId: ctx.merchantId! }, { disableIdentityMap: true }));
  }

  /**
   * Replaces the settings and every definition at once. Checked as a whole first (the tier rules
   * against the tier domain's answer, before any lock is held); a refusal writes nothing. Then in
   * one transaction under the settings row's lock, so two admins saving at once apply one after
   * the other and a reader sees the old set or the new one, never a mix. The shop's time zone is
   * the merchant domain's and stays. `segments.updated` commits with the change.
   */
  async update(ctx: RequestContext, draft: SegmentSetupDraft): Promise<SegmentSetupView | SegmentsInvalidError> {
    const tierIds = draft.segments.some((s) => s.tierIds?.length) ? await merchantTierIds(ctx) : null;
    const checked = checkSegmentSetup(draft, tierIds);
    if ('field' in checked) return new SegmentsInvalidError(checked);
    const merchantId = ctx.merchantId!;
    return inRequestTransaction(ctx, async () => {
      const settings = await lockSegmentSettings(ctx);
      const before = scoringOf(settings, await ctx.em.find(SegmentDefinitionEntity, {}, { disableIdentityMap: true }));
      Object.assign(settings, checked.settings, { version: settings.version + 1 });
      await ctx.em.execute('delete from segment_definition where merchant_id = ?', [merchantId]);
      const now = new Date();
      const rows = checked.definitions.map((d) => ({ ...definitionRow(merchantId, d, d.builtin), createdAt: now, updatedAt: now }));
      await ctx.em.createQueryBuilder(SegmentDefinitionEntity).insert(rows).execute();
      const definitions = await ctx.em.find(SegmentDefinitionEntity, {}, { orderBy: { kind: 'desc', position: 'asc' }, disableIdentityMap: true });
      ctx.emit(SEGMENTS_UPDATED, {
        version: settings.version,
        handles: definitions.map((d) => d.handle),
        windowDays: settings.windowDays,
        scoring: settings.scoring,
        syncMetafield: settings.syncMetafield,
        rescore: scoringOf(settings, definitions) !== before,
      });
      await ctx.em.flush();
      return { settings: viewOf(settings), definitions };
    });
  }
}

function viewOf(row: SegmentSettings | null): SegmentSettingsView {
  if (!row) return { ...DEFAULT_SEGMENT_SETTINGS, timezone: DEFAULT_TIME_ZONE, version: 0 };
  const { windowDays, scoring, thresholds, syncMetafield, timezone, version } = row;
  return { windowDays, scoring, thresholds: thresholds ?? null, syncMetafield, timezone, version };
}

/**
 * What the scores and segments depend on, as one comparable string: the window, the scoring and
 * the definitions' kinds, order and rules. Names and the metafield sync are not in it: changing
 * only them needs no recompute.
 */
function scoringOf(settings: SegmentSettings, definitions: SegmentDefinition[]): string {
  const rules = definitions
    .map((d) => [d.kind, d.position, d.handle, d.recencyMin, d.recencyMax, d.frequencyMin, d.frequencyMax, d.monetaryMin, d.monetaryMax, [...(d.tierIds ?? [])].sort(), d.tierIds === null || d.tierIds === undefined, d.pointsMin ?? null, d.pointsMax ?? null])
    .sort((a, b) => `${a[0]}:${String(a[1]).padStart(4, '0')}`.localeCompare(`${b[0]}:${String(b[1]).padStart(4, '0')}`));
  return JSON.stringify({ windowDays: settings.windowDays, scoring: settings.scoring, thresholds: settings.thresholds ?? null, rules });
}
