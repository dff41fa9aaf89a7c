import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { Directive, Field, InputType, Int, registerEnumType } from 'type-graphql';

/** What a discount code gives; the Shopify mutation and its value follow from it. */
export enum ShopifyDiscountKind {
  FIXED_AMOUNT = 'FIXED_AMOUNT',
  PERCENTAGE = 'PERCENTAGE',
  FREE_SHIPPING = 'FREE_SHIPPING',
  FREE_PRODUCT = 'FREE_PRODUCT',
}
registerEnumType(ShopifyDiscountKind, {
  name: 'ShopifyDiscountKind',
  description: 'Internal: what a Shopify discount code gives.',
  valuesConfig: {
    FIXED_AMOUNT: { description: 'A fixed amount off the order, in the shop currency.' },
    PERCENTAGE: { description: 'A percentage off the order.' },
    FREE_SHIPPING: { description: 'Free shipping to every country.' },
    FREE_PRODUCT: { description: 'One product variant free of charge.' },
  },
});

const DECIMAL = /^[0-9]{1,12}(\.[0-9]{1,2})?$/;
const SHOPIFY_ID = /^([1-9][0-9]{0,18}|gid:\/\/shopify\/[A-Za-z]+\/[1-9][0-9]{0,18})$/;

/**
 * Internal: a Shopify discount code to create in the caller's merchant's shop, e.g. for a redeemed
 * reward (single use, the default) or a referred friend (as the referral program says). `@inaccessible` keeps it out of the public API.
 */
@Directive('@inaccessible')
@InputType('ShopifyDiscountInput', { description: 'Internal: a discount code to create in the shop; single use unless usageLimit says otherwise.' })
export class ShopifyDiscountInput {
  @Field(() => String, { description: 'The code the shopper enters at checkout (1–255 characters, no spaces); unique in the shop.' })
  @Length(1, 255)
  @Matches(/^\S+$/, { message: 'code must not contain spaces' })
  code!: string;

  @Field(() => String, { description: 'The title merchants see in Shopify admin (1–255 characters).' })
  @Length(1, 255)
  title!: string;

  @Field(() => ShopifyDiscountKind, { description: 'What the code gives.' })
  kind!: ShopifyDiscountKind;

  @Field(() => String, {
    nullable: true,
    description: 'Decimal string: the amount off for FIXED_AMOUNT, the percentage (above 0, at most 100) for PERCENTAGE; null for FREE_SHIPPING and FREE_PRODUCT.',
  })
  @IsOptional()
  @Matches(DECIMAL, { message: 'value must be a decimal such as "5" or "12.50"' })
  value?: string | null;

  @Field(() => String, { nullable: true, description: 'The Shopify product variant given for FREE_PRODUCT: a numeric id or a ProductVariant gid.' })
  @IsOptional()
  @Matches(SHOPIFY_ID, { message: 'variantId must be a Shopify id or gid' })
  variantId?: string | null;

  @Field(() => String, { nullable: true, description: 'Decimal string: the order subtotal the code needs to apply; none when null.' })
  @IsOptional()
  @Matches(DECIMAL, { message: 'minimumSubtotal must be a decimal such as "50.00"' })
  minimumSubtotal?: string | null;

  @Field(() => Date, { nullable: true, description: 'From when the code works; now when null.' })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when the code works; never expires when null.' })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Restricts the code to this Shopify customer (numeric id or Customer gid); anyone may use it when null.' })
  @IsOptional()
  @Matches(SHOPIFY_ID, { message: 'customerShopifyId must be a Shopify id or gid' })
  customerShopifyId?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many orders in all may use the code (1–1,000,000); null: no limit. Left out: 1 (a single-use code, as a redeemed reward is).',
  })
  @IsOptional()
  @Min(1)
  @Max(1_000_000)
  usageLimit?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether one Shopify customer may use the code only once. Left out (or null): true.' })
  @IsOptional()
  appliesOncePerCustomer?: boolean | null;
}
