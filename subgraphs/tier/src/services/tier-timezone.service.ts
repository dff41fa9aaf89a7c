import { inRequestTransaction, isTimeZone, type RequestContext } from '@loyalnest/kit';
import type { MerchantTimezoneChanged } from '@loyalnest/merchant/topics';
import { DEFAULT_TIER_SETTINGS } from '../domain/tier-program.js';
import type { TierRecomputeService } from './tier-recompute.service.js';

/** What a zone announcement did: kept, with or without re-placing the members, or nothing (older than the zone kept). */
export type TimezoneApplied = 'recomputing' | 'kept' | 'stale';

/**
 * The shop's time zone as the tier domain keeps it, with its program (`tier_program.timezone`):
 * the merchant domain owns it and announces each change; this store is never read from there.
 */
export class TierTimezoneService {
  constructor(private readonly recomputes: TierRecomputeService) {}

  /**
   * Keeps the announced zone unless a newer announcement was kept already (events may come late,
   * twice, or out of order), under the program row's lock, which program changes take too. A zone
   * moves the bounds of calendar periods, so under a calendar-year program it is a program change:
   * the program's version goes up and every member is re-placed in the background (the recompute,
   * as after `updateTierProgram`), which moves their `held_until`, warnings and due times to the
   * shop's midnight. Lifetime and rolling programs count no calendar days: their members stay.
   */
  async apply(ctx: RequestContext, { timezone, version }: MerchantTimezoneChanged): Promise<TimezoneApplied> {
    // Retried, then dead-lettered for an operator: the producer checks zones, so this runtime lacks one it knew.
    if (!isTimeZone(timezone)) throw new Error(`merchant.timezone_changed with a zone this runtime does not know: ${JSON.stringify(String(timezone).slice(0, 64))}`);
    const merchantId = ctx.merchantId!;
    return inRequestTransaction(ctx, async () => {
      const d = DEFAULT_TIER_SETTINGS;
      // A merchant that never saved a program gets its row (version 0, the defaults) to keep the zone in.
      await ctx.em.execute(
        `insert into tier_program (merchant_id, metric, period, period_start_month, period_start_day, rolling_months, grace_days, downgrade_policy, skipped_tier_bonus, version, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, now()) on conflict (merchant_id) do nothing`,
        [merchantId, d.metric, d.period, d.periodStartMonth, d.periodStartDay, d.rollingMonths, d.graceDays, d.downgradePolicy, d.skippedTierBonus],
      );
      const [row] = await ctx.em.execute<{ period: string; version: number; timezone: string; timezone_version: number }[]>(
        'select period, version, timezone, timezone_version from tier_program where merchant_id = ? for update',
        [merchantId],
      );
      if (row.timezone_version >= version) return 'stale';
      const moves = row.timezone !== timezone && row.period === 'calendar_year' && row.version > 0;
      await ctx.em.execute('update tier_program set timezone = ?, timezone_version = ?, version = version + ? where merchant_id = ?', [timezone, version, moves ? 1 : 0, merchantId]);
      if (!moves) return 'kept';
      await this.recomputes.start(ctx, row.version + 1);
      return 'recomputing';
    });
  }
}
