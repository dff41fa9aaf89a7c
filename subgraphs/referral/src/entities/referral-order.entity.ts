import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * The referral domain's own copy of the order facts it needs, one row per order, from the customer
 * domain's order events (`order.recorded`, `order.paid`, `order.fulfilled`, `order.refunded`,
 * `order.cancelled`), in whatever order they arrive: whether a friend had ordered before claiming,
 * the advocate's shipping addresses and IPs, and the state of a referral's qualifying order.
 * Fingerprints only, never an email, address or IP. `refundIds` makes each refund count once.
 */
export const ReferralOrderEntity = defineEntity({
  name: 'ReferralOrder',
  tableName: 'referral_order',
  properties: {
    merchantId: p.uuid().primary(),
    orderId: p.text().primary(),
    customerId: p.uuid(),
    /** Null until `order.recorded` arrives (a refund or cancellation consumed first). */
    placedAt: p.datetime().nullable(),
    totalMinor: p.bigint('number').nullable(),
    subtotalMinor: p.bigint('number').nullable(),
    currency: p.string().length(3).nullable(),
    discountCodes: p.array().default([]),
    emailHash: p.text().nullable(),
    shippingAddressHash: p.text().nullable(),
    browserIpHash: p.text().nullable(),
    paidAt: p.datetime().nullable(),
    fulfilledAt: p.datetime().nullable(),
    cancelledAt: p.datetime().nullable(),
    refundedMinor: p.bigint('number').default(0),
    refundIds: p.array().default([]),
  },
  ...tenantOwned('referral_order'),
});

export type ReferralOrder = InferEntity<typeof ReferralOrderEntity>;
