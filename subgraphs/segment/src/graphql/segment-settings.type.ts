import { Field, Int, ObjectType } from 'type-graphql';
import { SegmentScoringType } from './segment-enums.type.js';
import { SegmentType } from './segment.type.js';

@ObjectType('SegmentThresholds', { description: 'Fixed score boundaries, used instead of quintiles with THRESHOLD scoring: four ascending numbers each.' })
export class SegmentThresholdsType {
  @Field(() => [Int], { description: 'Days since the last order at or below which recency scores 5, 4, 3 and 2 (fewer days is better, so ascending days give descending scores); above the last, 1.' })
  recencyDays!: number[];

  @Field(() => [Int], { description: 'Orders in the window at or above which frequency scores 2, 3, 4 and 5; below the first, 1.' })
  frequencyOrders!: number[];

  @Field(() => [Int], { description: "Net spend in the window, in minor units of the shop's currency, at or above which monetary value scores 2, 3, 4 and 5; below the first, 1." })
  monetaryMinor!: number[];
}

@ObjectType('SegmentSettings', { description: "How the merchant's customers are scored and segmented." })
export class SegmentSettingsType {
  @Field(() => Int, { description: 'Days back from each run that orders count in, 30–1095.' })
  windowDays!: number;

  @Field(() => SegmentScoringType, { description: 'Quintiles, or the fixed thresholds.' })
  scoring!: SegmentScoringType;

  @Field(() => SegmentThresholdsType, { nullable: true, description: 'The fixed boundaries with THRESHOLD scoring; null with QUINTILE.' })
  thresholds!: SegmentThresholdsType | null;

  @Field(() => Boolean, { description: "Whether each customer's segment name is written to their Shopify metafield `loyalnest.segment`." })
  syncMetafield!: boolean;

  @Field(() => String, { description: "The shop's IANA time zone, from Shopify: the nightly run goes at the shop's night and the chart's days are the shop's." })
  timezone!: string;

  @Field(() => Int, { description: 'How many times the settings and segments were saved; 0 while the defaults apply.' })
  version!: number;
}

@ObjectType('SegmentSetup', { description: 'The settings and every segment, as `updateSegments` saved them.' })
export class SegmentSetupType {
  @Field(() => SegmentSettingsType, { description: 'The scoring settings.' })
  settings!: SegmentSettingsType;

  @Field(() => [SegmentType], { description: 'Every segment, RFM first in the order they are tried, then custom ones.' })
  segments!: SegmentType[];
}
