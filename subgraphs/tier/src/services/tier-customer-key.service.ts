import { blindIndex, isUuid, Scope, systemCaller, type RequestContext } from '@loyalnest/kit';

const SHOPIFY_ID_OF = /* GraphQL */ `
  query TierCustomerShopifyId($id: ID!) { customer(id: $id) { id shopifyId } }
`;
const BY_SHOPIFY_ID = /* GraphQL */ `
  query TierCustomerByShopifyId($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { id } }
`;

/**
 * Which LoyalNest customers of the tier store a Shopify customer is. GDPR requests name customers
 * by Shopify id; the tier store keys everything by LoyalNest id and never reads the customer
 * store. The customer subgraph answers while it knows the customer, but its own redaction may run
 * first and forget them, so the tier store keeps the link itself (`tier_customer`), recorded when
 * the customer's `customer.created` is consumed, as a blind index: an HMAC of the Shopify id under
 * the deployment's blind index key, scoped by merchant, so the store holds no Shopify id.
 */
export class TierCustomerKeyService {
  constructor(private readonly blindIndexKey: string) {}

  /** Records which Shopify customer `customerId` is; false when the customer subgraph no longer knows them (redacted since). */
  async record(ctx: RequestContext, customerId: string): Promise<boolean> {
    if (!isUuid(customerId)) return false;
    const answer = await ctx.peers.query<{ customer: { id: string; shopifyId: string | null } | null }>('customer', SHOPIFY_ID_OF, { id: customerId }, this.caller(ctx));
    if (!answer.customer) return false;
    if (answer.customer.shopifyId) {
      await ctx.em.execute('insert into tier_customer (merchant_id, customer_id, shopify_customer_index, created_at) values (?, ?, ?, now()) on conflict do nothing', [
        ctx.merchantId!,
        customerId,
        this.indexOf(ctx, answer.customer.shopifyId),
      ]);
    }
    return true;
  }

  /** The LoyalNest ids of the Shopify customer at the context's merchant: those the tier store recorded, and the one the customer subgraph still knows. */
  async customersOf(ctx: RequestContext, shopifyCustomerId: string): Promise<string[]> {
    const recorded = await ctx.em.execute<{ customer_id: string }[]>('select customer_id from tier_customer where merchant_id = ? and shopify_customer_index = ?', [
      ctx.merchantId!,
      this.indexOf(ctx, shopifyCustomerId),
    ]);
    const answer = await ctx.peers.query<{ customerByShopifyId: { id: string } | null }>('customer', BY_SHOPIFY_ID, { shopifyId: shopifyCustomerId }, this.caller(ctx));
    const known = answer.customerByShopifyId ? [answer.customerByShopifyId.id] : [];
    return [...new Set([...recorded.map((r) => r.customer_id), ...known])].sort();
  }

  private indexOf(ctx: RequestContext, shopifyCustomerId: string): string {
    return blindIndex(this.blindIndexKey, ctx.merchantId!, `shopify-customer:${shopifyCustomerId}`);
  }

  private caller(ctx: RequestContext) {
    return { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
  }
}
