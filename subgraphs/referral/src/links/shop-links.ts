import { Scope, systemCaller, type RequestContext } from '@loyalnest/kit';

const SHOP_DOMAIN = /* GraphQL */ `
  query ReferralShopDomain { merchant { shopDomain } }
`;

/** A shop's myshopify.com domain never changes; kept in the process for this long all the same, and bounded in number. */
const CACHE_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Where a merchant's referral links start: the shop's own domain and the app proxy's path
 * (`APP_PROXY_PATH`), e.g. `https://acme.myshopify.com/apps/loyalnest`. Shopify forwards
 * `<that>/r/<code>` to the click route. The domain comes from the merchant subgraph, once per
 * merchant per process while cached.
 */
export class ShopLinks {
  private readonly domains = new Map<string, { domain: string; until: number }>();

  constructor(private readonly appProxyPath: string) {}

  async baseOf(ctx: RequestContext): Promise<string> {
    const merchantId = ctx.merchantId!;
    const cached = this.domains.get(merchantId);
    if (cached && cached.until > Date.now()) return `https://${cached.domain}${this.appProxyPath}`;
    const caller = { ...systemCaller([Scope.MERCHANT_READ], merchantId), requestId: ctx.requestId };
    const { merchant } = await ctx.peers.query<{ merchant: { shopDomain: string } }>('merchant', SHOP_DOMAIN, {}, caller);
    if (this.domains.size >= MAX_ENTRIES) this.domains.clear();
    this.domains.set(merchantId, { domain: merchant.shopDomain, until: Date.now() + CACHE_MS });
    return `https://${merchant.shopDomain}${this.appProxyPath}`;
  }
}
