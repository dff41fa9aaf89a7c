import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocaleCode, SkippedTierBonusType, TierDowngradePolicyType, TierMetricType, TierPeriodType } from './tier-enums.type.js';

@ObjectType('LocalizedText', { description: 'A display text in one language.' })
export class LocalizedTextType {
  @Field(() => LocaleCode, { description: 'The language.' })
  locale!: LocaleCode;

  @Field(() => String, { description: 'The text in that language.' })
  text!: string;
}

@ObjectType('TierPerk', { description: 'Something a tier gives its members, as the widget shows it.' })
export class TierPerkType {
  @Field(() => [LocalizedTextType], { description: 'The perk in each language the merchant wrote it in.' })
  texts!: LocalizedTextType[];

  /** Set for the `text` field resolver: the texts keyed by language. */
  byLocale!: Record<string, string>;
}

@ObjectType('Tier', { description: "One tier of the merchant's VIP program; customers reach it when their metric reaches its threshold." })
export class TierType {
  @Field(() => ID, { description: 'Stable across program changes that keep this tier.' })
  id!: string;

  @Field(() => Int, { description: 'Place in the program, 0 for the lowest tier.' })
  position!: number;

  @Field(() => [LocalizedTextType], { description: 'The name in each language the merchant gave one.' })
  names!: LocalizedTextType[];

  @Field(() => Int, { description: "What the program's metric must reach: points, orders, or whole units of the shop's currency. 0: every customer is a member." })
  threshold!: number;

  @Field(() => Float, { description: 'Members earn this many times the points others do, from 1 to 10 (e.g. 1.25).' })
  earnMultiplier!: number;

  @Field(() => Int, { nullable: true, description: 'Points given once per qualification period on reaching the tier; null: none.' })
  entryBonusPoints!: number | null;

  @Field(() => [TierPerkType], { description: 'What membership gives, for display.' })
  perks!: TierPerkType[];

  /** The names keyed by language, for the `name` field resolver. */
  byLocale!: Record<string, string>;
}

@ObjectType('TierProgram', { description: "The merchant's VIP tier program: its tiers in order and how customers qualify for them and keep them." })
export class TierProgramType {
  @Field(() => [TierType], { description: 'The tiers, lowest first; empty when the merchant has none.' })
  tiers!: TierType[];

  @Field(() => TierMetricType, { description: 'What customers accumulate to reach a tier.' })
  metric!: TierMetricType;

  @Field(() => TierPeriodType, { description: 'Over which time the metric is counted.' })
  period!: TierPeriodType;

  @Field(() => Int, { description: 'Month (1–12) a CALENDAR_YEAR period starts in.' })
  periodStartMonth!: number;

  @Field(() => Int, { description: 'Day of the month a CALENDAR_YEAR period starts on.' })
  periodStartDay!: number;

  @Field(() => String, {
    description:
      "The shop's IANA time zone (`Merchant.timezone`, as the merchant domain last announced it; \"UTC\" until it did): a CALENDAR_YEAR period starts and ends at the shop's midnight in it. Not set here: it follows the shop.",
  })
  timezone!: string;

  @Field(() => Int, { description: 'Months in a ROLLING_MONTHS window.' })
  rollingMonths!: number;

  @Field(() => Int, { description: 'Days a customer keeps a tier after falling below it, before the downgrade.' })
  graceDays!: number;

  @Field(() => TierDowngradePolicyType, { description: 'Where a customer lands when they no longer keep their tier.' })
  downgradePolicy!: TierDowngradePolicyType;

  @Field(() => SkippedTierBonusType, { description: 'Which entry bonuses a customer gets when passing several tiers at once.' })
  skippedTierBonus!: SkippedTierBonusType;

  @Field(() => Int, {
    description: "How many times the program was changed (under a CALENDAR_YEAR period a change of the shop's time zone counts: it moves the periods); 0 while the merchant never saved one.",
  })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When the program was last changed; null while the merchant never saved one.' })
  updatedAt!: Date | null;
}
