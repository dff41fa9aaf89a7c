import { PageInfo } from '@loyalnest/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The inbox's statuses, upper case like every other enum of the API. */
export enum WebhookDeliveryStatus {
  RECEIVED = 'received',
  PROCESSED = 'processed',
  IGNORED = 'ignored',
  MALFORMED = 'malformed',
}
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a Shopify webhook delivery stands in the inbox.',
  valuesConfig: {
    RECEIVED: { description: 'Stored and handed to the domains that act on its topic; not every one has applied it yet.' },
    PROCESSED: { description: 'Every domain that acts on its topic has applied it.' },
    IGNORED: { description: 'A topic LoyalNest does not act on; kept for the record.' },
    MALFORMED: { description: 'Signed by Shopify but not JSON; kept for the record, never applied.' },
  },
});

@ObjectType('WebhookDelivery', { description: 'A Shopify webhook the app received for the merchant: when, what topic, and how far it got. Never its body.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'LoyalNest id of the delivery in the inbox.' })
  id!: string;

  @Field(() => String, { description: "Shopify's event id (X-Shopify-Event-Id): one delivery per event, however often Shopify sends it." })
  eventId!: string;

  @Field(() => String, { description: 'The Shopify topic, e.g. `orders/paid`.' })
  topic!: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Where the delivery stands.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Date, { nullable: true, description: 'When Shopify says the event happened (X-Shopify-Triggered-At).' })
  triggeredAt!: Date | null;

  @Field(() => Date, { description: 'When LoyalNest received and stored it.' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the last domain acting on it applied it (status PROCESSED); null until then.' })
  appliedAt!: Date | null;

  @Field(() => [String], { description: 'The subgraphs that have applied it so far, e.g. `customer`.' })
  appliedBy!: string[];

  @Field(() => Int, { description: 'Times it was handed to the domains: once on receipt, and once more each time the inbox sweeper found it unapplied.' })
  attempts!: number;
}

@ObjectType('WebhookDeliveryConnection', { description: 'A page of webhook deliveries, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryType], { description: 'The deliveries on this page.' })
  nodes!: WebhookDeliveryType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}
