import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

/**
 * A shopper of one merchant. Email and names are PII: stored only as AES-256-GCM ciphertext
 * (`*_encrypted`), with an HMAC blind index for exact email lookup. Ids are UUIDv7, so they sort
 * by creation time and serve as the pagination key.
 */
export const CustomerEntity = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    /** Shopify's numeric customer id, kept as a string: it exceeds 2^53. */
    shopifyId: p.bigint('string'),
    emailEncrypted: p.text().nullable(),
    emailBlindIndex: p.string().length(64).nullable(),
    firstNameEncrypted: p.text().nullable(),
    lastNameEncrypted: p.text().nullable(),
    tags: p.array().default([]),
    acceptsMarketing: p.boolean().default(false),
    ordersCount: p.integer().default(0),
    totalSpent: p.decimal('string').precision(14).scale(2).default('0'),
    lastOrderAt: p.datetime().nullable(),
    /** `updated_at` of the newest Shopify customer webhook applied; older deliveries are ignored. */
    shopifyUpdatedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [{ properties: ['merchantId', 'shopifyId'], name: 'customer_merchant_shopify_unique' }],
  indexes: [{ properties: ['merchantId', 'emailBlindIndex'], name: 'customer_merchant_email_bidx_index' }],
  ...tenantOwned('customer'),
});

export type Customer = InferEntity<typeof CustomerEntity>;
