import { IsOptional, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

/** The same key with the same change returns the first result; printable ASCII keeps keys loggable. */
const KEY = /^[\x21-\x7e]+$/;

@InputType()
abstract class PointsChangeInput {
  @Field(() => ID, { description: 'LoyalNest id of the customer.' })
  customerId!: string;

  @Field(() => Int, { description: 'How many points, 1–1,000,000.' })
  @Min(1)
  @Max(1_000_000)
  points!: number;

  @Field(() => String, { nullable: true, description: 'Why, shown in the customer\'s history (at most 255 characters).' })
  @IsOptional()
  @MaxLength(255)
  reason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Makes the call safe to repeat: the same key with the same change is applied once. 1–200 printable characters; unique per merchant and kind of caller.',
  })
  @IsOptional()
  @Length(1, 200)
  @Matches(KEY, { message: 'idempotencyKey must be printable ASCII without spaces' })
  idempotencyKey?: string | null;
}

@InputType('AwardPointsInput', { description: 'Points to give a customer.' })
export class AwardPointsInput extends PointsChangeInput {}

@InputType('DeductPointsInput', { description: "Points to take from a customer's spendable balance; never below zero." })
export class DeductPointsInput extends PointsChangeInput {}
