import { Field, ID, InputType, Int } from 'type-graphql';
import { SEGMENT_LIMITS } from '../domain/segment-settings.js';
import { SegmentKindType, SegmentScoringType } from './segment-enums.type.js';

@InputType('ScoreRangeInput', { description: 'An inclusive range of a 1–5 score.' })
export class ScoreRangeInput {
  @Field(() => Int, { description: 'The lowest score that matches, 1–5.' })
  min!: number;

  @Field(() => Int, { description: 'The highest score that matches, `min`–5.' })
  max!: number;
}

@InputType('SegmentNamesInput', { description: "A segment's name: English required, Spanish and French taking the English name when left out." })
export class SegmentNamesInput {
  @Field(() => String, { description: `English, 1–${SEGMENT_LIMITS.nameLength} characters once trimmed.` })
  en!: string;

  @Field(() => String, { nullable: true, description: 'Spanish; left out, the English name.' })
  es?: string | null;

  @Field(() => String, { nullable: true, description: 'French; left out, the English name.' })
  fr?: string | null;
}

@InputType('SegmentInput', { description: 'One segment, in its place in the list: RFM segments are tried in the order given.' })
export class SegmentInput {
  @Field(() => String, { description: `Stable handle, unique, at most ${SEGMENT_LIMITS.handleLength} characters: lower-case letters and digits in words joined by hyphens. The eleven built-in handles must all be given.` })
  handle!: string;

  @Field(() => SegmentKindType, { description: 'RFM (exactly one per scored customer; the built-ins are RFM) or custom (may overlap).' })
  kind!: SegmentKindType;

  @Field(() => SegmentNamesInput, { description: 'The name.' })
  names!: SegmentNamesInput;

  @Field(() => ScoreRangeInput, { nullable: true, description: 'Recency scores that match; left out, 1–5.' })
  recency?: ScoreRangeInput | null;

  @Field(() => ScoreRangeInput, { nullable: true, description: 'Frequency scores that match; left out, 1–5.' })
  frequency?: ScoreRangeInput | null;

  @Field(() => ScoreRangeInput, { nullable: true, description: 'Monetary scores that match; left out, 1–5.' })
  monetary?: ScoreRangeInput | null;

  @Field(() => [ID], { nullable: true, description: "Custom segments only: members hold one of these of the shop's tiers (`Tier.id`); left out, any tier or none." })
  tierIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Custom segments only: members have at least this points balance, 0 or more.' })
  pointsMin?: number | null;

  @Field(() => Int, { nullable: true, description: 'Custom segments only: members have at most this points balance, `pointsMin` or more.' })
  pointsMax?: number | null;
}

@InputType('SegmentThresholdsInput', { description: 'Fixed score boundaries for THRESHOLD scoring: four strictly ascending whole numbers each.' })
export class SegmentThresholdsInput {
  @Field(() => [Int], { description: 'Days since the last order at or below which recency scores 5, 4, 3 and 2; 0 to `windowDays`.' })
  recencyDays!: number[];

  @Field(() => [Int], { description: `Orders in the window at or above which frequency scores 2, 3, 4 and 5; 1 to ${SEGMENT_LIMITS.frequencyOrders.toLocaleString('en')}.` })
  frequencyOrders!: number[];

  @Field(() => [Int], { description: 'Net spend in minor units at or above which monetary value scores 2, 3, 4 and 5; 0 or more.' })
  monetaryMinor!: number[];
}

@InputType('UpdateSegmentsInput', { description: 'The whole segment setup: it replaces the settings and every segment at once. Settings left out take their defaults; the time zone is the shop\'s and is not set here.' })
export class UpdateSegmentsInput {
  @Field(() => Int, { nullable: true, description: `Days back that orders count in, ${SEGMENT_LIMITS.windowDaysMin}–${SEGMENT_LIMITS.windowDaysMax}; default 365.` })
  windowDays?: number | null;

  @Field(() => SegmentScoringType, { nullable: true, description: 'Quintiles (default) or fixed thresholds.' })
  scoring?: SegmentScoringType | null;

  @Field(() => SegmentThresholdsInput, { nullable: true, description: 'Required with THRESHOLD scoring, refused with QUINTILE.' })
  thresholds?: SegmentThresholdsInput | null;

  @Field(() => Boolean, { nullable: true, description: "Write each customer's segment name to their Shopify metafield `loyalnest.segment`; default false." })
  syncMetafield?: boolean | null;

  @Field(() => [SegmentInput], { description: `Every segment, at most ${SEGMENT_LIMITS.segments}: the RFM ones in the order they are tried must cover all 125 score combinations.` })
  segments!: SegmentInput[];
}
