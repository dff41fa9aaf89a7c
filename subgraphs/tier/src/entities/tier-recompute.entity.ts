import { markWake, tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A background recompute of every member after a program change (`TierRecomputeService`), with
 * its progress: `cursor` is the last customer id placed, so a crash resumes after it. At most one
 * runs per merchant; a newer program change supersedes it. Written with SQL by the service and the
 * job; declared so schema diffs keep its trigger: an insert wakes the recompute job after commit.
 */
export const TierRecomputeEntity = defineEntity({
  name: 'TierRecompute',
  tableName: 'tier_recompute',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    programVersion: p.integer(),
    status: p.string(),
    processed: p.integer(),
    total: p.integer(),
    cursor: p.uuid().nullable(),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['merchantId', 'startedAt'], name: 'tier_recompute_merchant_index' }],
  triggers: [markWake('tier_recompute_wake')],
  ...tenantOwned('tier_recompute'),
});

export type TierRecompute = InferEntity<typeof TierRecomputeEntity>;
