import type { RequestContext } from '@loyalnest/kit';
import type { ClaimFacts } from '../domain/referral-fraud.js';
import type { CustomerEmails } from '../customers/customer-emails.js';

/** The advocate's activity counts for SAME_IP_AS_ADVOCATE this long. */
const ADVOCATE_ACTIVITY_DAYS = 30;

export interface ClaimingFriend {
  customerId: string | null;
  emailHash: string;
  ipHash: string | null;
}

/**
 * What the claim-stage fraud checks compare, read for the context's merchant: the advocate's email
 * fingerprint (asked of the customer domain) and recent IPs, the claims from the friend's IP in the
 * last 7 days, and whether the friend (by customer id or email fingerprint) had ordered before.
 * Shipping addresses and caps are the conversion's business: empty and 0 here.
 */
export async function claimFactsOf(ctx: RequestContext, emails: CustomerEmails, advocateId: string, friend: ClaimingFriend): Promise<ClaimFacts> {
  const merchantId = ctx.merchantId!;
  const advocateEmail = await emails.fingerprintOf(ctx, advocateId);
  const ips = await ctx.em.execute<{ ip_hash: string }[]>(
    `select ip_hash from referral_activity where merchant_id = ? and customer_id = ? and last_seen_at > now() - make_interval(days => ?)`,
    [merchantId, advocateId, ADVOCATE_ACTIVITY_DAYS],
  );
  const claims =
    friend.ipHash === null
      ? [{ n: 0 }]
      : await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from referral where merchant_id = ? and friend_ip_hash = ? and claimed_at > now() - interval '7 days'`, [
          merchantId,
          friend.ipHash,
        ]);
  const orders = await ctx.em.execute<{ found: boolean }[]>(
    `select exists (select 1 from referral_order where merchant_id = ? and placed_at < now() and (customer_id = ?::uuid or email_hash = ?)) as found`,
    [merchantId, friend.customerId, friend.emailHash],
  );
  return {
    advocate: {
      customerId: advocateId,
      normalizedEmail: advocateEmail,
      recentIpHashes: ips.map((r) => r.ip_hash),
      shippingAddressHashes: [],
      rewardedThisMonth: 0,
      rewardedLifetime: 0,
    },
    friend: {
      customerId: friend.customerId,
      normalizedEmail: friend.emailHash,
      ipHash: friend.ipHash,
      earlierClaimsFromIpInWeek: claims[0].n,
      hadOrdersBeforeClaim: orders[0].found,
    },
  };
}
