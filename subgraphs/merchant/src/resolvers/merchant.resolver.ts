import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver, createUnionType } from 'type-graphql';
import { InvalidSettingsError } from '../graphql/merchant.error.js';
import { MerchantType, type ActorKindType, ViewerType } from '../graphql/merchant.type.js';
import { UpdateMerchantSettingsInput } from '../graphql/update-merchant-settings.input.js';
import type { MerchantService } from '../services/merchant.service.js';

export const UpdateMerchantSettingsResult = createUnionType({
  name: 'UpdateMerchantSettingsResult',
  description: 'The updated merchant, or why the settings were refused.',
  types: () => [MerchantType, InvalidSettingsError] as const,
});

@Resolver(() => MerchantType)
export class MerchantResolver {
  constructor(private readonly merchants: MerchantService) {}

  @Query(() => MerchantType, { description: 'The merchant the caller acts for; account facts on it need `merchant:read`.' })
  async merchant(@Ctx() ctx: RequestContext): Promise<MerchantType> {
    return (await this.merchants.current(ctx)) as MerchantType;
  }

  @Query(() => ViewerType, { description: 'The authenticated caller and the merchant it acts for.' })
  async me(@Ctx() ctx: RequestContext): Promise<ViewerType> {
    const merchant = await this.merchants.current(ctx);
    return { kind: ctx.actor.kind as ActorKindType, id: ctx.actor.id, scopes: ctx.scopes, merchant: merchant as MerchantType };
  }

  @Authorized(Scope.MERCHANT_WRITE)
  @Mutation(() => UpdateMerchantSettingsResult, { description: "Changes the merchant's program settings; validated as a whole." })
  async updateMerchantSettings(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateMerchantSettingsInput, { description: 'The program settings to change; omitted fields keep their value, and the result is checked as a whole.' }) input: UpdateMerchantSettingsInput,
  ): Promise<typeof UpdateMerchantSettingsResult> {
    const result = await this.merchants.updateSettings(ctx, input);
    return result instanceof InvalidSettingsError ? result : Object.assign(new MerchantType(), result);
  }
}

