import type { CreateRewardInput, ProgramRewardFieldsFragment, RewardKind, UpdateRewardInput } from '../../../generated/graphql.js';
import { decimal, optionalDate, optionalDecimal, optionalWholeNumber, ProblemCollector, shopifyVariantId, text, wholeNumber, type Problems } from '../form-checks/form-checks.js';

/** A reward as the create/edit form holds it: numbers, money and dates as the text in their fields. */
export interface RewardForm {
  kind: RewardKind;
  nameEn: string;
  nameFr: string;
  nameEs: string;
  /** Amount off (FIXED_AMOUNT) or percent off (PERCENTAGE). */
  value: string;
  /** FREE_PRODUCT's variant. */
  variantId: string;
  pointsCost: string;
  minimumSubtotal: string;
  usageLimit: string;
  usageLimitPerCustomer: string;
  /** Calendar dates (YYYY-MM-DD), read as UTC midnight. */
  startsAt: string;
  endsAt: string;
  codeValidityDays: string;
  active: boolean;
}

export const REWARD_KINDS: RewardKind[] = ['FIXED_AMOUNT', 'PERCENTAGE', 'FREE_SHIPPING', 'FREE_PRODUCT'];

/** Which of value / variantId a kind takes: the API refuses the other kinds' fields. */
export const takesValue = (kind: RewardKind) => kind === 'FIXED_AMOUNT' || kind === 'PERCENTAGE';
export const takesVariant = (kind: RewardKind) => kind === 'FREE_PRODUCT';

/** The API's bounds (CreateRewardInput / UpdateRewardInput in the points subgraph). */
export const REWARD_BOUNDS = {
  name: { min: 1, max: 100 },
  pointsCost: { min: 1, max: 10_000_000 },
  usageLimit: { min: 1, max: 1_000_000 },
  usageLimitPerCustomer: { min: 1, max: 1_000 },
  codeValidityDays: { min: 1, max: 3_650 },
  money: { min: 0, decimals: 2, integerDigits: 12 },
} as const;

export const EMPTY_REWARD_FORM: RewardForm = {
  kind: 'FIXED_AMOUNT',
  nameEn: '',
  nameFr: '',
  nameEs: '',
  value: '',
  variantId: '',
  pointsCost: '',
  minimumSubtotal: '',
  usageLimit: '',
  usageLimitPerCustomer: '',
  startsAt: '',
  endsAt: '',
  codeValidityDays: '',
  active: true,
};

const asText = (value: string | number | null | undefined) => (value == null ? '' : String(value));

export function rewardFormOf(reward: ProgramRewardFieldsFragment): RewardForm {
  return {
    kind: reward.kind,
    nameEn: asText(reward.names.en),
    nameFr: asText(reward.names.fr),
    nameEs: asText(reward.names.es),
    value: asText(reward.value),
    variantId: asText(reward.variantId),
    pointsCost: asText(reward.pointsCost),
    minimumSubtotal: asText(reward.minimumSubtotal),
    usageLimit: asText(reward.usageLimit),
    usageLimitPerCustomer: asText(reward.usageLimitPerCustomer),
    startsAt: reward.startsAt ? reward.startsAt.slice(0, 10) : '',
    endsAt: reward.endsAt ? reward.endsAt.slice(0, 10) : '',
    codeValidityDays: asText(reward.codeValidityDays),
    active: reward.active,
  };
}

/** Every field of a reward, checked; the input of both createReward and updateReward but the id. */
export type RewardFields = Omit<CreateRewardInput, 'kind' | 'names' | 'pointsCost'> & Pick<CreateRewardInput, 'kind' | 'names' | 'pointsCost'>;

/**
 * The form as the fields of a reward, or the problems that keep it from being sent, keyed by the
 * input's own field paths (`names.en`, `value`, `endsAt`…). Every optional field is sent, null
 * when empty: on an update, null clears what the reward had.
 */
