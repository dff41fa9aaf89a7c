import { consume, type EventHandler } from '@loyalnest/kit';
import { TIER_CHANGED } from '@loyalnest/tier/topics';
import type { SegmentCustomerFactsService } from '../services/segment-customer-facts.service.js';

/** The tier domain's `tier.changed`: the customer's tier, for custom segments on tiers, kept at the highest version seen. */
export function segmentTierConsumer(facts: SegmentCustomerFactsService): Record<string, EventHandler> {
  return consume(TIER_CHANGED, (ctx, { payload }) => facts.applyTier(ctx, { customerId: payload.customerId, tierId: payload.to, version: payload.version }));
}
