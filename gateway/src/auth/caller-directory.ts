import { Scope, systemCaller } from '@loyalnest/kit';
import type { SubgraphClient } from '../subgraph-client.js';

export interface CallerIdentity {
  merchantId: string;
  status: 'INSTALLED' | 'UNINSTALLED';
  apiKeyId: string | null;
  scopes: string[];
  /** ISO 8601; when an API key with an expiry stops working. */
  expiresAt: string | null;
}

/** A known installed shop stays valid this long without asking again; uninstalls show within it. */
const SHOP_CACHE_MS = 5_000;

const IDENTITY_FIELDS = 'merchantId status apiKeyId scopes expiresAt';

/**
 * Answers "which merchant is behind this credential" by asking the merchant subgraph, which owns
 * merchants and API keys, as the gateway's system caller. API keys are never cached, so a
 * revoked key is refused on its next request.
 */
export class CallerDirectory {
  private readonly shops = new Map<string, { identity: CallerIdentity; until: number }>();
  private readonly system = systemCaller([Scope.AUTH_RESOLVE]);

  constructor(private readonly merchant: SubgraphClient) {}

  async byShop(shopDomain: string): Promise<CallerIdentity | null> {
    const cached = this.shops.get(shopDomain);
    if (cached && cached.until > Date.now()) return cached.identity;
    const identity = await this.ask('_callerByShop', 'shopDomain', shopDomain);
    if (identity?.status === 'INSTALLED') this.shops.set(shopDomain, { identity, until: Date.now() + SHOP_CACHE_MS });
    else this.shops.delete(shopDomain);
    return identity;
  }

  byApiKey(secret: string): Promise<CallerIdentity | null> {
    return this.ask('_callerByApiKey', 'secret', secret);
  }

  private async ask(field: string, arg: string, value: string): Promise<CallerIdentity | null> {
    const result = await this.merchant.execute(`query($v: String!) { ${field}(${arg}: $v) { ${IDENTITY_FIELDS} } }`, { v: value }, this.system);
    if (result.errors?.length) throw new Error(`caller lookup failed: ${result.errors[0].message}`);
    return (result.data?.[field] as CallerIdentity | null) ?? null;
  }
}
