import { GDPR_TOPICS, type DomainEvent, type EventHandler, type GdprParticipant } from '@loyalnest/kit';
import type { TierCustomerKeyService } from '../services/tier-customer-key.service.js';
import type { TierPrivacyService } from '../services/tier-privacy.service.js';

/**
 * The tier domain's part in GDPR requests. The subject names the customer by Shopify id; the tier
 * store finds the LoyalNest ids through its own record (`tier_customer`, kept for when the customer
 * domain has already erased its side) and the customer subgraph. Redaction deletes every tier row of
 * the customer and the orders Shopify names; an export holds their tier, assignment, history,
 * bonuses, orders and qualification entries. Shop redaction removes every row of the merchant (the
 * kit's default, `purgeMerchantRows`).
 */
export function tierGdpr(keys: TierCustomerKeyService, privacy: TierPrivacyService): GdprParticipant {
  return {
    async redactCustomer(ctx, subject) {
      await privacy.erase(ctx, await keys.customersOf(ctx, subject.shopifyCustomerId), subject.ordersToRedact);
    },
    async exportCustomer(ctx, subject) {
      return { customers: await privacy.export(ctx, await keys.customersOf(ctx, subject.shopifyCustomerId)) };
    },
  };
}

const ERASING_TOPICS = new Set<string>(['customer.redacted', GDPR_TOPICS.redactCustomer, GDPR_TOPICS.redactShop]);

/**
 * Whether the event erases customers: a consumer batch that holds one places no one after its
 * events (a customer erased by a later event of the batch would be placed, and so kept, again).
 */
export function erasesCustomers(event: DomainEvent): boolean {
  return ERASING_TOPICS.has(event.topic);
}

/**
 * `customer.redacted {customerId}`: the customer domain erased the customer (its part of a
 * customers/redact). The tier domain's own part erases the same rows; this catches a member the
 * tier store has no Shopify link for (recorded before `tier_customer` existed) when the customer
 * domain's part ran first and can no longer name them.
 */
export function customerRedactedConsumer(privacy: TierPrivacyService): EventHandler {
  return async (ctx, event) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.redacted without a customerId');
    await privacy.erase(ctx, [customerId]);
  };
}
