/**
 * The tier program as the domain sees it, apart from its storage and its GraphQL types: the names
 * and values stored in `tier_program` and `tier`, and the limits checked by `checkTierProgram`.
 */

export const TIER_LOCALES = ['en', 'es', 'fr'] as const;
export type TierLocale = (typeof TIER_LOCALES)[number];
/** Display text per language; a language the merchant gave no text in is absent. */
export type LocalizedTexts = Partial<Record<TierLocale, string>>;

export const TIER_METRICS = ['points_earned', 'amount_spent', 'orders_count'] as const;
export type TierMetric = (typeof TIER_METRICS)[number];

export const TIER_PERIODS = ['lifetime', 'calendar_year', 'rolling_months'] as const;
export type TierPeriod = (typeof TIER_PERIODS)[number];

export const DOWNGRADE_POLICIES = ['replace_by_metric', 'one_tier_at_a_time'] as const;
export type DowngradePolicy = (typeof DOWNGRADE_POLICIES)[number];

export const SKIPPED_TIER_BONUSES = ['all', 'highest_only'] as const;
export type SkippedTierBonus = (typeof SKIPPED_TIER_BONUSES)[number];

export const TIER_LIMITS = {
  tiers: 10,
  nameLength: 40,
  perks: 10,
  perkLength: 200,
  /** Up to a billion points, orders or currency units: beyond any real program, within an int. */
  threshold: 1_000_000_000,
  multiplierMin: 1,
  multiplierMax: 10,
  entryBonus: 100_000,
  rollingMonths: 36,
  graceDays: 365,
} as const;

/** How customers qualify and keep their tier; the same for every tier of the program. */
export interface TierProgramSettings {
  metric: TierMetric;
  period: TierPeriod;
  /** First day of a calendar-year period (e.g. 7 and 1 for a year from 1 July); 1 and 1 otherwise. */
  periodStartMonth: number;
  periodStartDay: number;
  /** Length of a rolling window, in months. */
  rollingMonths: number;
  /** Days a customer keeps a tier after the metric fell below it, before the downgrade. */
  graceDays: number;
  downgradePolicy: DowngradePolicy;
  /** Which entry bonuses a customer gets when one change passes several tiers. */
  skippedTierBonus: SkippedTierBonus;
}

/**
 * The settings as placement reads them: with the shop's IANA time zone (`Australia/Sydney`),
 * which the merchant domain owns and announces (`merchant.timezone_changed`); a calendar period
 * starts at the shop's local midnight of its first day.
 */
export interface ZonedTierSettings extends TierProgramSettings {
  timezone: string;
}

/** The settings of a merchant that never saved a program. */
export const DEFAULT_TIER_SETTINGS: TierProgramSettings = {
  metric: 'points_earned',
  period: 'lifetime',
  periodStartMonth: 1,
  periodStartDay: 1,
  rollingMonths: 12,
  graceDays: 0,
  downgradePolicy: 'replace_by_metric',
  skippedTierBonus: 'all',
};

/** One tier as given for a program change, before it is checked. */
export interface TierDraft {
  /** The id of an existing tier this one continues; absent: the id of the tier at this position, if any. */
  id?: string | null;
  names: { locale: TierLocale; text: string }[];
  threshold: number;
  earnMultiplier: number;
  entryBonusPoints?: number | null;
  perks?: { texts: { locale: TierLocale; text: string }[] }[] | null;
}

/** A whole program as given for a change: every tier, in order, and the settings. */
export interface TierProgramDraft extends Partial<TierProgramSettings> {
  tiers: TierDraft[];
}

/** The name in `locale`, else in English, else in the first language it has. */
export function textIn(texts: LocalizedTexts, locale?: string | null): string {
  if (locale && texts[locale as TierLocale]) return texts[locale as TierLocale]!;
  return texts.en ?? Object.values(texts).find(Boolean) ?? '';
}
