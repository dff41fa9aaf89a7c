import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** One change of a customer's tier, up or down, with why: the customer's tier history. Written only by the evaluation, never updated. */
export const TierChangeEntity = defineEntity({
  name: 'TierChange',
  tableName: 'tier_change',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    customerId: p.uuid(),
    fromTierId: p.uuid().nullable(),
    toTierId: p.uuid().nullable(),
    direction: p.enum(['up', 'down'] as const),
    reason: p.string(),
    version: p.integer(),
    changedAt: p.datetime(),
  },
  ...tenantOwned('tier_change'),
});

export type TierChange = InferEntity<typeof TierChangeEntity>;
