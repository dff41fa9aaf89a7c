import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('SegmentNotFoundError', { implements: ErrorResult, description: 'The merchant has no segment with that handle; nothing was started.' })
export class SegmentNotFoundError extends ErrorResult {
  @Field(() => String, { description: 'The argument at fault: `handle`.' })
  field: string;

  @Field(() => String, { description: 'The handle that was asked for.' })
  handle: string;

  constructor(handle: string) {
    super();
    this.code = ErrorCode.SEGMENT_NOT_FOUND;
    this.field = 'handle';
    this.handle = handle;
    this.message = `handle: no segment "${handle.slice(0, 64)}"`;
  }
}

@ObjectType('SegmentExportLimitReachedError', { implements: ErrorResult, description: 'The merchant already has as many exports queued or running as it may; nothing was started.' })
export class SegmentExportLimitReachedError extends ErrorResult {
  @Field(() => Int, { description: 'How many exports a merchant may have queued or running at once.' })
  limit: number;

  constructor(limit: number) {
    super();
    this.code = ErrorCode.SEGMENT_EXPORT_LIMIT_REACHED;
    this.limit = limit;
    this.message = `handle: ${limit} exports are already queued or running; try again when one is ready`;
  }
}
