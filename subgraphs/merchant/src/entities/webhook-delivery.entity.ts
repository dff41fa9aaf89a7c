import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

/**
 * received: stored, waiting to be handed to the domains that consume its topic;
 * processed: fully handled; ignored: a topic LoyalNest does not act on;
 * malformed: signed by Shopify but not JSON, kept for the record.
 */
export const DELIVERY_STATUSES = ['received', 'processed', 'ignored', 'malformed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The durable webhook inbox: one row per merchant and Shopify event id, however often Shopify
 * delivers it. Payloads hold customer PII, so they are stored encrypted like every other PII.
 * A finished row (not `received`) goes after the dedupe window, and never before Shopify stops
 * retrying its event (the module's `dedupeTables`, `loyalnest_webhook_prune`).
 */
export const WebhookDeliveryEntity = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    eventId: p.string().length(255),
    webhookId: p.string().length(255).nullable(),
    topic: p.string().length(100),
    apiVersion: p.string().length(20).nullable(),
    triggeredAt: p.datetime().nullable(),
    receivedAt: p.datetime().onCreate(() => new Date()),
    status: p.enum(DELIVERY_STATUSES),
    /** When the consuming domain reported it applied (status → processed); null until then. */
    processedAt: p.datetime().nullable(),
    payloadEncrypted: p.text().nullable(),
    /** The domains that have applied it so far; processed once every consumer of its topic is here. */
    appliedBy: p.array().default([]),
    /** How often the inbox sweeper published it again, and when it last did. */
    sweepCount: p.integer().default(0),
    sweptAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['merchantId', 'eventId'], name: 'webhook_delivery_merchant_event_unique' }],
  indexes: [
    { properties: ['status', 'receivedAt'], name: 'webhook_delivery_status_received_index' },
    // The merchant's list (`webhookDeliveries`), newest first by id.
    { properties: ['merchantId', 'id'], name: 'webhook_delivery_merchant_id_index' },
  ],
  ...tenantOwned('webhook_delivery'),
});

export type WebhookDelivery = InferEntity<typeof WebhookDeliveryEntity>;
