import { defineTopic } from '@loyalnest/kit';

/**
 * Events of the points ledger. They are written by `points_post_entry` (SQL, see its latest
 * migration) in the statement that posts the entry, so the payload types here describe what that
 * function builds; `ledger-payload.test.ts` checks the two agree. Ids and numbers only, no PII.
 */

/** The kinds and sources of ledger entries (`points_entry.kind`, `points_entry.source`). */
export type LedgerEntryKind = 'earn' | 'redeem' | 'adjust' | 'expire' | 'reverse';
export type LedgerEntrySource = 'order' | 'activity' | 'referral' | 'tier' | 'admin' | 'partner' | 'flow' | 'signup' | 'birthday' | 'reward' | 'expiry';

/** One ledger entry was posted (or held as pending until its release). */
export type LedgerEntryPosted = {
  /** The entry's id. */
  entryId: string;
  /** The customer's LoyalNest id. */
  customerId: string;
  kind: LedgerEntryKind;
  source: LedgerEntrySource;
  /** `posted`: counts in the balance now; `pending`: held until released (`points.released`). */
  status: 'posted' | 'pending';
  /** Signed: earns and give-backs positive, spending and reversals negative. */
  points: number;
  /** The account's balance and pending points after the entry. */
  balance: number;
  pending: number;
  /** Shopify's order id the entry is about, as a decimal string; null when none. */
  orderId: string | null;
  /** For a reversal: the entry it reverses, that entry's kind and source, and when it was created (ISO 8601); null otherwise. */
  reversesEntryId: string | null;
  reversesKind: LedgerEntryKind | null;
  reversesSource: LedgerEntrySource | null;
  reversesCreatedAt: string | null;
};

/** Points earned (kind `earn`): orders, activities, referrals, tier entry bonuses, … */
export const POINTS_EARNED = defineTopic<LedgerEntryPosted>('points.earned');
/** A reversal (kind `reverse`): of an earn (negative: a refund, a cancellation) or of a spend (positive: points given back). */
export const POINTS_REVERSED = defineTopic<LedgerEntryPosted>('points.reversed');
/** Points spent (kind `redeem`, negative): a reward redeemed. */
export const POINTS_REDEEMED = defineTopic<LedgerEntryPosted>('points.redeemed');
/** A correction by an admin, a partner or Flow (kind `adjust`), either sign. */
export const POINTS_ADJUSTED = defineTopic<LedgerEntryPosted>('points.adjusted');
/** Points that ran out (kind `expire`, negative). */
export const POINTS_EXPIRED = defineTopic<LedgerEntryPosted>('points.expired');

/**
 * Held points became spendable: pending entries whose `available_at` passed were posted, with
 * their pending reversals, and their net moved from `pending` to the balance. Emitted by the
 * release job (`PendingReleaseService`), under the account's row lock, not by `points_post_entry`.
 */
export type PointsReleased = {
  /** The customer's LoyalNest id. */
  customerId: string;
  /** Net points moved from pending to the balance: the earnings less their pending reversals. */
  points: number;
  /** The entries released (earnings and their pending reversals). */
  entryIds: string[];
  /** The account's balance and pending points after the release. */
  balance: number;
  pending: number;
};

export const POINTS_RELEASED = defineTopic<PointsReleased>('points.released');
