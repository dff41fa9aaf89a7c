import { forbidden, Scope, type RequestContext } from '@loyalnest/kit';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { CustomerRef, CustomerReferralType } from '../graphql/customer-referral.type.js';
import type { ReferralCodeService, ReferralCodeView } from '../services/referral-code.service.js';
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
    const [view, base] = await Promise.all([
      ctx.loaders.get<string, ReferralCodeView | null>('referral.code', (ids) => this.codes.codesOf(ctx, ids)).load(customer.id),
      this.links.baseOf(ctx),
    ]);
    if (!view) return null;
    return { code: view.code, url: `${base}/r/${view.code}`, clicks: view.clicks, uniqueClicks: view.uniqueClicks };
  }
}

function assertCanRead(ctx: RequestContext, customerId: string): void {
  if (ctx.scopes.includes(Scope.REFERRALS_READ)) return;
  if (ctx.scopes.includes(Scope.CUSTOMER_SELF) && ctx.customerId === customerId) return;
  throw forbidden(`Missing scope: ${Scope.REFERRALS_READ}`);
}
