import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver, createUnionType } from 'type-graphql';
import { ApiKeyCreatedType, ApiKeyType } from '../graphql/api-key.type.js';
import { CreateApiKeyInput } from '../graphql/create-api-key.input.js';
import { ApiKeyNotFoundError } from '../graphql/merchant.error.js';
import type { ApiKeyService } from '../services/api-key.service.js';

export const CreateApiKeyResult = createUnionType({
  name: 'CreateApiKeyResult',
  description: 'The new key with its one-time secret.',
  types: () => [ApiKeyCreatedType] as const,
});

export const RevokeApiKeyResult = createUnionType({
  name: 'RevokeApiKeyResult',
  description: 'The revoked key, or that no such key exists for this merchant.',
  types: () => [ApiKeyType, ApiKeyNotFoundError] as const,
});

const asType = (key: object) => Object.assign(new ApiKeyType(), key);

@Resolver()
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Authorized(Scope.API_KEYS_MANAGE)
  @Query(() => [ApiKeyType], { description: "The merchant's partner API keys, newest first, revoked ones included." })
  async apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyType[]> {
    return (await this.keys.list(ctx)).map(asType);
  }

  @Authorized(Scope.API_KEYS_MANAGE)
  @Mutation(() => CreateApiKeyResult, { description: 'Creates a partner API key; the secret is returned only here.' })
  async createApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateApiKeyInput, { description: 'The name and scopes of the key for a partner app.' }) input: CreateApiKeyInput,
  ): Promise<typeof CreateApiKeyResult> {
    const { apiKey, secret } = await this.keys.create(ctx, input);
    return Object.assign(new ApiKeyCreatedType(), { apiKey: asType(apiKey), secret });
  }

  @Authorized(Scope.API_KEYS_MANAGE)
  @Mutation(() => RevokeApiKeyResult, { description: 'Revokes a key; requests with it are refused from now on.' })
  async revokeApiKey(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'LoyalNest id of the API key to revoke; calls made with it fail from then on.' }) id: string,
  ): Promise<typeof RevokeApiKeyResult> {
    const result = await this.keys.revoke(ctx, id);
    return result instanceof ApiKeyNotFoundError ? result : asType(result);
  }
}
