import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A Shopify refund as the points domain saw it; kept so a refund that beats its order's earning
 * still reverses it. `amount` is what it returned in all; the parts are what it returned of the
 * order's line items, their taxes, shipping and its taxes (zeros on refunds recorded before they
 * were kept, whose whole amount then counts as a share of the order's total).
 */
export const PointsOrderRefundEntity = defineEntity({
  name: 'PointsOrderRefund',
  tableName: 'points_order_refund',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    shopifyRefundId: p.bigint('string'),
    shopifyOrderId: p.bigint('string'),
    amount: p.decimal('string').precision(14).scale(2),
    lineItems: p.decimal('string').precision(14).scale(2),
    lineTaxes: p.decimal('string').precision(14).scale(2),
    shipping: p.decimal('string').precision(14).scale(2),
    shippingTaxes: p.decimal('string').precision(14).scale(2),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['merchantId', 'shopifyRefundId'], name: 'points_order_refund_merchant_refund_unique' }],
  ...tenantOwned('points_order_refund'),
});

export type PointsOrderRefund = InferEntity<typeof PointsOrderRefundEntity>;
