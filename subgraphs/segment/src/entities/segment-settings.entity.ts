import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** Fixed score boundaries a merchant may set instead of quintiles: the 4 lower bounds of scores 2, 3, 4 and 5, ascending. */
export type SegmentThresholds = {
  /** Days since the last order at or below which recency scores 5, 4, 3, 2 (descending days: fewer is better). */
  recencyDays: [number, number, number, number];
  /** Orders in the window at or above which frequency scores 2, 3, 4, 5. */
  frequencyOrders: [number, number, number, number];
  /** Net spend in the window, in the shop currency's minor units, at or above which monetary scores 2, 3, 4, 5. */
  monetaryMinor: [number, number, number, number];
};

/**
 * A merchant's segment scoring settings, one row per merchant, absent until first saved or first
 * needed (the defaults apply). Locked by every change; `version` counts the changes, and a run
 * records the version it scored with.
 */
export const SegmentSettingsEntity = defineEntity({
  name: 'SegmentSettings',
  tableName: 'segment_settings',
  properties: {
    merchantId: p.uuid().primary(),
    windowDays: p.smallint().default(365),
    scoring: p.enum(['quintile', 'threshold'] as const).default('quintile'),
    thresholds: p.json<SegmentThresholds>().nullable(),
    syncMetafield: p.boolean().default(false),
    /** The shop's IANA time zone: the nightly run goes at the shop's night, and days of the chart are the shop's. */
    timezone: p.text().default('UTC'),
    /** The `merchant.timezone_changed` version `timezone` came from: null, never told nor asked; 0, asked of the merchant subgraph. */
    timezoneVersion: p.integer().nullable(),
    version: p.integer().default(0),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  ...tenantOwned('segment_settings'),
});

export type SegmentSettings = InferEntity<typeof SegmentSettingsEntity>;
