import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SegmentKindType } from './segment-enums.type.js';

@ObjectType('SegmentNames', { description: "A segment's name in each language LoyalNest speaks." })
export class SegmentNamesType {
  @Field(() => String, { description: 'English.' })
  en!: string;

  @Field(() => String, { description: 'Spanish.' })
  es!: string;

  @Field(() => String, { description: 'French.' })
  fr!: string;
}

@ObjectType('ScoreRange', { description: 'An inclusive range of a score from 1 (lowest) to 5 (highest).' })
export class ScoreRangeType {
  @Field(() => Int, { description: 'The lowest score that matches, 1–5.' })
  min!: number;

  @Field(() => Int, { description: 'The highest score that matches, `min`–5.' })
  max!: number;
}

@ObjectType('Segment', { description: 'A named group of customers, defined by rules on their RFM scores (and for custom segments their tier and points balance).' })
export class SegmentType {
  @Field(() => String, { description: 'Stable name for code, Flow workflows and the Shopify metafield (lower case, digits and hyphens, e.g. `at-risk`).' })
  handle!: string;

  @Field(() => SegmentKindType, { description: 'RFM (customers are in exactly one) or custom (may overlap).' })
  kind!: SegmentKindType;

  @Field(() => Int, { description: 'Order in which RFM segments are tried (and segments listed), from 1.' })
  position!: number;

  @Field(() => String, { description: "The name in the merchant's language (English when it is none of English, Spanish and French)." })
  name!: string;

  @Field(() => SegmentNamesType, { description: 'The name in English, Spanish and French.' })
  names!: SegmentNamesType;

  @Field(() => ScoreRangeType, { description: 'Recency scores that match: 5 for the most recent buyers.' })
  recency!: ScoreRangeType;

  @Field(() => ScoreRangeType, { description: 'Frequency scores that match: 5 for those who order most often in the window.' })
  frequency!: ScoreRangeType;

  @Field(() => ScoreRangeType, { description: 'Monetary scores that match: 5 for those who spend most in the window, net of refunds and cancellations.' })
  monetary!: ScoreRangeType;

  @Field(() => [ID], { nullable: true, description: 'Custom segments: members hold one of these tiers (`Tier.id`); null: any tier or none.' })
  tierIds!: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Custom segments: members have at least this points balance; null: no lower bound.' })
  pointsMin!: number | null;

  @Field(() => Int, { nullable: true, description: 'Custom segments: members have at most this points balance; null: no upper bound.' })
  pointsMax!: number | null;

  @Field(() => Boolean, { description: 'One of the default segments LoyalNest starts with; its handle cannot change, its rules and names can.' })
  builtin!: boolean;
}
