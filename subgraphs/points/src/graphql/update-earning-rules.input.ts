import { ArrayMaxSize, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { ActivityLimit, EarnOn, ExpiryPolicy, PointsRounding } from './earning-rules.type.js';

@InputType('ActivityRuleInput', { description: 'A custom activity that earns points.' })
export class ActivityRuleInput {
  @Field(() => String, { description: 'Stable key, 1–64 of a-z, 0-9, _ and -.' })
  @Matches(/^[a-z0-9_-]{1,64}$/, { message: 'activities.key must be 1–64 of a-z, 0-9, _ and -' })
  key!: string;

  @Field(() => String, { description: 'Name shown to shoppers (1–100 characters).' })
  @Length(1, 100)
  name!: string;

  @Field(() => Int, { description: 'Points it earns, 1–100,000.' })
  @Min(1)
  @Max(100_000)
  points!: number;

  @Field(() => ActivityLimit, { description: 'How often one customer may earn it.' })
  limit!: ActivityLimit;
}

@InputType('UpdateEarningRulesInput', { description: 'Rules to change; omitted fields keep their value.' })
export class UpdateEarningRulesInput {
  @Field(() => Boolean, { nullable: true, description: 'Switch the program on or off.' })
  enabled?: boolean;

  @Field(() => EarnOn, { nullable: true, description: 'When an order earns points.' })
  earnOn?: EarnOn;

  @Field(() => Float, { nullable: true, description: 'Points per currency unit, 0–1000, at most two decimals.' })
  @IsOptional()
  @Min(0)
  @Max(1000)
  pointsPerCurrencyUnit?: number;

  @Field(() => Boolean, { nullable: true, description: 'Shipping earns no points.' })
  excludeShipping?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Taxes earn no points.' })
  excludeTaxes?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Points are earned on the price after discounts.' })
  excludeDiscounts?: boolean;

  @Field(() => PointsRounding, { nullable: true, description: 'How fractional order points are rounded.' })
  rounding?: PointsRounding;

  @Field(() => Int, { nullable: true, description: 'Signup bonus, 0–100,000.' })
  @IsOptional()
  @Min(0)
  @Max(100_000)
  signupBonus?: number;

  @Field(() => Int, { nullable: true, description: 'Birthday bonus, 0–100,000.' })
  @IsOptional()
  @Min(0)
  @Max(100_000)
  birthdayBonus?: number;

  @Field(() => Int, { nullable: true, description: 'Days order points stay pending, 0–365.' })
  @IsOptional()
  @Min(0)
  @Max(365)
  pendingDays?: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether reversals may take a balance below zero.' })
  allowNegativeBalance?: boolean;

  @Field(() => ExpiryPolicy, { nullable: true, description: 'When points expire.' })
  expiryPolicy?: ExpiryPolicy;

  @Field(() => Int, { nullable: true, description: 'Months of the expiry policy, 1–120.' })
  @IsOptional()
  @Min(1)
  @Max(120)
  expiryMonths?: number;

  @Field(() => Int, { nullable: true, description: 'Days of warning before expiry, 0–90.' })
  @IsOptional()
  @Min(0)
  @Max(90)
  expiryWarningDays?: number;

  @Field(() => String, { nullable: true, description: 'Value of one point in the shop currency, a decimal string with up to 4 decimals, e.g. "0.01".' })
  @IsOptional()
  @Matches(/^[0-9]{1,6}(\.[0-9]{1,4})?$/, { message: 'pointValue must be a decimal string such as "0.01"' })
  pointValue?: string;

  @Field(() => [ActivityRuleInput], { nullable: true, description: 'Custom activities (at most 50), replacing the current list.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  activities?: ActivityRuleInput[];
}
