import { Scope, type RequestContext } from '@loyalnest/kit';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { TierRecomputeType, type TierRecomputeStatusType } from '../graphql/tier-recompute.type.js';
import type { TierRecomputeService } from '../services/tier-recompute.service.js';

@Resolver()
export class TierRecomputeResolver {
  constructor(private readonly recomputes: TierRecomputeService) {}

  @Authorized(Scope.TIERS_READ)
  @Query(() => TierRecomputeType, { nullable: true, description: "The merchant's latest recompute of every member after a program change, with its progress (`tiers:read`); null when the program never changed." })
  async tierRecompute(@Ctx() ctx: RequestContext): Promise<TierRecomputeType | null> {
    const view = await this.recomputes.latest(ctx);
    return view ? Object.assign(new TierRecomputeType(), { ...view, status: view.status as TierRecomputeStatusType }) : null;
  }
}
