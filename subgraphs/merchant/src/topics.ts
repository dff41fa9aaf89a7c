import { defineTopic } from '@loyalnest/kit';

/** The events the merchant domain publishes with a declared payload. Payloads hold ids and codes, never PII. */

/**
 * The shop's IANA time zone changed (read at install, or from `shop/update`): domains that count
 * calendar days keep a copy and turn them at the shop's midnight. `version` grows with each change
 * of the merchant's zone: a consumer keeps the highest it has seen, so late or repeated events
 * change nothing.
 */
export type MerchantTimezoneChanged = {
  /** The IANA zone, e.g. `Australia/Sydney`; one the runtime's time zone data knows. */
  timezone: string;
  /** The merchant's zone change count after this change (1 for the first). */
  version: number;
};

export const MERCHANT_TIMEZONE_CHANGED = defineTopic<MerchantTimezoneChanged>('merchant.timezone_changed');

/**
 * The dispatcher disabled an outgoing webhook subscription after a long run of failed attempts
 * (`WEBHOOK_DISABLE_AFTER_FAILURES` in a row over at least `WEBHOOK_DISABLE_AFTER_MS`): nothing
 * more is sent to it, nor recorded for it, until the merchant enables it again. The audit trail
 * keeps it; the dashboard shows the subscription disabled.
 */
export type WebhookSubscriptionDisabled = {
  subscriptionId: string;
  /** Failed attempts in a row when it was disabled. */
  consecutiveFailures: number;
  /** The first failure of that run (ISO time). */
  failingSince: string;
};

export const WEBHOOK_SUBSCRIPTION_DISABLED = defineTopic<WebhookSubscriptionDisabled>('webhook_subscription.disabled');
