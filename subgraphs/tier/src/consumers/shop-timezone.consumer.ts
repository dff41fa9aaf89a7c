import { consume, type EventHandler } from '@loyalnest/kit';
import { MERCHANT_TIMEZONE_CHANGED } from '@loyalnest/merchant/topics';
import type { TierTimezoneService } from '../services/tier-timezone.service.js';

/** The merchant domain's `merchant.timezone_changed`: the tier program keeps the shop's zone (and re-places members when its periods move). */
export function shopTimezoneConsumer(timezones: TierTimezoneService): Record<string, EventHandler> {
  return consume(MERCHANT_TIMEZONE_CHANGED, async (ctx, { payload }) => {
    await timezones.apply(ctx, payload);
  });
}
