import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * The metafield sync setting as the segment domain last applied it from `segments.updated`: on or
 * off, at which settings version. Switching it on queues every scored customer once; an older
 * event arriving after a newer one changes nothing.
 */
export const SegmentMetafieldSyncSettingEntity = defineEntity({
  name: 'SegmentMetafieldSyncSetting',
  tableName: 'segment_metafield_sync_setting',
  properties: {
    merchantId: p.uuid().primary(),
    enabled: p.boolean(),
    version: p.integer(),
    updatedAt: p.datetime(),
  },
  ...tenantOwned('segment_metafield_sync_setting'),
});

export type SegmentMetafieldSyncSetting = InferEntity<typeof SegmentMetafieldSyncSettingEntity>;
