import type {
  LocaleCode,
  ProgramTierProgramFieldsFragment,
  SkippedTierBonus,
  TierDowngradePolicy,
  TierMetric,
  TierPerkInput,
  TierPeriod,
  UpdateTierProgramInput,
} from '../../../generated/graphql.js';
import { ProblemCollector, textLength, wholeNumberIn, type Problems } from '../form-checks/form-checks.js';

/** The tier subgraph's limits (its TIER_LIMITS), checked here before sending. */
export const TIER_LIMITS = { tiers: 10, nameLength: 40, threshold: 1_000_000_000, multiplierMin: 1, multiplierMax: 10, entryBonus: 100_000, rollingMonths: 36, graceDays: 365 } as const;

export const TIER_LOCALES: readonly LocaleCode[] = ['EN', 'ES', 'FR'];

/** Days of each month in a year that is not a leap year: a period starts on a day every year has. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** One tier as the form holds it: text fields as typed, perks carried over unchanged. */
export interface TierForm {
  /** React's key: the tier's id, or a made-up one for a tier not saved yet. */
  key: string;
  id: string | null;
  names: Record<LocaleCode, string>;
  threshold: string;
  earnMultiplier: string;
  entryBonusPoints: string;
  perks: TierPerkInput[];
}

export interface TierProgramForm {
  metric: TierMetric;
  period: TierPeriod;
  periodStartMonth: string;
  periodStartDay: string;
  rollingMonths: string;
  graceDays: string;
  downgradePolicy: TierDowngradePolicy;
  skippedTierBonus: SkippedTierBonus;
  tiers: TierForm[];
}

export function tierProgramFormOf(program: ProgramTierProgramFieldsFragment): TierProgramForm {
  return {
    metric: program.metric,
    period: program.period,
    periodStartMonth: String(program.periodStartMonth),
    periodStartDay: String(program.periodStartDay),
    rollingMonths: String(program.rollingMonths),
    graceDays: String(program.graceDays),
    downgradePolicy: program.downgradePolicy,
    skippedTierBonus: program.skippedTierBonus,
    tiers: program.tiers.map((tier) => ({
      key: tier.id,
      id: tier.id,
      names: Object.fromEntries(TIER_LOCALES.map((locale) => [locale, tier.names.find((n) => n.locale === locale)?.text ?? ''])) as Record<LocaleCode, string>,
      threshold: String(tier.threshold),
      earnMultiplier: String(tier.earnMultiplier),
      entryBonusPoints: tier.entryBonusPoints ? String(tier.entryBonusPoints) : '',
      perks: tier.perks.map((perk) => ({ texts: perk.texts.map(({ locale, text }) => ({ locale, text })) })),
    })),
  };
}

let newTiers = 0;

/** A tier to add at the top: above the highest threshold, earning as the highest does. */
export function newTier(tiers: TierForm[]): TierForm {
  const last = tiers[tiers.length - 1];
  const threshold = last && /^\d+$/.test(last.threshold) ? Number(last.threshold) + 1000 : 0;
  return { key: `new-${++newTiers}`, id: null, names: { EN: '', ES: '', FR: '' }, threshold: String(threshold), earnMultiplier: last?.earnMultiplier ?? '1', entryBonusPoints: '', perks: [] };
}

/** The tiers with the one at `from` moved to `to` (the others keep their order). */
export function moveTier(tiers: TierForm[], from: number, to: number): TierForm[] {
  if (to < 0 || to >= tiers.length) return tiers;
  const moved = [...tiers];
  const [tier] = moved.splice(from, 1);
  moved.splice(to, 0, tier);
  return moved;
}

/**
 * The tier subgraph's checks (checkTierProgram): names 1–40 characters in at least one language,
 * thresholds whole and strictly increasing, multipliers 1–10 with at most two decimals, bonuses
 * 0–100,000, and the period's settings. Only the settings the chosen period uses are checked, as
 * only those are sent.
 */
