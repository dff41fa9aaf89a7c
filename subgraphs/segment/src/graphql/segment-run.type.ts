import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SegmentRunTriggerType {
  NIGHTLY = 'nightly',
  MANUAL = 'manual',
  SETTINGS = 'settings',
  FIRST = 'first',
}
registerEnumType(SegmentRunTriggerType, {
  name: 'SegmentRunTrigger',
  description: 'What asked for a recompute of the segments.',
  valuesConfig: {
    NIGHTLY: { description: "The nightly recompute, after 03:00 in the shop's time zone." },
    MANUAL: { description: 'An admin (`recomputeSegments`).' },
    SETTINGS: { description: 'A change of the segment definitions or scoring settings.' },
    FIRST: { description: "The merchant's first order facts arrived: the first recompute, once they have stopped arriving for a few seconds, so a new shop need not wait for its night." },
  },
});

export enum SegmentRunStatusType {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(SegmentRunStatusType, {
  name: 'SegmentRunStatus',
  description: 'Where a recompute of the segments stands.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker; starts within seconds.' },
    RUNNING: { description: 'Scoring the customers in batches; `processed` of `total` are done.' },
    SUCCEEDED: { description: 'Every customer was scored and placed; the segment counts and the chart are up to date.' },
    FAILED: { description: 'Given up after repeated failures (`error` says so); what its finished batches wrote stays, and the next run redoes everything.' },
  },
});

@ObjectType('SegmentRun', { description: "A recompute of the merchant's RFM scores and segments, with its progress. At most one is queued or running per merchant: a second request joins it." })
export class SegmentRunType {
  @Field(() => ID, { description: "The run's id." })
  id!: string;

  @Field(() => SegmentRunTriggerType, { description: 'What asked for it.' })
  trigger!: SegmentRunTriggerType;

  @Field(() => SegmentRunStatusType, { description: 'Queued, running, succeeded or failed.' })
  status!: SegmentRunStatusType;

  @Field(() => Int, { description: 'Customers to score: those with an order or known to the segment domain when the run started; once it succeeded, those it scored (customers who arrived meanwhile included). 0 while queued.' })
  total!: number;

  @Field(() => Int, { description: 'Customers scored so far; grows batch by batch and equals `total` once succeeded.' })
  processed!: number;

  @Field(() => Int, { description: 'How far the run is, 0–100: `processed` of `total` (100 once succeeded, whatever the total).' })
  progress!: number;

  @Field(() => Int, { description: 'Customers whose RFM segment the run changed so far (each emitted one `segment.changed`).' })
  changed!: number;

  @Field(() => Date, { description: 'When it was requested.' })
  requestedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When a worker started it; null while queued.' })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it succeeded or was given up; null until then.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why its last batch failed (it is retried) or why it was given up; null when all went well.' })
  error!: string | null;
}
