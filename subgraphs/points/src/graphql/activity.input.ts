import { IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType('RecordActivityInput', { description: 'A custom activity a customer did, to earn its points.' })
export class RecordActivityInput {
  @Field(() => ID, { description: 'LoyalNest id of the customer.' })
  customerId!: string;

  @Field(() => String, { description: "Key of one of the merchant's activities (`earningRules.activities`)." })
  @Length(1, 64)
  activityKey!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Makes the call safe to repeat: a retry with the same key returns the first result instead of counting again or reporting the limit. 1–200 printable characters; unique per activity, customer and kind of caller (and per day or week for limited activities).',
  })
  @IsOptional()
  @Length(1, 200)
  @Matches(/^[\x21-\x7e]+$/, { message: 'idempotencyKey must be printable ASCII without spaces' })
  idempotencyKey?: string | null;
}
