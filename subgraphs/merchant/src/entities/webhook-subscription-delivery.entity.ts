import { markWake, tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * `pending`: waiting for its first attempt or a retry (`attempts` says which); `delivered`: the
 * endpoint answered 2xx; `failed`: given up on after its retry window (a replay starts it again).
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One event to send to one subscription: recorded by the fan-out consumer in the transaction that
 * consumes the event (unique per subscription and event, so a redelivered event records nothing
 * more), sent by the dispatcher job in the workers. Its `id` is the delivery id the receiver
 * dedupes on: the same on every retry and replay. `body` is the exact JSON sent and signed, fixed
 * when recorded, so a replay sends the same bytes. The last attempt's outcome is kept for the
 * dashboard and the API; a response body only up to the configured limit.
 * An insert wakes the dispatcher after its commit (`markWake`); its own updates never do.
 */
export const WebhookSubscriptionDeliveryEntity = defineEntity({
  name: 'WebhookSubscriptionDelivery',
  tableName: 'webhook_subscription_delivery',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    subscriptionId: p.uuid(),
    /** The domain event it carries (`outbox_event.id` of its producer). */
    eventId: p.uuid(),
    /** The public topic's wire name. */
    topic: p.string().length(100),
    body: p.text(),
    status: p.enum(WEBHOOK_DELIVERY_STATUSES).default('pending'),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    /** When its retry window began: when it was recorded, or last replayed. */
    windowStartedAt: p.datetime(),
    lastAttemptAt: p.datetime().nullable(),
    /** The HTTP status of the last answer; null when there was none (timeout, refused address, connection error). */
    lastStatusCode: p.integer().nullable(),
    /** Why the last attempt failed, when it did: `HTTP 503`, `timeout after 15000 ms`, `resolves to an address that is not public`… */
    lastError: p.string().length(1000).nullable(),
    /** The start of the last answer's body, up to the configured limit. */
    lastResponseExcerpt: p.text().nullable(),
    lastDurationMs: p.integer().nullable(),
    deliveredAt: p.datetime().nullable(),
    /** When last replayed; a replay after an attempt's start wins over that attempt's outcome (it is sent again). */
    replayedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
  triggers: [markWake('webhook_subscription_delivery_wake')],
  ...tenantOwned('webhook_subscription_delivery'),
});

export type WebhookSubscriptionDelivery = InferEntity<typeof WebhookSubscriptionDeliveryEntity>;
