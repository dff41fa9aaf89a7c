import { forbidden, Scope, type RequestContext } from '@loyalnest/kit';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { CustomerRef, CustomerReferralType } from '../graphql/customer-referral.type.js';
import type { ReferralCodeService, ReferralCodeView } from '../services/referral-code.service.js';
import type { AdvocateCounts, ReferralQueryService } from '../services/referral-query.service.js';
import type { ShopLinks } from '../links/shop-links.js';

/** `Customer.referral`: the referral subgraph's extension of the customer entity. */
@Resolver(() => CustomerRef)
export class CustomerReferralResolver {
  constructor(
    private readonly codes: ReferralCodeService,
    private readonly links: ShopLinks,
  ) {}

  @FieldResolver(() => CustomerReferralType, { nullable: true, description: "The customer's referral code and link: `referrals:read`, or the shopper themself. Created on first read for a customer who has none yet; null for an id the merchant has no customer under (another shop's, or an erased customer's)." })
  async referral(@Ctx() ctx: RequestContext, @Root() customer: CustomerRef): Promise<CustomerReferralType | null> {
    assertCanRead(ctx, customer.id);
    // The link base through a loader too: every customer of the request waits for the same answer,
    // so their counts below are asked for in the same tick and batch into one query.
    const [view, base] = await Promise.all([
      ctx.loaders.get<string, ReferralCodeView | null>('referral.code', (ids) => this.codes.codesOf(ctx, ids)).load(customer.id),
      ctx.loaders.get<string, string>('referral.linkBase', async (merchantIds) => {
        const found = await this.links.baseOf(ctx);
        return merchantIds.map(() => found);
      }).load(ctx.merchantId!),
    ]);
    if (!view) return null;
    return Object.assign(new CustomerReferralType(), { customerId: customer.id, code: view.code, url: `${base}/r/${view.code}`, clicks: view.clicks, uniqueClicks: view.uniqueClicks });
  }
}

/**
 * The advocate counts of `Customer.referral`, read only when asked for: one query for every
 * customer of the request (a list of customers costs one), through the per-request loader. Access
 * was checked by `referral`, which these hang under.
 */
@Resolver(() => CustomerReferralType)
export class CustomerReferralCountsResolver {
  constructor(private readonly referrals: ReferralQueryService) {}

  @FieldResolver(() => Int)
  async referred(@Ctx() ctx: RequestContext, @Root() referral: CustomerReferralType): Promise<number> {
    return (await this.countsOf(ctx, referral)).referred;
  }

  @FieldResolver(() => Int)
  async completed(@Ctx() ctx: RequestContext, @Root() referral: CustomerReferralType): Promise<number> {
    return (await this.countsOf(ctx, referral)).completed;
  }

  @FieldResolver(() => Int)
  async pointsEarned(@Ctx() ctx: RequestContext, @Root() referral: CustomerReferralType): Promise<number> {
    return (await this.countsOf(ctx, referral)).pointsEarned;
  }

  private async countsOf(ctx: RequestContext, referral: CustomerReferralType): Promise<AdvocateCounts> {
    const counts = await ctx.loaders.get<string, AdvocateCounts>('referral.advocateCounts', (ids) => this.referrals.advocateCounts(ctx, ids)).load(referral.customerId);
    return counts!;
  }
}

function assertCanRead(ctx: RequestContext, customerId: string): void {
  if (ctx.scopes.includes(Scope.REFERRALS_READ)) return;
  if (ctx.scopes.includes(Scope.CUSTOMER_SELF) && ctx.customerId === customerId) return;
  throw forbidden(`Missing scope: ${Scope.REFERRALS_READ}`);
}
