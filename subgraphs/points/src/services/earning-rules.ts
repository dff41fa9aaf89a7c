/** When an order earns points: once Shopify reports it paid, or as soon as it is created. */
export type EarnOn = 'paid' | 'created';
export type Rounding = 'down' | 'nearest' | 'up';
export type ExpiryPolicy = 'never' | 'after_inactivity' | 'after_earning';
export type ActivityLimit = 'once' | 'daily' | 'weekly' | 'unlimited';

/** A custom activity shoppers earn points for (following on Instagram, writing a review), recorded through `recordActivity`. */
export interface ActivityRule {
  key: string;
  name: string;
  points: number;
  limit: ActivityLimit;
}

/** How a merchant's shoppers earn, hold and lose points. Stored whole in `points_program.rules`. */
export interface EarningRules {
  enabled: boolean;
  earnOn: EarnOn;
  /** Points per unit of the shop's currency, up to two decimals (1.5 points per euro). */
  pointsPerCurrencyUnit: number;
  excludeShipping: boolean;
  excludeTaxes: boolean;
  /** Earn on what the shopper paid after discounts rather than the undiscounted line prices. */
  excludeDiscounts: boolean;
  rounding: Rounding;
  signupBonus: number;
  birthdayBonus: number;
  /** Order points are held this many days before they can be spent; 0 makes them spendable at once. */
  pendingDays: number;
  /** Whether a reversal may take the balance below zero (otherwise it takes what is there). */
  allowNegativeBalance: boolean;
  expiryPolicy: ExpiryPolicy;
  /** Months of inactivity, or months after earning, depending on the policy. */
  expiryMonths: number;
  /** `points.expiring_soon` is emitted this many days before points expire. */
  expiryWarningDays: number;
  /** What one point is worth in the shop's currency, a decimal string: the basis of `pointsLiability`. */
  pointValue: string;
  activities: ActivityRule[];
}

export const DEFAULT_EARNING_RULES: EarningRules = {
  enabled: true,
  earnOn: 'paid',
  pointsPerCurrencyUnit: 1,
  excludeShipping: true,
  excludeTaxes: true,
  excludeDiscounts: true,
  rounding: 'down',
  signupBonus: 0,
  birthdayBonus: 0,
  pendingDays: 0,
  allowNegativeBalance: false,
  expiryPolicy: 'never',
  expiryMonths: 12,
  expiryWarningDays: 30,
  pointValue: '0.01',
  activities: [],
};

/** Stored rules over the defaults, so a rule added later has its default for merchants who never set it. */
export function withDefaults(stored: Partial<EarningRules> | null | undefined): EarningRules {
  return { ...DEFAULT_EARNING_RULES, ...(stored ?? {}) };
}

export function roundPoints(value: number, rounding: Rounding): number {
  // Cents-level noise (0.1 + 0.2) must not tip a whole point over the edge.
  const clean = Math.round(value * 1e6) / 1e6;
  if (rounding === 'up') return Math.ceil(clean);
  if (rounding === 'nearest') return Math.round(clean);
  return Math.floor(clean);
}
