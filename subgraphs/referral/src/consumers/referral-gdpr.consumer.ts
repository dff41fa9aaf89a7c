import type { EventHandler, GdprParticipant } from '@loyalnest/kit';
import type { ClickStore } from '../clicks/click-store.js';
import type { ReferralCodeService } from '../services/referral-code.service.js';

/**
 * The referral domain's part in GDPR requests, so far. The store holds no personal data yet (a
 * random code and click counts per customer id), so it takes part in shop redaction only, which
 * removes every row of the merchant (the kit's default, `purgeMerchantRows`). Claims, with the
 * friend's email and hashes, will bring customer redaction and export with them.
 */
export const referralGdpr: GdprParticipant = {};

/**
 * `customer.redacted {customerId}`: the customer domain erased the customer; their code stops
 * working (dropped from the store, and marked held by nobody in the click cache) and their counts go with it.
 */
export function customerRedactedConsumer(codes: ReferralCodeService, storeOf: (runtime: Parameters<EventHandler>[2]) => ClickStore): EventHandler {
  return async (ctx, event, runtime) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.redacted without a customerId');
    const removed = await codes.erase(ctx, [customerId]);
    // After the commit: a click in between refills the cache from a store that still has the code.
    // A click that read the code before the commit and fills after this finds the tombstone and keeps it.
    ctx.afterCommit(() => storeOf(runtime).forgetCodes(ctx.merchantId!, removed));
  };
}
