import { decodeCursor, forbidden, inKeyOrder, isUuid, pageSize, Scope, toPage, type PageInfo, type RequestContext } from '@loyalnest/kit';
import { standingOf, type MemberRow, type TierStanding } from '../domain/tier-standing.js';
import type { Tier } from '../entities/tier.entity.js';
import type { TierProgramService, TierProgramView } from './tier-program.service.js';

/** One row of `tier_change`, with the program's tiers it names (null when the program no longer has them). */
export interface TierChangeView {
  id: string;
  fromTierId: string | null;
  from: Tier | null;
  toTierId: string | null;
  to: Tier | null;
  direction: 'up' | 'down';
  reason: string;
  changedAt: Date;
}

export interface TierDistributionView {
  tiers: { tier: Tier; members: number }[];
  withoutTier: number;
  total: number;
}

interface MemberRecord {
  customer_id: string;
  tier_id: string | null;
  since: Date | null;
  metric_value: string;
  held_until: Date | null;
  below_since: Date | null;
  manual_tier_id: string | null;
  manual_until: Date | null;
}

interface ChangeRecord {
  id: string;
  from_tier_id: string | null;
  to_tier_id: string | null;
  direction: 'up' | 'down';
  reason: string;
  changed_at: Date;
}

/**
 * What merchants, partners and shoppers see of customers' tiers: read from the rows the tier
 * engine writes (`tier_member`, `tier_change`), always under the caller's merchant.
 */
export class CustomerTierService {
  constructor(private readonly program: TierProgramService) {}

  /** A shopper may read their own tier only; everyone else needs `tiers:read`. */
  assertCanRead(ctx: RequestContext, customerId: string): void {
    if (ctx.scopes.includes(Scope.TIERS_READ)) return;
    if (ctx.scopes.includes(Scope.CUSTOMER_SELF) && ctx.customerId === customerId) return;
    throw forbidden(`Missing scope: ${Scope.TIERS_READ}`);
  }

  /** One query per batch (plus the program, once per request); a customer never evaluated stands at 0. */
  async standings(ctx: RequestContext, customerIds: readonly string[]): Promise<TierStanding[]> {
    const valid = customerIds.filter(isUuid);
    const [program, rows] = await Promise.all([
      this.programOf(ctx),
      valid.length
        ? ctx.em.execute<MemberRecord[]>(
            `select customer_id, tier_id, since, metric_value, held_until, below_since, manual_tier_id, manual_until
               from tier_member where merchant_id = ? and customer_id = any(?::uuid[])`,
            // A PostgreSQL array literal: the driver would spread a JS array into a list. Only UUIDs reach it.
            [ctx.merchantId, `{${valid.join(',')}}`],
          )
        : Promise.resolve([] as MemberRecord[]),
    ]);
    const members = inKeyOrder(customerIds, rows.map(memberOf), (m) => m.customerId);
    const now = new Date();
    return customerIds.map((id, i) => standingOf(program, program.tiers, members[i], id, now));
  }

  /** Newest first, by `(changed_at, id)`; the cursor is the last change's id. */
  async history(ctx: RequestContext, customerId: string, args: { first?: number | null; after?: string | null }): Promise<{ nodes: TierChangeView[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    if (!isUuid(customerId)) return toPage([], size);
    const [program, rows] = await Promise.all([
      this.programOf(ctx),
      ctx.em.execute<ChangeRecord[]>(
        `select id, from_tier_id, to_tier_id, direction, reason, changed_at from tier_change
          where merchant_id = ? and customer_id = ?
            ${after ? 'and (changed_at, id) < (select c.changed_at, c.id from tier_change c where c.merchant_id = ? and c.customer_id = ? and c.id = ?)' : ''}
          order by changed_at desc, id desc limit ?`,
        [ctx.merchantId, customerId, ...(after ? [ctx.merchantId, customerId, after] : []), size + 1],
      ),
    ]);
    const byId = new Map(program.tiers.map((t) => [t.id, t]));
    const views = rows.map((r) => ({
      id: r.id,
      fromTierId: r.from_tier_id,
      from: (r.from_tier_id && byId.get(r.from_tier_id)) || null,
      toTierId: r.to_tier_id,
      to: (r.to_tier_id && byId.get(r.to_tier_id)) || null,
      direction: r.direction,
      reason: r.reason,
      changedAt: new Date(r.changed_at),
    }));
    return toPage(views, size);
  }

  /**
   * Members per tier in one set-based query: the program's tiers outer-joined with the member
   * counts, so a tier without members shows 0 and members of no tier (or of a tier the program no
   * longer has, until the recompute re-places them) fall in the row without a tier.
   */
  async distribution(ctx: RequestContext): Promise<TierDistributionView> {
    const [program, rows] = await Promise.all([
      this.programOf(ctx),
      ctx.em.execute<{ tier_id: string | null; members: number }[]>(
        `select t.id as tier_id, coalesce(sum(m.members), 0)::int as members
           from (select id from tier where merchant_id = ?) t
           full join (select tier_id, count(*) as members from tier_member where merchant_id = ? group by tier_id) m on m.tier_id = t.id
          group by t.id`,
        [ctx.merchantId, ctx.merchantId],
      ),
    ]);
    const counts = new Map(rows.map((r) => [r.tier_id, r.members]));
    const tiers = program.tiers.map((tier) => ({ tier, members: counts.get(tier.id) ?? 0 }));
    const withoutTier = counts.get(null) ?? 0;
    return { tiers, withoutTier, total: tiers.reduce((sum, t) => sum + t.members, withoutTier) };
  }

  /** The program once per request, whichever field asks first. */
  private programOf(ctx: RequestContext): Promise<TierProgramView> {
    return ctx.loaders.get<string, TierProgramView>('tier.program', async (keys) => {
      const program = await this.program.program(ctx);
      return keys.map(() => program);
    }).load('program') as Promise<TierProgramView>;
  }
}

function memberOf(r: MemberRecord): MemberRow {
  return {
    customerId: r.customer_id,
    tierId: r.tier_id,
    since: r.since && new Date(r.since),
    metricValue: Number(r.metric_value),
    heldUntil: r.held_until && new Date(r.held_until),
    belowSince: r.below_since && new Date(r.below_since),
    manualTierId: r.manual_tier_id,
    manualUntil: r.manual_until && new Date(r.manual_until),
  };
}
