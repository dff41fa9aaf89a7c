import { currencyExponent, FlowTriggerSender, isUuid, Scope, systemCaller, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';
import type { ReferralBlocked, ReferralCompleted } from '../topics.js';

/** The Flow triggers the referral domain sends (`extensions/flow-trigger-<handle>/shopify.extension.toml`). */
export const REFERRAL_FLOW_TRIGGERS = {
  completed: 'referral-completed',
  blocked: 'referral-blocked',
} as const;

const CUSTOMER = /* GraphQL */ `
  query ReferralFlowCustomer($id: ID!) { customer(id: $id) { id shopifyId } }
`;

/**
 * Flow triggers for referrals, naming the advocate, sent at most once per key and trigger by the
 * kit's `FlowTriggerSender` (claims in the referral store's `flow_trigger_sent`).
 *
 * `referral-completed` is keyed by the referral, not by the event: a merchant's workflow ("thank
 * the advocate") runs once per referral, even should the completion be emitted twice.
 * `referral-blocked` is keyed by the event: each block asks for a review, and a referral blocked
 * when claimed, approved, then blocked again at its order asks twice.
 *
 * The referral store keeps no Shopify ids, so the customer subgraph names the advocate; one it no
 * longer knows (redacted) has nothing Flow could name and sends nothing.
 */
export class ReferralFlowTriggerService {
  private readonly sender = new FlowTriggerSender();

  async completed(ctx: RequestContext, runtime: SubgraphRuntime, completion: ReferralCompleted): Promise<boolean> {
    const shopifyCustomerId = await this.shopifyIdOf(ctx, completion.advocateId);
    if (!shopifyCustomerId || !isUuid(completion.referralId)) return false;
    return this.sender.sendOnce(ctx, runtime, {
      handle: REFERRAL_FLOW_TRIGGERS.completed,
      eventId: completion.referralId,
      shopifyCustomerId,
      fields: {
        referral_id: completion.referralId,
        points: completion.points,
        order_id: completion.orderId,
        order_total: completion.orderTotalMinor / 10 ** currencyExponent(completion.currency),
        currency: completion.currency ?? '',
      },
    });
  }

  async blocked(ctx: RequestContext, runtime: SubgraphRuntime, eventId: string, block: ReferralBlocked): Promise<boolean> {
    const shopifyCustomerId = await this.shopifyIdOf(ctx, block.advocateId);
    if (!shopifyCustomerId) return false;
    return this.sender.sendOnce(ctx, runtime, {
      handle: REFERRAL_FLOW_TRIGGERS.blocked,
      eventId,
      shopifyCustomerId,
      fields: { referral_id: block.referralId, stage: block.stage, reasons: block.reasons.join(',') },
    });
  }

  private async shopifyIdOf(ctx: RequestContext, customerId: string): Promise<string | null> {
    if (!isUuid(customerId)) return null;
    const caller = { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
    const answer = await ctx.peers.query<{ customer: { id: string; shopifyId: string | null } | null }>('customer', CUSTOMER, { id: customerId }, caller);
    return answer.customer?.shopifyId ?? null;
  }
}
