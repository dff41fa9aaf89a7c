import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import type { LocalizedTexts } from '../domain/tier-program.js';

/**
 * One tier of a merchant's program, at `position` (0 is the lowest). Its id stays the same across
 * program changes that keep it, so what refers to a tier (a customer's tier, later) survives a
 * rename or a new threshold. `(merchant_id, position)` is unique, checked at commit, so a change
 * may move tiers past each other in any order.
 */
export const TierEntity = defineEntity({
  name: 'Tier',
  tableName: 'tier',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    position: p.smallint(),
    names: p.json<LocalizedTexts>(),
    threshold: p.integer(),
    earnMultiplier: p.decimal('string').precision(4).scale(2),
    entryBonusPoints: p.integer().nullable(),
    perks: p.json<LocalizedTexts[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['merchantId', 'position'], name: 'tier_merchant_position_unique', deferMode: 'deferred' }],
  ...tenantOwned('tier'),
});

export type Tier = InferEntity<typeof TierEntity>;
