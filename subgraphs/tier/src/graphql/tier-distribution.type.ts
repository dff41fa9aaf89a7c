import { Field, Int, ObjectType } from 'type-graphql';
import { TierType } from './tier.type.js';

@ObjectType('TierMembers', { description: 'How many customers hold one tier.' })
export class TierMembersType {
  @Field(() => TierType, { description: 'The tier.' })
  tier!: TierType;

  @Field(() => Int, { description: 'Customers holding it now.' })
  members!: number;
}

@ObjectType('TierDistribution', { description: "How the merchant's customers spread over the tiers, for the dashboard. Counts the customers the tier domain has evaluated (any order, earn or assignment)." })
export class TierDistributionType {
  @Field(() => [TierMembersType], { description: 'Every tier of the program, lowest first, with its members (0 included).' })
  tiers!: TierMembersType[];

  @Field(() => Int, { description: 'Evaluated customers holding no tier (below the first one).' })
  withoutTier!: number;

  @Field(() => Int, { description: 'Every evaluated customer: the sum of the above.' })
  total!: number;
}
