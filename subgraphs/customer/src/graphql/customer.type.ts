import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@loyalnest/kit';

/** The merchant as this subgraph knows it: a reference by id, plus what this subgraph adds to it. */
@Directive('@key(fields: "id")')
@ObjectType('Merchant', { description: 'A Shopify shop running LoyalNest: the tenant everything else belongs to.' })
export class MerchantRef {
  @Field(() => ID, { description: 'Stable LoyalNest id of the merchant.' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('Customer', { description: "A shopper of the merchant's store, as known from Shopify." })
export class CustomerType {
  @Field(() => ID, { description: 'Stable LoyalNest id of the customer.' })
  id!: string;

  @Field(() => ID, { description: "Shopify's customer id." })
  shopifyId!: string;

  @Field(() => String, { nullable: true, description: 'Email address (stored encrypted).' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'First name (stored encrypted).' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Last name (stored encrypted).' })
  lastName!: string | null;

  @Field(() => [String], { description: 'Shopify customer tags.' })
  tags!: string[];

  @Field(() => Boolean, { description: 'Whether the customer agreed to receive marketing.' })
  acceptsMarketing!: boolean;

  @Field(() => Int, { description: 'Number of orders placed.' })
  ordersCount!: number;

  @Field(() => String, { description: 'Total spent, a decimal string in the shop currency, e.g. "129.90".' })
  totalSpent!: string;

  @Field(() => Date, { nullable: true, description: 'When the customer last ordered.' })
  lastOrderAt!: Date | null;

  @Field(() => Date, { description: 'When LoyalNest first saw the customer.' })
  createdAt!: Date;

  @Field(() => MerchantRef, { description: 'The merchant whose shopper this is.' })
  merchant!: MerchantRef;
}

@ObjectType('CustomerConnection', { description: 'A page of customers, oldest first.' })
export class CustomerConnection {
  @Field(() => [CustomerType], { description: 'The customers on this page.' })
  nodes!: CustomerType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

@ObjectType('UpsertCustomerSuccess', { description: 'The customer as stored, and whether it was new.' })
export class UpsertCustomerSuccess {
  @Field(() => CustomerType, { description: 'The customer.' })
  customer!: CustomerType;

  @Field(() => Boolean, { description: 'True when this call created the customer, false when it updated one.' })
  created!: boolean;
}
