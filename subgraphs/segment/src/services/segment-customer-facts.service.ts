import { isUuid, type RequestContext } from '@loyalnest/kit';
import type { SegmentTombstoneService } from './segment-tombstone.service.js';

/** A customer's tier as `tier.changed` tells it: the tier now (null: none) at the member's change count. */
export interface TierFact {
  customerId: string;
  tierId: string | null;
  version: number;
}

/**
 * A customer's points balance as a points event reports it, and where that report stands among the
 * others: `at` is the event's `occurredAt`, `id` the ledger entry's id (for a release, the event's id).
 */
export interface PointsBalanceFact {
  customerId: string;
  balance: number;
  at: Date;
  id: string;
}

/**
 * What the tier and points domains publish about a customer, kept on their `segment_customer` row
 * (made when absent) for custom segments' rules on tier and points balance.
 *
 * - Tier: the `tier_id` of the highest `version` seen. The tier domain counts each member's
 *   changes, so a late or repeated `tier.changed` (lower or equal version) changes nothing.
 * - Points balance: the `balance` of the newest report, judged by (`occurredAt`, id). Every
 *   ledger event carries the balance after its entry, and an account's entries are written one at
 *   a time under its row lock, each stamped with the clock when `points_post_entry` starts (its
 *   `occurred_at`); the release job stamps its `points.released` after taking that lock. So a later
 *   entry of one account has a later (or equal) time, and within one millisecond the UUIDv7 ids
 *   (entry ids, and event ids for releases), time-ordered, decide. A redelivered or late report
 *   loses to the one kept. The one case this order can miss: a ledger write that starts waiting
 *   for the account's lock a moment before the holder stamps its own entry; the report kept is
 *   then one entry behind until the account's next event, which every later earn, spend, expiry
 *   or release brings.
 */
export class SegmentCustomerFactsService {
  constructor(private readonly tombstones: SegmentTombstoneService) {}

  /** Keeps the tier of the highest version; a malformed payload throws (dead-lettered) and writes nothing. */
  async applyTier(ctx: RequestContext, fact: TierFact): Promise<void> {
    if (!Number.isSafeInteger(fact.version) || fact.version < 1) throw new Error(`tier.changed with a version that is not a positive integer: ${JSON.stringify(fact.version)}`);
    if (fact.tierId !== null && !isUuid(fact.tierId)) throw new Error(`tier.changed with a tier id that is not a UUID: ${JSON.stringify(String(fact.tierId).slice(0, 64))}`);
    if (!(await this.tombstones.admit(ctx, fact.customerId))) return;
    await ctx.em.execute(
      `insert into segment_customer (merchant_id, customer_id, tier_id, tier_version) values (?, ?, ?, ?)
       on conflict (merchant_id, customer_id) do update set tier_id = excluded.tier_id, tier_version = excluded.tier_version
       where segment_customer.tier_version < excluded.tier_version`,
      [ctx.merchantId!, fact.customerId, fact.tierId, fact.version],
    );
  }

  /** Keeps the balance of the newest report (see the class); a malformed payload throws (dead-lettered) and writes nothing. */
  async applyPointsBalance(ctx: RequestContext, fact: PointsBalanceFact): Promise<void> {
    if (!Number.isSafeInteger(fact.balance) || Math.abs(fact.balance) > 2_147_483_647) throw new Error(`points event with a balance that is not an integer: ${JSON.stringify(fact.balance)}`);
    if (Number.isNaN(fact.at.getTime())) throw new Error('points event without a valid occurredAt');
    if (!isUuid(fact.id)) throw new Error(`points event with an id that is not a UUID: ${JSON.stringify(String(fact.id).slice(0, 64))}`);
    if (!(await this.tombstones.admit(ctx, fact.customerId))) return;
    await ctx.em.execute(
      `insert into segment_customer (merchant_id, customer_id, points_balance, points_balance_at, points_entry_id) values (?, ?, ?, ?, ?)
       on conflict (merchant_id, customer_id) do update set
         points_balance = excluded.points_balance, points_balance_at = excluded.points_balance_at, points_entry_id = excluded.points_entry_id
       where segment_customer.points_balance_at is null
          or (segment_customer.points_balance_at, coalesce(segment_customer.points_entry_id, '00000000-0000-0000-0000-000000000000'::uuid))
             < (excluded.points_balance_at, excluded.points_entry_id)`,
      [ctx.merchantId!, fact.customerId, fact.balance, fact.at, fact.id],
    );
  }
}
