import { Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';

@InputType('SetBirthdayInput', { description: "A customer's birthday (day and month, no year), for the birthday bonus." })
export class SetBirthdayInput {
  @Field(() => ID, { description: 'LoyalNest id of the customer; a shopper may name only themselves.' })
  customerId!: string;

  @Field(() => Int, { description: 'Month, 1–12.' })
  @Min(1)
  @Max(12)
  month!: number;

  @Field(() => Int, { description: 'Day of the month, 1–31, and a real date of that month (29 February is allowed).' })
  @Min(1)
  @Max(31)
  day!: number;
}
