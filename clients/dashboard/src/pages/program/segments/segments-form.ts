import type {
  ProgramSegmentFieldsFragment,
  ProgramSegmentSettingsFieldsFragment,
  SegmentKind,
  SegmentScoring,
  UpdateSegmentsInput,
} from '../../../generated/graphql.js';
import { ProblemCollector, textLength, wholeNumberIn, type Problems } from '../form-checks/form-checks.js';

/** The segment subgraph's limits (its SEGMENT_LIMITS), checked here before sending. */
export const SEGMENT_LIMITS = { windowDaysMin: 30, windowDaysMax: 1095, segments: 50, handleLength: 64, nameLength: 100, points: 2_147_483_647, frequencyOrders: 100_000 } as const;

const HANDLE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export type ScoreName = 'recency' | 'frequency' | 'monetary';
export const SCORES: readonly ScoreName[] = ['recency', 'frequency', 'monetary'];
export type ThresholdName = 'recencyDays' | 'frequencyOrders' | 'monetaryMinor';
export const THRESHOLDS: readonly ThresholdName[] = ['recencyDays', 'frequencyOrders', 'monetaryMinor'];

export interface SegmentForm {
  /** React's key: the handle it was loaded with, or a made-up one for a new segment. */
  key: string;
  /** Only a segment not saved yet takes a handle; a saved one's is what Flow and metafields name. */
  isNew: boolean;
  handle: string;
  kind: SegmentKind;
  builtin: boolean;
  names: { en: string; es: string; fr: string };
  recency: { min: number; max: number };
  frequency: { min: number; max: number };
  monetary: { min: number; max: number };
  /** Carried over unchanged: the dashboard does not edit a custom segment's tiers. */
  tierIds: string[] | null;
  pointsMin: string;
  pointsMax: string;
}

export interface SegmentsForm {
  windowDays: string;
  scoring: SegmentScoring;
  /** Each list as typed: four numbers separated by commas. */
  thresholds: Record<ThresholdName, string>;
  syncMetafield: boolean;
  segments: SegmentForm[];
}

export function segmentsFormOf(settings: ProgramSegmentSettingsFieldsFragment, segments: ProgramSegmentFieldsFragment[]): SegmentsForm {
  return {
    windowDays: String(settings.windowDays),
    scoring: settings.scoring,
    thresholds: {
      recencyDays: settings.thresholds?.recencyDays.join(', ') ?? '',
      frequencyOrders: settings.thresholds?.frequencyOrders.join(', ') ?? '',
      monetaryMinor: settings.thresholds?.monetaryMinor.join(', ') ?? '',
    },
    syncMetafield: settings.syncMetafield,
    segments: segments.map((s) => ({
      key: s.handle,
      isNew: false,
      handle: s.handle,
      kind: s.kind,
      builtin: s.builtin,
      names: { ...s.names },
      recency: { min: s.recency.min, max: s.recency.max },
      frequency: { min: s.frequency.min, max: s.frequency.max },
      monetary: { min: s.monetary.min, max: s.monetary.max },
      tierIds: s.tierIds ?? null,
      pointsMin: s.pointsMin == null ? '' : String(s.pointsMin),
      pointsMax: s.pointsMax == null ? '' : String(s.pointsMax),
    })),
  };
}

let newSegments = 0;

/** A custom segment to fill in: every score, any balance. */
export function newCustomSegment(): SegmentForm {
  const full = () => ({ min: 1, max: 5 });
  return { key: `new-${++newSegments}`, isNew: true, handle: '', kind: 'CUSTOM', builtin: false, names: { en: '', es: '', fr: '' }, recency: full(), frequency: full(), monetary: full(), tierIds: null, pointsMin: '', pointsMax: '' };
}

/** "3, 7, 30, 90" as numbers; null when any part is not a whole number. */
function listOf(text: string): number[] | null {
  const parts = text.split(',').map((part) => part.trim());
  return parts.every((part) => /^\d+$/.test(part)) ? parts.map(Number) : null;
}

/**
 * The segment subgraph's checks (checkSegmentSetup), but one: whether the RFM segments cover all
 * 125 score combinations is left to the server, whose answer names the first combination missing.
 */
