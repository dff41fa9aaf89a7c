import { LOCALE_CODE_ENUM } from '@loyalnest/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RewardKindType {
  FIXED_AMOUNT = 'fixed_amount',
  PERCENTAGE = 'percentage',
  FREE_SHIPPING = 'free_shipping',
  FREE_PRODUCT = 'free_product',
}
registerEnumType(RewardKindType, {
  name: 'RewardKind',
  description: 'What the discount code of a reward gives: an amount off, a percentage off, free shipping, or a product variant for free.',
  valuesConfig: {
    FIXED_AMOUNT: { description: "A fixed amount off the order, in the shop's currency." },
    PERCENTAGE: { description: 'A percentage off the order.' },
    FREE_SHIPPING: { description: 'Free shipping on the order.' },
    FREE_PRODUCT: { description: 'One chosen product variant for free.' },
  },
});

/** Also defined by the merchant subgraph; one configuration (the kit's `LOCALE_CODE_ENUM`) keeps them composable. */
export enum LocaleCode {
  EN = 'en',
  ES = 'es',
  FR = 'fr',
}
registerEnumType(LocaleCode, LOCALE_CODE_ENUM);

@ObjectType('RewardNames', { description: 'The name of a reward in each language LoyalNest supports; null where the merchant gave none.' })
export class RewardNamesType {
  @Field(() => String, { nullable: true, description: 'English.' })
  en!: string | null;

  @Field(() => String, { nullable: true, description: 'French.' })
  fr!: string | null;

  @Field(() => String, { nullable: true, description: 'Spanish.' })
  es!: string | null;
}

@ObjectType('Reward', { description: "A reward of the merchant's catalog: what a customer can spend points on." })
export class RewardType {
  @Field(() => ID, { description: 'Stable id of the reward.' })
  id!: string;

  @Field(() => RewardKindType, { description: 'What the discount code gives.' })
  kind!: RewardKindType;

  /** Resolved by `RewardResolver.name`. */
  name?: string;

  @Field(() => RewardNamesType, { description: 'The name in every language the merchant gave one in.' })
  names!: RewardNamesType;

  @Field(() => String, { nullable: true, description: 'Amount off in the shop currency (FIXED_AMOUNT) or percent off, up to 100 (PERCENTAGE), as a decimal string; null for the other kinds.' })
  value!: string | null;

  @Field(() => ID, { nullable: true, description: 'The Shopify product variant a FREE_PRODUCT reward gives.' })
  variantId!: string | null;

  @Field(() => Int, { description: 'Points a redemption spends.' })
  pointsCost!: number;

  @Field(() => String, { nullable: true, description: 'Order subtotal the code needs, in the shop currency, as a decimal string; null: any order.' })
  minimumSubtotal!: string | null;

  @Field(() => Int, { nullable: true, description: 'Redemptions allowed across all customers; null: no limit.' })
  usageLimit!: number | null;

  @Field(() => Int, { nullable: true, description: 'Redemptions allowed per customer; null: no limit.' })
  usageLimitPerCustomer!: number | null;

  @Field(() => Date, { nullable: true, description: 'It can be redeemed from then on; null: from its creation.' })
  startsAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'It can be redeemed until then; null: with no end.' })
  endsAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Days an issued code stays valid; null: until the merchant removes it in Shopify.' })
  codeValidityDays!: number | null;

  @Field(() => Boolean, { description: 'Switched on by the merchant; an inactive reward cannot be redeemed.' })
  active!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was archived: gone from the catalog, kept for the redemptions that name it.' })
  archivedAt!: Date | null;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it was last changed.' })
  updatedAt!: Date;
}
