import type { EventHandler, GdprParticipant } from '@loyalnest/kit';
import type { SegmentPrivacyService } from '../services/segment-privacy.service.js';

/**
 * The segment domain's part in GDPR requests (see `SegmentPrivacyService` for what each removes and
 * exports). The subject names the customer by Shopify id; the customer subgraph tells the LoyalNest
 * id while it still knows them, and `customer.redacted` brings it when its redaction ran first.
 */
export function segmentGdpr(privacy: SegmentPrivacyService): GdprParticipant {
  return {
    async redactCustomer(ctx, subject) {
      await privacy.erase(ctx, await privacy.customersOf(ctx, subject), subject.ordersToRedact);
    },
    async exportCustomer(ctx, subject) {
      return privacy.export(ctx, await privacy.customersOf(ctx, subject));
    },
    redactShop: (ctx) => privacy.redactShop(ctx),
  };
}

/** `customer.redacted {customerId}`: the customer domain erased the customer; the segment store erases them too, tombstone and all. */
export function customerRedactedConsumer(privacy: SegmentPrivacyService): EventHandler {
  return async (ctx, event) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.redacted without a customerId');
    await privacy.erase(ctx, [customerId]);
  };
}
