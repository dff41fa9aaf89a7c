import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * A customer's membership: the tier held and since when, the tier the metric alone gives, what
 * keeps a lower metric from a downgrade yet (`heldUntil`, `belowSince`, `stepNotBefore`), a hand
 * assignment, and when the daily job must look again. Written set-based by the evaluation
 * (`TierMemberService`), always under the row's lock; `version` counts its changes of tier or
 * multiplier, the order the points domain applies them in.
 */
export const TierMemberEntity = defineEntity({
  name: 'TierMember',
  tableName: 'tier_member',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    tierId: p.uuid().nullable(),
    /** The held tier's threshold at its last evaluation: ranks it once the program no longer has it. */
    tierThreshold: p.bigint('number').nullable(),
    since: p.datetime().nullable(),
    qualifiedTierId: p.uuid().nullable(),
    metricValue: p.bigint('number'),
    heldUntil: p.datetime().nullable(),
    belowSince: p.datetime().nullable(),
    stepNotBefore: p.datetime().nullable(),
    manualTierId: p.uuid().nullable(),
    manualUntil: p.datetime().nullable(),
    manualBy: p.string().nullable(),
    warnedFor: p.datetime().nullable(),
    nextCheckAt: p.datetime().nullable(),
    multiplier: p.decimal('string').precision(4).scale(2),
    version: p.integer(),
    evaluatedAt: p.datetime().nullable(),
    programVersion: p.integer(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  ...tenantOwned('tier_member'),
});

export type TierMember = InferEntity<typeof TierMemberEntity>;
