import { Scope, type RequestContext } from '@loyalnest/kit';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { TierDistributionType } from '../graphql/tier-distribution.type.js';
import type { CustomerTierService } from '../services/customer-tier.service.js';
import { tierTypeOf } from './tier.mapping.js';

@Resolver()
export class TierDistributionResolver {
  constructor(private readonly tiers: CustomerTierService) {}

  @Authorized(Scope.TIERS_READ)
  @Query(() => TierDistributionType, { description: "How the merchant's customers spread over its tiers (`tiers:read`), for the dashboard." })
  async tierDistribution(@Ctx() ctx: RequestContext): Promise<TierDistributionType> {
    const view = await this.tiers.distribution(ctx);
    return { ...view, tiers: view.tiers.map((t) => ({ tier: tierTypeOf(t.tier), members: t.members })) };
  }
}
