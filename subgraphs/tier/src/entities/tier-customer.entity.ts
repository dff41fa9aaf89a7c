import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * Which Shopify customer a LoyalNest customer of the tier store is, as a blind index of the Shopify
 * id (`shopifyCustomerIndex`): how a GDPR request, which names the customer by Shopify id only,
 * finds their tier rows even after the customer domain has erased its side.
 */
export const TierCustomerEntity = defineEntity({
  name: 'TierCustomer',
  tableName: 'tier_customer',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    shopifyCustomerIndex: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  ...tenantOwned('tier_customer'),
});

export type TierCustomer = InferEntity<typeof TierCustomerEntity>;
