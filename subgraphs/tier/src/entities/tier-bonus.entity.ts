import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/** An entry bonus paid: once per customer, tier and qualification period (`periodKey`), whatever re-places the member. */
export const TierBonusEntity = defineEntity({
  name: 'TierBonus',
  tableName: 'tier_bonus',
  properties: {
    merchantId: p.uuid().primary(),
    customerId: p.uuid().primary(),
    tierId: p.uuid().primary(),
    periodKey: p.string().primary(),
    points: p.integer(),
    paidAt: p.datetime(),
  },
  ...tenantOwned('tier_bonus'),
});

export type TierBonus = InferEntity<typeof TierBonusEntity>;
