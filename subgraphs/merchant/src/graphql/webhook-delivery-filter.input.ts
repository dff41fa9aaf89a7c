import { IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { WebhookDeliveryStatus } from './webhook-deliveries.type.js';

@InputType('WebhookDeliveryFilter', { description: 'Narrows the webhook deliveries; all given conditions must hold.' })
export class WebhookDeliveryFilter {
  @Field(() => String, { nullable: true, description: 'Deliveries of this Shopify topic, e.g. `orders/paid` (1–100 characters, exact match).' })
  @IsOptional()
  @Length(1, 100)
  topic?: string | null;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Deliveries in this status.' })
  @IsOptional()
  status?: WebhookDeliveryStatus | null;
}
