import { CustomerNotFoundError, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver, createUnionType } from 'type-graphql';
import { IdempotencyKeyReusedError, InsufficientPointsError } from '../graphql/points.error.js';
import { AwardPointsInput, DeductPointsInput } from '../graphql/points.input.js';
import { LedgerVerification, PointsChange, PointsLiability } from '../graphql/points-change.type.js';
import { PointsSummary } from '../graphql/points-summary.type.js';
import { MAX_SUMMARY_DAYS, type LedgerReportService } from '../services/ledger-report.service.js';
import type { ChangeResult, PointsService } from '../services/points.service.js';

const ERRORS = [CustomerNotFoundError, InsufficientPointsError, IdempotencyKeyReusedError];
const resolveType = (value: unknown) => ERRORS.find((type) => value instanceof type) ?? PointsChange;

export const AwardPointsResult = createUnionType({
  name: 'AwardPointsResult',
  description: 'The entry and the account after it, or why nothing was awarded.',
  types: () => [PointsChange, CustomerNotFoundError, IdempotencyKeyReusedError] as const,
  resolveType,
});

export const DeductPointsResult = createUnionType({
  name: 'DeductPointsResult',
  description: 'The entry and the account after it, or why nothing was deducted.',
  types: () => [PointsChange, CustomerNotFoundError, InsufficientPointsError, IdempotencyKeyReusedError] as const,
  resolveType,
});

const asResult = (result: ChangeResult) => (ERRORS.some((type) => result instanceof type) ? result : Object.assign(new PointsChange(), result));

@Resolver()
export class PointsResolver {
  constructor(
    private readonly points: PointsService,
    private readonly reports: LedgerReportService,
  ) {}

  @Authorized(Scope.POINTS_WRITE)
  @Mutation(() => AwardPointsResult, { description: 'Gives a customer points (admins, partners with points:write, Shopify Flow). Safe to repeat with an idempotency key.' })
  async awardPoints(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AwardPointsInput, { description: 'Whom to award, how many points and why; give an idempotency key so a retried call awards once.' }) input: AwardPointsInput,
  ): Promise<typeof AwardPointsResult> {
    return asResult(await this.points.award(ctx, input)) as typeof AwardPointsResult;
  }

  @Authorized(Scope.POINTS_WRITE)
  @Mutation(() => DeductPointsResult, { description: "Takes points from a customer's spendable balance, never below zero. Safe to repeat with an idempotency key." })
  async deductPoints(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DeductPointsInput, { description: 'From whom to deduct, how many points and why; give an idempotency key so a retried call deducts once.' }) input: DeductPointsInput,
  ): Promise<typeof DeductPointsResult> {
    return asResult(await this.points.deduct(ctx, input)) as typeof DeductPointsResult;
  }

  @Authorized(Scope.POINTS_READ)
  @Query(() => LedgerVerification, { description: "Proves that every points account of the merchant equals the sum of its ledger entries." })
  verifyLedger(@Ctx() ctx: RequestContext): Promise<LedgerVerification> {
    return this.reports.verify(ctx);
  }

  @Authorized(Scope.POINTS_READ)
  @Query(() => PointsLiability, { description: 'Points outstanding across all customers and their value in the shop currency.' })
  pointsLiability(@Ctx() ctx: RequestContext): Promise<PointsLiability> {
    return this.reports.liability(ctx);
  }

  @Authorized(Scope.POINTS_READ)
  @Query(() => PointsSummary, {
    description: `Points issued, redeemed, expired and deducted across the merchant's customers over a period (\`points:read\`): the dashboard's overview. At most ${MAX_SUMMARY_DAYS} days; \`to\` after \`from\`.`,
  })
  pointsSummary(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => Date, { description: 'Start of the period (inclusive).' }) from: Date,
    @Arg('to', () => Date, { description: 'End of the period (exclusive), after `from`.' }) to: Date,
  ): Promise<PointsSummary> {
    return this.reports.summary(ctx, from, to);
  }
}
