import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ObjectType } from 'type-graphql';
import { ActivityLimit } from './earning-rules.type.js';

@ObjectType('ActivityNotFoundError', { implements: ErrorResult, description: "The merchant's earning rules have no activity with that key." })
export class ActivityNotFoundError extends ErrorResult {
  @Field(() => String, { description: 'The key asked for.' })
  activityKey: string;

  constructor(activityKey: string) {
    super();
    this.code = ErrorCode.ACTIVITY_NOT_FOUND;
    this.message = `No activity "${activityKey}"`;
    this.activityKey = activityKey;
  }
}

@ObjectType('ActivityLimitReachedError', { implements: ErrorResult, description: 'The customer has already earned for this activity as often as its limit allows (once, today or this week).' })
export class ActivityLimitReachedError extends ErrorResult {
  @Field(() => String, { description: 'The activity.' })
  activityKey: string;

  @Field(() => ActivityLimit, { description: 'Its limit.' })
  limit: ActivityLimit;

  @Field(() => String, { nullable: true, description: 'The period the limit counts in: a UTC date (2026-12-01) for daily, an ISO week (2026-W49) for weekly, null for once.' })
  period: string | null;

  constructor(activityKey: string, limit: ActivityLimit, period: string | null) {
    super();
    this.code = ErrorCode.ACTIVITY_LIMIT_REACHED;
    this.message = period ? `Activity "${activityKey}" was already recorded for ${period}` : `Activity "${activityKey}" can be earned once and already was`;
    this.activityKey = activityKey;
    this.limit = limit;
    this.period = period;
  }
}
