import { consume, type EventHandler, type SubgraphRuntime } from '@loyalnest/kit';
import { TIER_CHANGED, TIER_MULTIPLIER_CHANGED } from '@loyalnest/tier/topics';
import type { TierEffectsService } from '../services/tier-effects.service.js';

/**
 * `tier.changed` and `tier.multiplier_changed`: the customer's earn multiplier follows the newest
 * change, and a tier change's entry bonuses are posted once each (`TierEffectsService.apply`).
 */
export function tierChangeConsumers(services: (runtime: SubgraphRuntime) => { tiers: TierEffectsService }): Record<string, EventHandler> {
  return {
    ...consume(TIER_CHANGED, async (ctx, { payload }, runtime) => {
      const { customerId, to, multiplier, version, entryBonuses } = payload;
      await services(runtime).tiers.apply(ctx, { customerId, tierId: to, multiplier, version, entryBonuses });
    }),
    ...consume(TIER_MULTIPLIER_CHANGED, async (ctx, { payload }, runtime) => {
      const { customerId, tierId, multiplier, version } = payload;
      await services(runtime).tiers.apply(ctx, { customerId, tierId, multiplier, version, entryBonuses: [] });
    }),
  };
}
