import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType('CancelRedemptionInput', { description: "Cancels an issued redemption: its code is deleted in Shopify and its points go back to the customer." })
export class CancelRedemptionInput {
  @Field(() => ID, { description: 'The redemption to cancel.' })
  redemptionId!: string;

  @Field(() => String, { nullable: true, description: 'Why, for the ledger entry and the audit trail (1–255 characters).' })
  @IsOptional()
  @Length(1, 255)
  reason?: string;
}
