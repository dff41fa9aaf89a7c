import { ErrorCode, ErrorResult } from '@loyalnest/kit';
import { Field, ID, ObjectType } from 'type-graphql';
import { RedemptionStatusType } from './redemption.type.js';
import { DiscountFailureReason } from './reward.error.js';

@ObjectType('RedemptionNotFoundError', { implements: ErrorResult, description: 'No redemption with that id belongs to this merchant.' })
export class RedemptionNotFoundError extends ErrorResult {
  @Field(() => ID, { description: 'The id that was asked for.' })
  redemptionId: string;

  constructor(redemptionId: string) {
    super();
    this.code = ErrorCode.REDEMPTION_NOT_FOUND;
    this.message = `No redemption ${redemptionId}`;
    this.redemptionId = redemptionId;
  }
}

@ObjectType('RedemptionNotCancellableError', {
  implements: ErrorResult,
  description: 'Only an ISSUED redemption can be cancelled: a used or expired code was spent, a pending one is still being settled, a failed one has its points back already. Nothing changed.',
})
export class RedemptionNotCancellableError extends ErrorResult {
  @Field(() => ID, { description: 'The redemption.' })
  redemptionId: string;

  @Field(() => RedemptionStatusType, { description: 'Where it stands.' })
  status: RedemptionStatusType;

  constructor(redemptionId: string, status: string) {
    super();
    this.code = ErrorCode.REDEMPTION_NOT_CANCELLABLE;
    this.message = `Redemption ${redemptionId} is ${status}; only an issued one can be cancelled`;
    this.redemptionId = redemptionId;
    this.status = status as RedemptionStatusType;
  }
}

@ObjectType('DiscountDeactivationFailedError', {
  implements: ErrorResult,
  description: "Shopify could not be made to delete the redemption's code, so it still works and the points stay spent. Nothing changed; try again.",
})
export class DiscountDeactivationFailedError extends ErrorResult {
  @Field(() => ID, { description: 'The redemption.' })
  redemptionId: string;

  @Field(() => DiscountFailureReason, { description: 'Why Shopify did not delete it.' })
  failure: DiscountFailureReason;

  constructor(redemptionId: string, failure: DiscountFailureReason) {
    super();
    this.code = ErrorCode.DISCOUNT_DEACTIVATION_FAILED;
    this.message = failure === DiscountFailureReason.SHOPIFY_UNAVAILABLE ? 'Shopify could not be reached to delete the code; try again' : 'Shopify refused to delete the code';
    this.redemptionId = redemptionId;
    this.failure = failure;
  }
}
