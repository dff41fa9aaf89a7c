import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { LocaleCode } from './merchant.type.js';

@InputType('UpdateMerchantSettingsInput', { description: 'Settings to change; omitted fields keep their value.' })
export class UpdateMerchantSettingsInput {
  @Field(() => String, { nullable: true, description: 'Display name of the shop (1–255 characters).' })
  @IsOptional()
  @Length(1, 255)
  name?: string;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency code, three capital letters.' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as "USD"' })
  currency?: string;

  @Field(() => LocaleCode, { nullable: true, description: 'Default shopper-facing language; must be enabled.' })
  @IsOptional()
  primaryLocale?: LocaleCode;

  @Field(() => [LocaleCode], { nullable: true, description: 'Languages shoppers can choose from.' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(Object.values(LocaleCode), { each: true })
  enabledLocales?: LocaleCode[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Stored only: earning and redeeming do not follow it.',
    deprecationReason: 'Switch the points program with `enabled` in `updateEarningRules`.',
  })
  programEnabled?: boolean;

  @Field(() => String, { nullable: true, description: 'What the shop calls its points (1–32 characters).' })
  @IsOptional()
  @Length(1, 32)
  pointsName?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Points per currency unit spent, 0–1000. Stored only: orders earn by the points program.',
    deprecationReason: 'Orders earn by the points program: set `pointsPerCurrencyUnit` with `updateEarningRules`.',
  })
  @IsOptional()
  @Min(0)
  @Max(1000)
  pointsPerCurrencyUnit?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Days until earned points expire (30–3650); 0 means never. Stored only: points expire by the points program.',
    deprecationReason: 'Points expire by the points program: set `expiryPolicy` and `expiryMonths` with `updateEarningRules`.',
  })
  @IsOptional()
  @Min(0)
  @Max(3650)
  pointsExpiryDays?: number;
}
