import { GraphQLJSONObject } from 'graphql-scalars';
import { createUnionType, Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode, ErrorResult } from '../errors.js';
import { PageInfo } from '../pagination.js';

// Every subgraph exposes these same types (from the kit) beside its own dead-letter fields, so
// the object types are @shareable; the union and the enum merge as they are identical.

export enum DeadLetterStatus {
  DEAD = 'dead',
  RETRYING = 'retrying',
  RESOLVED = 'resolved',
}
registerEnumType(DeadLetterStatus, {
  name: 'DeadLetterStatus',
  description: 'Where a dead-lettered event stands.',
  valuesConfig: {
    DEAD: { description: 'Every attempt failed; waiting for an admin to retry it.' },
    RETRYING: { description: 'An admin asked for a retry that has not settled yet.' },
    RESOLVED: { description: 'A retry applied the event.' },
  },
});

@Directive('@shareable')
@ObjectType('DeadLetterEvent', { description: "A domain event a subgraph's consumer could not apply after its last attempt." })
export class DeadLetterEventType {
  @Field(() => ID, { description: 'Id of the dead letter, for `retry…DeadLetterEvent`.' })
  id!: string;

  @Field(() => ID, { description: 'Id of the event itself.' })
  eventId!: string;

  @Field(() => String, { description: 'Which subgraph failed to apply it.' })
  consumer!: string;

  @Field(() => String, { description: 'The event topic, e.g. `customer.created`.' })
  topic!: string;

  @Field(() => Int, { description: 'Version of the payload format.' })
  version!: number;

  @Field(() => GraphQLJSONObject, { description: 'The event payload: ids only, never personal data.' })
  payload!: Record<string, unknown>;

  @Field(() => Date, { description: 'When the change the event reports happened.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'The last error: its class and message, without a stack trace or SQL.' })
  error!: string;

  @Field(() => Int, { description: 'Attempts made so far, retries included.' })
  attempts!: number;

  @Field(() => DeadLetterStatus, { description: 'Where the dead letter stands.' })
  status!: DeadLetterStatus;

  @Field(() => Date, { description: 'When the last attempt failed.' })
  failedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When an admin last asked for a retry.' })
  retryRequestedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a retry applied the event.' })
  resolvedAt!: Date | null;
}

@Directive('@shareable')
@ObjectType('DeadLetterEventConnection', { description: 'A page of dead-lettered events, oldest first.' })
export class DeadLetterEventConnection {
  @Field(() => [DeadLetterEventType], { description: 'The dead letters on this page.' })
  nodes!: DeadLetterEventType[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;
}

@Directive('@shareable')
@ObjectType('DeadLetterEventNotFoundError', { implements: ErrorResult, description: 'No dead letter with that id belongs to this merchant.' })
export class DeadLetterEventNotFoundError extends ErrorResult {
  constructor(id: string) {
    super();
    this.code = ErrorCode.DEAD_LETTER_EVENT_NOT_FOUND;
    this.message = `No dead-lettered event ${id}`;
  }
}

@Directive('@shareable')
@ObjectType('DeadLetterEventResolvedError', { implements: ErrorResult, description: 'The event has already been applied; there is nothing to retry.' })
export class DeadLetterEventResolvedError extends ErrorResult {
  constructor(id: string) {
    super();
    this.code = ErrorCode.DEAD_LETTER_EVENT_RESOLVED;
    this.message = `Dead-lettered event ${id} is already resolved`;
  }
}

export const RetryDeadLetterEventResult = createUnionType({
  name: 'RetryDeadLetterEventResult',
  description: 'The dead letter, now RETRYING, or why it cannot be retried.',
  types: () => [DeadLetterEventType, DeadLetterEventNotFoundError, DeadLetterEventResolvedError] as const,
  resolveType: (value) =>
    value instanceof DeadLetterEventNotFoundError ? DeadLetterEventNotFoundError : value instanceof DeadLetterEventResolvedError ? DeadLetterEventResolvedError : DeadLetterEventType,
});
