import { PeerQueryError, Scope, systemCaller, type RequestContext } from '@loyalnest/kit';
import { PointsAccountEntity } from '../entities/points-account.entity.js';

/** The Flow triggers this app defines (`extensions/flow-trigger-<handle>/shopify.extension.toml`). */
export const FLOW_TRIGGERS = {
  pointsEarned: 'points-earned',
  rewardRedeemed: 'reward-redeemed',
  enoughPointsForReward: 'enough-points-for-reward',
} as const;

export type FlowTriggerHandle = (typeof FLOW_TRIGGERS)[keyof typeof FLOW_TRIGGERS];

const SEND = /* GraphQL */ `
  mutation PointsFlowTrigger($handle: String!, $payload: JSONObject!) { _sendFlowTrigger(handle: $handle, payload: $payload) }
`;

/**
 * Starts the merchant's Flow workflows through `flowTriggerReceive`, which the merchant subgraph
 * sends with the shop's token. Each trigger names its customer by Shopify id, as a trigger's
 * `customer_reference` field requires (`customer_id`); the other fields are ids and numbers only.
 * Shopify being unavailable throws, so the event that asked for the trigger is retried with the
 * consumer's backoff; a refusal (the app uninstalled, no token, a trigger Shopify does not know)
 * would be refused again, so it is logged and the trigger dropped. Logged once per merchant and
 * reason in a process: a shop without a token (the demo shop) would otherwise log every trigger.
 */
export class FlowTriggerService {
  private readonly reported = new Set<string>();

  /** Sends `handle` for `customerId`; false when nothing was sent (no Shopify id to name, or Shopify refused it). */
  async send(ctx: RequestContext, handle: FlowTriggerHandle, customerId: string, fields: Record<string, string | number>): Promise<boolean> {
    const account = await ctx.em.findOne(PointsAccountEntity, { customerId }, { fields: ['shopifyCustomerId'], disableIdentityMap: true });
    if (!account?.shopifyCustomerId) return false;
    const payload = { customer_id: customerReference(account.shopifyCustomerId), ...fields };
    try {
      await ctx.peers.query('merchant', SEND, { handle, payload }, { ...systemCaller([Scope.SHOPIFY_ADMIN], ctx.merchantId), requestId: ctx.requestId });
      return true;
    } catch (error) {
      if (!(error instanceof PeerQueryError) || !error.codes.includes('SHOPIFY_REJECTED')) throw error;
      const key = `${ctx.merchantId} ${error.message}`;
      if (!this.reported.has(key)) {
        // Bounded: a deployment with many uninstalled shops says it again now and then.
        if (this.reported.size >= 1000) this.reported.clear();
        this.reported.add(key);
        console.warn(`[points] Flow trigger ${handle} for merchant ${ctx.merchantId} dropped, and later ones for the same reason will be too (not logged again): ${error.message}`);
      }
      return false;
    }
  }
}

/** Shopify ids fit a JSON number (they are below 2^53); a larger one stays exact as text. */
function customerReference(shopifyCustomerId: string): number | string {
  const id = Number(shopifyCustomerId);
  return Number.isSafeInteger(id) ? id : shopifyCustomerId;
}
