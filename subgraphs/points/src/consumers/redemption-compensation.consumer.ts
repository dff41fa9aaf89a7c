import type { EventHandler, SubgraphRuntime } from '@loyalnest/kit';
import type { RedemptionSettlement } from '../services/redemption-settlement.service.js';

type Services = (runtime: SubgraphRuntime) => { settlement: RedemptionSettlement };

/**
 * `redemption.failed` is emitted in the transaction that gives the points back, and
 * `redemption.compensation_requested` when a discount was created after that; their delivery makes
 * sure the code cannot be used at Shopify (`RedemptionSettlement.compensate`). Shopify unavailable
 * throws, so the event is retried with the consumer's backoff.
 */
export function redemptionCompensationConsumer(services: Services): EventHandler {
  return async (ctx, event, runtime) => {
    const { redemptionId } = event.payload as { redemptionId?: unknown };
    if (typeof redemptionId !== 'string') throw new Error(`${event.topic} ${event.id} has no redemptionId`);
    await services(runtime).settlement.compensate(ctx, redemptionId);
  };
}
