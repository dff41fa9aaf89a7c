import { DEMO_MERCHANT } from '@loyalnest/kit';
import { startFakeShopify, type FakeShopify } from './shopify-stand-in.js';

/**
 * The demo shop's Shopify in development: the local stand-in on a loopback port of its own,
 * holding the demo merchant's offline token (the one its seed stores), so redeeming a reward in
 * Sandbox issues a discount code and Flow triggers and webhook subscriptions are answered.
 * SHOPIFY_BASE_URL is set in `env` to point at it, so the configuration loaded afterwards, and
 * services spawned with `env`, all talk to it. Only `npm start` calls this, and only when
 * SHOPIFY_BASE_URL was not set explicitly.
 */
export async function startDemoShopify(env: NodeJS.ProcessEnv, credentials: { apiKey: string; apiSecret: string }): Promise<FakeShopify> {
  const standIn = await startFakeShopify({ ...credentials, tokens: { [DEMO_MERCHANT.shopDomain]: DEMO_MERCHANT.devAccessToken } });
  env.SHOPIFY_BASE_URL = standIn.baseUrl;
  return standIn;
}
