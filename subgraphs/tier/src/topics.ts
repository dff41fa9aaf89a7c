import { defineTopic } from '@loyalnest/kit';

/**
 * The events the tier domain publishes. Payloads hold ids, numbers and codes, never PII.
 * Every event about one customer's membership carries the member's `version`, which grows with
 * each change: a consumer that may see two of them in either order keeps the higher one.
 */

/** Why a customer's tier changed. */
export type TierChangeReason =
  /** The qualification metric reached a higher tier (an order, an earn). */
  | 'qualified'
  /** A refund, cancellation or reversal lowered the metric and the program re-placed the customer at once (lifetime period). */
  | 'metric_lowered'
  /** A calendar period ended and the tier kept through it was not earned again. */
  | 'period_ended'
  /** A rolling window slid past what held the tier, and the grace period (if any) ran out. */
  | 'grace_expired'
  /** An admin, a partner or Shopify Flow assigned the tier by hand. */
  | 'assigned'
  /** A hand assignment ran out (its `until` passed) or was lifted; the metric decides again. */
  | 'assignment_ended'
  /** The merchant changed the program (thresholds, metric, period, tiers) and the recompute re-placed the customer. */
  | 'program_changed';

/** An entry bonus the points domain posts for a tier change: once per key, whatever redelivers it. */
export type TierEntryBonus = {
  /** The tier whose bonus this is (one of the tiers entered or passed). */
  tierId: string;
  /** Points to post, > 0. */
  points: number;
  /** The points ledger's idempotency key: `tier:<customerId>:<tierId>:<periodKey>`; the same tier in the same qualification period never pays twice. */
  idempotencyKey: string;
};

/**
 * A customer's tier changed: up or down, for any reason. Emitted in the transaction that writes
 * the member's new state. The points domain applies `multiplier` to every later earn (keeping the
 * highest `version` it has seen) and posts `entryBonuses`; Flow triggers and live updates follow it.
 */
export type TierChanged = {
  /** The customer's LoyalNest id (`Customer.id`, a UUID). */
  customerId: string;
  /** The tier before (`Tier.id`); null when the customer had none. */
  from: string | null;
  /** The tier now; null when the customer has none (below the first tier, or the program has no tiers). */
  to: string | null;
  /** `up` when `to` ranks above `from` (any tier ranks above none), else `down`. */
  direction: 'up' | 'down';
  reason: TierChangeReason;
  /** The earn multiplier of `to` (1 when none): what the points domain applies from now on. */
  multiplier: number;
  /** The member's change count after this change. */
  version: number;
  /** Entry bonuses this change pays (empty for downgrades and for tiers already paid this period). */
  entryBonuses: TierEntryBonus[];
};

/**
 * The earn multiplier of a customer's tier changed while the tier did not (the merchant edited the
 * program). Shares `version` with `tier.changed`, so the points domain keeps whichever is newer.
 */
export type TierMultiplierChanged = {
  /** The customer's LoyalNest id. */
  customerId: string;
  /** The customer's tier; null when none. */
  tierId: string | null;
  /** The multiplier now in force for the customer. */
  multiplier: number;
  /** The member's change count after this change. */
  version: number;
};

/**
 * A tier the customer holds will be lost on `effectiveAt` unless the metric recovers: a calendar
 * period's end, a hand assignment's, or in a rolling window the day what keeps the tier leaves it,
 * plus the grace. Sent 7 days ahead, once per customer and effective date; the Flow trigger
 * `tier-expiring-soon` follows it.
 */
export type TierExpiringSoon = {
  customerId: string;
  /** The tier held now. */
  tierId: string;
  /** The tier the customer would hold after the downgrade; null when none. */
  toTierId: string | null;
  /** When the downgrade takes effect, ISO 8601. */
  effectiveAt: string;
};

/**
 * The merchant replaced the tier program (`updateTierProgram`): its version, its tiers' ids in
 * order, and its settings. The tier domain's recompute and the audit trail follow it.
 */
export type TierProgramUpdated = {
  version: number;
  tierIds: string[];
  metric: string;
  period: string;
  periodStartMonth: number;
  periodStartDay: number;
  rollingMonths: number;
  graceDays: number;
  downgradePolicy: string;
  skippedTierBonus: string;
};

export const TIER_CHANGED = defineTopic<TierChanged>('tier.changed');
export const TIER_MULTIPLIER_CHANGED = defineTopic<TierMultiplierChanged>('tier.multiplier_changed');
export const TIER_EXPIRING_SOON = defineTopic<TierExpiringSoon>('tier.expiring_soon');
export const TIER_PROGRAM_UPDATED = defineTopic<TierProgramUpdated>('tier_program.updated');
