import { isUuid } from '@loyalnest/kit';
import type { SegmentThresholds } from '../entities/segment-settings.entity.js';
import { DEFAULT_SEGMENTS, SEGMENT_KINDS, uncoveredScore, type ScoreRange, type SegmentDefinitionDraft } from './segment-rules.js';
import { DEFAULT_SEGMENT_SETTINGS, SEGMENT_LIMITS, SEGMENT_SCORINGS, type SegmentDraft, type SegmentSettingsValues, type SegmentSetupDraft } from './segment-settings.js';

/** What breaks a rule: the input field's path (`segments[3].recency.min`, `thresholds.recencyDays`) and why. */
export interface SegmentSetupProblem {
  field: string;
  message: string;
}

/** A setup once checked: the settings, and every definition with its position in its kind and whether it is a default. */
export interface CheckedSegmentSetup {
  settings: SegmentSettingsValues;
  definitions: (SegmentDefinitionDraft & { builtin: boolean })[];
}

export const HANDLE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const BUILTIN_HANDLES = new Set(DEFAULT_SEGMENTS.map((d) => d.handle));
const FULL: ScoreRange = { min: 1, max: 5 };

class Refusal extends Error {
  constructor(readonly problem: SegmentSetupProblem) {
    super(problem.message);
  }
}

const refuse = (field: string, message: string): never => {
  throw new Refusal({ field, message });
};

/**
 * Checks a whole setup, settings and segments, as `updateSegments` replaces them together.
 * `merchantTierIds` are the merchant's tiers as the tier domain answered (null when no segment
 * names a tier, so none was asked for). The first problem in input order is returned; nothing is
 * written by a refused setup.
 */
export function checkSegmentSetup(draft: SegmentSetupDraft, merchantTierIds: ReadonlySet<string> | null): CheckedSegmentSetup | SegmentSetupProblem {
  try {
    const settings = checkSettings(draft);
    if (draft.segments.length > SEGMENT_LIMITS.segments) refuse('segments', `At most ${SEGMENT_LIMITS.segments} segments; ${draft.segments.length} were given`);
    const seen = new Set<string>();
    const positions = { rfm: 0, custom: 0 };
    const definitions = draft.segments.map((segment, i) => {
      const checked = checkSegment(segment, `segments[${i}]`, seen, merchantTierIds);
      return { ...checked, position: ++positions[checked.kind] };
    });
    const missing = [...BUILTIN_HANDLES].find((handle) => !seen.has(handle));
    if (missing) refuse('segments', `The built-in segment "${missing}" cannot be removed (Flow workflows, the Shopify metafield and the history name it); change its rules or move it last instead`);
    const gap = uncoveredScore(definitions);
    if (gap) refuse('segments', `No RFM segment covers recency ${gap.recency}, frequency ${gap.frequency}, monetary ${gap.monetary}: every one of the 125 score combinations must fall in one`);
    return { settings, definitions };
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    throw error;
  }
}

function checkSettings(draft: SegmentSetupDraft): SegmentSettingsValues {
  const windowDays = draft.windowDays ?? DEFAULT_SEGMENT_SETTINGS.windowDays;
  if (!Number.isInteger(windowDays) || windowDays < SEGMENT_LIMITS.windowDaysMin || windowDays > SEGMENT_LIMITS.windowDaysMax) {
    refuse('windowDays', `The analysis window is ${SEGMENT_LIMITS.windowDaysMin} to ${SEGMENT_LIMITS.windowDaysMax} days; ${windowDays} was given`);
  }
  const scoring = draft.scoring ?? DEFAULT_SEGMENT_SETTINGS.scoring;
  if (!SEGMENT_SCORINGS.includes(scoring)) refuse('scoring', `Unknown scoring "${scoring}"`);
  const thresholds = draft.thresholds ?? null;
  if (scoring === 'quintile' && thresholds) refuse('thresholds', 'Thresholds apply to THRESHOLD scoring only; leave them out with QUINTILE');
  if (scoring === 'threshold' && !thresholds) refuse('thresholds', 'THRESHOLD scoring needs thresholds for recency, frequency and monetary value');
  if (thresholds) checkThresholds(thresholds, windowDays);
  return { windowDays, scoring, thresholds, syncMetafield: draft.syncMetafield ?? DEFAULT_SEGMENT_SETTINGS.syncMetafield };
}

/**
 * Each list is four whole numbers, strictly ascending: the boundaries of scores 2 to 5 for
 * frequency and monetary value (at or above), and of scores 5 down to 2 for recency (days since the
 * last order at or below: fewer days is the better score, so its ascending days read 5, 4, 3, 2).
 */
function checkThresholds(thresholds: SegmentThresholds, windowDays: number): void {
  const lists: [keyof SegmentThresholds, number, number][] = [
    ['recencyDays', 0, windowDays],
    ['frequencyOrders', 1, SEGMENT_LIMITS.frequencyOrders],
    ['monetaryMinor', 0, SEGMENT_LIMITS.points],
  ];
  for (const [key, min, max] of lists) {
    const values = thresholds[key];
    const field = `thresholds.${key}`;
    if (!Array.isArray(values) || values.length !== 4) refuse(field, `Give exactly 4 numbers; ${Array.isArray(values) ? values.length : 0} were given`);
    values.forEach((value, j) => {
      if (!Number.isInteger(value) || value < min || value > max) refuse(`${field}[${j}]`, `Each must be a whole number from ${min} to ${max}; ${value} was given`);
      if (j > 0 && value <= values[j - 1]) refuse(`${field}[${j}]`, `The numbers must ascend strictly: ${value} is not above ${values[j - 1]}`);
    });
  }
}

