import { systemCaller, type RequestContext } from '@loyalnest/kit';

const MERCHANT_TIERS = /* GraphQL */ `query SegmentMerchantTiers { tiers { id } }`;

/**
 * The ids of the merchant's tiers, asked of the tier subgraph (its store is not ours to read). The
 * tier subgraph answers for the merchant of the caller only, so another merchant's tier is never
 * among them. A failure throws: a tier rule that cannot be checked is not saved.
 */
export async function merchantTierIds(ctx: RequestContext): Promise<Set<string>> {
  const answer = await ctx.peers.query<{ tiers: { id: string }[] }>('tier', MERCHANT_TIERS, {}, { ...systemCaller([], ctx.merchantId), requestId: ctx.requestId });
  return new Set(answer.tiers.map((t) => t.id));
}
