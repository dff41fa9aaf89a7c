import { consume, type EventHandler } from '@loyalnest/kit';
import { MERCHANT_TIMEZONE_CHANGED } from '@loyalnest/merchant/topics';
import type { SegmentTimezoneService } from '../services/segment-timezone.service.js';

/** The merchant domain's `merchant.timezone_changed`: the segment domain keeps the shop's zone for its nightly run and its chart's days. */
export function shopTimezoneConsumer(timezones: SegmentTimezoneService): Record<string, EventHandler> {
  return consume(MERCHANT_TIMEZONE_CHANGED, async (ctx, { payload }) => {
    await timezones.apply(ctx, payload);
  });
}
