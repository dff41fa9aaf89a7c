import { isTimeZone, systemCaller, type RequestContext } from '@loyalnest/kit';
import type { MerchantTimezoneChanged } from '@loyalnest/merchant/topics';

const SHOP_TIMEZONE = /* GraphQL */ `query SegmentShopTimezone { merchant { timezone } }`;

/** What a zone announcement did: kept, or nothing (not newer than the zone kept). */
export type SegmentTimezoneApplied = 'kept' | 'stale';

/**
 * The shop's time zone as the segment domain keeps it (`segment_settings.timezone`): the nightly
 * recompute runs at the shop's night and the chart's days are the shop's. The merchant domain owns
 * the zone and announces each change (`merchant.timezone_changed`, with its version); this store
 * never reads the merchant store.
 */
export class SegmentTimezoneService {
  /**
   * Keeps the announced zone unless an announcement at least as new was kept (events may come late,
   * twice, or out of order). A merchant with no settings row gets one with the defaults (as if never
   * saved) to keep the zone in. The zone changes no score, so the settings' version stays.
   */
  async apply(ctx: RequestContext, { timezone, version }: MerchantTimezoneChanged): Promise<SegmentTimezoneApplied> {
    // Retried, then dead-lettered for an operator: the producer checks zones, so this runtime lacks one it knew.
    if (!isTimeZone(timezone)) throw new Error(`merchant.timezone_changed with a zone this runtime does not know: ${JSON.stringify(String(timezone).slice(0, 64))}`);
    if (!Number.isSafeInteger(version) || version < 1) throw new Error(`merchant.timezone_changed with a version that is not a positive integer: ${JSON.stringify(version)}`);
    const kept = await ctx.em.execute(
      `insert into segment_settings (merchant_id, timezone, timezone_version, updated_at) values (?, ?, ?, now())
       on conflict (merchant_id) do update set timezone = excluded.timezone, timezone_version = excluded.timezone_version
       where segment_settings.timezone_version is null or segment_settings.timezone_version < excluded.timezone_version
       returning 1`,
      [ctx.merchantId!, timezone, version],
    );
    return kept.length ? 'kept' : 'stale';
  }

  /**
   * The shop's zone for the context's merchant: the one kept; else (a shop installed before this
   * domain existed, whose announcement it never received) the one the merchant subgraph tells now,
   * kept as version 0, which any announcement replaces; else 'UTC' (the merchant subgraph could not
   * answer, or told a zone this runtime does not know), kept for nothing, so the next call asks again.
   */
  async shopTimezone(ctx: RequestContext): Promise<string> {
    const merchantId = ctx.merchantId!;
    const [kept] = await ctx.em.execute<{ timezone: string; timezone_version: number | null }[]>('select timezone, timezone_version from segment_settings where merchant_id = ?', [merchantId]);
    if (kept && kept.timezone_version !== null) return kept.timezone;
    const answer = await ctx.peers
      .query<{ merchant: { timezone: string } | null }>('merchant', SHOP_TIMEZONE, {}, { ...systemCaller([], merchantId), requestId: ctx.requestId })
      .catch(() => null);
    const told = answer?.merchant?.timezone;
    if (!isTimeZone(told)) return 'UTC';
    // An announcement kept meanwhile wins: the row then says which zone stands.
    const [stored] = await ctx.em.execute<{ timezone: string }[]>(
      `insert into segment_settings (merchant_id, timezone, timezone_version, updated_at) values (?, ?, 0, now())
       on conflict (merchant_id) do update set timezone = case when segment_settings.timezone_version is null then excluded.timezone else segment_settings.timezone end,
         timezone_version = coalesce(segment_settings.timezone_version, 0)
       returning timezone`,
      [merchantId, told],
    );
    return stored.timezone;
  }
}

const timezones = new SegmentTimezoneService();

/** The shop's zone for the context's merchant (see `SegmentTimezoneService.shopTimezone`): what the nightly run and the chart's days go by. */
export function shopTimezone(ctx: RequestContext): Promise<string> {
  return timezones.shopTimezone(ctx);
}
