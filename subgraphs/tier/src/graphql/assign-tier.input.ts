import { Field, ID, InputType } from 'type-graphql';

@InputType('AssignTierInput', { description: "Assigns a customer's tier by hand, or lifts such an assignment." })
export class AssignTierInput {
  @Field(() => ID, { description: "The customer's LoyalNest id." })
  customerId!: string;

  @Field(() => ID, { nullable: true, description: 'The tier to hold whatever the metric says; null lifts the current assignment, and the metric decides again.' })
  tierId?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the assignment ends and the metric decides again; must be in the future. Null: until lifted.' })
  until?: Date | null;
}
