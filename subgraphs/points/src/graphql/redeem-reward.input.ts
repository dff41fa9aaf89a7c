import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType('RedeemRewardInput', { description: 'A reward to redeem for a customer.' })
export class RedeemRewardInput {
  @Field(() => ID, { description: 'The customer who spends the points: a shopper may name only themselves.' })
  customerId!: string;

  @Field(() => ID, { description: 'The reward.' })
  rewardId!: string;

  @Field(() => String, {
    description: 'Makes the call safe to repeat: the same key returns the same redemption and spends once. 1–200 printable characters; unique per merchant and kind of caller.',
  })
  @Length(1, 200)
  @Matches(/^[\x21-\x7e]+$/, { message: 'idempotencyKey must be printable ASCII without spaces' })
  idempotencyKey!: string;
}
