import { isUuid } from '@loyalnest/kit';
import {
  DEFAULT_TIER_SETTINGS,
  TIER_LIMITS,
  TIER_LOCALES,
  type LocalizedTexts,
  type TierDraft,
  type TierLocale,
  type TierProgramDraft,
  type TierProgramSettings,
} from './tier-program.js';

/** What breaks a rule: the input field's path (`tiers[2].earnMultiplier`) and, for a tier's field, the tier's index. */
export interface TierProgramProblem {
  field: string;
  tierIndex: number | null;
  message: string;
}

/** A tier once checked: its id decided (kept or new), its texts keyed by language. */
export interface CheckedTier {
  /** An existing tier's id, or null for a new tier. */
  id: string | null;
  position: number;
  names: LocalizedTexts;
  threshold: number;
  earnMultiplier: string;
  entryBonusPoints: number | null;
  perks: LocalizedTexts[];
}

export interface CheckedTierProgram {
  settings: TierProgramSettings;
  tiers: CheckedTier[];
}

/** Days of each month in a year that is not a leap year: a period must start on a day every year has. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

class Refusal extends Error {
  constructor(readonly problem: TierProgramProblem) {
    super(problem.message);
  }
}

const refuse = (field: string, tierIndex: number | null, message: string): never => {
  throw new Refusal({ field, tierIndex, message });
};

/**
 * Checks a whole program: every tier against the limits and against its neighbours (thresholds
 * strictly increasing; the first may be 0, making every customer a member), and the settings.
 * `existingIds` are the merchant's current tiers in position order: a tier given without an id
 * keeps the id of the tier at its position (unless another tier names that id), and an id given
 * must be one of them. The first problem found is returned, in input order; nothing is written.
 */
export function checkTierProgram(draft: TierProgramDraft, existingIds: string[]): CheckedTierProgram | TierProgramProblem {
  try {
    const settings = checkSettings(draft);
    if (draft.tiers.length > TIER_LIMITS.tiers) refuse('tiers', null, `A program has at most ${TIER_LIMITS.tiers} tiers; ${draft.tiers.length} were given`);
    const named = new Set<string>();
    draft.tiers.forEach((tier, i) => {
      if (tier.id == null) return;
      if (!isUuid(tier.id) || !existingIds.includes(tier.id)) refuse(`tiers[${i}].id`, i, `No tier ${tier.id} in this program`);
      if (named.has(tier.id)) refuse(`tiers[${i}].id`, i, `Tier ${tier.id} is given twice`);
      named.add(tier.id);
    });
    const tiers = draft.tiers.map((tier, i) => checkTier(tier, i, draft.tiers[i - 1]));
    tiers.forEach((tier, i) => {
      const given = draft.tiers[i].id;
      const atPosition = existingIds[i];
      tier.id = given ?? (atPosition && !named.has(atPosition) ? atPosition : null);
    });
    return { settings, tiers };
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    throw error;
  }
}

function checkTier(tier: TierDraft, i: number, previous: TierDraft | undefined): CheckedTier {
  const at = (field: string) => `tiers[${i}].${field}`;
  const names = checkTexts(tier.names, at('names'), i, TIER_LIMITS.nameLength);
  if (!Number.isInteger(tier.threshold) || tier.threshold < 0 || tier.threshold > TIER_LIMITS.threshold) {
    refuse(at('threshold'), i, `The threshold must be a whole number from 0 to ${TIER_LIMITS.threshold.toLocaleString('en')}`);
  }
  if (previous && tier.threshold <= previous.threshold) {
    refuse(at('threshold'), i, `Thresholds must increase strictly: tier ${i} (${tier.threshold}) must be above tier ${i - 1} (${previous.threshold})`);
  }
  const multiplier = tier.earnMultiplier;
  if (!Number.isFinite(multiplier) || multiplier < TIER_LIMITS.multiplierMin || multiplier > TIER_LIMITS.multiplierMax) {
    refuse(at('earnMultiplier'), i, `The earn multiplier must be from ${TIER_LIMITS.multiplierMin} to ${TIER_LIMITS.multiplierMax}; ${multiplier} was given`);
  }
  // Read on the shortest decimal form the client wrote; multiplying by 100 is inexact in binary.
  if (!/^\d+(\.\d{1,2})?$/.test(String(multiplier))) refuse(at('earnMultiplier'), i, 'The earn multiplier has at most two decimals, e.g. 1.25');
  const bonus = tier.entryBonusPoints ?? null;
  if (bonus !== null && (!Number.isInteger(bonus) || bonus < 0 || bonus > TIER_LIMITS.entryBonus)) {
    refuse(at('entryBonusPoints'), i, `The entry bonus must be from 0 to ${TIER_LIMITS.entryBonus.toLocaleString('en')} points`);
  }
  const perks = tier.perks ?? [];
  if (perks.length > TIER_LIMITS.perks) refuse(at('perks'), i, `A tier has at most ${TIER_LIMITS.perks} perks; ${perks.length} were given`);
  return {
    id: null,
    position: i,
    names,
    threshold: tier.threshold,
    earnMultiplier: multiplier.toFixed(2),
    entryBonusPoints: bonus || null,
    perks: perks.map((perk, j) => checkTexts(perk.texts, at(`perks[${j}].texts`), i, TIER_LIMITS.perkLength)),
  };
}

