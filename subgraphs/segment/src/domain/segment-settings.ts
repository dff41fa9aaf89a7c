import type { SegmentThresholds } from '../entities/segment-settings.entity.js';
import type { SegmentKind, ScoreRange } from './segment-rules.js';

export const SEGMENT_SCORINGS = ['quintile', 'threshold'] as const;
export type SegmentScoring = (typeof SEGMENT_SCORINGS)[number];

/** A merchant's scoring settings, without the shop's time zone (the segment domain learns it from the merchant domain). */
export interface SegmentSettingsValues {
  windowDays: number;
  scoring: SegmentScoring;
  thresholds: SegmentThresholds | null;
  syncMetafield: boolean;
}

export const DEFAULT_SEGMENT_SETTINGS: SegmentSettingsValues = { windowDays: 365, scoring: 'quintile', thresholds: null, syncMetafield: false };

export const SEGMENT_LIMITS = {
  windowDaysMin: 30,
  windowDaysMax: 1095,
  /** RFM and custom together: each is a count per run and a line of the chart. */
  segments: 50,
  handleLength: 64,
  nameLength: 100,
  /** Points balances and thresholds stay within PostgreSQL's int. */
  points: 2_147_483_647,
  /** Most orders a frequency threshold may ask for in the window. */
  frequencyOrders: 100_000,
} as const;

/** One segment as `updateSegments` receives it: `es` and `fr` may be left out (they take the English name). */
export interface SegmentDraft {
  handle: string;
  kind: SegmentKind;
  names: { en: string; es?: string | null; fr?: string | null };
  recency?: ScoreRange | null;
  frequency?: ScoreRange | null;
  monetary?: ScoreRange | null;
  tierIds?: string[] | null;
  pointsMin?: number | null;
  pointsMax?: number | null;
}

/** The whole of what `updateSegments` replaces: settings left out take their defaults. */
export interface SegmentSetupDraft {
  windowDays?: number;
  scoring?: SegmentScoring;
  thresholds?: SegmentThresholds | null;
  syncMetafield?: boolean;
  segments: SegmentDraft[];
}
