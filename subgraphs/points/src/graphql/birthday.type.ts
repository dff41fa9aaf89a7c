import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CustomerBirthday', { description: "A customer's birthday as the points program knows it. Bonuses follow UTC dates; a 29 February birthday is celebrated on 28 February in other years." })
export class CustomerBirthday {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field(() => Int, { description: 'Month, 1–12.' })
  month!: number;

  @Field(() => Int, { description: 'Day of the month.' })
  day!: number;
}
