import { isUuid, type RequestContext } from '@loyalnest/kit';
import { uuidArray } from '../domain/uuid-array.js';

/**
 * The customer's lock in the segment store, a transaction-level advisory lock keyed by merchant and
 * customer, taken in key order so that two transactions locking several customers cannot deadlock.
 * Fact writers and redaction take it, so a redaction and an event about the same customer never
 * interleave: whichever comes second sees what the first committed.
 */
async function lockCustomers(ctx: RequestContext, customerIds: readonly string[]): Promise<void> {
  await ctx.em.execute(
    `select count(pg_advisory_xact_lock(k.key)) from (
       select distinct hashtextextended('segment.customer:' || ? || ':' || c::text, 0) as key from unnest(?::uuid[]) as c order by 1) k`,
    [ctx.merchantId!, uuidArray(customerIds)],
  );
}

/**
 * Tombstones of the customers a GDPR redaction erased (`segment_redacted_customer`). Events are
 * consumed in any order and may be redelivered: an order, tier or points event emitted before the
 * customer's redaction can be consumed after it, and must not write their facts again. LoyalNest
 * ids are never reused (a returning shopper is a new customer), so a tombstone stays until the
 * shop is redacted.
 */
export class SegmentTombstoneService {
  /**
   * Takes the customer's lock for the rest of the transaction and says whether their facts may be
   * written: false once they were redacted. A malformed id throws (the event is dead-lettered for
   * an operator), since it could never name a customer.
   */
  async admit(ctx: RequestContext, customerId: string): Promise<boolean> {
    if (!isUuid(customerId)) throw new Error(`segment fact for a customer id that is not a UUID: ${JSON.stringify(String(customerId).slice(0, 64))}`);
    await lockCustomers(ctx, [customerId]);
    const found = await ctx.em.execute('select 1 from segment_redacted_customer where merchant_id = ? and customer_id = ?', [ctx.merchantId!, customerId]);
    return found.length === 0;
  }

  /** Locks the customers and records their tombstones (once each), before their rows are deleted in the same transaction; returns the valid ids. */
  async bury(ctx: RequestContext, customerIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(customerIds.filter(isUuid))].sort();
    if (!ids.length) return [];
    await lockCustomers(ctx, ids);
    await ctx.em.execute(
      `insert into segment_redacted_customer (merchant_id, customer_id, redacted_at)
       select ?, c, now() from unnest(?::uuid[]) as c on conflict (merchant_id, customer_id) do nothing`,
      [ctx.merchantId!, uuidArray(ids)],
    );
    return ids;
  }
}
