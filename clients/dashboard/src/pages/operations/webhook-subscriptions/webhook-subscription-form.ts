import type { BadgeProps } from '@shopify/polaris';
import type { WebhookDisabledReason, WebhookEndpointRefusal, WebhookSubscriptionDeliveryStatus, WebhookTopic } from '../../../generated/graphql.js';

type BadgeTone = BadgeProps['tone'];

/** Every topic, in the order the form lists them, with the name partners see on the wire (the body's `topic`). */
export const WEBHOOK_TOPICS: Record<WebhookTopic, string> = {
  CUSTOMER_CREATED: 'customer.created',
  POINTS_EARNED: 'points.earned',
  POINTS_REDEEMED: 'points.redeemed',
  POINTS_ADJUSTED: 'points.adjusted',
  POINTS_EXPIRED: 'points.expired',
  POINTS_REVERSED: 'points.reversed',
  REWARD_REDEEMED: 'reward.redeemed',
  REDEMPTION_UPDATED: 'redemption.updated',
  TIER_CHANGED: 'tier.changed',
  REFERRAL_COMPLETED: 'referral.completed',
  SEGMENT_CHANGED: 'segment.changed',
};
export const TOPIC_ORDER = Object.keys(WEBHOOK_TOPICS) as WebhookTopic[];

/** The API's limits on `CreateWebhookSubscriptionInput`. */
export const MAX_URL_LENGTH = 2048;
export const MAX_DESCRIPTION_LENGTH = 200;

export interface WebhookSubscriptionForm {
  url: string;
  topics: string[];
  description: string;
}

export type WebhookSubscriptionFormProblem = 'urlRequired' | 'urlTooLong' | 'urlNotWeb' | 'topicsRequired' | 'unknownTopic' | 'descriptionTooLong';

/**
 * The checks the API makes on the input's shape, made before sending so the form shows them at
 * once. Whether the endpoint is allowed (https, a public address) only the API can tell: it
 * resolves the host, and a development deployment accepts http and local receivers too.
 */
export function webhookSubscriptionFormProblems(form: WebhookSubscriptionForm): Partial<Record<keyof WebhookSubscriptionForm, WebhookSubscriptionFormProblem>> {
  const problems: Partial<Record<keyof WebhookSubscriptionForm, WebhookSubscriptionFormProblem>> = {};
  const url = form.url.trim();
  if (!url) problems.url = 'urlRequired';
  else if (url.length > MAX_URL_LENGTH) problems.url = 'urlTooLong';
  else if (!URL.canParse(url) || !['https:', 'http:'].includes(new URL(url).protocol)) problems.url = 'urlNotWeb';
  if (!form.topics.length) problems.topics = 'topicsRequired';
  else if (form.topics.some((topic) => !(topic in WEBHOOK_TOPICS))) problems.topics = 'unknownTopic';
  if (form.description.trim().length > MAX_DESCRIPTION_LENGTH) problems.description = 'descriptionTooLong';
  return problems;
}

/** The input to send: trimmed, the topics in the catalog's order and each once, no description as null. */
export function webhookSubscriptionInput(form: WebhookSubscriptionForm): { url: string; topics: WebhookTopic[]; description: string | null } {
  return { url: form.url.trim(), topics: TOPIC_ORDER.filter((topic) => form.topics.includes(topic)), description: form.description.trim() || null };
}

/** The message key the form shows under the URL for each of the API's refusals. */
export const REFUSAL_MESSAGES: Record<WebhookEndpointRefusal, 'refusedMalformed' | 'refusedNotHttps' | 'refusedCredentials' | 'refusedPrivate' | 'refusedUnresolvable'> = {
  MALFORMED: 'refusedMalformed',
  NOT_HTTPS: 'refusedNotHttps',
  CREDENTIALS: 'refusedCredentials',
  PRIVATE_ADDRESS: 'refusedPrivate',
  UNRESOLVABLE: 'refusedUnresolvable',
};

export type SubscriptionState = 'active' | 'failing' | 'disabledByFailures' | 'disabledKeyRevoked' | 'disabledUninstalled' | 'paused';

/** Why a subscription is off, as the row says it; MERCHANT (or a reason newer than this page) reads as paused by hand. */
const OFF_STATES: Readonly<Record<Exclude<WebhookDisabledReason, 'MERCHANT'>, SubscriptionState>> = {
  FAILURES: 'disabledByFailures',
  API_KEY_REVOKED: 'disabledKeyRevoked',
  APP_UNINSTALLED: 'disabledUninstalled',
};

/** Active and healthy, active but failing now, or off: by failures, its key's revocation, the app's uninstall, or by hand. */
export function subscriptionState(subscription: { status: string; disabledReason?: string | null; consecutiveFailures: number }): SubscriptionState {
  if (subscription.status === 'DISABLED') return (OFF_STATES as Readonly<Record<string, SubscriptionState>>)[subscription.disabledReason ?? ''] ?? 'paused';
  return subscription.consecutiveFailures > 0 ? 'failing' : 'active';
}

export const STATE_TONE: Record<SubscriptionState, BadgeTone> = {
  active: 'success',
  failing: 'warning',
  disabledByFailures: 'critical',
  disabledKeyRevoked: undefined,
  disabledUninstalled: undefined,
  paused: undefined,
};

/** The plural form of `count` in `locale` (English, Spanish and French each have `one` and `other`). */
export function pluralForm(locale: string, count: number): 'one' | 'other' {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}

export const DELIVERY_STATUSES: readonly WebhookSubscriptionDeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];

/** Waiting is news; delivered is done; failed (every retry spent) needs a look. */
export function deliveryTone(status: WebhookSubscriptionDeliveryStatus): BadgeTone {
  return status === 'PENDING' ? 'attention' : status === 'DELIVERED' ? 'success' : 'critical';
}

/** The subscriptions failures turned off, for the operations page's banner, longest off first. */
export function disabledByFailures<S extends { status: string; disabledReason?: string | null; disabledAt?: string | null }>(subscriptions: readonly S[]): S[] {
  return subscriptions
    .filter((s) => s.status === 'DISABLED' && s.disabledReason === 'FAILURES')
    .sort((a, b) => (Date.parse(a.disabledAt ?? '') || 0) - (Date.parse(b.disabledAt ?? '') || 0));
}
