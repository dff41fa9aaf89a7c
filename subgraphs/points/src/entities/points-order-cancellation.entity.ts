import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A Shopify order's cancellation as the points domain saw it; kept so an earn that comes after it
 * (a retried `orders/paid`, or one consumed at the same time) earns nothing.
 */
export const PointsOrderCancellationEntity = defineEntity({
  name: 'PointsOrderCancellation',
  tableName: 'points_order_cancellation',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    shopifyOrderId: p.bigint('string'),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['merchantId', 'shopifyOrderId'], name: 'points_order_cancellation_merchant_order_unique' }],
  ...tenantOwned('points_order_cancellation'),
});

export type PointsOrderCancellation = InferEntity<typeof PointsOrderCancellationEntity>;
