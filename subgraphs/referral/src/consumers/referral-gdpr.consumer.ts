import { purgeMerchantRows, type EventHandler, type GdprParticipant, type SubgraphRuntime } from '@loyalnest/kit';
import type { ClickStore } from '../clicks/click-store.js';
import type { ReferralPrivacyService } from '../services/referral-privacy.service.js';

/**
 * The referral domain's part in GDPR requests (see `ReferralPrivacyService` for what a customer
 * redaction removes and keeps). Shop redaction removes every row of the merchant: the kit's
 * `purgeMerchantRows` over the entities, and the click flush ledger, which has no entity.
 */
export function referralGdpr(privacy: ReferralPrivacyService, store: ClickStore): GdprParticipant {
  return {
    async redactCustomer(ctx, subject) {
      const removed = await privacy.erase(ctx, await privacy.subjectOf(ctx, subject));
      ctx.afterCommit(() => store.forgetCodes(ctx.merchantId!, removed));
    },
    async exportCustomer(ctx, subject) {
      return privacy.export(ctx, await privacy.subjectOf(ctx, subject));
    },
    async redactShop(ctx) {
      await purgeMerchantRows(ctx);
      await ctx.em.execute('delete from referral_click_flush where merchant_id = ?', [ctx.merchantId!]);
    },
  };
}

/**
 * `customer.redacted {customerId}`: the customer domain erased the customer (its part of a
 * customers/redact). The referral domain's own part erases the same; this catches the customer
 * when the customer domain's part ran first and can no longer name them by Shopify id. Their code
 * stops working: dropped from the store, and marked held by nobody in the click cache.
 */
export function customerRedactedConsumer(privacyOf: (runtime: SubgraphRuntime) => ReferralPrivacyService, storeOf: (runtime: SubgraphRuntime) => ClickStore): EventHandler {
  return async (ctx, event, runtime) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.redacted without a customerId');
    const removed = await privacyOf(runtime).erase(ctx, { customerIds: [customerId], emailHashes: [], orderIds: [] });
    // After the commit: a click in between refills the cache from a store that still has the code.
    // A click that read the code before the commit and fills after this finds the tombstone and keeps it.
    ctx.afterCommit(() => storeOf(runtime).forgetCodes(ctx.merchantId!, removed));
  };
}
