import type { EventHandler } from '@loyalnest/kit';
import type { ReferralCodeService } from '../services/referral-code.service.js';
import type { DemoReferrals } from '../services/seed.service.js';

/**
 * `customer.created {customerId}`: every customer gets their referral code when they join. The
 * insert does nothing for a customer who already has one (a redelivery, or a first read that came
 * before the event), so whichever comes first gives the customer their one code.
 */
export function customerCreatedConsumer(codes: ReferralCodeService, demoOf: (runtime: Parameters<EventHandler>[2]) => DemoReferrals): EventHandler {
  return async (ctx, event, runtime) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.created without a customerId');
    await codes.onCustomerCreated(ctx, customerId);
    // The demo shop's referrals need their advocates' ids, known only from here on (see DemoReferrals).
    await demoOf(runtime).onAdvocate(ctx, customerId);
  };
}
