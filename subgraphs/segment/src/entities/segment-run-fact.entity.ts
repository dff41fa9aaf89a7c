import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A customer's facts as a run computed them when it started: the last order, the orders and net
 * spend in the window. Written and read with SQL by the recompute (`segment-plan.sql.ts`,
 * `segment-batch.sql.ts`): a batch reads one short range of its key. Removed when the run ends.
 */
export const SegmentRunFactEntity = defineEntity({
  name: 'SegmentRunFact',
  tableName: 'segment_run_fact',
  properties: {
    merchantId: p.uuid().primary(),
    runId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    lastOrderAt: p.datetime(),
    orders: p.integer(),
    spend: p.bigint('number'),
  },
  ...tenantOwned('segment_run_fact'),
});

export type SegmentRunFact = InferEntity<typeof SegmentRunFactEntity>;
