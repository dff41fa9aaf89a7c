import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CustomerReferral', { description: "A customer's referral code and link, how often the link was followed, and the referrals it brought." })
export class CustomerReferralType {
  /** Whose referral this is: what `referred`, `completed` and `pointsEarned` are counted for (not a field). */
  customerId!: string;

  @Field(() => String, { description: 'The code, 8 characters of Crockford base32 (no I, L, O or U), upper case; typed in any case it still works.' })
  code!: string;

  @Field(() => String, { description: "The link to share: on the shop's own domain, through the app proxy (`https://<shop>/apps/loyalnest/r/<code>`)." })
  url!: string;

  @Field(() => Int, { description: 'Times the link was followed, as of the last flush of the click counters (every few seconds).' })
  clicks!: number;

  @Field(() => Int, { description: 'Distinct visitors per day who followed the link, summed over the days, as of the last flush: an estimate (a HyperLogLog per day, standard error about 0.81 %, slightly low rather than high); a visitor returning the same day never counts again.' })
  uniqueClicks!: number;

  @Field(() => Int, { description: 'Friends who claimed through the code or link, whatever became of their referral (a claim still being issued not counted).' })
  referred!: number;

  @Field(() => Int, { description: 'Referrals of these that completed: the friend\'s first order stuck past the hold window and the customer earned their points.' })
  completed!: number;

  @Field(() => Int, { description: 'Points the customer earned from completed referrals.' })
  pointsEarned!: number;
}

/** The customer as the referral subgraph extends it. */
@Directive('@key(fields: "id")')
@ObjectType('Customer', { description: "A shopper of the merchant's store, as known from Shopify." })
export class CustomerRef {
  @Field(() => ID, { description: 'Stable LoyalNest id of the customer.' })
  id!: string;
}
