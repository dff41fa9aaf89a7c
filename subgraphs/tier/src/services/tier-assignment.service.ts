import { inRequestTransaction, isUuid, Scope, systemCaller, type RequestContext } from '@loyalnest/kit';
import { TierMemberEntity, type TierMember } from '../entities/tier-member.entity.js';
import type { TierAssignmentProblem } from '../graphql/assign-tier.error.js';
import type { TierMemberService } from './tier-member.service.js';

const CUSTOMER_BY_ID = /* GraphQL */ `
  query TierCustomerById($id: ID!) { customer(id: $id) { id } }
`;

export interface TierAssignment {
  customerId: string;
  /** The tier to hold; null lifts the assignment. */
  tierId: string | null;
  until: Date | null;
}

/**
 * Hand assignments of a tier (admins, partners, later the Flow action `change-tier`): the
 * assignment wins over the metric until `until`, then the metric decides again (the daily job
 * re-places the member then). The member is re-placed at once, under its lock, with the change
 * recorded and announced like any other.
 */
export class TierAssignmentService {
  constructor(private readonly members: TierMemberService) {}

  async assign(ctx: RequestContext, input: TierAssignment, now: Date = new Date()): Promise<TierMember | TierAssignmentProblem> {
    if (input.until && input.until <= now) return { field: 'until', message: 'The assignment must end in the future' };
    if (input.tierId !== null) {
      const program = await this.members.program(ctx);
      if (!program.tiers.some((t) => t.id === input.tierId)) return { field: 'tierId', message: `No tier ${input.tierId} in the program` };
    }
    if (!(await this.customerExists(ctx, input.customerId))) return { field: 'customerId', message: `No customer ${input.customerId}` };
    return inRequestTransaction(ctx, async () => {
      await this.members.lock(ctx, [input.customerId]);
      // Lifting ends the assignment now, so placement sees it end (reason `assignment_ended`).
      await ctx.em.execute(
        input.tierId === null
          ? 'update tier_member set manual_until = ? where merchant_id = ? and customer_id = ? and manual_tier_id is not null'
          : 'update tier_member set manual_tier_id = ?, manual_until = ?, manual_by = ? where merchant_id = ? and customer_id = ?',
        input.tierId === null ? [now, ctx.merchantId!, input.customerId] : [input.tierId, input.until, `${ctx.actor.kind}:${ctx.actor.id}`, ctx.merchantId!, input.customerId],
      );
      await this.members.evaluate(ctx, input.customerId, 'assignment', now);
      return ctx.em.findOneOrFail(TierMemberEntity, { customerId: input.customerId }, { refresh: true, disableIdentityMap: true });
    });
  }

  /** A member already, or a customer the customer subgraph knows for this merchant. */
  private async customerExists(ctx: RequestContext, customerId: string): Promise<boolean> {
    if (!isUuid(customerId)) return false;
    if (await ctx.em.count(TierMemberEntity, { customerId })) return true;
    const answer = await ctx.peers.query<{ customer: { id: string } | null }>('customer', CUSTOMER_BY_ID, { id: customerId }, { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId });
    return answer.customer !== null;
  }
}