export function checkRewardForm(form: RewardForm): { fields: RewardFields | null; problems: Problems } {
  const check = new ProblemCollector();
  const names: Record<'en' | 'fr' | 'es', string | null> = { en: null, fr: null, es: null };
  for (const locale of ['en', 'fr', 'es'] as const) {
    const typed = form[locale === 'en' ? 'nameEn' : locale === 'fr' ? 'nameFr' : 'nameEs'];
    if (typed.trim()) names[locale] = check.take(`names.${locale}`, text(typed, REWARD_BOUNDS.name.min, REWARD_BOUNDS.name.max)) ?? null;
  }
  if (!form.nameEn.trim() && !form.nameFr.trim() && !form.nameEs.trim()) check.add('names.en', 'nameNeeded');
  let value: string | null = null;
  if (form.kind === 'FIXED_AMOUNT') value = check.take('value', decimal(form.value, { ...REWARD_BOUNDS.money, exclusiveMin: true })) ?? null;
  if (form.kind === 'PERCENTAGE') value = check.take('value', decimal(form.value, { min: 0, exclusiveMin: true, max: 100, decimals: 2 })) ?? null;
  const variantId = takesVariant(form.kind) ? (check.take('variantId', shopifyVariantId(form.variantId)) ?? null) : null;
  const pointsCost = check.take('pointsCost', wholeNumber(form.pointsCost, REWARD_BOUNDS.pointsCost.min, REWARD_BOUNDS.pointsCost.max));
  const minimumSubtotal = check.take('minimumSubtotal', optionalDecimal(form.minimumSubtotal, REWARD_BOUNDS.money));
  const usageLimit = check.take('usageLimit', optionalWholeNumber(form.usageLimit, REWARD_BOUNDS.usageLimit.min, REWARD_BOUNDS.usageLimit.max));
  const usageLimitPerCustomer = check.take('usageLimitPerCustomer', optionalWholeNumber(form.usageLimitPerCustomer, REWARD_BOUNDS.usageLimitPerCustomer.min, REWARD_BOUNDS.usageLimitPerCustomer.max));
  const codeValidityDays = check.take('codeValidityDays', optionalWholeNumber(form.codeValidityDays, REWARD_BOUNDS.codeValidityDays.min, REWARD_BOUNDS.codeValidityDays.max));
  const startsAt = check.take('startsAt', optionalDate(form.startsAt));
  const endsAt = check.take('endsAt', optionalDate(form.endsAt));
  if (startsAt && endsAt && endsAt <= startsAt) check.add('endsAt', 'endsBeforeStart');
  if (!check.clean || pointsCost === undefined) return { fields: null, problems: check.problems };
  return {
    fields: {
      kind: form.kind,
      names,
      value,
      variantId,
      pointsCost,
      minimumSubtotal: minimumSubtotal ?? null,
      usageLimit: usageLimit ?? null,
      usageLimitPerCustomer: usageLimitPerCustomer ?? null,
      startsAt: startsAt ? `${startsAt}T00:00:00.000Z` : null,
      endsAt: endsAt ? `${endsAt}T00:00:00.000Z` : null,
      codeValidityDays: codeValidityDays ?? null,
      active: form.active,
    },
    problems: {},
  };
}

/**
 * The API's refusals by the fields the form shows: it names `names` when every name is empty, and
 * the first name field is where that is fixed.
 */
export function onRewardFields(fields: Record<string, string>): Record<string, string> {
  const { names, ...rest } = fields;
  return names ? { 'names.en': names, ...rest } : rest;
}

export function updateRewardInput(id: string, fields: RewardFields): UpdateRewardInput {
  return { id, ...fields };
}

export type RewardStatus = 'ACTIVE' | 'INACTIVE' | 'SCHEDULED' | 'ENDED';

/** What the catalog shows of whether a reward can be redeemed now, as the API decides it (bar its usage limit). */
export function rewardStatus(reward: Pick<ProgramRewardFieldsFragment, 'active' | 'startsAt' | 'endsAt'>, now: Date): RewardStatus {
  if (!reward.active) return 'INACTIVE';
  if (reward.startsAt && new Date(reward.startsAt) > now) return 'SCHEDULED';
  if (reward.endsAt && new Date(reward.endsAt) <= now) return 'ENDED';
  return 'ACTIVE';
}

/** The reward's name in the merchant's language, else in the first language it has one in. */
export function rewardName(names: ProgramRewardFieldsFragment['names'], locale: 'en' | 'es' | 'fr'): string {
  return names[locale] ?? names.en ?? names.fr ?? names.es ?? '';
}
