import { ValidateBy, type ValidationOptions } from 'class-validator';

/** The largest value PostgreSQL's `bigint` holds, which is what every Shopify id column is. */
const MAX_SHOPIFY_ID = 2n ** 63n - 1n;

/**
 * Shopify's numeric ids (customers, orders, product variants), as far as we can store them. A
 * digits-only pattern alone lets through 19-digit numbers above the bigint range, which the
 * database then rejects as an internal error instead of the client hearing that the id is bad.
 */
export function isShopifyId(value: unknown): value is string {
  return typeof value === 'string' && /^[1-9][0-9]{0,18}$/.test(value) && BigInt(value) <= MAX_SHOPIFY_ID;
}

export function IsShopifyId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isShopifyId', validator: { validate: isShopifyId, defaultMessage: (args) => `${args?.property ?? 'value'} must be a Shopify numeric id` } },
    options,
  );
}
