import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { DOWNGRADE_POLICIES, SKIPPED_TIER_BONUSES, TIER_METRICS, TIER_PERIODS } from '../domain/tier-program.js';

/**
 * A merchant's tier program settings, one row per merchant; its tiers are `tier` rows. The row is
 * locked by every program change, so two admins saving at once apply one after the other, each
 * replacing the whole program. `version` counts the changes (the later recompute keys on it).
 */
export const TierProgramEntity = defineEntity({
  name: 'TierProgram',
  tableName: 'tier_program',
  properties: {
    merchantId: p.uuid().primary(),
    metric: p.enum(TIER_METRICS),
    period: p.enum(TIER_PERIODS),
    periodStartMonth: p.smallint(),
    periodStartDay: p.smallint(),
    rollingMonths: p.smallint(),
    graceDays: p.smallint(),
    downgradePolicy: p.enum(DOWNGRADE_POLICIES),
    skippedTierBonus: p.enum(SKIPPED_TIER_BONUSES),
    version: p.integer(),
    /** The shop's IANA zone, as last announced by the merchant domain; calendar periods turn at its midnight. */
    timezone: p.string().length(64).default('UTC'),
    /** The `version` of the last `merchant.timezone_changed` applied (0: none yet). */
    timezoneVersion: p.integer().default(0),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  ...tenantOwned('tier_program'),
});

export type TierProgram = InferEntity<typeof TierProgramEntity>;
