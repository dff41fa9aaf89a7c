import { isTimeZone, type RequestContext } from '@loyalnest/kit';
import { MERCHANT_TIMEZONE_CHANGED } from '../topics.js';

/** What happened to a zone Shopify told: kept (a change or a confirmation), or left as it was and why. */
export type TimezoneOutcome = 'changed' | 'unchanged' | 'stale' | 'invalid';

/**
 * The shop's IANA time zone, owned by the merchant domain: set from what Shopify tells at install
 * and in `shop/update`, and announced to the domains that count calendar days
 * (`merchant.timezone_changed`, through the outbox with the change).
 */
export class ShopTimezoneService {
  /**
   * Keeps `zone`, as Shopify told it at `asOf`, in the caller's transaction: under the merchant
   * row's lock, so two updates of one shop apply one after the other, and only when `asOf` is
   * newer than what was kept, so a `shop/update` delivered late does not bring an old zone back.
   * A zone the runtime does not know is refused and nothing changes.
   */
  async apply(ctx: RequestContext, zone: unknown, asOf: Date): Promise<TimezoneOutcome> {
    if (!isTimeZone(zone)) return 'invalid';
    const [row] = await ctx.em.execute<{ timezone: string; timezone_version: number; timezone_as_of: Date | null }[]>(
      'select timezone, timezone_version, timezone_as_of from merchant where id = ? for update',
      [ctx.merchantId!],
    );
    if (!row) throw new Error(`merchant ${ctx.merchantId} not found`);
    if (row.timezone_as_of && new Date(row.timezone_as_of).getTime() >= asOf.getTime()) return 'stale';
    const changed = row.timezone !== zone;
    const version = row.timezone_version + (changed ? 1 : 0);
    await ctx.em.execute('update merchant set timezone = ?, timezone_version = ?, timezone_as_of = ?, updated_at = now() where id = ?', [zone, version, asOf, ctx.merchantId!]);
    if (!changed) return 'unchanged';
    ctx.emit(MERCHANT_TIMEZONE_CHANGED, { timezone: zone, version });
    return 'changed';
  }
}
