import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { TIER_LIMITS } from '../domain/tier-program.js';
import { LocaleCode, SkippedTierBonusType, TierDowngradePolicyType, TierMetricType, TierPeriodType } from './tier-enums.type.js';

@InputType('LocalizedTextInput', { description: 'A display text in one language.' })
export class LocalizedTextInput {
  @Field(() => LocaleCode, { description: 'The language; each at most once per text.' })
  locale!: LocaleCode;

  @Field(() => String, { description: 'The text; surrounding spaces are dropped.' })
  text!: string;
}

@InputType('TierPerkInput', { description: 'Something a tier gives its members, for display.' })
export class TierPerkInput {
  @Field(() => [LocalizedTextInput], { description: `The perk in one or more languages, 1–${TIER_LIMITS.perkLength} characters each.` })
  texts!: LocalizedTextInput[];
}

@InputType('TierInput', { description: 'One tier of the program, in its place in the list.' })
export class TierInput {
  @Field(() => ID, {
    nullable: true,
    description: "An existing tier this one continues (its members and history stay with it). Omitted: the id of the tier now at this position, unless another tier names it; otherwise a new tier.",
  })
  id?: string | null;

  @Field(() => [LocalizedTextInput], { description: `The name in one or more languages, 1–${TIER_LIMITS.nameLength} characters each.` })
  names!: LocalizedTextInput[];

  @Field(() => Int, { description: `What the metric must reach, 0–${TIER_LIMITS.threshold.toLocaleString('en')}, strictly above the previous tier's; only the first tier may be 0.` })
  threshold!: number;

  @Field(() => Float, { description: `Multiplier of the points members earn, ${TIER_LIMITS.multiplierMin}–${TIER_LIMITS.multiplierMax} with at most two decimals (e.g. 1.25).` })
  earnMultiplier!: number;

  @Field(() => Int, { nullable: true, description: `Points given once per qualification period on reaching the tier, 0–${TIER_LIMITS.entryBonus.toLocaleString('en')}; null or 0: none.` })
  entryBonusPoints?: number | null;

  @Field(() => [TierPerkInput], { nullable: true, description: `What membership gives, at most ${TIER_LIMITS.perks}; omitted: none.` })
  perks?: TierPerkInput[] | null;
}

@InputType('UpdateTierProgramInput', { description: 'The whole tier program: it replaces the current one at once. Settings left out take their defaults.' })
export class UpdateTierProgramInput {
  @Field(() => [TierInput], { description: `Every tier, lowest first; at most ${TIER_LIMITS.tiers}. An empty list ends the program.` })
  tiers!: TierInput[];

  @Field(() => TierMetricType, { nullable: true, description: 'What customers accumulate; default POINTS_EARNED.' })
  metric?: TierMetricType | null;

  @Field(() => TierPeriodType, { nullable: true, description: 'Over which time the metric is counted; default LIFETIME.' })
  period?: TierPeriodType | null;

  @Field(() => Int, { nullable: true, description: 'Month (1–12) a CALENDAR_YEAR period starts in; default 1.' })
  periodStartMonth?: number | null;

  @Field(() => Int, { nullable: true, description: 'Day a CALENDAR_YEAR period starts on, one every year has (no 29 February); default 1.' })
  periodStartDay?: number | null;

  @Field(() => Int, { nullable: true, description: `Months in a ROLLING_MONTHS window, 1–${TIER_LIMITS.rollingMonths}; default 12.` })
  rollingMonths?: number | null;

  @Field(() => Int, { nullable: true, description: `Days of grace before a downgrade, 0–${TIER_LIMITS.graceDays}; default 0.` })
  graceDays?: number | null;

  @Field(() => TierDowngradePolicyType, { nullable: true, description: 'Where a customer lands when they lose their tier; default REPLACE_BY_METRIC.' })
  downgradePolicy?: TierDowngradePolicyType | null;

  @Field(() => SkippedTierBonusType, { nullable: true, description: 'Entry bonuses when passing several tiers at once; default ALL.' })
  skippedTierBonus?: SkippedTierBonusType | null;
}
