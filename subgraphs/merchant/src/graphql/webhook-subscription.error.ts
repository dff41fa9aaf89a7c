import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { EndpointRefusal } from '../domain/webhook-endpoint.js';

/** The enum's values are `checkEndpointUrl`'s reasons. */
export enum WebhookEndpointRefusal {
  MALFORMED = 'malformed',
  NOT_HTTPS = 'not_https',
  CREDENTIALS = 'credentials',
  PRIVATE_ADDRESS = 'private_address',
  UNRESOLVABLE = 'unresolvable',
}
registerEnumType(WebhookEndpointRefusal, {
  name: 'WebhookEndpointRefusal',
  description: 'Why a webhook endpoint URL was refused.',
  valuesConfig: {
    MALFORMED: { description: 'Not an absolute URL, or it has a #fragment.' },
    NOT_HTTPS: { description: 'Not an https URL.' },
    CREDENTIALS: { description: 'It carries a user name or password.' },
    PRIVATE_ADDRESS: { description: 'Its host resolves to an address that is not public (private, loopback, link-local such as 169.254.169.254, reserved).' },
    UNRESOLVABLE: { description: 'Its host name does not resolve.' },
  },
});

@ObjectType('WebhookEndpointRefusedError', { implements: ErrorResult, description: 'The endpoint URL is not one deliveries may go to; nothing was saved.' })
export class WebhookEndpointRefusedError extends ErrorResult {
  @Field(() => String, { description: 'The refused field, `input.url`.' })
  field!: string;

  @Field(() => WebhookEndpointRefusal, { description: 'Why it was refused.' })
  reason!: WebhookEndpointRefusal;

  constructor(reason: EndpointRefusal, message: string) {
    super();
    this.code = ErrorCode.WEBHOOK_ENDPOINT_REFUSED;
    this.field = 'input.url';
    this.reason = reason as WebhookEndpointRefusal;
    this.message = `input.url ${message}`;
  }
}

@ObjectType('WebhookSubscriptionLimitReachedError', { implements: ErrorResult, description: 'The merchant already has as many webhook subscriptions as it may; nothing was created.' })
export class WebhookSubscriptionLimitReachedError extends ErrorResult {
  @Field(() => Int, { description: 'The most subscriptions a merchant may have.' })
  limit!: number;

  constructor(limit: number) {
    super();
    this.code = ErrorCode.WEBHOOK_SUBSCRIPTION_LIMIT_REACHED;
    this.limit = limit;
    this.message = `A merchant may have at most ${limit} webhook subscriptions; delete one first`;
  }
}

@ObjectType('WebhookSubscriptionNotFoundError', { implements: ErrorResult, description: 'No webhook subscription with that id belongs to this merchant.' })
export class WebhookSubscriptionNotFoundError extends ErrorResult {
  constructor(id: string) {
    super();
    this.code = ErrorCode.WEBHOOK_SUBSCRIPTION_NOT_FOUND;
    this.message = `No webhook subscription ${id}`;
  }
}

@ObjectType('WebhookSubscriptionDeliveryNotFoundError', { implements: ErrorResult, description: 'No outgoing webhook delivery with that id belongs to this merchant.' })
export class WebhookSubscriptionDeliveryNotFoundError extends ErrorResult {
  constructor(id: string) {
    super();
    this.code = ErrorCode.WEBHOOK_DELIVERY_NOT_FOUND;
    this.message = `No webhook delivery ${id}`;
  }
}

@ObjectType('WebhookSubscriptionDisabledError', { implements: ErrorResult, description: "The delivery's subscription is disabled, so nothing was replayed; enable it first." })
export class WebhookSubscriptionDisabledError extends ErrorResult {
  constructor(subscriptionId: string) {
    super();
    this.code = ErrorCode.WEBHOOK_SUBSCRIPTION_DISABLED;
    this.message = `Webhook subscription ${subscriptionId} is disabled; enable it to replay its deliveries`;
  }
}
