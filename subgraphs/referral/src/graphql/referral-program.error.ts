import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('ReferralProgramInvalidError', { implements: ErrorResult, description: 'The referral program as a whole breaks a rule; nothing was saved and the program is unchanged.' })
export class ReferralProgramInvalidError extends ErrorResult {
  @Field(() => String, { description: 'Path of the offending input field, e.g. `friendReward.value` or `fraudChecks[2].check`.' })
  field: string;

  constructor(problem: { field: string; message: string }) {
    super();
    this.code = ErrorCode.INVALID_SETTINGS;
    this.field = problem.field;
    this.message = `${problem.field}: ${problem.message}`;
  }
}
