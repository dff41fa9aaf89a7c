import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ObjectType } from 'type-graphql';

/** What is wrong with an assignment, and which input field: `customerId`, `tierId` or `until`. */
export type TierAssignmentProblem = { field: 'customerId' | 'tierId' | 'until'; message: string };

const CODES: Record<TierAssignmentProblem['field'], ErrorCode> = {
  customerId: ErrorCode.CUSTOMER_NOT_FOUND,
  tierId: ErrorCode.NOT_FOUND,
  until: ErrorCode.INVALID_SETTINGS,
};

@ObjectType('InvalidTierAssignmentError', { implements: ErrorResult, description: 'The assignment was refused; nothing changed.' })
export class InvalidTierAssignmentError extends ErrorResult {
  @Field(() => String, { description: 'The offending input field: `customerId` (no such customer), `tierId` (no such tier in the program) or `until` (not in the future).' })
  field: string;

  constructor(problem: TierAssignmentProblem) {
    super();
    this.code = CODES[problem.field];
    this.field = problem.field;
    this.message = `${problem.field}: ${problem.message}`;
  }
}
