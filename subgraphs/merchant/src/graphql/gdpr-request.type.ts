import { PageInfo } from '@loyalnest/kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum GdprRequestKind {
  customer_redact = 'customer_redact',
  customer_data_request = 'customer_data_request',
  shop_redact = 'shop_redact',
}
registerEnumType(GdprRequestKind, {
  name: 'GdprRequestKind',
  description: "Which of Shopify's compliance webhooks asked for the request.",
  valuesConfig: {
    customer_redact: { description: "customers/redact: erase a customer's personal data." },
    customer_data_request: { description: 'customers/data_request: export everything held about a customer.' },
    shop_redact: { description: "shop/redact: remove all of the merchant's data." },
  },
});

export enum GdprStatus {
  pending = 'pending',
  completed = 'completed',
}
registerEnumType(GdprStatus, { name: 'GdprStatus', description: 'Whether a request (or one part of it) has been carried out.' });

@ObjectType('GdprRequestPart', { description: "One subgraph's share of a GDPR request." })
export class GdprRequestPartType {
  @Field(() => String, { description: 'The subgraph holding data the request concerns, e.g. `customer`.' })
  subgraph!: string;

  @Field(() => GdprStatus, { description: 'Whether that subgraph has carried out its part.' })
  status!: GdprStatus;

  @Field(() => Date, { nullable: true, description: 'When it did.' })
  completedAt!: Date | null;
}

@ObjectType('GdprRequest', { description: 'A compliance request from Shopify and its progress in every subgraph.' })
export class GdprRequestType {
  @Field(() => ID, { description: 'LoyalNest id of the request.' })
  id!: string;

  @Field(() => GdprRequestKind, { description: 'What was asked.' })
  kind!: GdprRequestKind;

  @Field(() => GdprStatus, { description: 'Completed once every part is.' })
  status!: GdprStatus;

  @Field(() => [GdprRequestPartType], { description: 'Progress per subgraph.' })
  parts!: GdprRequestPartType[];

  @Field(() => Date, { description: 'When the webhook was processed.' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the last part completed.' })
  completedAt!: Date | null;
}

@ObjectType('GdprRequestConnection', { description: 'A page of GDPR requests, newest first.' })
export class GdprRequestConnection {
  @Field(() => [GdprRequestType], { description: 'The requests on this page.' })
  nodes!: GdprRequestType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

/** Internal: whom a customer request concerns, for the subgraphs carrying it out. */
@Directive('@inaccessible')
@ObjectType('GdprSubject', { description: 'Internal: the customer a GDPR request concerns.' })
export class GdprSubjectType {
  @Field(() => ID, { description: 'The request.' })
  requestId!: string;

  @Field(() => String, { description: "The customer's Shopify id." })
  shopifyCustomerId!: string;

  @Field(() => String, { nullable: true, description: "The customer's email as Shopify sent it." })
  email!: string | null;

  @Field(() => [String], { description: 'Shopify order ids to redact with the customer.' })
  ordersToRedact!: string[];
}
