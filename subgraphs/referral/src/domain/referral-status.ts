import type { FraudFinding, FraudVerdict } from './referral-fraud.js';

/**
 * A referral's life, from the friend's claim to the advocate's reward:
 *
 * - CLAIMED: the friend claimed and holds their discount code; no qualifying order yet.
 * - PENDING: the friend's first qualifying order converted it; the advocate's points wait for the
 *   hold window (`holdUntil`), inside which a cancellation or a refund below the minimum voids it.
 * - COMPLETED: the hold passed; `referral.completed` was emitted and the points domain posts the
 *   advocate's points (idempotency key: the referral's id). Final.
 * - BLOCKED: a fraud check whose action is BLOCK matched, at the claim or at the conversion. It pays
 *   nothing (no friend discount when blocked at the claim, no advocate points) until an admin
 *   approves it; approval takes it where it would have gone (CLAIMED, PENDING or COMPLETED).
 * - VOIDED: the qualifying order was cancelled, or refunded below the minimum, inside the hold. Final.
 * - REJECTED: an admin refused it (from CLAIMED, PENDING or BLOCKED). Final.
 */
export const REFERRAL_STATUSES = ['CLAIMED', 'PENDING', 'COMPLETED', 'BLOCKED', 'VOIDED', 'REJECTED'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Statuses nothing moves out of. */
export const FINAL_STATUSES: readonly ReferralStatus[] = ['COMPLETED', 'VOIDED', 'REJECTED'];

/** Where the friend's discount code stands: asked of Shopify (ISSUING), created (ISSUED), or none (NONE: blocked at the claim). */
export const DISCOUNT_STATUSES = ['NONE', 'ISSUING', 'ISSUED'] as const;
export type DiscountStatus = (typeof DISCOUNT_STATUSES)[number];

/** Why a referral was voided. */
export const VOID_REASONS = ['ORDER_CANCELLED', 'REFUNDED_BELOW_MINIMUM', 'FRIEND_REDACTED'] as const;
export type VoidReason = (typeof VOID_REASONS)[number];

/** The fraud findings stored on a referral (`referral.fraud`): the combined assessment of its stages. */
export interface StoredFraud {
  verdict: FraudVerdict;
  reasons: FraudFinding[];
}

export const CLEAN_FRAUD: StoredFraud = { verdict: 'CLEAN', reasons: [] };

export function isFinal(status: ReferralStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
