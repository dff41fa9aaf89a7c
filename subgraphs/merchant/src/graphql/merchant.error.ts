import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('InvalidSettingsError', { implements: ErrorResult, description: 'The settings as a whole break a rule; nothing was saved.' })
export class InvalidSettingsError extends ErrorResult {
  @Field(() => String, { description: 'The setting that breaks the rule.' })
  field!: string;

  constructor(field: string, message: string) {
    super();
    this.code = ErrorCode.INVALID_SETTINGS;
    this.field = field;
    this.message = message;
  }
}

@ObjectType('ApiKeyNotFoundError', { implements: ErrorResult, description: 'No API key with that id belongs to this merchant.' })
export class ApiKeyNotFoundError extends ErrorResult {
  constructor(id: string) {
    super();
    this.code = ErrorCode.API_KEY_NOT_FOUND;
    this.message = `No API key ${id}`;
  }
}
