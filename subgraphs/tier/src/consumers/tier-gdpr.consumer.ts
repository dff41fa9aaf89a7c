import type { GdprParticipant } from '@loyalnest/kit';

/**
 * The tier domain's part in GDPR requests. It holds no data about customers yet, only each
 * merchant's program, so a customer's redaction has nothing to erase and their export nothing to
 * add (it still takes part, so the request waits for this store once it holds customers' tiers);
 * shop redaction removes every row of the merchant (the kit's `purgeMerchantRows`).
 */
export const tierGdpr: GdprParticipant = {
  async redactCustomer() {},
  async exportCustomer() {
    return { tier: null };
  },
};
