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
 * Shopify told us the app was uninstalled (`app/uninstalled`, applied by `loyalnest_webhook_ingest`,
 * which writes this event once, in the statement that marks the merchant uninstalled).
 */
export type MerchantUninstalled = { merchantId: string };

export const MERCHANT_UNINSTALLED = defineTopic<MerchantUninstalled>('merchant.uninstalled');

/** Why a subscription was disabled, as stored (`webhook_subscription.disabled_reason`). */
export type WebhookSubscriptionDisabledReason = 'failures' | 'merchant' | 'api_key_revoked' | 'app_uninstalled';

/**
 * A webhook subscription stopped, other than by the merchant's own `enabled: false` (that is a
 * `webhook_subscription.updated`): the dispatcher disabled it after a long run of failed attempts
 * (`WEBHOOK_DISABLE_AFTER_FAILURES` in a row over at least `WEBHOOK_DISABLE_AFTER_MS`), the partner
 * key that created it was revoked, or the app was uninstalled. Nothing more is sent to it, nor
 * recorded for it, until it is enabled again (by the merchant's admin; after failures, by its key
 * too). The audit trail keeps it; the dashboard shows the subscription disabled.
 */
export type WebhookSubscriptionDisabled = {
  subscriptionId: string;
  /** Why; absent means `failures` (the dispatcher's own events name no reason). */
  reason?: WebhookSubscriptionDisabledReason;
  /** Failed attempts in a row when it was disabled. */
  consecutiveFailures: number;
  /** The first failure of that run (ISO time); null when it was not failing. */
  failingSince: string | null;
};

export const WEBHOOK_SUBSCRIPTION_DISABLED = defineTopic<WebhookSubscriptionDisabled>('webhook_subscription.disabled');

/**
 * What the audit trail keeps of a subscription's settings: the topics and the endpoint's host
 * (with its port), never the full URL (a path can be a bearer capability, as Slack's and Zapier's
 * are) nor the secret.
 */
export type WebhookSubscriptionSettings = {
  subscriptionId: string;
  topics: string[];
  /** The endpoint's host, e.g. `hooks.example.com` or `hooks.example.com:8443`. */
  host: string;
};

/** A webhook subscription was created (its secret was shown once, to its creator). */
export const WEBHOOK_SUBSCRIPTION_CREATED = defineTopic<WebhookSubscriptionSettings>('webhook_subscription.created');

/** A webhook subscription was changed: its settings as they are now, and which of them changed. */
export type WebhookSubscriptionUpdated = WebhookSubscriptionSettings & {
  /** The input fields given (`url`, `topics`, `description`, `enabled`), and `owner` when an admin's enable took over a revoked or expired key's subscription. */
  changed: string[];
  /** `active` or `disabled`, after the change. */
  status: string;
};
export const WEBHOOK_SUBSCRIPTION_UPDATED = defineTopic<WebhookSubscriptionUpdated>('webhook_subscription.updated');

/** A webhook subscription's signing secret was replaced; the old one stopped at once. */
export type WebhookSubscriptionSecretRotated = { subscriptionId: string; secretPrefix: string };
export const WEBHOOK_SUBSCRIPTION_SECRET_ROTATED = defineTopic<WebhookSubscriptionSecretRotated>('webhook_subscription.secret_rotated');

/** A webhook subscription was deleted with its deliveries. */
export const WEBHOOK_SUBSCRIPTION_DELETED = defineTopic<WebhookSubscriptionSettings>('webhook_subscription.deleted');

/** A delivery was replayed: sent again with the same id and body. */
export type WebhookSubscriptionDeliveryReplayed = { deliveryId: string; subscriptionId: string; topic: string };
export const WEBHOOK_SUBSCRIPTION_DELIVERY_REPLAYED = defineTopic<WebhookSubscriptionDeliveryReplayed>('webhook_subscription_delivery.replayed');
