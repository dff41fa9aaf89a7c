/** The languages a segment's name is given in: the merchant's locale picks one, English otherwise. */
export const SEGMENT_LOCALES = ['en', 'es', 'fr'] as const;
export type SegmentLocale = (typeof SEGMENT_LOCALES)[number];
export type SegmentNames = Record<SegmentLocale, string>;

/** RFM segments partition the scored customers (the first match by position wins); custom ones may overlap. */
export const SEGMENT_KINDS = ['rfm', 'custom'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** An inclusive range of a 1–5 score. */
export type ScoreRange = { min: number; max: number };

/** A segment's rules: every one given must hold. Tier and points apply to custom segments only. */
export type SegmentRules = {
  recency: ScoreRange;
  frequency: ScoreRange;
  monetary: ScoreRange;
  /** The customer holds one of these tiers (`Tier.id`); null: any tier or none. */
  tierIds: string[] | null;
  /** The customer's points balance is at least / at most this; null: no bound. */
  pointsMin: number | null;
  pointsMax: number | null;
};

export type SegmentDefinitionDraft = {
  handle: string;
  kind: SegmentKind;
  position: number;
  names: SegmentNames;
  rules: SegmentRules;
};

const ANY: ScoreRange = { min: 1, max: 5 };
const r = (min: number, max: number): ScoreRange => ({ min, max });

function rfm(position: number, handle: string, names: SegmentNames, recency: ScoreRange, frequency: ScoreRange, monetary: ScoreRange = ANY): SegmentDefinitionDraft {
  return { handle, kind: 'rfm', position, names, rules: { recency, frequency, monetary, tierIds: null, pointsMin: null, pointsMax: null } };
}

/**
 * The default RFM segments, in the order they are tried: the classic recency × frequency grid,
 * with monetary value separating Champions from Loyal and Can't lose from At risk. Together they
 * cover all 125 score combinations, so every scored customer lands in exactly one.
 *
 * | R \ F | 1         | 2              | 3                  | 4           | 5           |
 * |-------|-----------|----------------|--------------------|-------------|-------------|
 * | 5     | New       | Potential      | Potential          | Champions¹  | Champions¹  |
 * | 4     | Promising | Potential      | Potential          | Champions¹  | Champions¹  |
 * | 3     | About to sleep | About to sleep | Needs attention | Loyal     | Loyal       |
 * | 2     | Hibernating | Hibernating  | At risk            | At risk²    | At risk²    |
 * | 1     | Lost      | Lost           | At risk            | At risk²    | At risk²    |
 *
 * ¹ with M 4–5, else Loyal. ² with M 4–5, Can't lose.
 */
export const DEFAULT_SEGMENTS: SegmentDefinitionDraft[] = [
  rfm(1, 'champions', { en: 'Champions', es: 'Campeones', fr: 'Champions' }, r(4, 5), r(4, 5), r(4, 5)),
  rfm(2, 'loyal', { en: 'Loyal', es: 'Leales', fr: 'Fidèles' }, r(3, 5), r(4, 5)),
  rfm(3, 'cant-lose', { en: "Can't lose", es: 'No se pueden perder', fr: 'À ne pas perdre' }, r(1, 2), r(4, 5), r(4, 5)),
  rfm(4, 'at-risk', { en: 'At risk', es: 'En riesgo', fr: 'À risque' }, r(1, 2), r(3, 5)),
  rfm(5, 'new', { en: 'New', es: 'Nuevos', fr: 'Nouveaux' }, r(5, 5), r(1, 1)),
  rfm(6, 'promising', { en: 'Promising', es: 'Prometedores', fr: 'Prometteurs' }, r(4, 4), r(1, 1)),
  rfm(7, 'potential-loyalist', { en: 'Potential loyalist', es: 'Potencialmente leales', fr: 'Fidèles potentiels' }, r(4, 5), r(2, 3)),
  rfm(8, 'needs-attention', { en: 'Needs attention', es: 'Necesitan atención', fr: 'À surveiller' }, r(3, 3), r(3, 3)),
  rfm(9, 'about-to-sleep', { en: 'About to sleep', es: 'A punto de dormir', fr: "En voie d'endormissement" }, r(3, 3), r(1, 2)),
  rfm(10, 'hibernating', { en: 'Hibernating', es: 'Hibernando', fr: 'En hibernation' }, r(2, 2), r(1, 2)),
  rfm(11, 'lost', { en: 'Lost', es: 'Perdidos', fr: 'Perdus' }, r(1, 1), r(1, 2)),
];

/** Whether a score triple meets a segment's score rules. */
export function scoresMatch(rules: Pick<SegmentRules, 'recency' | 'frequency' | 'monetary'>, score: { recency: number; frequency: number; monetary: number }): boolean {
  const within = (range: ScoreRange, value: number) => value >= range.min && value <= range.max;
  return within(rules.recency, score.recency) && within(rules.frequency, score.frequency) && within(rules.monetary, score.monetary);
}

/** The RFM segment a score triple falls in: the first by position whose rules match; null when none does. */
export function rfmSegmentOf<T extends { kind: SegmentKind; position: number; rules: SegmentRules }>(definitions: T[], score: { recency: number; frequency: number; monetary: number }): T | null {
  return [...definitions].filter((d) => d.kind === 'rfm').sort((a, b) => a.position - b.position).find((d) => scoresMatch(d.rules, score)) ?? null;
}

/** A score combination no RFM segment covers, or null when they cover all 125 (what a set of RFM segments must do). */
export function uncoveredScore<T extends { kind: SegmentKind; position: number; rules: SegmentRules }>(definitions: T[]): { recency: number; frequency: number; monetary: number } | null {
  for (let recency = 1; recency <= 5; recency++)
    for (let frequency = 1; frequency <= 5; frequency++)
      for (let monetary = 1; monetary <= 5; monetary++) if (!rfmSegmentOf(definitions, { recency, frequency, monetary })) return { recency, frequency, monetary };
  return null;
}
