import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A customer's referral code: one per customer, unique per merchant, stored upper case. `clicks`
 * and `uniqueClicks` are what the click counters in Redis have been flushed into so far; the
 * counts since the last flush are still in Redis.
 */
export const ReferralCodeEntity = defineEntity({
  name: 'ReferralCode',
  tableName: 'referral_code',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    code: p.string().length(16),
    clicks: p.bigint('number').default(0),
    uniqueClicks: p.bigint('number').default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  ...tenantOwned('referral_code'),
});

export type ReferralCode = InferEntity<typeof ReferralCodeEntity>;
