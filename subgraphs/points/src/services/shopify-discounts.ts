import { PeerQueryError, Scope, systemCaller, type RequestContext } from '@loyalnest/kit';
import type { RewardKind } from '../entities/reward.entity.js';

const CREATE_DISCOUNT = /* GraphQL */ `
  mutation PointsCreateShopifyDiscount($input: ShopifyDiscountInput!) {
    _createShopifyDiscount(input: $input) { shopifyDiscountId code }
  }
`;

const DEACTIVATE_DISCOUNT = /* GraphQL */ `
  mutation PointsDeactivateShopifyDiscount($code: String!) { _deactivateShopifyDiscount(code: $code) }
`;

export interface DiscountRequest {
  code: string;
  title: string;
  kind: RewardKind;
  value: string | null;
  variantId: string | null;
  minimumSubtotal: string | null;
  startsAt: Date;
  endsAt: Date | null;
  customerShopifyId: string | null;
}

export type DiscountOutcome =
  | { outcome: 'created'; shopifyDiscountId: string }
  /** Shopify refused (REJECTED) or stayed unreachable through the merchant subgraph's retries (UNAVAILABLE). */
  | { outcome: 'failed'; reason: 'SHOPIFY_UNAVAILABLE' | 'SHOPIFY_REJECTED' }
  /** Anything else (the merchant subgraph unreachable): whether Shopify created the code is unknown. */
  | { outcome: 'unknown'; detail: string };

const SHOPIFY_CODES = ['SHOPIFY_UNAVAILABLE', 'SHOPIFY_REJECTED'] as const;

/** The Shopify failure the merchant subgraph answered with, or null for any other error. */
export function shopifyFailure(error: unknown): (typeof SHOPIFY_CODES)[number] | null {
  const codes = error instanceof PeerQueryError ? error.codes : [];
  return SHOPIFY_CODES.find((code) => codes.includes(code)) ?? null;
}

/**
 * Creates discount codes in the merchant's shop through the merchant subgraph, which alone holds
 * the shop's access token and does the retries, backoff and throttle handling. The code is ours,
 * so asking again after an unknown outcome asks for the same code.
 */
export class ShopifyDiscounts {
  async create(ctx: RequestContext, request: DiscountRequest): Promise<DiscountOutcome> {
    const input = {
      code: request.code,
      title: request.title,
      kind: request.kind.toUpperCase(),
      value: request.value,
      variantId: request.variantId,
      minimumSubtotal: request.minimumSubtotal,
      startsAt: request.startsAt.toISOString(),
      endsAt: request.endsAt?.toISOString() ?? null,
      customerShopifyId: request.customerShopifyId,
    };
    try {
      const data = await ctx.peers.query<{ _createShopifyDiscount: { shopifyDiscountId: string; code: string } }>('merchant', CREATE_DISCOUNT, { input }, {
        ...systemCaller([Scope.SHOPIFY_ADMIN], ctx.merchantId),
        requestId: ctx.requestId,
      });
      return { outcome: 'created', shopifyDiscountId: data._createShopifyDiscount.shopifyDiscountId };
    } catch (error) {
      const reason = shopifyFailure(error);
      if (reason) return { outcome: 'failed', reason };
      return { outcome: 'unknown', detail: (error as Error).message };
    }
  }

  /**
   * Makes sure `code` cannot be used in the merchant's shop, deleting the discount an attempt
   * reported failed may have created. Throws whatever the merchant subgraph answered otherwise.
   */
  async deactivate(ctx: RequestContext, code: string): Promise<void> {
    await ctx.peers.query('merchant', DEACTIVATE_DISCOUNT, { code }, { ...systemCaller([Scope.SHOPIFY_ADMIN], ctx.merchantId), requestId: ctx.requestId });
  }
}
