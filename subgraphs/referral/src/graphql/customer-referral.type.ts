import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CustomerReferral', { description: "A customer's referral code and link, and how often the link was followed." })
export class CustomerReferralType {
  @Field(() => String, { description: 'The code, 8 characters of Crockford base32 (no I, L, O or U), upper case; typed in any case it still works.' })
  code!: string;

  @Field(() => String, { description: "The link to share: on the shop's own domain, through the app proxy (`https://<shop>/apps/loyalnest/r/<code>`)." })
  url!: string;

  @Field(() => Int, { description: 'Times the link was followed, as of the last flush of the click counters (every few seconds).' })
  clicks!: number;

  @Field(() => Int, { description: 'Distinct visitors per day who followed the link, summed over the days, as of the last flush: an estimate (a HyperLogLog per day, standard error about 0.81 %, slightly low rather than high); a visitor returning the same day never counts again.' })
  uniqueClicks!: number;
}

/** The customer as the referral subgraph extends it. */
@Directive('@key(fields: "id")')
@ObjectType('Customer', { description: "A shopper of the merchant's store, as known from Shopify." })
export class CustomerRef {
  @Field(() => ID, { description: 'Stable LoyalNest id of the customer.' })
  id!: string;
}
