import { PageInfo } from '@loyalnest/kit';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum PointsEntryKind {
  EARN = 'earn',
  REDEEM = 'redeem',
  ADJUST = 'adjust',
  EXPIRE = 'expire',
  REVERSE = 'reverse',
}
registerEnumType(PointsEntryKind, {
  name: 'PointsEntryKind',
  description: 'What a ledger entry did: earned, spent on a reward, adjusted by hand, expired, or reversed an earlier entry.',
  valuesConfig: {
    EARN: { description: 'Points added for something the customer did: an order, an activity, a signup or birthday bonus.' },
    REDEEM: { description: 'Points spent on a reward (negative); a cancelled redemption is given back by a REVERSE entry.' },
    ADJUST: { description: 'Points added or taken by hand: an admin, a partner app or a Shopify Flow action.' },
    EXPIRE: { description: "Points removed because they expired under the merchant's expiry policy (negative)." },
    REVERSE: { description: 'Undoes an earlier entry, e.g. the points of a refunded order or a cancelled redemption.' },
  },
});

export enum PointsSource {
  ORDER = 'order',
  ACTIVITY = 'activity',
  REFERRAL = 'referral',
  TIER = 'tier',
  ADMIN = 'admin',
  PARTNER = 'partner',
  FLOW = 'flow',
  SIGNUP = 'signup',
  BIRTHDAY = 'birthday',
  REWARD = 'reward',
  EXPIRY = 'expiry',
}
registerEnumType(PointsSource, {
  name: 'PointsSource',
  description: 'What caused a ledger entry.',
  valuesConfig: {
    ORDER: { description: 'A Shopify order (or its refund or cancellation).' },
    ACTIVITY: { description: 'A custom activity recorded through `recordActivity`.' },
    REFERRAL: { description: "A referral program's reward to the advocate, once the referred friend's first order completed the referral (once per referral)." },
    TIER: { description: 'A VIP tier entry bonus, paid once per tier and qualification period.' },
    ADMIN: { description: 'A merchant admin, or LoyalNest itself, awarding or deducting by hand.' },
    PARTNER: { description: 'A partner app calling with an API key.' },
    FLOW: { description: "A Shopify Flow action run by the merchant's workflow." },
    SIGNUP: { description: 'The signup bonus, earned once when the customer joins.' },
    BIRTHDAY: { description: 'The yearly birthday bonus.' },
    REWARD: { description: 'A reward redemption, or giving its points back when it is cancelled or fails.' },
    EXPIRY: { description: 'The expiry policy removing points.' },
  },
});

export enum PointsEntryStatus {
  POSTED = 'posted',
  PENDING = 'pending',
}
registerEnumType(PointsEntryStatus, {
  name: 'PointsEntryStatus',
  description: 'Whether an entry counts in the spendable balance yet.',
  valuesConfig: {
    POSTED: { description: 'Counts in the spendable balance.' },
    PENDING: { description: "Held for the merchant's pending period (so a quick refund can take it back) before it becomes spendable." },
  },
});

@ObjectType('PointsEntry', { description: "One immutable line of a customer's points ledger." })
export class PointsEntryType {
  @Field(() => ID, { description: 'Stable id of the entry; entries sort by it in time order.' })
  id!: string;

  @Field(() => PointsEntryKind, { description: 'What the entry did.' })
  kind!: PointsEntryKind;

  @Field(() => PointsSource, { description: 'What caused it.' })
  source!: PointsSource;

  @Field(() => PointsEntryStatus, { description: 'POSTED counts in the balance; PENDING counts in `pending` until `availableAt`.' })
  status!: PointsEntryStatus;

  @Field(() => Int, { description: 'Signed number of points the entry moved.' })
  points!: number;

  @Field(() => String, { nullable: true, description: 'Why, in the words of whoever made the entry.' })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The Shopify order it came from, for order points and their reversals.' })
  orderId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When pending points become spendable.' })
  availableAt!: Date | null;

  @Field(() => Date, { description: 'When the entry was written.' })
  createdAt!: Date;
}

@ObjectType('PointsEntryConnection', { description: 'A page of ledger entries, newest first.' })
export class PointsEntryConnection {
  @Field(() => [PointsEntryType], { description: 'The entries on this page.' })
  nodes!: PointsEntryType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

@ObjectType('PointsAccount', { description: "A customer's points at the merchant." })
export class PointsAccountType {
  @Field(() => ID, { description: 'The customer the account belongs to.' })
  customerId!: string;

  @Field(() => Int, { description: 'Points the customer can spend now.' })
  balance!: number;

  @Field(() => Int, { description: 'Points earned but held until their orders can no longer be returned.' })
  pending!: number;

  @Field(() => Int, { description: 'Points ever earned, less reversed earnings.' })
  lifetimeEarned!: number;

  /** Resolved by `CustomerPointsResolver.history`. */
  history?: PointsEntryConnection;
}

/** The customer as the points subgraph extends it. */
@Directive('@key(fields: "id")')
@ObjectType('Customer', { description: "A shopper of the merchant's store, as known from Shopify." })
export class CustomerRef {
  @Field(() => ID, { description: 'Stable LoyalNest id of the customer.' })
  id!: string;
}

/** The merchant as the points subgraph refers to it. */
@Directive('@key(fields: "id")')
@ObjectType('Merchant', { description: 'A Shopify shop running LoyalNest: the tenant everything else belongs to.' })
export class MerchantRef {
  @Field(() => ID, { description: 'Stable LoyalNest id of the merchant.' })
  id!: string;
}
