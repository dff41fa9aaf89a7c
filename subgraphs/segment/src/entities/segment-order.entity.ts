import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * The segment domain's own order facts, one row per order, from the customer domain's order
 * events (`order.recorded`, `order.refunded`, `order.cancelled`) in whatever order they arrive:
 * ids, times and amounts only. `placedAt` and `totalMinor` are null until `order.recorded`
 * arrives; `refundIds` makes each refund count once.
 */
export const SegmentOrderEntity = defineEntity({
  name: 'SegmentOrder',
  tableName: 'segment_order',
  properties: {
    merchantId: p.uuid().primary(),
    orderId: p.text().primary(),
    customerId: p.uuid(),
    placedAt: p.datetime().nullable(),
    totalMinor: p.bigint('number').nullable(),
    currency: p.string().length(3).nullable(),
    refundedMinor: p.bigint('number').default(0),
    refundIds: p.array().default([]),
    cancelledAt: p.datetime().nullable(),
  },
  ...tenantOwned('segment_order'),
});

export type SegmentOrder = InferEntity<typeof SegmentOrderEntity>;
