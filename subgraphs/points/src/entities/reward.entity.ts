import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

export const REWARD_KINDS = ['fixed_amount', 'percentage', 'free_shipping', 'free_product'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];

/** The languages LoyalNest speaks to shoppers; a reward may name itself in any of them. */
export const REWARD_LOCALES = ['en', 'fr', 'es'] as const;
export type RewardLocale = (typeof REWARD_LOCALES)[number];
export type RewardNames = Partial<Record<RewardLocale, string>>;

/**
 * One reward of a merchant's catalog. `redemptionCount` counts the redemptions that hold a slot
 * of `usageLimit` (all but failed and cancelled ones) and moves only under the reward's row lock;
 * the table's check constraint refuses a count above the limit. Archiving keeps the row, so past
 * redemptions still name their reward.
 */
export const RewardEntity = defineEntity({
  name: 'Reward',
  tableName: 'reward',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    kind: p.enum(REWARD_KINDS),
    /** Currency amount off (fixed amount) or percent off (percentage); null for the other kinds. */
    value: p.decimal('string').precision(14).scale(2).nullable(),
    /** The Shopify product variant a free-product reward gives. */
    variantId: p.bigint('string').nullable(),
    pointsCost: p.integer(),
    minimumSubtotal: p.decimal('string').precision(14).scale(2).nullable(),
    usageLimit: p.integer().nullable(),
    usageLimitPerCustomer: p.integer().nullable(),
    redemptionCount: p.integer().default(0),
    startsAt: p.datetime().nullable(),
    endsAt: p.datetime().nullable(),
    /** Days an issued code stays valid; null: until the merchant removes it. */
    codeValidityDays: p.integer().nullable(),
    active: p.boolean().default(true),
    archivedAt: p.datetime().nullable(),
    names: p.json<RewardNames>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['merchantId', 'pointsCost', 'id'], name: 'reward_merchant_cost_index' }],
  ...tenantOwned('reward'),
});

export type Reward = InferEntity<typeof RewardEntity>;
