import { PageInfo } from '@loyalnest/kit';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/**
 * Upper case like every other enum. The lower-case names this API first shipped stay as deprecated
 * values, so client documents and generated types that name them still validate; they are never
 * returned (an output enum cannot answer two names for one value) and no argument takes them.
 */
export enum GdprRequestKind {
  CUSTOMER_REDACT = 'CUSTOMER_REDACT',
  CUSTOMER_DATA_REQUEST = 'CUSTOMER_DATA_REQUEST',
  SHOP_REDACT = 'SHOP_REDACT',
  customer_redact = 'customer_redact',
  customer_data_request = 'customer_data_request',
  shop_redact = 'shop_redact',
}
const RENAMED = 'Lower-case names are retired; this value is never returned.';
registerEnumType(GdprRequestKind, {
  name: 'GdprRequestKind',
  description: "Which of Shopify's compliance webhooks asked for the request.",
  valuesConfig: {
    CUSTOMER_REDACT: { description: "customers/redact: erase a customer's personal data (the shop owner or Shopify asked on the customer's behalf)." },
    CUSTOMER_DATA_REQUEST: { description: 'customers/data_request: export everything held about a customer, readable through `gdprExport` once completed.' },
    SHOP_REDACT: { description: "shop/redact: remove all of the merchant's data, sent by Shopify 48 hours after the app is uninstalled." },
    customer_redact: { description: 'Former name of CUSTOMER_REDACT.', deprecationReason: `Use CUSTOMER_REDACT. ${RENAMED}` },
    customer_data_request: { description: 'Former name of CUSTOMER_DATA_REQUEST.', deprecationReason: `Use CUSTOMER_DATA_REQUEST. ${RENAMED}` },
    shop_redact: { description: 'Former name of SHOP_REDACT.', deprecationReason: `Use SHOP_REDACT. ${RENAMED}` },
  },
});

/** Upper case like every other enum; the lower-case names stay deprecated, as for `GdprRequestKind`. */
export enum GdprStatus {
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  pending = 'pending',
  completed = 'completed',
}
registerEnumType(GdprStatus, {
  name: 'GdprStatus',
  description: 'Whether a request (or one part of it) has been carried out.',
  valuesConfig: {
    PENDING: { description: 'Not carried out yet: some data the request concerns may still be held.' },
    COMPLETED: { description: 'Carried out: the data was erased, or its export is ready.' },
    pending: { description: 'Former name of PENDING.', deprecationReason: `Use PENDING. ${RENAMED}` },
    completed: { description: 'Former name of COMPLETED.', deprecationReason: `Use COMPLETED. ${RENAMED}` },
  },
});

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
