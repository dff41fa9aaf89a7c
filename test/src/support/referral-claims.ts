import { mintShopperToken } from '../../../gateway/src/auth/shopper-token.js';
import { withOwnerDb } from './db.js';
import type { TestGateway } from './gateway.js';
import { signAppProxyQuery } from './live.js';
import { bearer } from './tokens.js';

export const CLAIM_REFERRAL = `mutation($input: ClaimReferralInput!) {
  claimReferral(input: $input) {
    __typename
    ... on ReferralClaim { referralId discountCode status kind value minimumOrderAmount expiryDays endsAt }
    ... on ErrorResult { code message }
    ... on ReferralClaimInvalidError { field }
    ... on ReferralCodeNotFoundError { referralCode }
    ... on ReferralDiscountUnavailableError { reason }
  }
}`;

/** The claim result union's member as the API answers it. */
export type ClaimResult = Record<string, any> & { __typename: string };

export interface ClaimInput {
  code: string;
  email: string;
  friendCustomerId?: string | null;
}

/**
 * Claims a referral through GraphQL as `auth` (a merchant's admin, a partner key, or a shopper's
 * session); returns the result union's member. Throws on a GraphQL error. What other tests seed
 * referrals with: a real claim, with its discount code issued at the fake Shopify.
 */
export async function claimReferral(gateway: TestGateway, auth: Record<string, string>, input: ClaimInput): Promise<ClaimResult> {
  const result = await gateway.gql<{ claimReferral: ClaimResult }>(CLAIM_REFERRAL, { input }, auth);
  if (result.errors?.length || !result.data) throw new Error(`claimReferral failed: ${JSON.stringify(result.errors)}`);
  return result.data.claimReferral;
}

/** A claimed referral's id and code, for tests that need one to exist: throws unless the claim issued a code. */
export async function seedClaim(gateway: TestGateway, auth: Record<string, string>, input: ClaimInput): Promise<{ referralId: string; discountCode: string }> {
  const claimed = await claimReferral(gateway, auth, input);
  if (claimed.__typename !== 'ReferralClaim') throw new Error(`the claim was refused: ${JSON.stringify(claimed)}`);
  return { referralId: claimed.referralId, discountCode: claimed.discountCode };
}

/** `Authorization` for a shopper of `shop` logged in as `customerId`, as `/proxy/session` would issue it. */
export async function shopperAuth(gateway: TestGateway, shop: string, customerId: string): Promise<Record<string, string>> {
  const { token } = await mintShopperToken(gateway.config.shopperToken, { shop, customerId });
  return bearer(token);
}

export interface ProxyClaimAnswer {
  status: number;
  body: Record<string, any>;
}

/**
 * A claim from the storefront as Shopify's app proxy forwards it: `POST /proxy/r/<code>/claim`
 * with the JSON body, Shopify's signed parameters (a logged-in customer's Shopify id when given)
 * and the friend's IP in `X-Forwarded-For`.
 */
export async function claimThroughProxy(
  gateway: TestGateway,
  shop: string,
  code: string,
  body: unknown,
  friend: { ip?: string; userAgent?: string; shopifyCustomerId?: string } = {},
): Promise<ProxyClaimAnswer> {
  const query = new URLSearchParams([
    ['shop', shop],
    ['logged_in_customer_id', friend.shopifyCustomerId ?? ''],
    ['path_prefix', '/apps/loyalnest'],
    ['timestamp', String(Math.floor(Date.now() / 1000))],
  ]);
  query.append('signature', signAppProxyQuery(query, gateway.config.kit.shopify.apiSecret));
  const response = await fetch(`${new URL(gateway.url).origin}/proxy/r/${encodeURIComponent(code)}/claim?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': friend.ip ?? '203.0.113.50', 'user-agent': friend.userAgent ?? 'test-browser/1.0' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

export interface StoredReferral {
  id: string;
  advocate_id: string;
  friend_customer_id: string | null;
  friend_email_encrypted: string | null;
  friend_email_hash: string | null;
  friend_ip_hash: string | null;
  friend_user_agent_hash: string | null;
  status: string;
  fraud: { verdict: string; reasons: { reason: string; action: string; stage: string; explanation: string }[] };
  discount_status: string;
  discount_code: string | null;
  shopify_discount_id: string | null;
  discount_ends_at: Date | null;
}

/** The merchant's referral rows as stored (read as the store's owner, past RLS), oldest first. */
export async function storedReferrals(merchantId: string): Promise<StoredReferral[]> {
  return withOwnerDb('referral', async (db) => (await db.query<StoredReferral>('select * from referral where merchant_id = $1 order by claimed_at, id', [merchantId])).rows);
}

/** The referral events the merchant's outbox holds, by topic, oldest first. */
export async function referralEvents(merchantId: string, topic: string): Promise<Record<string, any>[]> {
  return withOwnerDb('referral', async (db) => (await db.query<{ payload: Record<string, any> }>('select payload from outbox_event where merchant_id = $1 and topic = $2 order by id', [merchantId, topic])).rows.map((r) => r.payload));
}