export function checkSegmentsForm(form: SegmentsForm): Problems {
  const check = new ProblemCollector();
  const windowDays = check.take('windowDays', wholeNumberIn(form.windowDays, SEGMENT_LIMITS.windowDaysMin, SEGMENT_LIMITS.windowDaysMax));
  if (form.scoring === 'THRESHOLD') {
    const bounds: Record<ThresholdName, [number, number]> = {
      recencyDays: [0, windowDays ?? SEGMENT_LIMITS.windowDaysMax],
      frequencyOrders: [1, SEGMENT_LIMITS.frequencyOrders],
      monetaryMinor: [0, SEGMENT_LIMITS.points],
    };
    for (const name of THRESHOLDS) {
      const key = `thresholds.${name}`;
      const [min, max] = bounds[name];
      const values = listOf(form.thresholds[name]);
      if (!values || values.length !== 4 || values.some((v) => v < min || v > max)) check.add(key, 'thresholdList', { min, max });
      else if (values.some((v, j) => j > 0 && v <= values[j - 1])) check.add(key, 'thresholdAscending');
    }
  }
  if (form.segments.length > SEGMENT_LIMITS.segments) check.add('segments', 'tooMany', { max: SEGMENT_LIMITS.segments });
  const handles = new Set<string>();
  form.segments.forEach((segment, i) => {
    const at = `segments.${i}`;
    if (segment.isNew) {
      const handle = segment.handle;
      if (!handle || handle.length > SEGMENT_LIMITS.handleLength || !HANDLE_PATTERN.test(handle)) check.add(`${at}.handle`, 'handle', { max: SEGMENT_LIMITS.handleLength });
      else if (handles.has(handle)) check.add(`${at}.handle`, 'handleTaken');
    }
    handles.add(segment.handle);
    if (!segment.names.en.trim()) check.add(`${at}.names.en`, 'required');
    for (const locale of ['en', 'es', 'fr'] as const) {
      const name = segment.names[locale];
      if (name.trim()) check.take(`${at}.names.${locale}`, textLength(name, SEGMENT_LIMITS.nameLength));
    }
    for (const score of SCORES) if (segment[score].min > segment[score].max) check.add(`${at}.${score}.min`, 'minAboveMax');
    if (segment.kind === 'CUSTOM') {
      const min = segment.pointsMin.trim() ? check.take(`${at}.pointsMin`, wholeNumberIn(segment.pointsMin, 0, SEGMENT_LIMITS.points)) : undefined;
      const max = segment.pointsMax.trim() ? check.take(`${at}.pointsMax`, wholeNumberIn(segment.pointsMax, 0, SEGMENT_LIMITS.points)) : undefined;
      if (min !== undefined && max !== undefined && min > max) check.add(`${at}.pointsMax`, 'minAboveMax');
    }
  });
  return check.problems;
}

/** The mutation's input, settings and every segment in order, from a form `checkSegmentsForm` found no problem in. */
export function segmentsInputOf(form: SegmentsForm): UpdateSegmentsInput {
  return {
    windowDays: Number(form.windowDays),
    scoring: form.scoring,
    thresholds:
      form.scoring === 'THRESHOLD'
        ? { recencyDays: listOf(form.thresholds.recencyDays)!, frequencyOrders: listOf(form.thresholds.frequencyOrders)!, monetaryMinor: listOf(form.thresholds.monetaryMinor)! }
        : null,
    syncMetafield: form.syncMetafield,
    segments: form.segments.map((s) => ({
      handle: s.handle,
      kind: s.kind,
      names: { en: s.names.en.trim(), es: s.names.es.trim() || null, fr: s.names.fr.trim() || null },
      recency: s.recency,
      frequency: s.frequency,
      monetary: s.monetary,
      ...(s.kind === 'CUSTOM' ? { tierIds: s.tierIds, pointsMin: s.pointsMin.trim() ? Number(s.pointsMin) : null, pointsMax: s.pointsMax.trim() ? Number(s.pointsMax) : null } : {}),
    })),
  };
}

/**
 * A server error's field as the form shows it: a threshold list's item (`thresholds.recencyDays.2`)
 * on its list's field, the whole thresholds on the scoring choice, the rest as named.
 */
export function segmentFieldKeyOf(field: string): string {
  const threshold = /^thresholds\.(\w+)\.\d+$/.exec(field);
  if (threshold) return `thresholds.${threshold[1]}`;
  return field === 'thresholds' ? 'scoring' : field;
}
