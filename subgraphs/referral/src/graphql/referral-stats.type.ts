import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ReferralRevenue', { description: 'Revenue from referred orders in one currency.' })
export class ReferralRevenueType {
  @Field(() => String, { description: 'ISO 4217 code of the orders\' currency, e.g. "EUR".' })
  currency!: string;

  @Field(() => String, { description: 'The qualifying orders\' totals summed, a decimal string in `currency` ("1234.50").' })
  amount!: string;
}

@ObjectType('ReferralStats', {
  description:
    "The referral program's figures for the dashboard. Claims, conversions and the rest count referrals claimed inside the period; clicks are the links' totals since they exist, whatever the period (the store keeps click counts per code, not per day).",
})
export class ReferralStatsType {
  @Field(() => Date, { nullable: true, description: 'Start of the period (inclusive), as asked; null: since the beginning.' })
  from!: Date | null;

  @Field(() => Date, { nullable: true, description: 'End of the period (exclusive), as asked; null: until now.' })
  to!: Date | null;

  @Field(() => Int, { description: "Times the merchant's referral links were followed, all time, as of the last flush of the click counters." })
  clicks!: number;

  @Field(() => Int, { description: 'Distinct visitors per day who followed a link, summed over links and days, all time, as of the last flush (an estimate).' })
  uniqueClicks!: number;

  @Field(() => Int, { description: 'Referrals claimed in the period, whatever became of them (a claim still being issued not counted).' })
  claims!: number;

  @Field(() => Int, { description: "Claims whose friend's first qualifying order converted them and that still stand: PENDING or COMPLETED." })
  conversions!: number;

  @Field(() => Int, { description: 'Claims that completed: the advocate earned their points.' })
  completed!: number;

  @Field(() => Int, { description: 'Claims blocked by a fraud check and not yet decided by an admin.' })
  blocked!: number;

  @Field(() => Int, { description: 'Claims voided: the order was cancelled or refunded below the minimum inside the hold, or the friend was erased.' })
  voided!: number;

  @Field(() => Int, { description: 'Claims an admin rejected.' })
  rejected!: number;

  @Field(() => Int, { description: 'Points advocates earned from the completed ones.' })
  pointsAwarded!: number;

  @Field(() => [ReferralRevenueType], { description: "Revenue from the conversions' qualifying orders, one entry per currency (one, the shop's, unless it changed currency), the largest first; empty without conversions." })
  revenue!: ReferralRevenueType[];

  @Field(() => Float, { description: 'conversions ÷ claims, 0 to 1 (0 without claims), rounded to 4 places.' })
  conversionRate!: number;
}
