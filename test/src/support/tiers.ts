import type { TestGateway } from './gateway.js';
import type { TestMerchant } from './tenants.js';

export const TIER_FIELDS = 'id position names { locale text } name threshold earnMultiplier entryBonusPoints perks { texts { locale text } text }';
export const PROGRAM_FIELDS = `metric period periodStartMonth periodStartDay rollingMonths graceDays downgradePolicy skippedTierBonus version updatedAt tiers { ${TIER_FIELDS} }`;

export const TIERS = `query($locale: LocaleCode) { tiers { id position name(locale: $locale) threshold earnMultiplier entryBonusPoints perks { text(locale: $locale) } } }`;
export const TIER_PROGRAM = `query { tierProgram { ${PROGRAM_FIELDS} } }`;
export const UPDATE_TIER_PROGRAM = `mutation($input: UpdateTierProgramInput!) {
  updateTierProgram(input: $input) {
    __typename
    ... on TierProgram { ${PROGRAM_FIELDS} }
    ... on InvalidTierProgramError { code message field tierIndex }
  }
}`;

export interface TierNode {
  id: string;
  position: number;
  names: { locale: string; text: string }[];
  name: string;
  threshold: number;
  earnMultiplier: number;
  entryBonusPoints: number | null;
  perks: { texts: { locale: string; text: string }[]; text: string }[];
}

export interface TierProgramNode {
  metric: string;
  period: string;
  periodStartMonth: number;
  periodStartDay: number;
  rollingMonths: number;
  graceDays: number;
  downgradePolicy: string;
  skippedTierBonus: string;
  version: number;
  updatedAt: string | null;
  tiers: TierNode[];
}

export type UpdateTierProgramResult = ({ __typename: 'TierProgram' } & TierProgramNode) | { __typename: 'InvalidTierProgramError'; code: string; message: string; field: string; tierIndex: number | null };

/** A tier input with one English name, and whatever else the test sets. */
export function tierInput(name: string, threshold: number, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { names: [{ locale: 'EN', text: name }], threshold, earnMultiplier: 1, ...more };
}

export async function updateTierProgram(gateway: TestGateway, auth: Record<string, string>, input: Record<string, unknown>): Promise<UpdateTierProgramResult> {
  const result = await gateway.gql<{ updateTierProgram: UpdateTierProgramResult }>(UPDATE_TIER_PROGRAM, { input }, auth);
  if (result.errors?.length || !result.data) throw new Error(`updateTierProgram failed: ${JSON.stringify(result.errors)}`);
  return result.data.updateTierProgram;
}

export async function tierProgramOf(gateway: TestGateway, merchant: TestMerchant): Promise<TierProgramNode> {
  const result = await gateway.gql<{ tierProgram: TierProgramNode }>(TIER_PROGRAM, {}, merchant.auth);
  if (result.errors?.length || !result.data) throw new Error(`tierProgram failed: ${JSON.stringify(result.errors)}`);
  return result.data.tierProgram;
}
