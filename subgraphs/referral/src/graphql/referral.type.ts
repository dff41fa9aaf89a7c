import { decimalAmount } from '@loyalnest/kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Referral } from '../entities/referral.entity.js';
import { CustomerRef } from './customer-referral.type.js';
import { ReferralFraudActionType, ReferralFraudCheckType } from './referral-enums.type.js';

export enum ReferralStatusType {
  CLAIMED = 'CLAIMED',
  PENDING = 'PENDING',
  COMPLETED = 'COMPLETED',
  BLOCKED = 'BLOCKED',
  VOIDED = 'VOIDED',
  REJECTED = 'REJECTED',
}
registerEnumType(ReferralStatusType, {
  name: 'ReferralStatus',
  description: "Where a referral stands, from the friend's claim to the advocate's reward.",
  valuesConfig: {
    CLAIMED: { description: 'The friend claimed and holds their discount code; no qualifying order yet.' },
    PENDING: { description: "The friend's first qualifying order converted it; the advocate's points wait for the hold window, inside which a cancellation or a refund below the minimum voids it." },
    COMPLETED: { description: 'The hold passed and the advocate earned their points. Final.' },
    BLOCKED: { description: 'A fraud check that blocks matched; it pays nothing until an admin approves it.' },
    VOIDED: { description: 'The qualifying order was cancelled or refunded below the minimum inside the hold, or the friend was redacted. Final.' },
    REJECTED: { description: 'An admin refused it. Final.' },
  },
});

export enum ReferralVoidReasonType {
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  REFUNDED_BELOW_MINIMUM = 'REFUNDED_BELOW_MINIMUM',
  FRIEND_REDACTED = 'FRIEND_REDACTED',
}
registerEnumType(ReferralVoidReasonType, {
  name: 'ReferralVoidReason',
  description: 'Why a referral was voided.',
  valuesConfig: {
    ORDER_CANCELLED: { description: 'The qualifying order was cancelled inside the hold window.' },
    REFUNDED_BELOW_MINIMUM: { description: "Refunds inside the hold window took the qualifying order below the program's minimum order value." },
    FRIEND_REDACTED: { description: "The friend's data was erased (GDPR) before the referral completed." },
  },
});

export enum ReferralFraudVerdictType {
  CLEAN = 'CLEAN',
  FLAGGED = 'FLAGGED',
  BLOCKED = 'BLOCKED',
}
registerEnumType(ReferralFraudVerdictType, {
  name: 'ReferralFraudVerdict',
  description: "The fraud checks' verdict over all of a referral's stages.",
  valuesConfig: {
    CLEAN: { description: 'No check matched.' },
    FLAGGED: { description: 'Checks matched that only flag; the referral proceeds.' },
    BLOCKED: { description: 'A check that blocks matched.' },
  },
});

export enum ReferralFraudStageType {
  CLAIM = 'CLAIM',
  CONVERSION = 'CONVERSION',
}
registerEnumType(ReferralFraudStageType, {
  name: 'ReferralFraudStage',
  description: 'When a fraud check ran.',
  valuesConfig: {
    CLAIM: { description: 'When the friend claimed.' },
    CONVERSION: { description: "When the friend's first qualifying order converted the referral (or, for the cap, when its reward fell due)." },
  },
});

@ObjectType('ReferralFraudReason', { description: 'One fraud check that matched a referral, and why.' })
export class ReferralFraudReasonType {
  @Field(() => ReferralFraudCheckType, { description: 'The check that matched.' })
  reason!: ReferralFraudCheckType;

  @Field(() => ReferralFraudActionType, { description: 'What the program made it do: block the referral or only flag it.' })
  action!: ReferralFraudActionType;

  @Field(() => ReferralFraudStageType, { description: 'When it matched.' })
  stage!: ReferralFraudStageType;

  @Field(() => String, { description: 'For the admin deciding: what matched, in English; it names no email, address or IP.' })
  explanation!: string;
}

@ObjectType('ReferralFraud', { description: "The fraud checks' findings on a referral." })
export class ReferralFraudType {
  @Field(() => ReferralFraudVerdictType, { description: 'BLOCKED if any reason blocks, else FLAGGED if any matched, else CLEAN.' })
  verdict!: ReferralFraudVerdictType;

