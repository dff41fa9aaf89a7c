import { Scope, systemCaller, type RequestContext } from '@loyalnest/kit';

/** The customer domain's answer for one customer: what the export's lines need of them. */
export interface CustomerProfile {
  id: string;
  shopifyId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
}

const PROFILES = /* GraphQL */ `
  query SegmentExportCustomers($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Customer { id shopifyId email firstName lastName } }
  }
`;

/** Ids per call to the customer subgraph: one SQL query there per call (its reference loader). */
export const PROFILES_PER_CALL = 500;

/**
 * Customers' Shopify ids, emails and names, asked of the customer subgraph (which owns and
 * encrypts them) as a system caller with `customers:read` for the context's merchant only, so
 * another merchant's id resolves to nothing. The segment store never keeps them.
 */
export async function customerProfiles(ctx: RequestContext, ids: string[]): Promise<Map<string, CustomerProfile>> {
  const found = new Map<string, CustomerProfile>();
  for (let start = 0; start < ids.length; start += PROFILES_PER_CALL) {
    const representations = ids.slice(start, start + PROFILES_PER_CALL).map((id) => ({ __typename: 'Customer', id }));
    const answer = await ctx.peers.query<{ _entities: (CustomerProfile | null)[] }>('customer', PROFILES, { representations }, {
      ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId),
      requestId: ctx.requestId,
    });
    for (const profile of answer._entities) if (profile?.id) found.set(profile.id, profile);
  }
  return found;
}