/** At least one text, each language at most once and known, each text 1–`maxLength` characters once trimmed. */
function checkTexts(texts: { locale: string; text: string }[], field: string, tierIndex: number, maxLength: number): LocalizedTexts {
  if (!texts.length) refuse(field, tierIndex, 'Give a text in at least one language');
  const checked: LocalizedTexts = {};
  texts.forEach(({ locale, text }, j) => {
    if (!TIER_LOCALES.includes(locale as TierLocale)) refuse(`${field}[${j}].locale`, tierIndex, `Unknown language "${locale}"; use one of ${TIER_LOCALES.join(', ')}`);
    if (checked[locale as TierLocale] !== undefined) refuse(`${field}[${j}].locale`, tierIndex, `The language ${locale} is given twice`);
    const trimmed = text.trim();
    // Characters as shoppers count them (code points), not UTF-16 units.
    const length = [...trimmed].length;
    if (length < 1 || length > maxLength) refuse(`${field}[${j}].text`, tierIndex, `The text must be 1–${maxLength} characters; ${length} were given`);
    checked[locale as TierLocale] = trimmed;
  });
  return checked;
}

function checkSettings(draft: TierProgramDraft): TierProgramSettings {
  const settings: TierProgramSettings = {
    metric: draft.metric ?? DEFAULT_TIER_SETTINGS.metric,
    period: draft.period ?? DEFAULT_TIER_SETTINGS.period,
    periodStartMonth: draft.periodStartMonth ?? DEFAULT_TIER_SETTINGS.periodStartMonth,
    periodStartDay: draft.periodStartDay ?? DEFAULT_TIER_SETTINGS.periodStartDay,
    rollingMonths: draft.rollingMonths ?? DEFAULT_TIER_SETTINGS.rollingMonths,
    graceDays: draft.graceDays ?? DEFAULT_TIER_SETTINGS.graceDays,
    downgradePolicy: draft.downgradePolicy ?? DEFAULT_TIER_SETTINGS.downgradePolicy,
    skippedTierBonus: draft.skippedTierBonus ?? DEFAULT_TIER_SETTINGS.skippedTierBonus,
  };
  const { periodStartMonth: month, periodStartDay: day } = settings;
  if (!Number.isInteger(month) || month < 1 || month > 12) refuse('periodStartMonth', null, 'The period starts in a month from 1 to 12');
  if (!Number.isInteger(day) || day < 1 || day > MONTH_DAYS[month - 1]) refuse('periodStartDay', null, `Month ${month} has days 1 to ${MONTH_DAYS[month - 1]} every year`);
  if (!Number.isInteger(settings.rollingMonths) || settings.rollingMonths < 1 || settings.rollingMonths > TIER_LIMITS.rollingMonths) {
    refuse('rollingMonths', null, `A rolling window is 1 to ${TIER_LIMITS.rollingMonths} months`);
  }
  if (!Number.isInteger(settings.graceDays) || settings.graceDays < 0 || settings.graceDays > TIER_LIMITS.graceDays) {
    refuse('graceDays', null, `The grace period is 0 to ${TIER_LIMITS.graceDays} days`);
  }
  return settings;
}
