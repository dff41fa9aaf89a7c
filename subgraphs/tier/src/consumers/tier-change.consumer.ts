import { consume, LIVE_TOPICS, type EventHandler, type SubgraphRuntime, type TierChangedMessage } from '@loyalnest/kit';
import type { TierFlowTriggerService } from '../services/tier-flow-trigger.service.js';
import { TIER_CHANGED, TIER_EXPIRING_SOON } from '../topics.js';

type Services = (runtime: SubgraphRuntime) => { flowTriggers: TierFlowTriggerService };

/**
 * What follows a committed change of tier in the tier domain itself: the live `tierChanged`
 * message (after this consumer's commit, so a redelivered event, found consumed, publishes nothing
 * again) and the Flow triggers `tier-upgraded` / `tier-downgraded` / `tier-expiring-soon`, each
 * sent at most once per event.
 */
export function tierChangeConsumers(services: Services): Record<string, EventHandler> {
  return {
    ...consume(TIER_CHANGED, async (ctx, event, runtime) => {
      const change = event.payload;
      const message: Omit<TierChangedMessage, 'committedAt'> = {
        merchantId: event.merchantId,
        customerId: change.customerId,
        fromTierId: change.from,
        toTierId: change.to,
        direction: change.direction,
        reason: change.reason,
        version: change.version,
      };
      ctx.afterCommit(() => ctx.live.publish(LIVE_TOPICS.tierChanged, { ...message, committedAt: new Date().toISOString() }));
      await services(runtime).flowTriggers.changed(ctx, runtime, event.id, change);
    }),
    ...consume(TIER_EXPIRING_SOON, async (ctx, event, runtime) => {
      await services(runtime).flowTriggers.expiringSoon(ctx, runtime, event.id, event.payload);
    }),
  };
}
