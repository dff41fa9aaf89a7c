import { Field, ID, ObjectType } from 'type-graphql';
import { TierType } from './tier.type.js';

@ObjectType('AssignTierSuccess', { description: "The customer's membership after an assignment was made or lifted." })
export class AssignTierSuccess {
  @Field(() => ID, { description: "The customer's LoyalNest id." })
  customerId!: string;

  @Field(() => TierType, { nullable: true, description: 'The tier the customer holds now; null: none.' })
  tier!: TierType | null;

  @Field(() => Date, { nullable: true, description: 'Since when the customer holds `tier`.' })
  since!: Date | null;

  @Field(() => TierType, { nullable: true, description: 'The tier assigned by hand, which wins over the metric; null: none, the metric decides.' })
  assignedTier!: TierType | null;

  @Field(() => Date, { nullable: true, description: 'When the assignment ends; null: until lifted (or no assignment).' })
  assignedUntil!: Date | null;
}