function checkSegment(segment: SegmentDraft, at: string, seen: Set<string>, merchantTierIds: ReadonlySet<string> | null): SegmentDefinitionDraft & { builtin: boolean } {
  const { handle, kind } = segment;
  if (handle.length > SEGMENT_LIMITS.handleLength) refuse(`${at}.handle`, `A handle has at most ${SEGMENT_LIMITS.handleLength} characters; ${handle.length} were given`);
  if (!HANDLE_PATTERN.test(handle)) refuse(`${at}.handle`, `"${handle}" is not a handle: lower-case letters and digits in words joined by single hyphens, e.g. "win-back"`);
  if (seen.has(handle)) refuse(`${at}.handle`, `The handle "${handle}" is given twice`);
  seen.add(handle);
  if (!SEGMENT_KINDS.includes(kind)) refuse(`${at}.kind`, `Unknown kind "${kind}"`);
  const builtin = BUILTIN_HANDLES.has(handle);
  if (builtin && kind !== 'rfm') refuse(`${at}.kind`, `The built-in segment "${handle}" stays an RFM segment`);
  const names = checkNames(segment.names, `${at}.names`);
  const recency = checkRange(segment.recency, `${at}.recency`);
  const frequency = checkRange(segment.frequency, `${at}.frequency`);
  const monetary = checkRange(segment.monetary, `${at}.monetary`);
  const tierIds = checkTiers(segment.tierIds ?? null, `${at}.tierIds`, merchantTierIds);
  const pointsMin = checkPoints(segment.pointsMin ?? null, `${at}.pointsMin`);
  const pointsMax = checkPoints(segment.pointsMax ?? null, `${at}.pointsMax`);
  if (kind === 'rfm') {
    if (tierIds) refuse(`${at}.tierIds`, 'Tier rules apply to custom segments only: an RFM segment is decided by the scores');
    if (pointsMin !== null) refuse(`${at}.pointsMin`, 'Points rules apply to custom segments only: an RFM segment is decided by the scores');
    if (pointsMax !== null) refuse(`${at}.pointsMax`, 'Points rules apply to custom segments only: an RFM segment is decided by the scores');
  }
  if (pointsMin !== null && pointsMax !== null && pointsMin > pointsMax) refuse(`${at}.pointsMax`, `pointsMax ${pointsMax} is below pointsMin ${pointsMin}`);
  return { handle, kind, position: 0, names, rules: { recency, frequency, monetary, tierIds, pointsMin, pointsMax }, builtin };
}

/** English is required; Spanish and French fall back to it when left out. Each is trimmed, 1–100 characters. */
function checkNames(names: SegmentDraft['names'], at: string): { en: string; es: string; fr: string } {
  const text = (value: string | null | undefined, locale: string, required: boolean): string | null => {
    if (value == null) {
      if (required) refuse(`${at}.${locale}`, 'An English name is required');
      return null;
    }
    const trimmed = value.trim();
    const length = [...trimmed].length;
    if (length < 1 || length > SEGMENT_LIMITS.nameLength) refuse(`${at}.${locale}`, `A name is 1–${SEGMENT_LIMITS.nameLength} characters; ${length} were given`);
    return trimmed;
  };
  const en = text(names.en, 'en', true)!;
  return { en, es: text(names.es, 'es', false) ?? en, fr: text(names.fr, 'fr', false) ?? en };
}

/** An inclusive 1–5 range with min ≤ max; left out, every score. */
function checkRange(range: ScoreRange | null | undefined, at: string): ScoreRange {
  if (!range) return { ...FULL };
  for (const bound of ['min', 'max'] as const) {
    const value = range[bound];
    if (!Number.isInteger(value) || value < 1 || value > 5) refuse(`${at}.${bound}`, `A score is 1 to 5; ${value} was given`);
  }
  if (range.min > range.max) refuse(`${at}.min`, `The range is impossible: min ${range.min} is above max ${range.max}`);
  return { min: range.min, max: range.max };
}

function checkTiers(tierIds: string[] | null, at: string, merchantTierIds: ReadonlySet<string> | null): string[] | null {
  if (tierIds === null) return null;
  if (!tierIds.length) refuse(at, 'Name at least one tier, or leave tierIds out for any tier');
  tierIds.forEach((id, j) => {
    // Another merchant's tier id is as unknown here as a made-up one: the tier domain answered for this merchant only.
    if (!isUuid(id) || !merchantTierIds?.has(id)) refuse(`${at}[${j}]`, `No tier ${id} in this shop's tier program`);
  });
  return [...new Set(tierIds)];
}

function checkPoints(value: number | null, at: string): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 0 || value > SEGMENT_LIMITS.points) refuse(at, `A points bound is a whole number from 0 to ${SEGMENT_LIMITS.points}; ${value} was given`);
  return value;
}
