import { CustomerNotFoundError, DEFAULT_PAGE_SIZE, inKeyOrder, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, createUnionType } from 'type-graphql';
import type { Redemption } from '../entities/redemption.entity.js';
import type { Reward } from '../entities/reward.entity.js';
import { CustomerRef } from '../graphql/points-account.type.js';
import { IdempotencyKeyReusedError, InsufficientPointsError } from '../graphql/points.error.js';
import { CancelRedemptionInput } from '../graphql/cancel-redemption.input.js';
import { RedeemRewardInput } from '../graphql/redeem-reward.input.js';
import { DiscountDeactivationFailedError, RedemptionNotCancellableError, RedemptionNotFoundError } from '../graphql/redemption.error.js';
import { RedemptionConnection, RedemptionType } from '../graphql/redemption.type.js';
import { DiscountCreationFailedError, RewardNotFoundError, RewardUnavailableError } from '../graphql/reward.error.js';
import { RewardType } from '../graphql/reward.type.js';
import type { RedemptionSettlement } from '../services/redemption-settlement.service.js';
import type { RedemptionService } from '../services/redemption.service.js';
import type { RewardCatalogService } from '../services/reward-catalog.service.js';

const ERRORS = [InsufficientPointsError, RewardNotFoundError, RewardUnavailableError, DiscountCreationFailedError, CustomerNotFoundError, IdempotencyKeyReusedError];

export const RedeemRewardResult = createUnionType({
  name: 'RedeemRewardResult',
  description: 'The redemption (ISSUED with its code, or PENDING while Shopify could not be reached and a job finishes it), or why no points were spent.',
  types: () => [RedemptionType, InsufficientPointsError, RewardNotFoundError, RewardUnavailableError, DiscountCreationFailedError, CustomerNotFoundError, IdempotencyKeyReusedError] as const,
  resolveType: (value) => ERRORS.find((type) => value instanceof type) ?? RedemptionType,
});

const CANCEL_ERRORS = [RedemptionNotFoundError, RedemptionNotCancellableError, DiscountDeactivationFailedError];

export const CancelRedemptionResult = createUnionType({
  name: 'CancelRedemptionResult',
  description: 'The CANCELLED redemption with its points back, or why nothing changed.',
  types: () => [RedemptionType, RedemptionNotFoundError, RedemptionNotCancellableError, DiscountDeactivationFailedError] as const,
  resolveType: (value) => CANCEL_ERRORS.find((type) => value instanceof type) ?? RedemptionType,
});

@Resolver(() => RedemptionType)
export class RedemptionResolver {
  constructor(
    private readonly redemptions: RedemptionService,
    private readonly settlement: RedemptionSettlement,
    private readonly catalog: RewardCatalogService,
  ) {}

  @Mutation(() => RedeemRewardResult, {
    description: 'Spends points on a reward and creates its discount code in Shopify. A shopper redeems for themselves; callers with points:write for any customer of the merchant. Safe to repeat with the same idempotency key.',
  })
  async redeemReward(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RedeemRewardInput, { description: 'Who redeems which reward, with an idempotency key so a retried call redeems once.' }) input: RedeemRewardInput,
  ): Promise<typeof RedeemRewardResult> {
    return (await this.redemptions.redeem(ctx, input)) as unknown as typeof RedeemRewardResult;
  }

  @Authorized(Scope.POINTS_WRITE)
  @Mutation(() => CancelRedemptionResult, {
    description: "Cancels an ISSUED redemption of the merchant's: deletes its code in Shopify, then gives its points back. Safe to repeat: a cancelled redemption is answered as it is.",
  })
  async cancelRedemption(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CancelRedemptionInput, { description: 'The issued redemption to cancel.' }) input: CancelRedemptionInput,
  ): Promise<typeof CancelRedemptionResult> {
    return (await this.settlement.cancel(ctx, input.redemptionId, input.reason ?? null)) as unknown as typeof CancelRedemptionResult;
  }

  @Query(() => RedemptionType, { nullable: true, description: "One redemption of the merchant's; a shopper sees only their own. Null when there is none with that id." })
  redemption(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The redemption.' }) id: string): Promise<RedemptionType | null> {
    return this.redemptions.byId(ctx, id) as unknown as Promise<RedemptionType | null>;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The discount code to enter at checkout, once issued; null while pending and when it failed.' })
  discountCode(@Root() redemption: Redemption): string | null {
    return this.redemptions.code(redemption);
  }

  @FieldResolver(() => RewardType, { description: 'The reward redeemed, as it is now (archived rewards included).' })
  async reward(@Ctx() ctx: RequestContext, @Root() redemption: Redemption): Promise<RewardType> {
    const loader = ctx.loaders.get<string, Reward>('points.reward', async (ids) => inKeyOrder(ids, await this.catalog.byIds(ctx, ids), (r) => r.id));
    return (await loader.load(redemption.rewardId)) as unknown as RewardType;
  }

  @FieldResolver(() => CustomerRef, { description: 'The customer who redeemed it.' })
  customer(@Root() redemption: Redemption): CustomerRef {
    return { id: redemption.customerId };
  }
}

/** `Customer.redemptions`: the points subgraph's other extension of the customer entity. */
@Resolver(() => CustomerRef)
export class CustomerRedemptionsResolver {
  constructor(private readonly service: RedemptionService) {}

  @FieldResolver(() => RedemptionConnection, { description: "The customer's redemptions, newest first, paginated by cursor." })
  async redemptions(
    @Ctx() ctx: RequestContext,
    @Root() customer: CustomerRef,
    @Arg('first', () => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: '`endCursor` of the previous page.' }) after: string | null,
  ): Promise<RedemptionConnection> {
    this.service.assertCanRead(ctx, customer.id);
    const page = await this.service.ofCustomer(ctx, customer.id, { first, after });
    return { nodes: page.nodes as unknown as RedemptionType[], pageInfo: page.pageInfo };
  }
}
