import type { GdprParticipant } from '@loyalnest/kit';

/**
 * The tier domain's part in GDPR requests. It holds no data about customers yet, only each
 * merchant's program: a customer's redaction has nothing to erase (so it brings no step of its
 * own), and their export says so. It takes part in customer requests all the same, so a request
 * already waits for this store when customers' tiers arrive here. Shop redaction removes every
 * row of the merchant (the kit's default, `purgeMerchantRows`).
 */
export const tierGdpr: GdprParticipant = {
  async exportCustomer() {
    return { tier: null };
  },
};
