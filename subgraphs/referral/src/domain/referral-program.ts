/**
 * The referral program as the domain sees it, apart from its storage and its GraphQL types: the
 * names and values stored in `referral_program`, the limits `checkReferralProgram` applies, and
 * what a merchant that never saved a program has.
 */

export const FRIEND_REWARD_KINDS = ['fixed_amount', 'percentage', 'free_shipping'] as const;
export type FriendRewardKind = (typeof FRIEND_REWARD_KINDS)[number];

export const CONVERSION_RULES = ['order_paid', 'order_fulfilled'] as const;
export type ConversionRule = (typeof CONVERSION_RULES)[number];

/** The fraud checks, in the order the program lists them. */
export const FRAUD_CHECKS = [
  'self_referral',
  'advocate_placed_order',
  'same_ip_as_advocate',
  'ip_claim_burst',
  'same_shipping_address',
  'existing_customer',
  'advocate_over_cap',
] as const;
export type FraudCheck = (typeof FRAUD_CHECKS)[number];

export const FRAUD_ACTIONS = ['block', 'flag'] as const;
export type FraudAction = (typeof FRAUD_ACTIONS)[number];

export type FraudPolicy = Record<FraudCheck, FraudAction>;

export const REFERRAL_LIMITS = {
  advocatePointsMin: 1,
  advocatePointsMax: 1_000_000,
  /** An amount in the shop's currency: a fixed discount or an order minimum. */
  amountMax: 1_000_000,
  percentageMin: 1,
  percentageMax: 100,
  expiryDaysMax: 365,
  holdDaysMax: 90,
  capMax: 10_000,
  claimBurstMin: 2,
  claimBurstMax: 1_000,
} as const;

/** What the friend gets on claiming: a Shopify discount code. */
export interface FriendReward {
  kind: FriendRewardKind;
  /** Amount off in the shop's currency (FIXED_AMOUNT) or percent off (PERCENTAGE), a decimal string; null for FREE_SHIPPING. */
  value: string | null;
  /** Order subtotal the discount needs, a decimal string in the shop's currency; null: any order. */
  minimumOrderAmount: string | null;
  /** Days the friend's code stays valid after it is issued; null: no expiry. */
  expiryDays: number | null;
  /** The code works for one order only. */
  singleUse: boolean;
  /** The code works once per Shopify customer. */
  oncePerCustomer: boolean;
}

export interface ReferralProgramSettings {
  enabled: boolean;
  /** Points the advocate earns per completed referral. */
  advocatePoints: number;
  friendReward: FriendReward;
  conversionRule: ConversionRule;
  /** The friend's order total after discounts must reach this, a decimal string; null: any order. */
  minimumOrderValue: string | null;
  /** Days between the friend's qualifying order and the advocate's points; refunds and cancellations inside it void the referral. */
  holdDays: number;
  /** Rewarded referrals per advocate per calendar month (UTC); null: no cap. */
  monthlyCap: number | null;
  /** Rewarded referrals per advocate ever; null: no cap. */
  lifetimeCap: number | null;
  fraudPolicy: FraudPolicy;
  /** Claims from one IP address within seven days at which IP_CLAIM_BURST applies. */
  claimBurstPerWeek: number;
}

/**
 * Blocked by default: the checks that, when they hit, mean the advocate would be paid for their
 * own purchase or for a customer the shop already had. Flagged only: the checks a household or an
 * office shares innocently (one IP address, one shipping address).
 */
export const DEFAULT_FRAUD_POLICY: FraudPolicy = {
  self_referral: 'block',
  advocate_placed_order: 'block',
  same_ip_as_advocate: 'flag',
  ip_claim_burst: 'block',
  same_shipping_address: 'flag',
  existing_customer: 'block',
  advocate_over_cap: 'block',
};

/**
 * A merchant that never saved a program: off, with values the dashboard can show as a starting
 * point (500 points for the advocate, 10 % off a first order for the friend, single use, valid 30
 * days, counted when the order is paid, held 14 days).
 */
export const DEFAULT_REFERRAL_SETTINGS: ReferralProgramSettings = {
  enabled: false,
  advocatePoints: 500,
  friendReward: { kind: 'percentage', value: '10.00', minimumOrderAmount: null, expiryDays: 30, singleUse: true, oncePerCustomer: true },
  conversionRule: 'order_paid',
  minimumOrderValue: null,
  holdDays: 14,
  monthlyCap: null,
  lifetimeCap: null,
  fraudPolicy: DEFAULT_FRAUD_POLICY,
  claimBurstPerWeek: 10,
};

/** A program as given for a change, before it is checked: settings left out take their defaults. */
export interface ReferralProgramDraft {
  enabled: boolean;
  advocatePoints: number;
  friendReward: {
    kind: FriendRewardKind;
    value?: string | null;
    minimumOrderAmount?: string | null;
    expiryDays?: number | null;
    singleUse?: boolean;
    oncePerCustomer?: boolean;
  };
  conversionRule?: ConversionRule;
  minimumOrderValue?: string | null;
  holdDays?: number;
  monthlyCap?: number | null;
  lifetimeCap?: number | null;
  /** Checks to set; a check left out keeps its default action. */
  fraudChecks?: { check: FraudCheck; action: FraudAction }[];
  claimBurstPerWeek?: number;
}
