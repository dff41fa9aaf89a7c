import type { EventHandler } from '@loyalnest/kit';
import type { TierMemberService } from '../services/tier-member.service.js';

/** `customer.created {customerId}`: every customer is a member, placed at once (a first tier at threshold 0 takes everyone). */
export function customerCreatedConsumer(members: TierMemberService): EventHandler {
  return async (ctx, event) => {
    const { customerId } = event.payload as { customerId?: unknown };
    if (typeof customerId !== 'string') throw new Error('customer.created without a customerId');
    await members.evaluate(ctx, customerId, 'event');
  };
}
