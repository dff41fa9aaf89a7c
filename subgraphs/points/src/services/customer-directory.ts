import { isUuid, Scope, systemCaller, type RequestContext } from '@loyalnest/kit';
import { PointsAccountEntity } from '../entities/points-account.entity.js';

const BY_ID = /* GraphQL */ `
  query PointsCustomerById($id: ID!) { customer(id: $id) { id shopifyId } }
`;
const BY_SHOPIFY_ID = /* GraphQL */ `
  query PointsCustomerByShopifyId($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { id shopifyId } }
`;

export interface KnownCustomer {
  customerId: string;
  shopifyCustomerId: string | null;
}

/**
 * Which customers exist, as the customer subgraph knows them. The points store never holds a
 * customer of its own making: an account is opened only for a customer the customer subgraph
 * confirms for the caller's merchant, and remembers the Shopify id so that later lookups (order
 * webhooks) need no round trip.
 */
export class CustomerDirectory {
  async byId(ctx: RequestContext, customerId: string): Promise<KnownCustomer | null> {
    if (!isUuid(customerId)) return null;
    const account = await ctx.em.findOne(PointsAccountEntity, { customerId }, { fields: ['customerId', 'shopifyCustomerId'] });
    if (account) return { customerId, shopifyCustomerId: account.shopifyCustomerId ?? null };
    const answer = await ctx.peers.query<{ customer: { id: string; shopifyId: string } | null }>('customer', BY_ID, { id: customerId }, this.caller(ctx));
    return answer.customer && { customerId: answer.customer.id, shopifyCustomerId: answer.customer.shopifyId };
  }

  async byShopifyId(ctx: RequestContext, shopifyCustomerId: string): Promise<KnownCustomer | null> {
    const account = await ctx.em.findOne(PointsAccountEntity, { shopifyCustomerId }, { fields: ['customerId'] });
    if (account) return { customerId: account.customerId, shopifyCustomerId };
    const answer = await ctx.peers.query<{ customerByShopifyId: { id: string } | null }>('customer', BY_SHOPIFY_ID, { shopifyId: shopifyCustomerId }, this.caller(ctx));
    return answer.customerByShopifyId && { customerId: answer.customerByShopifyId.id, shopifyCustomerId };
  }

  private caller(ctx: RequestContext) {
    return { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
  }
}
