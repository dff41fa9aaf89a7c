import { Scope, systemCaller, type RequestContext } from '@loyalnest/kit';

const CUSTOMER_BY_ID = /* GraphQL */ `
  query ReferralFriendCustomer($id: ID!) { customer(id: $id) { id } }
`;

/**
 * Whether the customer domain has `customerId` at the context's merchant: a trusted caller naming
 * the friend's customer must name one of this shop's (another shop's id, or an erased customer's,
 * is refused as input rather than stored).
 */
export async function isCustomerOf(ctx: RequestContext, customerId: string): Promise<boolean> {
  const answer = await ctx.peers.query<{ customer: { id: string } | null }>('customer', CUSTOMER_BY_ID, { id: customerId }, {
    ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId),
    requestId: ctx.requestId,
  });
  return answer.customer?.id === customerId;
}
