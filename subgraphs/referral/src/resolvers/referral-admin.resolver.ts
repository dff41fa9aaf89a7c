import { DEFAULT_PAGE_SIZE, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ReferralConnection } from '../graphql/referral-connection.type.js';
import { ReferralFilter } from '../graphql/referral-filter.input.js';
import { ReferralStatsType } from '../graphql/referral-stats.type.js';
import { referralTypeOf, ReferralType } from '../graphql/referral.type.js';
import type { ReferralQueryService } from '../services/referral-query.service.js';
import type { ReferralStatsService } from '../services/referral-stats.service.js';

/** The referrals and their figures, as the merchant's admins and partners read them (`referrals:read`). */
@Resolver()
export class ReferralAdminResolver {
  constructor(
    private readonly queries: ReferralQueryService,
    private readonly figures: ReferralStatsService,
  ) {}

  @Authorized(Scope.REFERRALS_READ)
  @Query(() => ReferralConnection, { description: "The merchant's referrals with their fraud reasons, the most recently claimed first, filtered and paginated by cursor (`referrals:read`)." })
  async referrals(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => ReferralFilter, { nullable: true, description: 'Conditions the referrals must meet.' }) filter: ReferralFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<ReferralConnection> {
    const page = await this.queries.list(ctx, { first, after, filter });
    return { nodes: page.nodes.map(referralTypeOf), pageInfo: page.pageInfo };
  }

  @Authorized(Scope.REFERRALS_READ)
  @Query(() => ReferralType, { nullable: true, description: "One of the merchant's referrals (`referrals:read`); null for an id it has none under." })
  async referral(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The referral\'s id.' }) id: string): Promise<ReferralType | null> {
    const found = await this.queries.find(ctx, id);
    return found && referralTypeOf(found);
  }

  @Authorized(Scope.REFERRALS_READ)
  @Query(() => ReferralStatsType, { description: "The referral program's figures for the dashboard over the referrals claimed in a period (`referrals:read`)." })
  referralStats(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date, { nullable: true, description: 'Referrals claimed at or after this instant; left out: since the beginning.' }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Referrals claimed before this instant; left out: until now.' }) to: Date | null,
  ): Promise<ReferralStatsType> {
    return this.figures.stats(ctx, { from, to });
  }
}
