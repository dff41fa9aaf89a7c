import { PageInfo } from '@loyalnest/kit';
import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TierMetricType } from './tier-enums.type.js';
import { TierType } from './tier.type.js';

export enum TierChangeDirection {
  UP = 'up',
  DOWN = 'down',
}
registerEnumType(TierChangeDirection, {
  name: 'TierChangeDirection',
  description: 'Whether a change of tier went up or down the program.',
  valuesConfig: {
    UP: { description: 'To a higher tier (any tier ranks above none).' },
    DOWN: { description: 'To a lower tier, or to none.' },
  },
});

export enum TierChangeReason {
  QUALIFIED = 'qualified',
  METRIC_LOWERED = 'metric_lowered',
  PERIOD_ENDED = 'period_ended',
  GRACE_EXPIRED = 'grace_expired',
  ASSIGNED = 'assigned',
  ASSIGNMENT_ENDED = 'assignment_ended',
  PROGRAM_CHANGED = 'program_changed',
}
registerEnumType(TierChangeReason, {
  name: 'TierChangeReason',
  description: "Why a customer's tier changed.",
  valuesConfig: {
    QUALIFIED: { description: 'The qualification metric reached a higher tier (an order, an earn).' },
    METRIC_LOWERED: { description: 'A refund, cancellation or reversal lowered the metric below the tier.' },
    PERIOD_ENDED: { description: 'A calendar period ended and the tier kept through it was not earned again.' },
    GRACE_EXPIRED: { description: "A rolling window slid past what held the tier, and the grace period ran out." },
    ASSIGNED: { description: 'An admin, a partner or Shopify Flow assigned the tier by hand.' },
    ASSIGNMENT_ENDED: { description: 'A hand assignment ran out or was lifted; the metric decides again.' },
    PROGRAM_CHANGED: { description: 'The merchant changed the program and the recompute re-placed the customer.' },
  },
});

@ObjectType('TierAssignment', { description: 'A tier an admin, a partner or Flow assigned by hand; it wins over the metric until it ends.' })
export class TierAssignmentType {
  @Field(() => TierType, { description: 'The tier assigned.' })
  tier!: TierType;

  @Field(() => Date, { nullable: true, description: 'When the assignment ends and the metric decides again; null: until lifted.' })
  until!: Date | null;
}

@ObjectType('TierProgress', {
  description:
    "Where the customer's qualification metric stands. Values and deltas are in the metric's unit: points (POINTS_EARNED), orders (ORDERS_COUNT), or units of the shop's currency as a decimal with up to 3 places (AMOUNT_SPENT, e.g. 1234.5).",
})
export class TierProgressType {
  @Field(() => TierMetricType, { description: 'The metric the program counts.' })
  metric!: TierMetricType;

  @Field(() => Float, { description: 'The metric over the current period or window (lifetime: ever), as of the last evaluation.' })
  value!: number;

  @Field(() => TierType, { nullable: true, description: 'The tier above the current one (the first tier for a customer without one); null at the top.' })
  nextTier!: TierType | null;

  @Field(() => Float, { nullable: true, description: "What the metric still needs to reach `nextTier`; 0 when already reached (the tier follows at the next evaluation); null at the top." })
  deltaToNext!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'What the metric still needs in the current period or window to keep the current tier beyond `expiresAt`; 0 when already kept; null for a LIFETIME period (a tier is never lost to time) and for a customer without a tier.',
  })
  deltaToRetain!: number | null;
}

@ObjectType('TierChange', { description: "One change of a customer's tier." })
export class TierChangeType {
  @Field(() => ID, { description: 'Stable id of the change.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The tier before; null when the customer had none.' })
  fromTierId!: string | null;

  @Field(() => TierType, { nullable: true, description: 'The tier before, as the program has it now; null when none, or when the program no longer has it.' })
  from!: TierType | null;

  @Field(() => ID, { nullable: true, description: 'The tier after; null when the customer has none.' })
  toTierId!: string | null;

  @Field(() => TierType, { nullable: true, description: 'The tier after, as the program has it now; null when none, or when the program no longer has it.' })
  to!: TierType | null;

  @Field(() => TierChangeDirection, { description: 'Up or down the program.' })
  direction!: TierChangeDirection;

  @Field(() => TierChangeReason, { description: 'Why it changed.' })
  reason!: TierChangeReason;

  @Field(() => Date, { description: 'When it changed.' })
  changedAt!: Date;
}

@ObjectType('TierChangeConnection', { description: "A page of a customer's tier changes, newest first." })
export class TierChangeConnection {
  @Field(() => [TierChangeType], { description: 'The changes on this page.' })
  nodes!: TierChangeType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

@ObjectType('TierMembership', { description: "A customer's VIP tier: what they hold, until when, and how far they are from the next one." })
export class TierMembershipType {
  @Field(() => TierType, { nullable: true, description: 'The tier held now; null when none (below the first tier, or the merchant has no tiers).' })
  current!: TierType | null;

  @Field(() => Date, { nullable: true, description: 'Since when the current tier is held; null when the customer was never placed in one.' })
  since!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The earliest date the current tier would be lost unless earned again: the end of the period after the one it was earned in (CALENDAR_YEAR), the end of the grace period after falling below it (ROLLING_MONTHS), or the end of a hand assignment. Null when the tier is not at risk.',
  })
  expiresAt!: Date | null;

  @Field(() => TierAssignmentType, { nullable: true, description: 'The hand assignment in force; null when the metric decides.' })
  assigned!: TierAssignmentType | null;

  @Field(() => TierProgressType, { description: 'The qualification metric and what it still needs.' })
  progress!: TierProgressType;

  /** Whose membership it is, for the `history` field resolver. */
  customerId!: string;
}

/** The customer as the tier subgraph extends it. */
@Directive('@key(fields: "id")')
@ObjectType('Customer', { description: "A shopper of the merchant's store, as known from Shopify." })
export class CustomerRef {
  @Field(() => ID, { description: 'Stable LoyalNest id of the customer.' })
  id!: string;
}
