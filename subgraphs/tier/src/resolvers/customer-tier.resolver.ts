import { DEFAULT_PAGE_SIZE, type RequestContext } from '@loyalnest/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { TierStanding } from '../domain/tier-standing.js';
import type { TierMetricType } from '../graphql/tier-enums.type.js';
import { CustomerRef, TierChangeConnection, TierMembershipType, type TierChangeDirection, type TierChangeReason } from '../graphql/tier-membership.type.js';
import type { CustomerTierService } from '../services/customer-tier.service.js';
import { tierTypeOf } from './tier.mapping.js';

/** `Customer.tier`: the tier subgraph's extension of the customer entity. */
@Resolver(() => CustomerRef)
export class CustomerTierResolver {
  constructor(private readonly tiers: CustomerTierService) {}

  @FieldResolver(() => TierMembershipType, { description: "The customer's VIP tier: `tiers:read`, or the shopper themself." })
  async tier(@Ctx() ctx: RequestContext, @Root() customer: CustomerRef): Promise<TierMembershipType> {
    this.tiers.assertCanRead(ctx, customer.id);
    const standing = await ctx.loaders.get<string, TierStanding>('tier.standing', (ids) => this.tiers.standings(ctx, ids)).load(customer.id);
    return membershipTypeOf(standing!);
  }
}

@Resolver(() => TierMembershipType)
export class TierMembershipResolver {
  constructor(private readonly tiers: CustomerTierService) {}

  @FieldResolver(() => TierChangeConnection, { description: "The customer's changes of tier, newest first, paginated by cursor." })
  async history(
    @Ctx() ctx: RequestContext,
    @Root() membership: TierMembershipType,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<TierChangeConnection> {
    this.tiers.assertCanRead(ctx, membership.customerId);
    const page = await this.tiers.history(ctx, membership.customerId, { first, after });
    return {
      nodes: page.nodes.map((c) => ({
        ...c,
        from: c.from && tierTypeOf(c.from),
        to: c.to && tierTypeOf(c.to),
        direction: c.direction as TierChangeDirection,
        reason: c.reason as TierChangeReason,
      })),
      pageInfo: page.pageInfo,
    };
  }
}

function membershipTypeOf(s: TierStanding): TierMembershipType {
  return Object.assign(new TierMembershipType(), {
    customerId: s.customerId,
    current: s.current && tierTypeOf(s.current),
    since: s.since,
    expiresAt: s.expiresAt,
    assigned: s.assigned && { tier: tierTypeOf(s.assigned.tier), until: s.assigned.until },
    progress: { ...s.progress, metric: s.progress.metric as TierMetricType, nextTier: s.progress.nextTier && tierTypeOf(s.progress.nextTier) },
  });
}
