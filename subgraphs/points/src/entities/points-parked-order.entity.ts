import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import type { OrderEarningFacts } from '../services/shopify-order.parser.js';

/**
 * An order that arrived before the customer subgraph had created its customer. The points domain
 * keeps it (it never learns of a customer but from the customer subgraph) and earns it when
 * `customer.created` names that Shopify id, however long the customer domain takes.
 */
export const PointsParkedOrderEntity = defineEntity({
  name: 'PointsParkedOrder',
  tableName: 'points_parked_order',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    shopifyCustomerId: p.bigint('string'),
    shopifyOrderId: p.bigint('string'),
    facts: p.json<OrderEarningFacts>(),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['merchantId', 'shopifyOrderId'], name: 'points_parked_order_merchant_order_unique' }],
  ...tenantOwned('points_parked_order'),
});

export type PointsParkedOrder = InferEntity<typeof PointsParkedOrderEntity>;
