import { CustomerNotFoundError, Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver, createUnionType } from 'type-graphql';
import { ActivityLimitReachedError, ActivityNotFoundError } from '../graphql/activity.error.js';
import { RecordActivityInput } from '../graphql/activity.input.js';
import { PointsChange } from '../graphql/points-change.type.js';
import { ProgramDisabledError } from '../graphql/points.error.js';
import type { ActivityService } from '../services/activity.service.js';

const ERRORS = [CustomerNotFoundError, ActivityNotFoundError, ActivityLimitReachedError, ProgramDisabledError];

export const RecordActivityResult = createUnionType({
  name: 'RecordActivityResult',
  description: 'The earn entry and the account after it, or why the activity earned nothing.',
  types: () => [PointsChange, CustomerNotFoundError, ActivityNotFoundError, ActivityLimitReachedError, ProgramDisabledError] as const,
  resolveType: (value) => ERRORS.find((type) => value instanceof type) ?? PointsChange,
});

@Resolver()
export class ActivityResolver {
  constructor(private readonly activities: ActivityService) {}

  /**
   * Not open to shoppers for themselves: what proves an activity (a follow, a review) lives in the
   * merchant's or a partner's systems, and a shopper token proves only who the shopper is.
   */
  @Authorized(Scope.POINTS_WRITE)
  @Mutation(() => RecordActivityResult, {
    description:
      "Records that a customer did one of the merchant's custom activities and earns its points (times the customer's tier multiplier), within the activity's limit. Admins, partners with points:write, Shopify Flow.",
  })
  async recordActivity(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordActivityInput, { description: "Which customer did which of the merchant's activities." }) input: RecordActivityInput,
  ): Promise<typeof RecordActivityResult> {
    const result = await this.activities.record(ctx, input);
    return (ERRORS.some((type) => result instanceof type) ? result : Object.assign(new PointsChange(), result)) as typeof RecordActivityResult;
  }
}
