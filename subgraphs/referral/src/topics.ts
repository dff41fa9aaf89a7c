import { defineTopic } from '@loyalnest/kit';

/**
 * The events the referral domain publishes. Payloads hold ids, numbers and codes, never PII.
 */

/**
 * The merchant replaced the referral program (`updateReferralProgram`): its version and its
 * settings (amounts as decimal strings in the shop's currency). The audit trail follows it.
 */
export type ReferralProgramUpdated = {
  version: number;
  enabled: boolean;
  advocatePoints: number;
  friendRewardKind: string;
  friendRewardValue: string | null;
  conversionRule: string;
  holdDays: number;
  monthlyCap: number | null;
  lifetimeCap: number | null;
  fraudPolicy: Record<string, string>;
  claimBurstPerWeek: number;
};

export const REFERRAL_PROGRAM_UPDATED = defineTopic<ReferralProgramUpdated>('referral_program.updated');

/** What every referral event carries: the referral, its advocate, and the friend's customer when known. */
type ReferralEventBase = {
  referralId: string;
  advocateId: string;
  /** The friend's LoyalNest customer id; null for a guest who has not ordered yet. */
  friendCustomerId: string | null;
};

/** A friend claimed: their discount code was issued (or the claim was blocked: see `referral.blocked`). */
export type ReferralClaimed = ReferralEventBase & { status: 'CLAIMED' | 'BLOCKED' };

/**
 * The hold window passed (or an admin approved a blocked referral whose hold had passed): the
 * points domain posts `points` to the advocate, once per referral (idempotency key: `referralId`).
 */
export type ReferralCompleted = ReferralEventBase & {
  points: number;
  /** The friend's qualifying order (Shopify's id, decimal) and its total in minor units. */
  orderId: string;
  orderTotalMinor: number;
  currency: string | null;
  completedAt: string;
};

/** A fraud check blocked the referral at `stage`; `reasons` are the blocking and flagging reasons' names. */
export type ReferralBlocked = ReferralEventBase & { stage: 'CLAIM' | 'CONVERSION'; reasons: string[] };

/** The qualifying order was cancelled or refunded below the minimum inside the hold, or an admin rejected it. */
export type ReferralVoided = ReferralEventBase & { status: 'VOIDED' | 'REJECTED'; reason: string };

export const REFERRAL_CLAIMED = defineTopic<ReferralClaimed>('referral.claimed');
export const REFERRAL_COMPLETED = defineTopic<ReferralCompleted>('referral.completed');
export const REFERRAL_BLOCKED = defineTopic<ReferralBlocked>('referral.blocked');
export const REFERRAL_VOIDED = defineTopic<ReferralVoided>('referral.voided');
