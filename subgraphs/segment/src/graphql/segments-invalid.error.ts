import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('SegmentsInvalidError', { implements: ErrorResult, description: 'The segment settings and definitions as a whole break a rule; nothing was saved.' })
export class SegmentsInvalidError extends ErrorResult {
  @Field(() => String, { description: 'Path of the offending input field, e.g. `segments[3].recency.min`, `thresholds.recencyDays[2]` or `segments` for the set as a whole.' })
  field: string;

  constructor(problem: { field: string; message: string }) {
    super();
    this.code = ErrorCode.INVALID_SETTINGS;
    this.field = problem.field;
    this.message = `${problem.field}: ${problem.message}`;
  }
}
