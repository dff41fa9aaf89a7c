import { Scope, type RequestContext } from '@loyalnest/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver, createUnionType } from 'type-graphql';
import { AssignTierInput } from '../graphql/assign-tier.input.js';
import { InvalidTierAssignmentError } from '../graphql/assign-tier.error.js';
import { AssignTierSuccess } from '../graphql/assign-tier.type.js';
import type { TierAssignmentService } from '../services/tier-assignment.service.js';
import type { TierProgramService } from '../services/tier-program.service.js';
import { tierTypeOf } from './tier.mapping.js';

export const AssignTierResult = createUnionType({
  name: 'AssignTierResult',
  description: 'The membership after the assignment, or why it was refused (then nothing changed).',
  types: () => [AssignTierSuccess, InvalidTierAssignmentError] as const,
  resolveType: (value) => (value instanceof InvalidTierAssignmentError ? InvalidTierAssignmentError : AssignTierSuccess),
});

@Resolver()
export class AssignTierResolver {
  constructor(
    private readonly assignments: TierAssignmentService,
    private readonly program: TierProgramService,
  ) {}

  @Authorized(Scope.TIERS_MANAGE)
  @Mutation(() => AssignTierResult, { description: "Assigns a customer's tier by hand (`tiers:manage`), optionally until a date, winning over the metric until then; or lifts the assignment." })
  async assignTier(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AssignTierInput, { description: 'The customer, the tier (null to lift) and until when.' }) input: AssignTierInput,
  ): Promise<typeof AssignTierResult> {
    const result = await this.assignments.assign(ctx, { customerId: input.customerId, tierId: input.tierId ?? null, until: input.until ?? null });
    if ('field' in result) return new InvalidTierAssignmentError(result);
    const tiers = new Map((await this.program.tiers(ctx)).map((t) => [t.id, tierTypeOf(t)]));
    const tierOf = (id: string | null | undefined) => (id ? (tiers.get(id) ?? null) : null);
    return Object.assign(new AssignTierSuccess(), {
      customerId: result.customerId,
      tier: tierOf(result.tierId),
      since: result.since ?? null,
      assignedTier: tierOf(result.manualTierId),
      assignedUntil: result.manualUntil ?? null,
    });
  }
}
