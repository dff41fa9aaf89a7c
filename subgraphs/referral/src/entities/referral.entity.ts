import { fieldAad, tenantOwned } from '@loyalnest/kit';
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { DISCOUNT_STATUSES, REFERRAL_STATUSES, VOID_REASONS, type StoredFraud } from '../domain/referral-status.js';

/**
 * One friend's referral by one advocate (see `referral-status.ts` for its life). One per friend
 * per merchant: unique on the friend's email fingerprint, and on the friend's customer id when
 * known, so claiming again finds the same row and concurrent claims make one.
 *
 * The friend's email is kept encrypted (FieldCipher, for the admin and GDPR export) beside its
 * fingerprint (`fingerprinterOf`, for matching); IP and user agent only as fingerprints. A
 * redacted friend keeps the row (counts stay) with every one of these nulled.
 */
export const ReferralEntity = defineEntity({
  name: 'Referral',
  tableName: 'referral',
  properties: {
    merchantId: p.uuid().primary(),
    id: p.uuid().primary(),
    advocateId: p.uuid(),
    /** The advocate's referral code the friend claimed through. */
    advocateCode: p.string().length(16),
    friendCustomerId: p.uuid().nullable(),
    friendEmailEncrypted: p.text().nullable(),
    friendEmailHash: p.text().nullable(),
    friendIpHash: p.text().nullable(),
    friendUserAgentHash: p.text().nullable(),
    status: p.enum(REFERRAL_STATUSES),
    /** The combined fraud assessment so far (`combineAssessments` of the claim and the conversion). */
    fraud: p.json<StoredFraud>(),
    discountStatus: p.enum(DISCOUNT_STATUSES),
    /** The friend's Shopify discount code; unguessable, unique per merchant; null while none was asked for. */
    discountCode: p.string().length(32).nullable(),
    shopifyDiscountId: p.text().nullable(),
    discountEndsAt: p.datetime().nullable(),
    /** The friend's qualifying order (Shopify's id, decimal), once converted. */
    orderId: p.text().nullable(),
    orderTotalMinor: p.bigint('number').nullable(),
    orderCurrency: p.string().length(3).nullable(),
    /** The program's minimum order value in the order's minor units when it converted (null: none); refunds in the hold are judged against it. */
    minimumOrderMinor: p.bigint('number').nullable(),
    convertedAt: p.datetime().nullable(),
    holdUntil: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    /** Points the advocate earned (the program's advocate points when it completed). */
    pointsAwarded: p.integer().nullable(),
    voidedAt: p.datetime().nullable(),
    voidReason: p.enum(VOID_REASONS).nullable(),
    /** An admin's decision: approval lifts a block, rejection ends it. `decidedBy` is the admin's actor id. */
    approvedAt: p.datetime().nullable(),
    rejectedAt: p.datetime().nullable(),
    decidedBy: p.text().nullable(),
    /** The admin's note when rejecting, up to 500 characters. */
    rejectionReason: p.text().nullable(),
    claimedAt: p.datetime(),
    updatedAt: p.datetime(),
  },
  ...tenantOwned('referral'),
});

export type Referral = InferEntity<typeof ReferralEntity>;

/** The AAD the friend's email is encrypted under, per row: the ciphertext is bound to its merchant, row and column. */
export const friendEmailAad = (merchantId: string, referralId: string) => fieldAad(merchantId, 'referral', referralId, 'friend_email');
