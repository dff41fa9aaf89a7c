import { PageInfo } from '@loyalnest/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RedemptionStatusType {
  PENDING = 'pending',
  ISSUED = 'issued',
  FAILED = 'failed',
  USED = 'used',
  EXPIRED = 'expired',
  CANCELLED = 'cancelled',
}
registerEnumType(RedemptionStatusType, {
  name: 'RedemptionStatus',
  description: 'Where a redemption stands.',
  valuesConfig: {
    PENDING: { description: 'Points spent; the discount code is being created in Shopify.' },
    ISSUED: { description: 'The discount code exists and can be used.' },
    FAILED: { description: 'Shopify issued no code; the points were given back.' },
    USED: { description: 'An order used the code.' },
    EXPIRED: { description: 'The code expired unused; the points stay spent.' },
    CANCELLED: { description: 'Cancelled by the merchant (`cancelRedemption`): the code was deleted in Shopify and the points given back.' },
  },
});

@ObjectType('Redemption', { description: 'A reward a customer redeemed: the points it spent and the discount code it gave.' })
export class RedemptionType {
  @Field(() => ID, { description: 'Stable id of the redemption; redemptions sort by it in time order.' })
  id!: string;

  @Field(() => ID, { description: 'The customer who redeemed it.' })
  customerId!: string;

  @Field(() => ID, { description: 'The reward redeemed (see `reward`).' })
  rewardId!: string;

  @Field(() => Int, { description: 'Points the redemption spent.' })
  pointsSpent!: number;

  @Field(() => RedemptionStatusType, { description: 'Where it stands.' })
  status!: RedemptionStatusType;

  /** Resolved by `RedemptionResolver.discountCode`. */
  discountCode?: string | null;

  @Field(() => String, { nullable: true, description: "The discount's id in Shopify (a GID), once issued." })
  shopifyDiscountId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the code stops working; null: no expiry.' })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why no code was issued (SHOPIFY_UNAVAILABLE, SHOPIFY_REJECTED), for a FAILED redemption.' })
  errorCode!: string | null;

  @Field(() => ID, { description: 'The ledger entry that spent the points.' })
  redeemEntryId!: string;

  @Field(() => ID, { nullable: true, description: 'The ledger entry that gave the points back, if they were.' })
  refundEntryId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When Shopify issued the code.' })
  issuedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "For a FAILED redemption: when its code was made sure unusable in Shopify (an attempt reported failed may have created it). Null while that check is pending or being retried; a failed redemption left null for long has its check in the points subgraph's dead letters.",
  })
  compensatedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "For a FAILED redemption: when the recovery job gave up its second check of the code at Shopify because the shop refused it every time (the app uninstalled, its token revoked). Terminal: whether a code Shopify created late still works there is unknown, and is for an operator to look into in the shop.",
  })
  recheckAbandonedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an order used the code (USED).' })
  usedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The Shopify order that used the code (USED).' })
  usedOrderId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the merchant cancelled it (CANCELLED).' })
  cancelledAt!: Date | null;

  @Field(() => Date, { description: 'When it was redeemed.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When its status last changed.' })
  updatedAt!: Date;
}

@ObjectType('RedemptionConnection', { description: "A page of a customer's redemptions, newest first." })
export class RedemptionConnection {
  @Field(() => [RedemptionType], { description: 'The redemptions on this page.' })
  nodes!: RedemptionType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}
