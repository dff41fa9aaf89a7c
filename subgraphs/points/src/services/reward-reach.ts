import type { RequestContext } from '@loyalnest/kit';

/** A reward a balance has just come to afford. */
export interface ReachedReward {
  rewardId: string;
  pointsCost: number;
}

/**
 * Which reward of the merchant's catalog a rise in balance has just put within reach: the dearest
 * active reward whose points cost lies in (before, after]. One per rise, not one per reward, so a
 * large award does not set off a workflow once for every cheaper reward it passed.
 *
 * It reads the catalog's table `reward` in this store (`id`, `merchant_id`, `points_cost`,
 * `active`, `starts_at`, `ends_at`, `archived_at`, `usage_limit`, `redemption_count`), under the
 * tenant's row-level security: a reward counts while it is active, not archived, within its window
 * and not used up. Until the rewards migration has created the table nothing is within reach; once
 * it is seen it is not looked for again.
 */
export class RewardReach {
  private catalogSeen = false;

  async reached(ctx: RequestContext, before: number, after: number): Promise<ReachedReward | null> {
    if (after <= before || !(await this.hasCatalog(ctx))) return null;
    const [row] = await ctx.em.execute<{ id: string; points_cost: number }[]>(
      `select id, points_cost from reward
       where merchant_id = ? and active and archived_at is null and points_cost > ? and points_cost <= ?
         and (starts_at is null or starts_at <= now()) and (ends_at is null or ends_at > now())
         and (usage_limit is null or redemption_count < usage_limit)
       order by points_cost desc, id limit 1`,
      [ctx.merchantId, before, after],
    );
    return row ? { rewardId: row.id, pointsCost: Number(row.points_cost) } : null;
  }

  private async hasCatalog(ctx: RequestContext): Promise<boolean> {
    if (this.catalogSeen) return true;
    const [row] = await ctx.em.execute<{ present: boolean }[]>(`select to_regclass('reward') is not null as present`);
    this.catalogSeen = row.present;
    return row.present;
  }
}
