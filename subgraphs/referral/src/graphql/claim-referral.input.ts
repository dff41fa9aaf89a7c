import { Field, ID, InputType } from 'type-graphql';

@InputType('ClaimReferralInput', { description: "A friend's claim of an advocate's referral code." })
export class ClaimReferralInput {
  @Field(() => String, { description: "The advocate's referral code, as the friend typed or followed it: any case, hyphens ignored, O read as 0 and I/L as 1." })
  code!: string;

  @Field(() => String, { description: "The friend's email address. Stored encrypted, matched by a keyed hash; claiming again with it returns the same discount code." })
  email!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      "The friend's customer id, for a caller with `referrals:manage` claiming for a known customer of the shop. A shopper is always the friend themself (their session's customer): naming anyone else is forbidden.",
  })
  friendCustomerId?: string | null;
}
