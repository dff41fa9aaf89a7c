import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('PointsSummary', { description: "The ledger's movements over a period, for the dashboard: what was given, spent, expired and taken." })
export class PointsSummary {
  @Field(() => Date, { description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field(() => Date, { description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => Int, {
    description: 'Points given in the period (earned, pending ones included, and awarded by hand), less the earns taken back in it by refunds and cancellations; can be negative when more was taken back than given.',
  })
  issued!: number;

  @Field(() => Int, { description: 'Points spent on rewards in the period, less those given back in it when a redemption was cancelled.' })
  redeemed!: number;

  @Field(() => Int, { description: 'Points that expired in the period.' })
  expired!: number;

  @Field(() => Int, { description: 'Points deducted by hand in the period (admins, partners, Flow).' })
  deducted!: number;
}
