import { ArrayMinSize, ArrayUnique, IsBoolean, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { WebhookTopic } from '../domain/webhook-topics.js';
import { WebhookSubscriptionDeliveryStatus } from './webhook-subscription-delivery.type.js';

/** The most subscriptions one merchant may have. */
export const WEBHOOK_SUBSCRIPTION_LIMIT = 20;

@InputType('CreateWebhookSubscriptionInput', { description: 'A new webhook subscription.' })
export class CreateWebhookSubscriptionInput {
  @Field(() => String, {
    description: 'The endpoint to POST deliveries to (1–2048 characters): an https URL whose host resolves only to public addresses, without user name, password or #fragment.',
  })
  @Length(1, 2048)
  url!: string;

  @Field(() => [WebhookTopic], { description: 'The topics to deliver (at least one, each once).' })
  @ArrayMinSize(1)
  @ArrayUnique()
  topics!: WebhookTopic[];

  @Field(() => String, { nullable: true, description: 'A note to recognise it by (at most 200 characters).' })
  @IsOptional()
  @MaxLength(200)
  description?: string | null;
}

@InputType('UpdateWebhookSubscriptionInput', { description: 'Changes to a webhook subscription; fields left out stay as they are.' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => String, { nullable: true, description: 'A new endpoint (1–2048 characters), checked like a new subscription\'s.' })
  @IsOptional()
  @Length(1, 2048)
  url?: string | null;

  @Field(() => [WebhookTopic], { nullable: true, description: 'The topics to deliver from now on (at least one, each once); events already recorded are still sent.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayUnique()
  topics?: WebhookTopic[] | null;

  @Field(() => String, { nullable: true, description: 'A new note (at most 200 characters); an empty one removes it.' })
  @IsOptional()
  @MaxLength(200)
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "false: disable it (nothing is sent, no new delivery is recorded). true: enable a disabled subscription; its failure count is reset and the deliveries waiting are sent within seconds (at the next poll of the dispatcher). A partner key may enable only one disabled for FAILURES; one paused (MERCHANT), revoked (API_KEY_REVOKED) or uninstalled (APP_UNINSTALLED) is the merchant's admin's to turn on: FORBIDDEN, and nothing changes. An admin's true on a subscription whose creating key is revoked or expired (even one still ACTIVE) makes it the merchant's own, so events are recorded for it again.",
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean | null;
}

@InputType('WebhookSubscriptionDeliveryFilter', { description: 'Narrows the outgoing webhook deliveries; all given conditions must hold.' })
export class WebhookSubscriptionDeliveryFilter {
  @Field(() => ID, { nullable: true, description: 'Deliveries of this subscription.' })
  @IsOptional()
  subscriptionId?: string | null;

  @Field(() => WebhookSubscriptionDeliveryStatus, { nullable: true, description: 'Deliveries in this status.' })
  @IsOptional()
  status?: WebhookSubscriptionDeliveryStatus | null;

  @Field(() => WebhookTopic, { nullable: true, description: 'Deliveries of this topic.' })
  @IsOptional()
  topic?: WebhookTopic | null;
}
