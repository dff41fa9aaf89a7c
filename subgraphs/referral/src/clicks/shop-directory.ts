import { Scope, systemCaller, type PeerClient } from '@loyalnest/kit';

/** A known installed shop stays valid this long without asking again; uninstalls show within it (as in the gateway's directory). */
const SHOP_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

const CALLER_BY_SHOP = /* GraphQL */ `
  query ReferralCallerByShop($shopDomain: String!) { _callerByShop(shopDomain: $shopDomain) { merchantId status } }
`;

/**
 * Which merchant a shop domain is, for the click route: the merchant subgraph knows, asked as the
 * ingress that authenticates the request (`auth:resolve`), and remembered for a few seconds in the
 * process so a stream of clicks asks once per shop.
 */
export class ShopDirectory {
  private readonly shops = new Map<string, { merchantId: string; until: number }>();

  constructor(private readonly peers: PeerClient) {}

  /** The installed merchant of the shop; null when unknown or uninstalled. */
  async merchantOf(shop: string): Promise<string | null> {
    const cached = this.shops.get(shop);
    if (cached && cached.until > Date.now()) return cached.merchantId;
    const answer = await this.peers.query<{ _callerByShop: { merchantId: string; status: string } | null }>('merchant', CALLER_BY_SHOP, { shopDomain: shop }, systemCaller([Scope.AUTH_RESOLVE]));
    const found = answer._callerByShop;
    if (found?.status !== 'INSTALLED') {
      this.shops.delete(shop);
      return null;
    }
    if (this.shops.size >= MAX_ENTRIES) this.shops.clear();
    this.shops.set(shop, { merchantId: found.merchantId, until: Date.now() + SHOP_CACHE_MS });
    return found.merchantId;
  }
}
