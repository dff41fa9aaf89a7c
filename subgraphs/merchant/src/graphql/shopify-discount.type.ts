import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Internal: a discount code created in the merchant's shop. `@inaccessible` keeps it out of the public API. */
@Directive('@inaccessible')
@ObjectType('ShopifyDiscount', { description: 'Internal: a discount code created in the shop.' })
export class ShopifyDiscountType {
  @Field(() => ID, { description: "Shopify's id of the discount, a DiscountCodeNode gid." })
  shopifyDiscountId!: string;

  @Field(() => String, { description: 'The code the shopper enters at checkout.' })
  code!: string;
}
