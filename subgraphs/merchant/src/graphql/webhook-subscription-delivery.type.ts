import { PageInfo } from '@loyalnest/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { WebhookTopic } from '../domain/webhook-topics.js';

/** The enum's values are the stored statuses. */
export enum WebhookSubscriptionDeliveryStatus {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  FAILED = 'failed',
}
registerEnumType(WebhookSubscriptionDeliveryStatus, {
  name: 'WebhookSubscriptionDeliveryStatus',
  description: 'Where an outgoing webhook delivery stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or a retry (`attempts` says which).' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Given up on after its retry window; a replay sends it again.' },
  },
});

@ObjectType('WebhookSubscriptionDelivery', { description: 'One event sent (or to be sent) to one webhook subscription, with the outcome of its last attempt.' })
export class WebhookSubscriptionDeliveryType {
  @Field(() => ID, { description: 'Id of the delivery: the `X-LoyalNest-Delivery-Id` header and the body\'s `id`, the same on every retry and replay, so receivers dedupe on it.' })
  id!: string;

  @Field(() => ID, { description: 'The subscription it is for.' })
  subscriptionId!: string;

  @Field(() => ID, { description: 'The domain event it carries (`X-LoyalNest-Event-Id`).' })
  eventId!: string;

  @Field(() => WebhookTopic, { description: 'Its topic.' })
  topic!: WebhookTopic;

  @Field(() => WebhookSubscriptionDeliveryStatus, { description: 'Where it stands.' })
  status!: WebhookSubscriptionDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far, every retry and replay counted.' })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'When it is due to be tried next (its endpoint\'s own backoff may hold it longer); null unless PENDING.' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was last tried; null before its first attempt.' })
  lastAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null when there was none (timeout, refused address, connection error).' })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, e.g. `HTTP 503` or `timeout after 15000 ms`; null when it did not.' })
  lastError!: string | null;

  @Field(() => String, { nullable: true, description: 'The start of the last answer\'s body, up to a small limit; null when there was none.' })
  lastResponseExcerpt!: string | null;

  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, in milliseconds.' })
  lastDurationMs!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint answered 2xx; null until then.' })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was last replayed; null if never.' })
  replayedAt!: Date | null;

  @Field(() => Date, { description: 'When it was recorded (when its event was consumed).' })
  createdAt!: Date;

  @Field(() => String, { description: 'The exact JSON body sent and signed, byte for byte the same on every attempt and replay.' })
  payload!: string;
}

@ObjectType('WebhookSubscriptionDeliveryConnection', { description: 'A page of outgoing webhook deliveries, newest first.' })
export class WebhookSubscriptionDeliveryConnection {
  @Field(() => [WebhookSubscriptionDeliveryType], { description: 'The deliveries on this page.' })
  nodes!: WebhookSubscriptionDeliveryType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}
