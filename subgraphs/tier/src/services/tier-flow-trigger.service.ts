import { FlowTriggerSender, isUuid, Scope, systemCaller, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';
import { textIn } from '../domain/tier-program.js';
import { TierEntity } from '../entities/tier.entity.js';
import type { TierChanged, TierExpiringSoon } from '../topics.js';

/** The Flow triggers the tier domain sends (`extensions/flow-trigger-<handle>/shopify.extension.toml`). */
export const TIER_FLOW_TRIGGERS = {
  upgraded: 'tier-upgraded',
  downgraded: 'tier-downgraded',
  expiringSoon: 'tier-expiring-soon',
} as const;

const CUSTOMER = /* GraphQL */ `
  query TierFlowCustomer($id: ID!) { customer(id: $id) { id shopifyId } }
`;

/**
 * Flow triggers for tier changes, sent at most once per event and trigger by the kit's
 * `FlowTriggerSender` (claims in the tier store's `flow_trigger_sent`). The tier store keeps no
 * Shopify ids, so the customer subgraph names the customer; a customer it no longer knows (redacted)
 * has nothing Flow could name and sends nothing. Tier names are the English ones (else the first
 * the merchant gave) as the program has them when the event is handled; a missing tier is ''.
 */
export class TierFlowTriggerService {
  private readonly sender = new FlowTriggerSender();

  async changed(ctx: RequestContext, runtime: SubgraphRuntime, eventId: string, change: TierChanged): Promise<boolean> {
    const shopifyCustomerId = await this.shopifyIdOf(ctx, change.customerId);
    if (!shopifyCustomerId) return false;
    const names = await this.namesOf(ctx, [change.from, change.to]);
    return this.sender.sendOnce(ctx, runtime, {
      handle: change.direction === 'up' ? TIER_FLOW_TRIGGERS.upgraded : TIER_FLOW_TRIGGERS.downgraded,
      eventId,
      shopifyCustomerId,
      fields: {
        from_tier_id: change.from ?? '',
        from_tier_name: names.get(change.from) ?? '',
        to_tier_id: change.to ?? '',
        to_tier_name: names.get(change.to) ?? '',
        direction: change.direction,
        reason: change.reason,
      },
    });
  }

  async expiringSoon(ctx: RequestContext, runtime: SubgraphRuntime, eventId: string, warning: TierExpiringSoon): Promise<boolean> {
    const shopifyCustomerId = await this.shopifyIdOf(ctx, warning.customerId);
    if (!shopifyCustomerId) return false;
    const names = await this.namesOf(ctx, [warning.tierId, warning.toTierId]);
    return this.sender.sendOnce(ctx, runtime, {
      handle: TIER_FLOW_TRIGGERS.expiringSoon,
      eventId,
      shopifyCustomerId,
      fields: {
        tier_id: warning.tierId,
        tier_name: names.get(warning.tierId) ?? '',
        to_tier_id: warning.toTierId ?? '',
        to_tier_name: names.get(warning.toTierId) ?? '',
        effective_at: warning.effectiveAt,
      },
    });
  }

  private async shopifyIdOf(ctx: RequestContext, customerId: string): Promise<string | null> {
    if (!isUuid(customerId)) return null;
    const caller = { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
    const answer = await ctx.peers.query<{ customer: { id: string; shopifyId: string | null } | null }>('customer', CUSTOMER, { id: customerId }, caller);
    return answer.customer?.shopifyId ?? null;
  }

  private async namesOf(ctx: RequestContext, ids: (string | null)[]): Promise<Map<string | null, string>> {
    const wanted = ids.filter((id): id is string => id !== null && isUuid(id));
    const tiers = wanted.length ? await ctx.em.find(TierEntity, { id: { $in: wanted } }, { fields: ['id', 'names'], disableIdentityMap: true }) : [];
    return new Map(tiers.map((t) => [t.id, textIn(t.names)]));
  }
}
