import { DEFAULT_PAGE_SIZE, type ReferenceResolver, type RequestContext } from '@loyalnest/kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CustomerRef, PointsAccountType, PointsEntryConnection, PointsEntryType } from '../graphql/points-account.type.js';
import type { AccountFigures } from '../services/ledger.service.js';
import type { PointsService } from '../services/points.service.js';

/** `Customer.points`: the points subgraph's extension of the customer entity. */
@Resolver(() => CustomerRef)
export class CustomerPointsResolver {
  constructor(private readonly service: PointsService) {}

  @FieldResolver(() => PointsAccountType, { description: "The customer's points: balance, pending points, lifetime earned and history." })
  async points(@Ctx() ctx: RequestContext, @Root() customer: CustomerRef): Promise<AccountFigures> {
    this.service.assertCanRead(ctx, customer.id);
    return ctx.loaders.get<string, AccountFigures>('points.account', (ids) => this.service.accounts(ctx, ids)).load(customer.id) as Promise<AccountFigures>;
  }
}

@Resolver(() => PointsAccountType)
export class PointsAccountResolver {
  constructor(private readonly points: PointsService) {}

  @FieldResolver(() => PointsEntryConnection, { description: 'Ledger entries, newest first, paginated by cursor.' })
  async history(
    @Ctx() ctx: RequestContext,
    @Root() account: AccountFigures,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<PointsEntryConnection> {
    this.points.assertCanRead(ctx, account.customerId);
    const page = await this.points.history(ctx, account.customerId, { first, after });
    return { nodes: page.nodes as unknown as PointsEntryType[], pageInfo: page.pageInfo };
  }
}

/**
 * Any customer id resolves to a reference: the fields check access and read only the caller's
 * merchant, where another merchant's customer has no account and so no points.
 */
export const customerReference: ReferenceResolver = (reference) => ({ id: reference.id });

/** A merchant reference resolves only for the caller's own merchant. */
export const merchantReference: ReferenceResolver = (reference, ctx) => (reference.id === ctx.merchantId ? { id: reference.id } : null);
