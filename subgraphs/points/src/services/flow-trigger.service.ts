import { FlowTriggerSender, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';
import { PointsAccountEntity } from '../entities/points-account.entity.js';

/** The Flow triggers this app defines (`extensions/flow-trigger-<handle>/shopify.extension.toml`). */
export const FLOW_TRIGGERS = {
  pointsEarned: 'points-earned',
  rewardRedeemed: 'reward-redeemed',
  enoughPointsForReward: 'enough-points-for-reward',
} as const;

export type FlowTriggerHandle = (typeof FLOW_TRIGGERS)[keyof typeof FLOW_TRIGGERS];

/** One trigger an event asks for. */
export interface FlowTrigger {
  handle: FlowTriggerHandle;
  /** The event asking for it: an event sends each trigger at most once. */
  eventId: string;
  customerId: string;
  fields: Record<string, string | number>;
}

/**
 * The points domain's Flow triggers, sent at most once per event and trigger by the kit's
 * `FlowTriggerSender` (its `flow_trigger_sent` is the points store's). Each names its customer by
 * the Shopify id the points account remembers; a customer without one has nothing Flow could name.
 */
export class FlowTriggerService {
  private readonly sender = new FlowTriggerSender();

  /** Sends the trigger unless its event has sent (or begun to send) it before; false when nothing was sent. */
  async sendOnce(ctx: RequestContext, runtime: SubgraphRuntime, trigger: FlowTrigger): Promise<boolean> {
    const account = await ctx.em.findOne(PointsAccountEntity, { customerId: trigger.customerId }, { fields: ['shopifyCustomerId'], disableIdentityMap: true });
    if (!account?.shopifyCustomerId) return false;
    return this.sender.sendOnce(ctx, runtime, { handle: trigger.handle, eventId: trigger.eventId, shopifyCustomerId: account.shopifyCustomerId, fields: trigger.fields });
  }
}
