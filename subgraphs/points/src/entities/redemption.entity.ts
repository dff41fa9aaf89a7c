import { tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * pending: points debited, discount code not yet created in Shopify (or the answer not yet
 * recorded); issued: the code exists; failed: Shopify refused or stayed down and the points were
 * given back; used: an order used the code; expired: the code's validity ended unused;
 * cancelled: withdrawn, points given back.
 */
export const REDEMPTION_STATUSES = ['pending', 'issued', 'failed', 'used', 'expired', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/**
 * A reward redeemed by one customer. The discount code is generated before Shopify is called, so
 * every retry asks for the same code; it is stored encrypted (bound to merchant, row and column)
 * with an HMAC index for exact lookups. `redeemEntryId` is the ledger entry that spent the
 * points, `refundEntryId` the one that gave them back.
 */
export const RedemptionEntity = defineEntity({
  name: 'Redemption',
  tableName: 'redemption',
  properties: {
    id: p.uuid().primary(),
    merchantId: p.uuid(),
    rewardId: p.uuid(),
    customerId: p.uuid(),
    pointsSpent: p.integer(),
    status: p.enum(REDEMPTION_STATUSES),
    idempotencyKey: p.string().length(255),
    codeEncrypted: p.text(),
    codeIndex: p.string().length(64),
    shopifyDiscountId: p.text().nullable(),
    expiresAt: p.datetime().nullable(),
    /** Why Shopify did not issue the code (`SHOPIFY_UNAVAILABLE`, `SHOPIFY_REJECTED`). */
    errorCode: p.text().nullable(),
    redeemEntryId: p.uuid(),
    refundEntryId: p.uuid().nullable(),
    /** Calls made to create the discount, by the request and the recovery job. */
    attempts: p.integer().default(0),
    issuedAt: p.datetime().nullable(),
    /** When a FAILED redemption's code was made sure unusable at Shopify (see `RedemptionSettlement.compensate`). */
    compensatedAt: p.datetime().nullable(),
    /** When the points were given back. */
    failedAt: p.datetime().nullable(),
    /** When the recovery job checked the failed code at Shopify once more, past the Shopify deadline. */
    recheckedAt: p.datetime().nullable(),
    /** Rechecks the shop refused (uninstalled, token revoked). */
    recheckRefusals: p.integer().default(0),
    /**
     * When the recovery job gave up rechecking the code after `maxRechecks` refusals: terminal, for
     * an operator; whether a late-created code still works at Shopify is unknown.
     */
    recheckAbandonedAt: p.datetime().nullable(),
    /** When an order used the code, and which (its Shopify id). */
    usedAt: p.datetime().nullable(),
    usedOrderId: p.bigint('string').nullable(),
    /** When an admin cancelled it (`cancelRedemption`): the code deleted at Shopify, the points back. */
    cancelledAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [
    { properties: ['merchantId', 'idempotencyKey'], name: 'redemption_merchant_key_unique' },
    { properties: ['merchantId', 'codeIndex'], name: 'redemption_merchant_code_unique' },
  ],
  indexes: [{ properties: ['merchantId', 'customerId', 'id'], name: 'redemption_customer_index' }],
  ...tenantOwned('redemption'),
});

export type Redemption = InferEntity<typeof RedemptionEntity>;
