import { markWake, tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A finished run's member count of one segment, and the shop-local day it counts for. The
 * materialized view `segment_daily_count` keeps the last run of each day (refreshed by the daily
 * counts job seconds after a run's counts commit); read it through
 * `segment_daily_counts(from, to)` (the view has no row-level security of its own).
 */
export const SegmentRunCountEntity = defineEntity({
  name: 'SegmentRunCount',
  tableName: 'segment_run_count',
  properties: {
    merchantId: p.uuid().primary(),
    runId: p.uuid().primary(),
    segment: p.string().length(64).primary(),
    day: p.date(),
    finishedAt: p.datetime(),
    members: p.integer(),
  },
  ...tenantOwned('segment_run_count'),
  // A finished run's counts wake the job that refreshes the daily counts view.
  triggers: [markWake('segment_run_count_wake')],
});

export type SegmentRunCount = InferEntity<typeof SegmentRunCountEntity>;
