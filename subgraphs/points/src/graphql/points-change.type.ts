import { Field, Int, ObjectType } from 'type-graphql';
import { MerchantRef, PointsAccountType, PointsEntryType } from './points-account.type.js';

@ObjectType('PointsChange', { description: 'A ledger entry and the account after it.' })
export class PointsChange {
  @Field(() => PointsEntryType, { description: 'The entry written (or, for a repeated idempotency key, the one written the first time).' })
  entry!: PointsEntryType;

  @Field(() => PointsAccountType, { description: 'The account after the entry.' })
  account!: PointsAccountType;

  @Field(() => Boolean, { description: 'True when the idempotency key had been used for this same change already: nothing new was written.' })
  duplicate!: boolean;
}

@ObjectType('LedgerMismatch', { description: 'An account whose figures differ from the sums of its entries.' })
export class LedgerMismatch {
  @Field(() => String, { description: 'The customer whose account is off.' })
  customerId!: string;

  @Field(() => Int, { description: 'Balance on the account.' })
  balance!: number;

  @Field(() => Int, { description: 'Sum of its posted entries.' })
  expectedBalance!: number;

  @Field(() => Int, { description: 'Pending on the account.' })
  pending!: number;

  @Field(() => Int, { description: 'Sum of its pending entries.' })
  expectedPending!: number;

  @Field(() => Int, { description: 'Lifetime earned on the account.' })
  lifetimeEarned!: number;

  @Field(() => Int, { description: 'Sum of its earn entries and reversed earnings.' })
  expectedLifetimeEarned!: number;
}

@ObjectType('LedgerVerification', { description: "Whether every account of the merchant equals the sum of its ledger entries." })
export class LedgerVerification {
  @Field(() => Boolean, { description: 'True when no account is off.' })
  ok!: boolean;

  @Field(() => Int, { description: 'Accounts checked.' })
  accountsChecked!: number;

  @Field(() => Int, { description: 'Entries summed.' })
  entriesChecked!: number;

  @Field(() => [LedgerMismatch], { description: 'Accounts that are off (at most 100).' })
  mismatches!: LedgerMismatch[];
}

@ObjectType('PointsLiability', { description: "Points the merchant owes its shoppers, and what they are worth." })
export class PointsLiability {
  @Field(() => Int, { description: 'Spendable points across all accounts (negative balances count as zero).' })
  outstandingPoints!: number;

  @Field(() => Int, { description: 'Points earned but still pending.' })
  pendingPoints!: number;

  @Field(() => Int, { description: 'Accounts holding spendable points.' })
  accountsWithPoints!: number;

  @Field(() => String, { description: 'What one point is worth in the shop currency, a decimal string.' })
  pointValue!: string;

  @Field(() => String, { description: 'outstandingPoints × pointValue, a decimal string in the shop currency (see `merchant.currency`).' })
  outstandingValue!: string;

  @Field(() => String, { description: 'pendingPoints × pointValue, a decimal string in the shop currency.' })
  pendingValue!: string;

  @Field(() => MerchantRef, { description: 'The merchant, for its currency.' })
  merchant!: MerchantRef;
}
