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
