import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A `points.expiring_soon` warning that went out: one per account and expiry date (UTC), so the
 * expiry job warns once however often it runs. Written by the job in the transaction that emits
 * the event.
 */
export const PointsExpiryWarningEntity = defineEntity({
  name: 'PointsExpiryWarning',
  tableName: 'points_expiry_warning',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    accountId: p.uuid(),
    expiresOn: p.date(),
    /** The points the warning said would expire. */
    points: p.integer(),
    warnedAt: p.datetime(),
  },
  uniques: [{ properties: ['merchantId', 'accountId', 'expiresOn'], name: 'points_expiry_warning_account_date_unique' }],
  ...tenantOwned('points_expiry_warning'),
});

export type PointsExpiryWarning = InferEntity<typeof PointsExpiryWarningEntity>;
