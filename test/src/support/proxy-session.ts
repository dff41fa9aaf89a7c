import type { TestGateway } from './gateway.js';
import { signAppProxyQuery } from './live.js';

/** `/proxy/session`'s answer: a session, or a refusal's `{ error }`. */
export interface SessionAnswer {
  status: number;
  body: { token?: string; expiresAt?: string; customerId?: string | null; loggedIn?: boolean; graphqlUrl?: string; liveUrl?: string; error?: string };
}

/**
 * Asks for a widget session as Shopify's app proxy forwards the storefront's request: `shop`,
 * `logged_in_customer_id` (empty when nobody is logged in), `path_prefix` and `timestamp`, signed
 * with the app secret unless `signature` says otherwise (null: unsigned).
 */
export async function proxySession(
  gateway: TestGateway,
  shop: string,
  loggedInShopifyId: string,
  options: { signature?: string | null; timestamp?: number } = {},
): Promise<SessionAnswer> {
  const query = new URLSearchParams([
    ['shop', shop],
    ['logged_in_customer_id', loggedInShopifyId],
    ['path_prefix', '/apps/loyalnest'],
    ['timestamp', String(options.timestamp ?? Math.floor(Date.now() / 1000))],
  ]);
  const signature = options.signature === undefined ? signAppProxyQuery(query, gateway.config.kit.shopify.apiSecret) : options.signature;
  if (signature !== null) query.append('signature', signature);
  const response = await fetch(`${new URL(gateway.url).origin}/proxy/session?${query}`);
  return { status: response.status, body: (await response.json()) as SessionAnswer['body'] };
}

/** The token of a session that must be issued; fails the test otherwise. */
export async function sessionToken(gateway: TestGateway, shop: string, loggedInShopifyId: string): Promise<string> {
  const answer = await proxySession(gateway, shop, loggedInShopifyId);
  if (answer.status !== 200 || !answer.body.token) throw new Error(`no session: ${JSON.stringify(answer)}`);
  return answer.body.token;
}
