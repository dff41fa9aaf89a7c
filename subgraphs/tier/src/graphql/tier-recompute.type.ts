import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum TierRecomputeStatusType {
  RUNNING = 'running',
  COMPLETED = 'completed',
  SUPERSEDED = 'superseded',
}
registerEnumType(TierRecomputeStatusType, {
  name: 'TierRecomputeStatus',
  description: 'Where a recompute of every member after a program change stands.',
  valuesConfig: {
    RUNNING: { description: 'Members are being re-placed under the new program, in batches; events keep placing their own customers meanwhile.' },
    COMPLETED: { description: 'Every member was re-placed under the program of `programVersion`.' },
    SUPERSEDED: { description: 'A later program change started a newer recompute, which carries on from the first member.' },
  },
});

@ObjectType('TierRecompute', { description: 'The background re-placement of every member that a change of the tier program (thresholds, metric, period) starts.' })
export class TierRecomputeType {
  @Field(() => ID, { description: "The recompute's id." })
  id!: string;

  @Field(() => TierRecomputeStatusType, { description: 'Running, completed, or superseded by a later program change.' })
  status!: TierRecomputeStatusType;

  @Field(() => Int, { description: 'Members re-placed so far; equals `total` once completed.' })
  processed!: number;

  @Field(() => Int, { description: 'Members to re-place: those of the merchant when it started; once completed, those it re-placed (customers who joined meanwhile included).' })
  total!: number;

  @Field(() => Date, { description: 'When the program change started it.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it completed or was superseded; null while running.' })
  finishedAt!: Date | null;

  @Field(() => Int, { description: 'The version of the tier program (`TierProgram.version`) it re-places members under.' })
  programVersion!: number;
}
