import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Internal: a stored Shopify webhook delivery with its decrypted body, for the domains that act on
 * it. Events carry only the delivery's id (no PII on the queues); a consumer reads the body here,
 * as a system caller of the delivery's merchant. `@inaccessible` keeps it out of the public API.
 */
@Directive('@inaccessible')
@ObjectType('WebhookDeliveryBody', { description: 'Internal: a stored Shopify webhook delivery and its body.' })
export class WebhookDeliveryBodyType {
  @Field(() => ID, { description: 'The inbox row.' })
  id!: string;

  @Field(() => String, { description: 'The Shopify topic, e.g. `orders/paid`.' })
  topic!: string;

  @Field(() => String, { description: 'Inbox status: received, processed, ignored or malformed.' })
  status!: string;

  @Field(() => Date, { nullable: true, description: 'When Shopify says the event happened (X-Shopify-Triggered-At).' })
  triggeredAt!: Date | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The JSON body Shopify sent; null once erased (GDPR) or when it was not an object.' })
  body!: Record<string, unknown> | null;
}
