import { Scope, type RequestContext } from '@loyalnest/kit';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { SetCustomerMetafieldsInput } from '../graphql/customer-metafield.input.js';
import { CustomerMetafieldsResultType } from '../graphql/customer-metafields.type.js';
import { ShopifyDiscountInput } from '../graphql/shopify-discount.input.js';
import { ShopifyDiscountType } from '../graphql/shopify-discount.type.js';
import type { ShopifyAdminService } from '../services/shopify-admin.service.js';

/** Internal calls to the merchant's shop that other subgraphs make as system callers; only this subgraph holds the token. */
@Resolver()
export class ShopifyAdminResolver {
  constructor(private readonly shopifyAdmin: ShopifyAdminService) {}

  @Authorized(Scope.SHOPIFY_ADMIN)
  @Directive('@inaccessible')
  @Mutation(() => ShopifyDiscountType, {
    description:
      "Internal: creates a single-use discount code in the caller's merchant's shop. Idempotent on the code: when Shopify answers that the code is taken, the discount holding exactly this code (created by an earlier attempt whose answer was lost) is looked up and returned, so codes must be unguessable. Throws SHOPIFY_UNAVAILABLE when Shopify stayed unavailable through the retries, the lookup's included (try again later), SHOPIFY_REJECTED when Shopify or the merchant's install refused it (do not retry).",
  })
  _createShopifyDiscount(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ShopifyDiscountInput, { description: 'The discount code to create and what it gives.' }) input: ShopifyDiscountInput,
  ): Promise<ShopifyDiscountType> {
    return this.shopifyAdmin.createDiscount(ctx, input);
  }

  @Authorized(Scope.SHOPIFY_ADMIN)
  @Directive('@inaccessible')
  @Mutation(() => Boolean, {
    description:
      "Internal: makes sure a code asked for with _createShopifyDiscount cannot be used in the caller's merchant's shop, for a creation reported failed that may have succeeded unseen. Looks the code up and deletes the discount of ours holding exactly this code; true once none does (also when there was none). Throws SHOPIFY_UNAVAILABLE when Shopify stayed unavailable through the retries (try again later), SHOPIFY_REJECTED when Shopify or the merchant's install refused it.",
  })
  _deactivateShopifyDiscount(
    @Ctx() ctx: RequestContext,
    @Arg('code', () => String, { description: 'The code, exactly as it was asked for.' }) code: string,
  ): Promise<boolean> {
    return this.shopifyAdmin.deactivateDiscount(ctx, code);
  }

  @Authorized(Scope.SHOPIFY_ADMIN)
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: "Internal: sends a Shopify Flow trigger to the caller's merchant's shop, at most once: a failure that may have reached Shopify (a timeout, a dropped connection, a 5xx) is not retried and throws SHOPIFY_OUTCOME_UNKNOWN (do not send it again). Throws SHOPIFY_UNAVAILABLE only when no attempt reached Shopify (try again later), SHOPIFY_REJECTED when Shopify or the merchant's install refused it." })
  _sendFlowTrigger(
    @Ctx() ctx: RequestContext,
    @Arg('handle', () => String, { description: "The trigger's handle, as in the app's Flow trigger extension." }) handle: string,
    // Free-form JSON: nothing for class-validator to check (see _submitGdprExport).
    @Arg('payload', () => GraphQLJSONObject, { validate: false, description: "The trigger's fields." }) payload: Record<string, unknown>,
  ): Promise<boolean> {
    return this.shopifyAdmin.sendFlowTrigger(ctx, handle, payload);
  }

  @Authorized(Scope.SHOPIFY_ADMIN)
  @Directive('@inaccessible')
  @Mutation(() => CustomerMetafieldsResultType, {
    description:
      "Internal: writes a single_line_text_field metafield on up to 25 of the caller's merchant's customers in one metafieldsSet call, retried with backoff and waiting out Shopify's cost throttle (setting a value twice is harmless). Shopify writes all or none: values it refuses are answered in `rejected` (nothing was written; send the others again). Throws SHOPIFY_UNAVAILABLE when Shopify stayed unavailable or throttled through the retries (try again later), SHOPIFY_REJECTED when Shopify or the merchant's install refused the call.",
  })
  _setCustomerMetafields(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SetCustomerMetafieldsInput, { description: "The metafield and the customers' values." }) input: SetCustomerMetafieldsInput,
  ): Promise<CustomerMetafieldsResultType> {
    return this.shopifyAdmin.setCustomerMetafields(ctx, input);
  }
}
