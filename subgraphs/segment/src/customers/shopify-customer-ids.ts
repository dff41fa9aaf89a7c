import { isUuid, Scope, systemCaller, type RequestContext } from '@loyalnest/kit';

/**
 * The Shopify ids of some of the merchant's customers, from the customer subgraph (the segment
 * store keeps none): one request for the lot, one aliased `customer(id)` field each, so a batch
 * of 25 costs one round trip. A customer the customer subgraph does not know for this merchant
 * (another merchant's, or redacted) is missing from the answer.
 */
export async function shopifyCustomerIds(ctx: RequestContext, customerIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(customerIds.filter(isUuid))];
  if (!ids.length) return new Map();
  const query = `query SegmentShopifyIds(${ids.map((_, i) => `$c${i}: ID!`).join(', ')}) { ${ids.map((_, i) => `c${i}: customer(id: $c${i}) { id shopifyId }`).join(' ')} }`;
  const variables = Object.fromEntries(ids.map((id, i) => [`c${i}`, id]));
  const caller = { ...systemCaller([Scope.CUSTOMERS_READ], ctx.merchantId), requestId: ctx.requestId };
  const answer = await ctx.peers.query<Record<string, { id: string; shopifyId: string | null } | null>>('customer', query, variables, caller);
  const found = new Map<string, string>();
  for (const customer of Object.values(answer)) if (customer?.shopifyId) found.set(customer.id, customer.shopifyId);
  return found;
}
