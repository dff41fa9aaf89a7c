import type { ActivityLimit, EarnOn, ExpiryPolicy, PointsRounding, ProgramEarningRulesFieldsFragment, UpdateEarningRulesInput } from '../../../generated/graphql.js';
import { decimal, ProblemCollector, text, wholeNumber, type Problems } from '../form-checks/form-checks.js';

/** One activity row as typed. */
export interface ActivityForm {
  key: string;
  name: string;
  points: string;
  limit: ActivityLimit;
}

/** The earning rules as the form holds them: numbers as the text in their fields. */
export interface EarningForm {
  enabled: boolean;
  earnOn: EarnOn;
  pointsPerCurrencyUnit: string;
  excludeShipping: boolean;
  excludeTaxes: boolean;
  excludeDiscounts: boolean;
  rounding: PointsRounding;
  signupBonus: string;
  birthdayBonus: string;
  pendingDays: string;
  allowNegativeBalance: boolean;
  expiryPolicy: ExpiryPolicy;
  expiryMonths: string;
  expiryWarningDays: string;
  pointValue: string;
  activities: ActivityForm[];
}

/** The API's bounds (UpdateEarningRulesInput and ActivityRuleInput in the points subgraph). */
export const EARNING_BOUNDS = {
  pointsPerCurrencyUnit: { min: 0, max: 1000, decimals: 2 },
  bonus: { min: 0, max: 100_000 },
  pendingDays: { min: 0, max: 365 },
  expiryMonths: { min: 1, max: 120 },
  expiryWarningDays: { min: 0, max: 90 },
  pointValue: { min: 0, decimals: 4, integerDigits: 6 },
  activities: 50,
  activityName: { min: 1, max: 100 },
  activityPoints: { min: 1, max: 100_000 },
} as const;

const ACTIVITY_KEY = /^[a-z0-9_-]{1,64}$/;

export function earningFormOf(rules: ProgramEarningRulesFieldsFragment): EarningForm {
  return {
    enabled: rules.enabled,
    earnOn: rules.earnOn,
    pointsPerCurrencyUnit: String(rules.pointsPerCurrencyUnit),
    excludeShipping: rules.excludeShipping,
    excludeTaxes: rules.excludeTaxes,
    excludeDiscounts: rules.excludeDiscounts,
    rounding: rules.rounding,
    signupBonus: String(rules.signupBonus),
    birthdayBonus: String(rules.birthdayBonus),
    pendingDays: String(rules.pendingDays),
    allowNegativeBalance: rules.allowNegativeBalance,
    expiryPolicy: rules.expiryPolicy,
    expiryMonths: String(rules.expiryMonths),
    expiryWarningDays: String(rules.expiryWarningDays),
    pointValue: rules.pointValue,
    activities: rules.activities.map((activity) => ({ key: activity.key, name: activity.name, points: String(activity.points), limit: activity.limit })),
  };
}

export function sameEarningForm(a: EarningForm, b: EarningForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The form as `updateEarningRules` input, or the problems that keep it from being sent, keyed by
 * the input's own field paths. The expiry months and warning are only checked and sent while
 * points expire: their fields are hidden under NEVER, where a problem could not be seen.
 */
export function checkEarningForm(form: EarningForm): { input: UpdateEarningRulesInput | null; problems: Problems } {
  const check = new ProblemCollector();
  const b = EARNING_BOUNDS;
  const pointsPerCurrencyUnit = check.take('pointsPerCurrencyUnit', decimal(form.pointsPerCurrencyUnit, b.pointsPerCurrencyUnit));
  const signupBonus = check.take('signupBonus', wholeNumber(form.signupBonus, b.bonus.min, b.bonus.max));
  const birthdayBonus = check.take('birthdayBonus', wholeNumber(form.birthdayBonus, b.bonus.min, b.bonus.max));
  const pendingDays = check.take('pendingDays', wholeNumber(form.pendingDays, b.pendingDays.min, b.pendingDays.max));
  const expires = form.expiryPolicy !== 'NEVER';
  const expiryMonths = expires ? check.take('expiryMonths', wholeNumber(form.expiryMonths, b.expiryMonths.min, b.expiryMonths.max)) : undefined;
  const expiryWarningDays = expires ? check.take('expiryWarningDays', wholeNumber(form.expiryWarningDays, b.expiryWarningDays.min, b.expiryWarningDays.max)) : undefined;
  const pointValue = check.take('pointValue', decimal(form.pointValue, b.pointValue));
  const firstWithKey = new Map<string, number>();
  const activities = form.activities.map((activity, index) => {
    const key = activity.key.trim();
    if (!ACTIVITY_KEY.test(key)) check.add(`activities.${index}.key`, 'keyFormat');
    else if (firstWithKey.has(key)) check.add(`activities.${index}.key`, 'duplicateKey');
    else firstWithKey.set(key, index);
    const name = check.take(`activities.${index}.name`, text(activity.name, b.activityName.min, b.activityName.max));
    const points = check.take(`activities.${index}.points`, wholeNumber(activity.points, b.activityPoints.min, b.activityPoints.max));
    return { key, name: name ?? '', points: points ?? 0, limit: activity.limit };
  });
  if (!check.clean) return { input: null, problems: check.problems };
  return {
    input: {
      enabled: form.enabled,
      earnOn: form.earnOn,
      pointsPerCurrencyUnit: Number(pointsPerCurrencyUnit),
      excludeShipping: form.excludeShipping,
      excludeTaxes: form.excludeTaxes,
      excludeDiscounts: form.excludeDiscounts,
      rounding: form.rounding,
      signupBonus,
      birthdayBonus,
      pendingDays,
      allowNegativeBalance: form.allowNegativeBalance,
      expiryPolicy: form.expiryPolicy,
      ...(expires ? { expiryMonths, expiryWarningDays } : {}),
      pointValue,
      activities,
    },
    problems: {},
  };
}

/** A new, empty activity row; its limit starts at once per customer, the safest against abuse. */
export function newActivity(): ActivityForm {
  return { key: '', name: '', points: '', limit: 'ONCE' };
}
