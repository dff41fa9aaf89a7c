import { PageInfo } from '@loyalnest/kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SegmentLabel', { description: 'A segment as a customer is in it: its handle and name.' })
export class SegmentLabelType {
  @Field(() => String, { description: "The segment's handle, e.g. `at-risk`." })
  handle!: string;

  @Field(() => String, { description: "The name in the merchant's language; the handle for a segment the merchant has since removed." })
  name!: string;
}

@ObjectType('CustomerRfm', { description: "The customer's RFM scores and segment as the last run found them." })
export class CustomerRfmType {
  /** Whose scores these are, for `history`; not a field of the schema. */
  customerId!: string;

  @Field(() => Int, { description: 'Recency, 1–5: 5 for the most recent buyers.' })
  recency!: number;

  @Field(() => Int, { description: 'Frequency, 1–5: 5 for those who order most often in the window.' })
  frequency!: number;

  @Field(() => Int, { description: 'Monetary value, 1–5: 5 for those who spend most in the window, net of refunds.' })
  monetary!: number;

  @Field(() => SegmentLabelType, { description: 'The RFM segment the scores put the customer in.' })
  segment!: SegmentLabelType;

  @Field(() => Date, { nullable: true, description: 'Since when the customer is in that segment (the run that scored them, when it recorded no start).' })
  since!: Date | null;
}

@ObjectType('SegmentHistoryEntry', { description: "A run that changed the customer's scores or segment." })
export class SegmentHistoryEntryType {
  @Field(() => Date, { description: 'When the run recorded the change.' })
  recordedAt!: Date;

  @Field(() => Int, { nullable: true, description: 'Recency then, 1–5; null when the customer left every segment.' })
  recency!: number | null;

  @Field(() => Int, { nullable: true, description: 'Frequency then, 1–5; null when the customer left every segment.' })
  frequency!: number | null;

  @Field(() => Int, { nullable: true, description: 'Monetary value then, 1–5; null when the customer left every segment.' })
  monetary!: number | null;

  @Field(() => SegmentLabelType, { nullable: true, description: 'The RFM segment from then on; null: none.' })
  segment!: SegmentLabelType | null;

  @Field(() => SegmentLabelType, { nullable: true, description: 'The RFM segment before; null: none (first scored).' })
  previousSegment!: SegmentLabelType | null;
}

@ObjectType('SegmentHistoryConnection', { description: "A page of a customer's segment history, newest first." })
export class SegmentHistoryConnection {
  @Field(() => [SegmentHistoryEntryType], { description: 'The changes on this page.' })
  nodes!: SegmentHistoryEntryType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}
