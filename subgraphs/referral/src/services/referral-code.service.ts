import { isUuid, Scope, systemCaller, type RequestContext } from '@loyalnest/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { newReferralCode } from '../domain/referral-code.js';

/** A customer's code with the click counts flushed into the store so far. */
export interface ReferralCodeView {
  customerId: string;
  code: string;
  clicks: number;
  uniqueClicks: number;
}

type CodeRow = { customer_id: string; code: string; clicks: string | number; unique_clicks: string | number };

/** Enough for any realistic run of collisions (a code space of 32^8); more means something else is wrong. */
const MAX_ATTEMPTS = 5;

/** Ids asked of the customer domain per peer query; a request's batch is usually far smaller. */
const LOOKUP_CHUNK = 100;

/**
 * Each customer's one referral code. Codes are created when the customer's `customer.created` is
 * consumed, and for customers from before the referral domain existed, on their first read; both
 * only for a customer the customer domain still has (nothing is made for an unknown or erased id).
 * Creation is `insert … on conflict do nothing` then a read, so concurrent first reads (and a read
 * racing the event) all end with the one code that won; a new code that collides with another
 * customer's is simply not inserted, and the customer gets a fresh one on the next attempt.
 */
export class ReferralCodeService {
  /** @param generate draws a new code; the default is the random one (a test may make collisions happen on purpose). */
  constructor(private readonly generate: () => string = newReferralCode) {}

  /**
   * The customers' codes in key order, one query when all exist. The missing ones are created only
   * for customers the customer domain confirms (one batched peer query): an id it does not know,
   * another merchant's or an erased customer's, gets null and no row, so reading a stale reference
   * (a redemption of an erased shopper) never brings their link back. The confirmed ones are
   * inserted (one more insert per attempt for all of them) and read again.
   */
  async codesOf(ctx: RequestContext, customerIds: readonly string[]): Promise<(ReferralCodeView | null)[]> {
    const valid = [...new Set(customerIds.filter(isUuid))];
    const found = await this.read(ctx.em, ctx.merchantId!, valid);
    const known = await this.knownCustomers(ctx, valid.filter((id) => !found.has(id)));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const missing = known.filter((id) => !found.has(id));
      if (!missing.length) break;
      await this.insert(ctx.em, ctx.merchantId!, missing);
      for (const [id, view] of await this.read(ctx.em, ctx.merchantId!, missing)) found.set(id, view);
    }
    const unresolved = known.filter((id) => !found.has(id));
    if (unresolved.length) throw new Error(`no referral code could be created for ${unresolved.length} customer(s) in ${MAX_ATTEMPTS} attempts`);
    return customerIds.map((id) => found.get(id) ?? null);
  }

  /**
   * `customer.created`: the customer's code, unless the customer domain no longer knows them
   * (redacted before the event arrived): nothing is kept about an erased person.
   */
  async onCustomerCreated(ctx: RequestContext, customerId: string): Promise<void> {
    await this.codesOf(ctx, [customerId]);
  }

  /** Which customer holds `code` at the merchant (the click path's fill on a cache miss); null when none. */
  async holderOf(em: EntityManager, merchantId: string, code: string): Promise<string | null> {
    const rows = await em.execute<{ customer_id: string }[]>('select customer_id from referral_code where merchant_id = ? and code = ?', [merchantId, code]);
    return rows[0]?.customer_id ?? null;
  }

  /** Forgets the customers' codes and counts (`customer.redacted`); returns the codes removed, for the click cache. */
  async erase(ctx: RequestContext, customerIds: string[]): Promise<string[]> {
    const ids = customerIds.filter(isUuid);
    if (!ids.length) return [];
    const rows = await ctx.em.execute<{ code: string }[]>('delete from referral_code where merchant_id = ? and customer_id = any(?::uuid[]) returning code', [
      ctx.merchantId!,
      `{${ids.join(',')}}`,
    ]);
    return rows.map((r) => r.code);
  }

  /**
   * Which of the ids the customer domain has at the caller's merchant: one peer query (per
   * 100 ids) asking `customer(id:)` under an alias for each.
   */
  private async knownCustomers(ctx: RequestContext, customerIds: string[]): Promise<string[]> {
    if (!customerIds.length) return [];
    const caller = { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
    const known: string[] = [];
    for (let start = 0; start < customerIds.length; start += LOOKUP_CHUNK) {
      const chunk = customerIds.slice(start, start + LOOKUP_CHUNK);
      const query = `query ReferralCustomersExist(${chunk.map((_, i) => `$id${i}: ID!`).join(', ')}) { ${chunk.map((_, i) => `c${i}: customer(id: $id${i}) { id }`).join(' ')} }`;
      const answer = await ctx.peers.query<Record<string, { id: string } | null>>('customer', query, Object.fromEntries(chunk.map((id, i) => [`id${i}`, id])), caller);
      chunk.forEach((id, i) => {
        if (answer[`c${i}`]?.id === id) known.push(id);
      });
    }
    return known;
  }

  private async read(em: EntityManager, merchantId: string, customerIds: string[]): Promise<Map<string, ReferralCodeView>> {
    if (!customerIds.length) return new Map();
    // A PostgreSQL array literal: the driver would spread a JS array into a list. Only UUIDs reach it.
    const rows = await em.execute<CodeRow[]>('select customer_id, code, clicks, unique_clicks from referral_code where merchant_id = ? and customer_id = any(?::uuid[])', [
      merchantId,
      `{${customerIds.join(',')}}`,
    ]);
    return new Map(rows.map((r) => [r.customer_id, { customerId: r.customer_id, code: r.code, clicks: Number(r.clicks), uniqueClicks: Number(r.unique_clicks) }]));
  }

  /** One new code per customer; a customer who has one, or a code another customer holds, is skipped. */
  private async insert(em: EntityManager, merchantId: string, customerIds: string[]): Promise<void> {
    const codes = customerIds.map(() => this.generate());
    await em.execute(
      `insert into referral_code (merchant_id, customer_id, code, created_at)
       select ?, c.customer_id, c.code, now() from unnest(?::uuid[], ?::text[]) as c(customer_id, code)
       on conflict do nothing`,
      [merchantId, `{${customerIds.join(',')}}`, `{${codes.join(',')}}`],
    );
  }
}