  @Field(() => [ReferralFraudReasonType], { description: 'Each matched check once, the most certain first.' })
  reasons!: ReferralFraudReasonType[];
}

@ObjectType('Referral', { description: "One friend's referral by one advocate: the claim, the qualifying order, the reward and the fraud findings." })
export class ReferralType {
  @Field(() => ID, { description: 'Stable LoyalNest id of the referral.' })
  id!: string;

  @Field(() => ReferralStatusType, { description: 'Where it stands.' })
  status!: ReferralStatusType;

  @Field(() => CustomerRef, { description: 'The customer who shared their link or code.' })
  advocate!: CustomerRef;

  @Field(() => CustomerRef, { nullable: true, description: "The friend's customer; null for a guest who has not ordered yet, or a friend whose data was erased." })
  friendCustomer!: CustomerRef | null;

  @Field(() => String, { nullable: true, description: "The friend's Shopify discount code; null while none was issued (blocked at the claim)." })
  discountCode!: string | null;

  @Field(() => String, { nullable: true, description: "The friend's qualifying order (Shopify's order id, decimal); null until it converted." })
  orderId!: string | null;

  @Field(() => String, { nullable: true, description: 'The qualifying order\'s value after discounts, a decimal string in `orderCurrency` ("42.50"); null until it converted.' })
  orderTotal!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of the qualifying order\'s currency, e.g. "EUR"; null until it converted.' })
  orderCurrency!: string | null;

  @Field(() => Date, { description: 'When the friend claimed.' })
  claimedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the qualifying order converted it (the order was paid or fulfilled, as the program counts).' })
  convertedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the hold window ends and the advocate's points are due; null until it converted." })
  holdUntil!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it completed and the advocate earned their points.' })
  completedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Points the advocate earned (the program\'s advocate points when it completed); null until then.' })
  pointsAwarded!: number | null;

  @Field(() => Date, { nullable: true, description: 'When it was voided.' })
  voidedAt!: Date | null;

  @Field(() => ReferralVoidReasonType, { nullable: true, description: 'Why it was voided; null unless VOIDED.' })
  voidReason!: ReferralVoidReasonType | null;

  @Field(() => ReferralFraudType, { description: "The fraud checks' findings at the claim and the conversion." })
  fraud!: ReferralFraudType;

  @Field(() => Date, { nullable: true, description: 'When an admin approved it (lifting a block).' })
  approvedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an admin rejected it.' })
  rejectedAt!: Date | null;
}

/** A stored referral as the schema shows it (shared by every query and mutation that returns one). */
export function referralTypeOf(referral: Referral): ReferralType {
  const customer = (id: string) => Object.assign(new CustomerRef(), { id });
  return Object.assign(new ReferralType(), {
    id: referral.id,
    status: referral.status as ReferralStatusType,
    advocate: customer(referral.advocateId),
    friendCustomer: referral.friendCustomerId ? customer(referral.friendCustomerId) : null,
    discountCode: referral.discountCode ?? null,
    orderId: referral.orderId ?? null,
    orderTotal: referral.orderTotalMinor == null ? null : decimalAmount(referral.orderTotalMinor, referral.orderCurrency ?? null),
    orderCurrency: referral.orderCurrency ?? null,
    claimedAt: referral.claimedAt,
    convertedAt: referral.convertedAt ?? null,
    holdUntil: referral.holdUntil ?? null,
    completedAt: referral.completedAt ?? null,
    pointsAwarded: referral.pointsAwarded ?? null,
    voidedAt: referral.voidedAt ?? null,
    voidReason: (referral.voidReason ?? null) as ReferralVoidReasonType | null,
    fraud: {
      verdict: referral.fraud.verdict as ReferralFraudVerdictType,
      reasons: referral.fraud.reasons.map((finding) => ({
        // The schema's check and action enums carry the program's lower-case names.
        reason: finding.reason.toLowerCase() as ReferralFraudCheckType,
        action: finding.action.toLowerCase() as ReferralFraudActionType,
        stage: finding.stage as ReferralFraudStageType,
        explanation: finding.explanation,
      })),
    },
    approvedAt: referral.approvedAt ?? null,
    rejectedAt: referral.rejectedAt ?? null,
  });
}
