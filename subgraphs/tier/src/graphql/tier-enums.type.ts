import { LOCALE_CODE_ENUM } from '@loyalnest/kit';
import { registerEnumType } from 'type-graphql';

/** Also defined by the merchant and points subgraphs; one configuration (the kit's `LOCALE_CODE_ENUM`) keeps them composable. */
export enum LocaleCode {
  EN = 'en',
  ES = 'es',
  FR = 'fr',
}
registerEnumType(LocaleCode, LOCALE_CODE_ENUM);

export enum TierMetricType {
  POINTS_EARNED = 'points_earned',
  AMOUNT_SPENT = 'amount_spent',
  ORDERS_COUNT = 'orders_count',
}
registerEnumType(TierMetricType, {
  name: 'TierMetric',
  description: 'What a customer accumulates to reach a tier.',
  valuesConfig: {
    POINTS_EARNED: { description: 'Points earned (earning entries less their reversals); spending points never lowers it.' },
    AMOUNT_SPENT: { description: "Paid orders net of refunds, in whole units of the shop's currency." },
    ORDERS_COUNT: { description: 'Orders placed, less cancelled ones.' },
  },
});

export enum TierPeriodType {
  LIFETIME = 'lifetime',
  CALENDAR_YEAR = 'calendar_year',
  ROLLING_MONTHS = 'rolling_months',
}
registerEnumType(TierPeriodType, {
  name: 'TierPeriod',
  description: 'Over which time the metric is counted.',
  valuesConfig: {
    LIFETIME: { description: 'Everything since the customer joined; a tier is never lost to time.' },
    CALENDAR_YEAR: { description: 'A year starting on `periodStartMonth`/`periodStartDay`; a tier reached in one year is kept until the end of the next.' },
    ROLLING_MONTHS: { description: 'The last `rollingMonths` months, re-evaluated daily; a downgrade waits `graceDays`.' },
  },
});

export enum TierDowngradePolicyType {
  REPLACE_BY_METRIC = 'replace_by_metric',
  ONE_TIER_AT_A_TIME = 'one_tier_at_a_time',
}
registerEnumType(TierDowngradePolicyType, {
  name: 'TierDowngradePolicy',
  description: 'Where a customer lands when they no longer keep their tier.',
  valuesConfig: {
    REPLACE_BY_METRIC: { description: 'In the tier their current metric reaches, however many tiers down.' },
    ONE_TIER_AT_A_TIME: { description: 'One tier down per downgrade.' },
  },
});

export enum SkippedTierBonusType {
  ALL = 'all',
  HIGHEST_ONLY = 'highest_only',
}
registerEnumType(SkippedTierBonusType, {
  name: 'SkippedTierBonus',
  description: 'Which entry bonuses a customer receives when one change takes them past several tiers.',
  valuesConfig: {
    ALL: { description: 'The entry bonus of every tier passed, each once per qualification period.' },
    HIGHEST_ONLY: { description: 'Only the entry bonus of the tier reached.' },
  },
});
