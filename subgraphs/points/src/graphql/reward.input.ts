import { IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsShopifyId } from '@loyalnest/kit';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RewardKindType } from './reward.type.js';

const DECIMAL = /^[0-9]{1,12}(\.[0-9]{1,2})?$/;

@InputType('RewardNamesInput', { description: 'The name of a reward per language (1–100 characters each); at least one is needed.' })
export class RewardNamesInput {
  @Field(() => String, { nullable: true, description: 'English.' })
  @IsOptional()
  @Length(1, 100, { message: 'names.en must be 1–100 characters' })
  en?: string | null;

  @Field(() => String, { nullable: true, description: 'French.' })
  @IsOptional()
  @Length(1, 100, { message: 'names.fr must be 1–100 characters' })
  fr?: string | null;

  @Field(() => String, { nullable: true, description: 'Spanish.' })
  @IsOptional()
  @Length(1, 100, { message: 'names.es must be 1–100 characters' })
  es?: string | null;
}

/** Fields shared by creation and change; the service checks them together (kind against value, window order). */
@InputType()
abstract class RewardFieldsInput {
  @Field(() => String, { nullable: true, description: 'Amount off (FIXED_AMOUNT, more than 0) or percent off (PERCENTAGE, more than 0 and at most 100), a decimal string with up to 2 decimals; only for those kinds.' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'value must be a decimal string such as "5.00"' })
  value?: string | null;

  @Field(() => ID, { nullable: true, description: 'Shopify product variant id (numeric, at most 9223372036854775807) of a FREE_PRODUCT reward; only for that kind.' })
  @IsOptional()
  @IsShopifyId({ message: 'variantId must be a numeric Shopify variant id' })
  variantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Order subtotal the code needs, a decimal string; null: any order.' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'minimumSubtotal must be a decimal string such as "50.00"' })
  minimumSubtotal?: string | null;

  @Field(() => Int, { nullable: true, description: 'Redemptions allowed across all customers, 1–1,000,000; null: no limit.' })
  @IsOptional()
  @Min(1)
  @Max(1_000_000)
  usageLimit?: number | null;

  @Field(() => Int, { nullable: true, description: 'Redemptions allowed per customer, 1–1,000; null: no limit.' })
  @IsOptional()
  @Min(1)
  @Max(1_000)
  usageLimitPerCustomer?: number | null;

  @Field(() => Date, { nullable: true, description: 'Redeemable from then on; null: at once.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Redeemable until then; after `startsAt`. Null: no end.' })
  endsAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Days an issued code stays valid, 1–3,650; null: no expiry.' })
  @IsOptional()
  @Min(1)
  @Max(3650)
  codeValidityDays?: number | null;
}

@InputType('CreateRewardInput', { description: 'A new reward for the catalog.' })
export class CreateRewardInput extends RewardFieldsInput {
  @Field(() => RewardKindType, { description: 'What the discount code gives.' })
  kind!: RewardKindType;

  @Field(() => RewardNamesInput, { description: 'Its name per language; at least one.' })
  @ValidateNested()
  names!: RewardNamesInput;

  @Field(() => Int, { description: 'Points a redemption spends, 1–10,000,000.' })
  @Min(1)
  @Max(10_000_000)
  pointsCost!: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether it can be redeemed (default true).' })
  active?: boolean | null;
}

@InputType('UpdateRewardInput', { description: 'Changes to a reward; omitted fields keep their value, null clears an optional one. Redemptions already made keep what they spent.' })
export class UpdateRewardInput extends RewardFieldsInput {
  @Field(() => ID, { description: 'The reward to change.' })
  id!: string;

  @Field(() => RewardKindType, { nullable: true, description: 'What the discount code gives; fields the new kind does not take are cleared.' })
  kind?: RewardKindType | null;

  @Field(() => RewardNamesInput, { nullable: true, description: 'Replaces all the names; at least one.' })
  @IsOptional()
  @ValidateNested()
  names?: RewardNamesInput | null;

  @Field(() => Int, { nullable: true, description: 'Points a redemption spends, 1–10,000,000.' })
  @IsOptional()
  @Min(1)
  @Max(10_000_000)
  pointsCost?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether it can be redeemed.' })
  active?: boolean | null;
}
