import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { MemberRevenue } from '../graphql/member-revenue.type.js';
import { MAX_REVENUE_DAYS, type MemberRevenueService } from '../services/member-revenue.service.js';

@Resolver()
export class MemberRevenueResolver {
  constructor(private readonly service: MemberRevenueService) {}

  @Authorized(Scope.CUSTOMERS_READ)
  @Query(() => [MemberRevenue], {
    description: `Revenue from members' orders over a period (\`customers:read\`), one line per currency the orders were in (none when there were no orders), net of refunds and cancellations. At most ${MAX_REVENUE_DAYS} days; \`to\` after \`from\`.`,
  })
  memberRevenue(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date, { description: 'Start of the period (inclusive), by when the order was placed.' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive), after `from`.' }) to: Date,
  ): Promise<MemberRevenue[]> {
    return this.service.revenue(ctx, from, to);
  }
}
