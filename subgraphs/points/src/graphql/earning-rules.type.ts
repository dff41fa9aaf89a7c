import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum EarnOn {
  PAID = 'paid',
  CREATED = 'created',
}
registerEnumType(EarnOn, {
  name: 'EarnOn',
  description: 'When an order earns points: once it is paid, or as soon as it is created.',
  valuesConfig: {
    PAID: { description: 'On the orders/paid webhook: unpaid orders (e.g. cash on delivery not yet collected) earn nothing until paid.' },
    CREATED: { description: 'On the orders/create webhook, before payment; a cancelled or refunded order takes its points back.' },
  },
});

export enum PointsRounding {
  DOWN = 'down',
  NEAREST = 'nearest',
  UP = 'up',
}
registerEnumType(PointsRounding, {
  name: 'PointsRounding',
  description: 'How fractional points of an order are rounded.',
  valuesConfig: {
    DOWN: { description: 'Drop the fraction: 12.9 points earn 12.' },
    NEAREST: { description: 'Round to the nearest whole point, halves up: 12.5 points earn 13.' },
    UP: { description: 'Any fraction earns a whole point: 12.1 points earn 13.' },
  },
});

export enum ExpiryPolicy {
  NEVER = 'never',
  AFTER_INACTIVITY = 'after_inactivity',
  AFTER_EARNING = 'after_earning',
}
registerEnumType(ExpiryPolicy, {
  name: 'ExpiryPolicy',
  description: 'When points expire: never; all of them after N months without activity; or each earning N months after it was earned, oldest first.',
  valuesConfig: {
    NEVER: { description: 'Points never expire.' },
    AFTER_INACTIVITY: { description: 'The whole spendable balance expires once the customer has had no earning, redemption or adjustment for the configured number of months.' },
    AFTER_EARNING: { description: 'Each earning expires the configured number of months after it became spendable; spending uses the oldest points first.' },
  },
});

export enum ActivityLimit {
  ONCE = 'once',
  DAILY = 'daily',
  WEEKLY = 'weekly',
  UNLIMITED = 'unlimited',
}
registerEnumType(ActivityLimit, {
  name: 'ActivityLimit',
  description: 'How often one customer may earn for an activity.',
  valuesConfig: {
    ONCE: { description: 'Once ever, e.g. following the shop on Instagram.' },
    DAILY: { description: 'At most once per calendar day (UTC).' },
    WEEKLY: { description: 'At most once per calendar week (UTC, weeks start on Monday).' },
    UNLIMITED: { description: 'Every time it is recorded; the merchant relies on its own checks against abuse.' },
  },
});

@ObjectType('ActivityRule', { description: 'A custom activity shoppers earn points for, recorded through `recordActivity`.' })
export class ActivityRuleType {
  @Field(() => String, { description: 'Stable key the API records it by, e.g. "instagram_follow".' })
  key!: string;

  @Field(() => String, { description: 'Name shown to shoppers.' })
  name!: string;

  @Field(() => Int, { description: 'Points it earns.' })
  points!: number;

  @Field(() => ActivityLimit, { description: 'How often one customer may earn it.' })
  limit!: ActivityLimit;
}

@ObjectType('EarningRules', { description: "How the merchant's shoppers earn, hold and lose points." })
export class EarningRulesType {
  @Field(() => Boolean, { description: 'Whether shoppers earn and redeem points at all. Admin adjustments work either way.' })
  enabled!: boolean;

  @Field(() => EarnOn, { description: 'When an order earns points.' })
  earnOn!: EarnOn;

  @Field(() => Float, { description: 'Points per unit of the shop currency, up to two decimals.' })
  pointsPerCurrencyUnit!: number;

  @Field(() => Boolean, { description: 'Shipping earns no points.' })
  excludeShipping!: boolean;

  @Field(() => Boolean, { description: 'Taxes earn no points.' })
  excludeTaxes!: boolean;

  @Field(() => Boolean, { description: 'Points are earned on the price after discounts.' })
  excludeDiscounts!: boolean;

  @Field(() => PointsRounding, { description: 'How fractional order points are rounded.' })
  rounding!: PointsRounding;

  @Field(() => Int, { description: 'Points for creating an account; 0 for none.' })
  signupBonus!: number;

  @Field(() => Int, { description: "Points on the customer's birthday; 0 for none." })
  birthdayBonus!: number;

  @Field(() => Int, { description: 'Days order points are held as pending before they can be spent.' })
  pendingDays!: number;

  @Field(() => Boolean, { description: 'Whether a refund or cancellation may take the balance below zero. While negative, nothing can be redeemed.' })
  allowNegativeBalance!: boolean;

  @Field(() => ExpiryPolicy, { description: 'When points expire.' })
  expiryPolicy!: ExpiryPolicy;

  @Field(() => Int, { description: 'The N months of the expiry policy.' })
  expiryMonths!: number;

  @Field(() => Int, { description: 'Days ahead of expiry that `points.expiring_soon` is sent.' })
  expiryWarningDays!: number;

  @Field(() => String, { description: 'What one point is worth in the shop currency (decimal string), for the points liability.' })
  pointValue!: string;

  @Field(() => [ActivityRuleType], { description: 'Custom activities that earn points.' })
  activities!: ActivityRuleType[];
}
