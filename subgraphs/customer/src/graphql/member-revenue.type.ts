import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('MemberRevenue', {
  description: "What the program's members (the merchant's known customers) spent in one currency over a period, net of refunds; cancelled orders count for nothing.",
})
export class MemberRevenue {
  @Field(() => String, { nullable: true, description: 'ISO 4217 code of the amounts; null for orders stored before their currency was kept.' })
  currency!: string | null;

  @Field(() => Int, { description: 'Orders placed (Shopify `processed_at`) in the period and not cancelled.' })
  orders!: number;

  @Field(() => String, { description: 'Their totals, a decimal string in `currency`.' })
  gross!: string;

  @Field(() => String, { description: 'What was refunded of them so far (whenever refunded), a decimal string in `currency`.' })
  refunded!: string;

  @Field(() => String, { description: '`gross` less `refunded`, a decimal string in `currency`.' })
  net!: string;
}
