import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { CONVERSION_RULES, FRIEND_REWARD_KINDS, type FraudPolicy } from '../domain/referral-program.js';

/**
 * A merchant's referral program, one row per merchant, absent until first saved (the defaults
 * apply). Locked by every change, so two admins saving at once apply one after the other, each
 * replacing the whole program. `version` counts the changes.
 */
export const ReferralProgramEntity = defineEntity({
  name: 'ReferralProgram',
  tableName: 'referral_program',
  properties: {
    merchantId: p.uuid().primary(),
    enabled: p.boolean(),
    advocatePoints: p.integer(),
    friendRewardKind: p.enum(FRIEND_REWARD_KINDS),
    friendRewardValue: p.decimal('string').precision(14).scale(2).nullable(),
    friendMinimumOrderAmount: p.decimal('string').precision(14).scale(2).nullable(),
    friendExpiryDays: p.smallint().nullable(),
    friendSingleUse: p.boolean(),
    friendOncePerCustomer: p.boolean(),
    conversionRule: p.enum(CONVERSION_RULES),
    minimumOrderValue: p.decimal('string').precision(14).scale(2).nullable(),
    holdDays: p.smallint(),
    monthlyCap: p.integer().nullable(),
    lifetimeCap: p.integer().nullable(),
    fraudPolicy: p.json<FraudPolicy>(),
    claimBurstPerWeek: p.smallint(),
    version: p.integer(),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  ...tenantOwned('referral_program'),
});

export type ReferralProgram = InferEntity<typeof ReferralProgramEntity>;
