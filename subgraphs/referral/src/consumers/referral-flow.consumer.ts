import { consume, type EventHandler, type SubgraphRuntime } from '@loyalnest/kit';
import type { ReferralFlowTriggerService } from '../services/referral-flow-trigger.service.js';
import { REFERRAL_BLOCKED, REFERRAL_COMPLETED } from '../topics.js';

/**
 * What follows a committed completion or block in the referral domain itself: the Flow triggers
 * `referral-completed` and `referral-blocked` (`ReferralFlowTriggerService`), each sent at most once.
 */
export function referralFlowConsumers(services: (runtime: SubgraphRuntime) => { flowTriggers: ReferralFlowTriggerService }): Record<string, EventHandler> {
  return {
    ...consume(REFERRAL_COMPLETED, async (ctx, event, runtime) => {
      await services(runtime).flowTriggers.completed(ctx, runtime, event.payload);
    }),
    ...consume(REFERRAL_BLOCKED, async (ctx, event, runtime) => {
      await services(runtime).flowTriggers.blocked(ctx, runtime, event.id, event.payload);
    }),
  };
}
