import { markWake, tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

export const SEGMENT_RUN_TRIGGERS = ['nightly', 'manual', 'settings', 'first'] as const;
export const SEGMENT_RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

/**
 * One recompute of a merchant's segments: why it ran, how far it got (`processed` of `total`
 * customers), how many changed segment. At most one is queued or running per merchant (a unique
 * partial index), so a second request joins the one under way. Written with SQL by the recompute
 * service and job; the insert trigger wakes the recompute job after the request commits.
 */
export const SegmentRunEntity = defineEntity({
  name: 'SegmentRun',
  tableName: 'segment_run',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    trigger: p.enum(SEGMENT_RUN_TRIGGERS),
    status: p.enum(SEGMENT_RUN_STATUSES),
    /** The instant the run scores as of (recency counts back from it). */
    asOf: p.datetime().nullable(),
    total: p.integer().default(0),
    processed: p.integer().default(0),
    changed: p.integer().default(0),
    settingsVersion: p.integer().nullable(),
    requestedAt: p.datetime(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
    error: p.string().length(1000).nullable(),
    /** What the run scores with, fixed when it starts (`SegmentRunPlan`); null while queued. */
    plan: p.json<Record<string, unknown>>().nullable(),
    /** The last customer id a committed batch covered: a crash resumes after it. */
    cursor: p.uuid().nullable(),
    /** Batches that failed in a row; the run is given up after `MAX_FAILURES`. */
    failures: p.smallint().default(0),
    /** The shop-local date of a nightly run (one per merchant and date). */
    nightlyDate: p.date().nullable(),
  },
  triggers: [markWake('segment_run_wake')],
  ...tenantOwned('segment_run'),
});

export type SegmentRun = InferEntity<typeof SegmentRunEntity>;
