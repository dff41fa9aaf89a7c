import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Directive, Query, Resolver } from 'type-graphql';
import { CallerIdentityType } from '../graphql/caller.type.js';
import type { MerchantStatus } from '../graphql/merchant.type.js';
import type { ApiKeyService } from '../services/api-key.service.js';
import type { MerchantService } from '../services/merchant.service.js';

/** Internal lookups for the gateway's authentication; only its system caller holds `auth:resolve`. */
@Resolver()
export class CallerResolver {
  constructor(
    private readonly merchants: MerchantService,
    private readonly apiKeys: ApiKeyService,
  ) {}

  @Authorized(Scope.AUTH_RESOLVE)
  @Directive('@inaccessible')
  @Query(() => CallerIdentityType, { nullable: true, description: 'Internal: the merchant of a shop domain.' })
  async _callerByShop(
    @Ctx() ctx: RequestContext,
    @Arg('shopDomain', () => String, { description: "The shop's myshopify.com domain, as the gateway verified it." }) shopDomain: string,
  ): Promise<CallerIdentityType | null> {
    const found = await this.merchants.resolveShop(ctx, shopDomain);
    return found && { merchantId: found.merchantId, status: found.status as MerchantStatus, apiKeyId: null, scopes: [], expiresAt: null };
  }

  @Authorized(Scope.AUTH_RESOLVE)
  @Directive('@inaccessible')
  @Query(() => CallerIdentityType, { nullable: true, description: 'Internal: the merchant and scopes of a live API key.' })
  async _callerByApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('secret', () => String, { description: 'The API key a partner app presented.' }) secret: string,
  ): Promise<CallerIdentityType | null> {
    const found = await this.apiKeys.resolve(ctx, secret);
    return found && { merchantId: found.merchantId, status: found.merchantStatus as MerchantStatus, apiKeyId: found.keyId, scopes: found.scopes, expiresAt: found.expiresAt };
  }
}
