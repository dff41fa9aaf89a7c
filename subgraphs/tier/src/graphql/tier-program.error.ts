import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('InvalidTierProgramError', { implements: ErrorResult, description: 'The tier program as a whole breaks a rule; nothing was saved and the program is unchanged.' })
export class InvalidTierProgramError extends ErrorResult {
  @Field(() => String, { description: 'Path of the offending input field, e.g. `tiers[2].earnMultiplier` or `graceDays`.' })
  field: string;

  @Field(() => Int, { nullable: true, description: 'Index in `tiers` of the offending tier; null when the problem is a program setting or the list itself.' })
  tierIndex: number | null;

  constructor(problem: { field: string; tierIndex: number | null; message: string }) {
    super();
    this.code = ErrorCode.INVALID_SETTINGS;
    this.field = problem.field;
    this.tierIndex = problem.tierIndex;
    this.message = `${problem.field}: ${problem.message}`;
  }
}
