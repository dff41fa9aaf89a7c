import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** Internal: a customer whose value Shopify refused. */
@Directive('@inaccessible')
@ObjectType('RejectedCustomerMetafield', { description: "Internal: a customer whose metafield value Shopify refused (e.g. a customer deleted in Shopify)." })
export class RejectedCustomerMetafieldType {
  @Field(() => ID, { description: "The customer's numeric Shopify id, as it was asked for." })
  customerShopifyId!: string;

  @Field(() => String, { description: "Shopify's reason." })
  message!: string;
}

/**
 * Internal: what `_setCustomerMetafields` did. Shopify's `metafieldsSet` is atomic: when it refuses
 * any value it writes none, so `written` is then 0 and `rejected` names the customers it refused;
 * the caller sends the others again without them.
 */
@Directive('@inaccessible')
@ObjectType('CustomerMetafieldsResult', { description: 'Internal: the outcome of one metafieldsSet call on customers.' })
export class CustomerMetafieldsResultType {
  @Field(() => Int, { description: 'How many values Shopify wrote: all of them, or 0 when it refused any.' })
  written!: number;

  @Field(() => [RejectedCustomerMetafieldType], { description: 'The customers whose values Shopify refused; empty when all were written.' })
  rejected!: RejectedCustomerMetafieldType[];
}
