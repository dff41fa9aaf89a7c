import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';

/**
 * What the customer subgraph knows of one Shopify order: enough to derive the customer's stats
 * and the order events (topics.ts), and no personal data (only keyed hashes of it). Stats are recomputed from these rows
 * rather than incremented, so a duplicated, reordered or stormy delivery cannot drift them; each
 * event is marked emitted on its row, so none goes out twice. Keyed by Shopify ids: an order may
 * arrive before the customer it belongs to.
 */
export const CustomerOrderEntity = defineEntity({
  name: 'CustomerOrder',
  tableName: 'customer_order',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    shopifyOrderId: p.bigint('string'),
    shopifyCustomerId: p.bigint('string').nullable(),
    totalPrice: p.decimal('string').precision(14).scale(2),
    cancelled: p.boolean().default(false),
    processedAt: p.datetime(),
    /** Shopify's `updated_at` of the version applied: an older version never overwrites a newer one. */
    sourceUpdatedAt: p.datetime(),
    /** ISO 4217 code of the amounts; null when the body named none. */
    currency: p.text().nullable(),
    subtotalPrice: p.decimal('string').precision(14).scale(2).nullable(),
    orderNumber: p.bigint('number').nullable(),
    discountCodes: p.array().default([]),
    financialStatus: p.text().nullable(),
    cancelledAt: p.datetime().nullable(),
    /** Shopify's `fulfillment_status` of the version applied (`fulfilled`, `partial`, `restocked`); null while nothing shipped. */
    fulfillmentStatus: p.text().nullable(),
    /**
     * Keyed hashes (the kit's `fingerprinterOf`) of the order's contact email, shipping address
     * and browser IP, for `order.recorded`; each null when the body had none or it could not be
     * hashed, and once the customer is redacted. Never the values.
     */
    emailFingerprint: p.text().nullable(),
    shippingAddressFingerprint: p.text().nullable(),
    browserIpFingerprint: p.text().nullable(),
    /** When `order.recorded` was emitted for it: once, under the customer's lock. */
    recordedAt: p.datetime().nullable(),
    /** When `order.paid` was emitted for it: once its latest version is paid. */
    paidRecordedAt: p.datetime().nullable(),
    /** When `order.fulfilled` was emitted for it: once its latest version is fulfilled. */
    fulfilledRecordedAt: p.datetime().nullable(),
    /** When `order.cancelled` was emitted for it. */
    cancelRecordedAt: p.datetime().nullable(),
    /** Stored before the order events existed: it emits none (its currency was never kept). */
    predatesEvents: p.boolean().default(false),
  },
  uniques: [{ properties: ['merchantId', 'shopifyOrderId'], name: 'customer_order_merchant_order_unique' }],
  indexes: [
    { properties: ['merchantId', 'shopifyCustomerId'], name: 'customer_order_merchant_customer_index' },
    { properties: ['merchantId', 'processedAt'], name: 'customer_order_merchant_processed_index' },
  ],
  ...tenantOwned('customer_order'),
});

export type CustomerOrder = InferEntity<typeof CustomerOrderEntity>;

/** A refund, kept on its own so it counts even when it arrives before its order. */
export const OrderRefundEntity = defineEntity({
  name: 'OrderRefund',
  tableName: 'order_refund',
  properties: {
    id: p.uuid().primary().onCreate(() => uuidv7()),
    merchantId: p.uuid(),
    shopifyRefundId: p.bigint('string'),
    shopifyOrderId: p.bigint('string'),
    amount: p.decimal('string').precision(14).scale(2),
    createdAt: p.datetime(),
    /** When `order.refunded` was emitted for it: once its order is recorded. */
    recordedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['merchantId', 'shopifyRefundId'], name: 'order_refund_merchant_refund_unique' }],
  indexes: [{ properties: ['merchantId', 'shopifyOrderId'], name: 'order_refund_merchant_order_index' }],
  ...tenantOwned('order_refund'),
});

export type OrderRefund = InferEntity<typeof OrderRefundEntity>;
