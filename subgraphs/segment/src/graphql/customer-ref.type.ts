import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The customer as the segment subgraph extends it (`Customer.rfm`). */
@Directive('@key(fields: "id")')
@ObjectType('Customer', { description: "A shopper of the merchant's store, as known from Shopify." })
export class CustomerRef {
  @Field(() => ID, { description: 'Stable LoyalNest id of the customer.' })
  id!: string;
}