export function checkTierProgramForm(form: TierProgramForm): Problems {
  const check = new ProblemCollector();
  if (form.period === 'CALENDAR_YEAR') {
    const month = check.take('periodStartMonth', wholeNumberIn(form.periodStartMonth, 1, 12));
    if (month !== undefined) check.take('periodStartDay', wholeNumberIn(form.periodStartDay, 1, MONTH_DAYS[month - 1]));
  }
  if (form.period === 'ROLLING_MONTHS') check.take('rollingMonths', wholeNumberIn(form.rollingMonths, 1, TIER_LIMITS.rollingMonths));
  check.take('graceDays', wholeNumberIn(form.graceDays, 0, TIER_LIMITS.graceDays));
  if (form.tiers.length > TIER_LIMITS.tiers) check.add('tiers', 'tooMany', { max: TIER_LIMITS.tiers });
  let previous: number | undefined;
  form.tiers.forEach((tier, i) => {
    const at = `tiers.${i}`;
    const named = TIER_LOCALES.filter((locale) => tier.names[locale].trim() !== '');
    if (!named.length) check.add(`${at}.names.EN`, 'required');
    for (const locale of named) check.take(`${at}.names.${locale}`, textLength(tier.names[locale], TIER_LIMITS.nameLength));
    const threshold = check.take(`${at}.threshold`, wholeNumberIn(tier.threshold, 0, TIER_LIMITS.threshold));
    if (threshold !== undefined && previous !== undefined && threshold <= previous) check.add(`${at}.threshold`, 'increasing', { previous });
    previous = threshold ?? previous;
    const multiplier = tier.earnMultiplier.trim();
    if (!/^\d+(\.\d+)?$/.test(multiplier) || Number(multiplier) < TIER_LIMITS.multiplierMin || Number(multiplier) > TIER_LIMITS.multiplierMax) {
      check.add(`${at}.earnMultiplier`, 'numberRange', { min: TIER_LIMITS.multiplierMin, max: TIER_LIMITS.multiplierMax });
    } else if (!/^\d+(\.\d{1,2})?$/.test(String(Number(multiplier)))) {
      check.add(`${at}.earnMultiplier`, 'multiplierDecimals');
    }
    if (tier.entryBonusPoints.trim()) check.take(`${at}.entryBonusPoints`, wholeNumberIn(tier.entryBonusPoints, 0, TIER_LIMITS.entryBonus));
  });
  return check.problems;
}

/** The mutation's input from a form `checkTierProgramForm` found no problem in. */
export function tierProgramInputOf(form: TierProgramForm): UpdateTierProgramInput {
  return {
    metric: form.metric,
    period: form.period,
    ...(form.period === 'CALENDAR_YEAR' ? { periodStartMonth: Number(form.periodStartMonth), periodStartDay: Number(form.periodStartDay) } : {}),
    ...(form.period === 'ROLLING_MONTHS' ? { rollingMonths: Number(form.rollingMonths) } : {}),
    graceDays: Number(form.graceDays),
    downgradePolicy: form.downgradePolicy,
    skippedTierBonus: form.skippedTierBonus,
    tiers: form.tiers.map((tier) => ({
      ...(tier.id ? { id: tier.id } : {}),
      names: TIER_LOCALES.filter((locale) => tier.names[locale].trim() !== '').map((locale) => ({ locale, text: tier.names[locale].trim() })),
      threshold: Number(tier.threshold),
      earnMultiplier: Number(tier.earnMultiplier),
      entryBonusPoints: tier.entryBonusPoints.trim() ? Number(tier.entryBonusPoints) : null,
      perks: tier.perks,
    })),
  };
}

/**
 * A server error's field (`tiers.1.names.0.text`, once normalized) as the form's key: a name is
 * keyed by its language in the form, by its place in the list in the input.
 */
export function tierFieldKeyOf(field: string, input: UpdateTierProgramInput): string {
  const name = /^tiers\.(\d+)\.names\.(\d+)(\..*)?$/.exec(field);
  if (!name) return field;
  const locale = input.tiers[Number(name[1])]?.names[Number(name[2])]?.locale ?? 'EN';
  return `tiers.${name[1]}.names.${locale}`;
}
