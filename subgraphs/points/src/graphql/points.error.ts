import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('InsufficientPointsError', { implements: ErrorResult, description: 'The customer cannot spend that many points: the balance is lower, or negative.' })
export class InsufficientPointsError extends ErrorResult {
  @Field(() => Int, { description: 'The spendable balance when the request was refused.' })
  balance: number;

  @Field(() => Int, { description: 'Points the request needed.' })
  required: number;

  constructor(balance: number, required: number) {
    super();
    this.code = ErrorCode.INSUFFICIENT_POINTS;
    this.message = `The balance is ${balance} points; ${required} are needed`;
    this.balance = balance;
    this.required = required;
  }
}

@ObjectType('IdempotencyKeyReusedError', { implements: ErrorResult, description: 'The idempotency key was already used for a different change.' })
export class IdempotencyKeyReusedError extends ErrorResult {
  constructor(key: string) {
    super();
    this.code = ErrorCode.IDEMPOTENCY_KEY_REUSED;
    this.message = `Idempotency key "${key}" was already used for a different customer, kind or amount`;
  }
}

@ObjectType('ProgramDisabledError', { implements: ErrorResult, description: 'The merchant has switched the points program off.' })
export class ProgramDisabledError extends ErrorResult {
  constructor() {
    super();
    this.code = ErrorCode.PROGRAM_DISABLED;
    this.message = 'The points program is switched off';
  }
}
