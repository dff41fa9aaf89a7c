import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

export const GDPR_REQUEST_KINDS = ['customer_redact', 'customer_data_request', 'shop_redact'] as const;
export type GdprRequestKind = (typeof GDPR_REQUEST_KINDS)[number];

/**
 * One of Shopify's compliance requests and how far each subgraph has carried it out. The subject
 * (the customer's Shopify id, email and orders) is encrypted, and erased once a redaction has
 * completed everywhere, so the request itself never outlives the data it removed. A data
 * request's export is assembled here from each subgraph's part, encrypted at rest.
 */
export const GdprRequestEntity = defineEntity({
  name: 'GdprRequest',
  tableName: 'gdpr_request',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    kind: p.enum(GDPR_REQUEST_KINDS),
    /** The compliance webhook that asked for it. */
    deliveryId: p.uuid(),
    subjectEncrypted: p.text().nullable(),
    /** Subgraph → when it completed its part (ISO 8601), or null while pending. */
    parts: p.json<Record<string, string | null>>(),
    /** Subgraph → its part of a data request's export, as encrypted JSON. */
    exportEncrypted: p.text().nullable(),
    status: p.enum(['pending', 'completed'] as const),
    requestedAt: p.datetime().onCreate(() => new Date()),
    completedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['merchantId', 'deliveryId'], name: 'gdpr_request_merchant_delivery_unique' }],
  indexes: [{ properties: ['merchantId', 'requestedAt'], name: 'gdpr_request_merchant_requested_index' }],
  ...tenantOwned('gdpr_request'),
});

export type GdprRequest = InferEntity<typeof GdprRequestEntity>;
