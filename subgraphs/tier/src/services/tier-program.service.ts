import { DEFAULT_TIME_ZONE, type RequestContext } from '@loyalnest/kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { checkTierProgram, type CheckedTierProgram } from '../domain/tier-program-check.js';
import { DEFAULT_TIER_SETTINGS, type TierProgramDraft, type TierProgramSettings, type ZonedTierSettings } from '../domain/tier-program.js';
import { TierProgramEntity, type TierProgram } from '../entities/tier-program.entity.js';
import { TierEntity, type Tier } from '../entities/tier.entity.js';
import { InvalidTierProgramError } from '../graphql/tier-program.error.js';
import { TIER_PROGRAM_UPDATED } from '../topics.js';

/** A program as read: its settings and the shop's zone, its tiers in order, and its change count (0: never saved). */
export interface TierProgramView extends ZonedTierSettings {
  tiers: Tier[];
  version: number;
  updatedAt: Date | null;
}

/** Each merchant's tier program: read by every caller of the merchant, replaced whole by admins (`tiers:manage`). */
export class TierProgramService {
  tiers(ctx: RequestContext): Promise<Tier[]> {
    return ctx.em.find(TierEntity, {}, { orderBy: { position: 'asc' }, disableIdentityMap: true });
  }

  program(ctx: RequestContext): Promise<TierProgramView> {
    return this.programIn(ctx.em, ctx.merchantId!);
  }

  /** The program through any EntityManager confined to the merchant (a consumer batch's preparation has no request context). */
  async programIn(em: EntityManager, merchantId: string): Promise<TierProgramView> {
    const [settings, tiers] = await Promise.all([
      em.findOne(TierProgramEntity, { merchantId }, { disableIdentityMap: true }),
      em.find(TierEntity, {}, { orderBy: { position: 'asc' }, disableIdentityMap: true }),
    ]);
    return viewOf(settings, tiers);
  }

  /**
   * Replaces the whole program in one transaction, under the program row's lock, so concurrent
   * changes apply one after the other and a reader sees the old program or the new one, never a
   * mix. Checked as a whole first; a problem rolls back with nothing written. Tiers that continue
   * keep their ids; tiers left out are deleted.
   */
  async update(ctx: RequestContext, draft: TierProgramDraft): Promise<TierProgramView | InvalidTierProgramError> {
    const merchantId = ctx.merchantId!;
    await ctx.em.begin();
    try {
      // The row exists from here on (rolled back with the rest on a refusal), so the lock below
      // also serializes a merchant's first two saves.
      await ctx.em.execute(
        `insert into tier_program (merchant_id, metric, period, period_start_month, period_start_day, rolling_months, grace_days, downgrade_policy, skipped_tier_bonus, version, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, now()) on conflict (merchant_id) do nothing`,
        [merchantId, ...settingsRow(DEFAULT_TIER_SETTINGS)],
      );
      const program = await ctx.em.findOneOrFail(TierProgramEntity, { merchantId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const current = await ctx.em.find(TierEntity, {}, { orderBy: { position: 'asc' } });
      const checked = checkTierProgram(draft, current.map((t) => t.id));
      if ('field' in checked) {
        await this.rollback(ctx);
        return new InvalidTierProgramError(checked);
      }
      const tiers = this.replaceTiers(ctx, current, checked);
      Object.assign(program, checked.settings, { version: program.version + 1 });
      ctx.emit(TIER_PROGRAM_UPDATED, { version: program.version, tierIds: tiers.map((t) => t.id), ...checked.settings });
      await ctx.em.flush();
      await ctx.em.commit();
      await ctx.runAfterCommit();
      return viewOf(program, tiers);
    } catch (error) {
      await this.rollback(ctx);
      throw error;
    }
  }

  /** Updates the tiers that continue, creates the new ones and removes the rest; `(merchant_id, position)` is checked at commit. */
  private replaceTiers(ctx: RequestContext, current: Tier[], checked: CheckedTierProgram): Tier[] {
    const byId = new Map(current.map((t) => [t.id, t]));
    const kept = new Set(checked.tiers.map((t) => t.id).filter((id): id is string => id !== null));
    for (const tier of current) if (!kept.has(tier.id)) ctx.em.remove(tier);
    return checked.tiers.map(({ id, ...fields }) => {
      const existing = id ? byId.get(id) : undefined;
      if (existing) return Object.assign(existing, fields);
      return ctx.em.create(TierEntity, { id: uuidv7(), merchantId: ctx.merchantId!, ...fields });
    });
  }

  private async rollback(ctx: RequestContext): Promise<void> {
    await ctx.em.rollback().catch(() => {});
    ctx.discardAfterCommit();
    ctx.em.clear();
  }
}

function settingsRow(s: TierProgramSettings): unknown[] {
  return [s.metric, s.period, s.periodStartMonth, s.periodStartDay, s.rollingMonths, s.graceDays, s.downgradePolicy, s.skippedTierBonus];
}

function viewOf(program: TierProgram | null, tiers: Tier[]): TierProgramView {
  if (!program) return { ...DEFAULT_TIER_SETTINGS, timezone: DEFAULT_TIME_ZONE, tiers, version: 0, updatedAt: null };
  const { metric, period, periodStartMonth, periodStartDay, rollingMonths, graceDays, downgradePolicy, skippedTierBonus, timezone, version, updatedAt } = program;
  // A row of version 0 was made to keep the shop's zone in: the program itself was never saved.
  return { metric, period, periodStartMonth, periodStartDay, rollingMonths, graceDays, downgradePolicy, skippedTierBonus, timezone, tiers, version, updatedAt: version === 0 ? null : updatedAt };
}
