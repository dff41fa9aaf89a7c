import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * One customer as the segment domain knows them: what other domains publish about them (the tier,
 * kept at the highest `tier.changed` version seen; the points balance) and what the last run that
 * scored them found (scores, RFM segment and since when, the values behind the scores). Scores
 * and segment are null for a customer no run has scored (no order counted yet).
 */
export const SegmentCustomerEntity = defineEntity({
  name: 'SegmentCustomer',
  tableName: 'segment_customer',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    tierId: p.uuid().nullable(),
    tierVersion: p.integer().default(0),
    pointsBalance: p.integer().nullable(),
    pointsBalanceAt: p.datetime().nullable(),
    pointsEntryId: p.uuid().nullable(),
    recency: p.smallint().nullable(),
    frequency: p.smallint().nullable(),
    monetary: p.smallint().nullable(),
    segment: p.string().length(64).nullable(),
    segmentSince: p.datetime().nullable(),
    lastOrderAt: p.datetime().nullable(),
    ordersInWindow: p.integer().nullable(),
    spendInWindowMinor: p.bigint('number').nullable(),
    runId: p.uuid().nullable(),
    scoredAt: p.datetime().nullable(),
  },
  ...tenantOwned('segment_customer'),
});

export type SegmentCustomer = InferEntity<typeof SegmentCustomerEntity>;
