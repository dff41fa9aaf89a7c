import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { ObjectType } from 'type-graphql';

@ObjectType('CustomerNotFoundError', { implements: ErrorResult, description: 'No customer with that id belongs to this merchant.' })
export class CustomerNotFoundError extends ErrorResult {
  constructor(id: string) {
    super();
    this.code = ErrorCode.CUSTOMER_NOT_FOUND;
    this.message = `No customer ${id}`;
  }
}
