import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * Where a customer was recently seen from, as IP fingerprints: their orders' browser IPs, their
 * claims, and app proxy requests Shopify signed as theirs (`logged_in_customer_id`). What
 * SAME_IP_AS_ADVOCATE compares a friend's claim with; rows older than 30 days no longer count.
 */
export const ReferralActivityEntity = defineEntity({
  name: 'ReferralActivity',
  tableName: 'referral_activity',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    ipHash: p.text().primary(),
    lastSeenAt: p.datetime(),
  },
  ...tenantOwned('referral_activity'),
});

export type ReferralActivity = InferEntity<typeof ReferralActivityEntity>;
