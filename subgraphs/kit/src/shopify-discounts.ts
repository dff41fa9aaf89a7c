import { PeerQueryError } from './peers.js';
import { Scope } from './scopes.js';
import { systemCaller, type RequestContext } from './context.js';

const CREATE_DISCOUNT = /* GraphQL */ `
  mutation CreateShopifyDiscount($input: ShopifyDiscountInput!) {
    _createShopifyDiscount(input: $input) { shopifyDiscountId code }
  }
`;

const DEACTIVATE_DISCOUNT = /* GraphQL */ `
  mutation DeactivateShopifyDiscount($code: String!) { _deactivateShopifyDiscount(code: $code) }
`;

/** What a discount code gives, as the domains name it (the merchant subgraph's enum, lower case). */
export type DiscountKind = 'fixed_amount' | 'percentage' | 'free_shipping' | 'free_product';

export interface DiscountRequest {
  code: string;
  title: string;
  kind: DiscountKind;
  value: string | null;
  variantId: string | null;
  minimumSubtotal: string | null;
  startsAt: Date;
  endsAt: Date | null;
  customerShopifyId: string | null;
  /**
   * Orders the code may be used for in all; null: no limit. Left out, the merchant subgraph's
   * default applies (one use, once per customer: a redeemed reward).
   */
  usageLimit?: number | null;
  /** Whether one Shopify customer may use the code once only; left out, the merchant subgraph's default (true). */
  appliesOncePerCustomer?: boolean;
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
 * the shop's access token and does the retries, backoff and throttle handling; for every domain
 * that gives shoppers codes (points' redemptions, referral friends). The code is the caller's, so
 * asking again after an unknown outcome asks for the same code and the merchant side answers the
 * discount already holding it.
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
      // Only when given: left out, the merchant subgraph keeps its single-use default.
      ...(request.usageLimit !== undefined && { usageLimit: request.usageLimit }),
      ...(request.appliesOncePerCustomer !== undefined && { appliesOncePerCustomer: request.appliesOncePerCustomer }),
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
