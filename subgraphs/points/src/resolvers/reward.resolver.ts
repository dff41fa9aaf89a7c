import { Scope, systemCaller, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import type { Reward } from '../entities/reward.entity.js';
import { RewardNotFoundError } from '../graphql/reward.error.js';
import { CreateRewardInput, UpdateRewardInput } from '../graphql/reward.input.js';
import { LocaleCode, RewardType } from '../graphql/reward.type.js';
import { nameIn, type RewardCatalogService } from '../services/reward-catalog.service.js';

const orNotFound = (value: unknown) => (value instanceof RewardNotFoundError ? RewardNotFoundError : RewardType);

export const CreateRewardResult = createUnionType({
  name: 'CreateRewardResult',
  description: 'The new reward. Bad input is refused with BAD_USER_INPUT naming the field; business errors may join this union later.',
  types: () => [RewardType] as const,
  resolveType: () => RewardType,
});

export const UpdateRewardResult = createUnionType({
  name: 'UpdateRewardResult',
  description: 'The reward as changed, or why nothing was.',
  types: () => [RewardType, RewardNotFoundError] as const,
  resolveType: orNotFound,
});

export const ArchiveRewardResult = createUnionType({
  name: 'ArchiveRewardResult',
  description: 'The archived reward, or why nothing was archived.',
  types: () => [RewardType, RewardNotFoundError] as const,
  resolveType: orNotFound,
});

const MERCHANT_LOCALE = /* GraphQL */ `query PointsMerchantLocale { merchant { primaryLocale } }`;

@Resolver(() => RewardType)
export class RewardResolver {
  constructor(private readonly catalog: RewardCatalogService) {}

  @Query(() => [RewardType], {
    description:
      "The merchant's catalog, cheapest first; readable by every caller of the merchant (the widget lists it). Archived rewards are left out; callers without `points:read` (shoppers, guests) see only rewards that can be redeemed now.",
  })
  rewards(
    @Ctx() ctx: RequestContext,
    @Arg('activeOnly', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Only rewards that can be redeemed now: active, inside their window, under their usage limit. Always so for callers without `points:read`.',
    })
    activeOnly: boolean,
  ): Promise<RewardType[]> {
    return this.catalog.list(ctx, { activeOnly }) as unknown as Promise<RewardType[]>;
  }

  @FieldResolver(() => String, { description: "The name in `locale`, else in the merchant's primary language, else in English, else in the language it has." })
  async name(
    @Ctx() ctx: RequestContext,
    @Root() reward: Reward,
    @Arg('locale', () => LocaleCode, { nullable: true, description: "The shopper's language." }) locale: LocaleCode | null,
  ): Promise<string> {
    if (locale && reward.names[locale]) return reward.names[locale]!;
    return nameIn(reward.names, await merchantLocale(ctx));
  }

  @Authorized(Scope.POINTS_MANAGE)
  @Mutation(() => CreateRewardResult, { description: 'Adds a reward to the catalog.' })
  async createReward(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateRewardInput, { description: 'The new reward: what its discount gives and what it costs in points.' }) input: CreateRewardInput,
  ): Promise<typeof CreateRewardResult> {
    return (await this.catalog.create(ctx, input)) as unknown as RewardType;
  }

  @Authorized(Scope.POINTS_MANAGE)
  @Mutation(() => UpdateRewardResult, { description: 'Changes a reward; omitted fields keep their value. Redemptions already made are not affected.' })
  async updateReward(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateRewardInput, { description: 'The reward and the fields to change; omitted fields keep their value.' }) input: UpdateRewardInput,
  ): Promise<typeof UpdateRewardResult> {
    return (await this.catalog.update(ctx, input)) as unknown as typeof UpdateRewardResult;
  }

  @Authorized(Scope.POINTS_MANAGE)
  @Mutation(() => ArchiveRewardResult, { description: 'Removes a reward from the catalog for good; its redemptions keep naming it. Archiving it again changes nothing.' })
  async archiveReward(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The reward.' }) id: string): Promise<typeof ArchiveRewardResult> {
    return (await this.catalog.archive(ctx, id)) as unknown as typeof ArchiveRewardResult;
  }
}

/**
 * The merchant's primary language, asked of the merchant subgraph once per request and only
 * when a name is missing in the one asked for. A failure falls back to English: a name in
 * another language is better than no catalog.
 */
function merchantLocale(ctx: RequestContext): Promise<string | null> {
  return ctx.loaders
    .get<string, string>('points.merchantLocale', async (ids) => {
      const answer = await ctx.peers
        .query<{ merchant: { primaryLocale: string } | null }>('merchant', MERCHANT_LOCALE, {}, { ...systemCaller([], ctx.merchantId), requestId: ctx.requestId })
        .catch(() => null);
      const locale = answer?.merchant?.primaryLocale.toLowerCase() ?? null;
      return ids.map(() => locale);
    })
    .load(ctx.merchantId!);
}
