import { DEMO_MERCHANT, isDevelopment } from '@loyalnest/kit';
import { startFakeShopify, type FakeShopify } from './shopify-stand-in.js';

/**
 * The demo shop's Shopify in development: the local stand-in on a loopback port of its own,
 * holding the demo merchant's offline token (the one its seed stores), so redeeming a reward in
 * Sandbox issues a discount code, and Flow triggers and webhook subscriptions are answered.
 * Only in development, and only when `env` names no SHOPIFY_BASE_URL (an explicit one, a real
 * development store, wins); null otherwise. It sets SHOPIFY_BASE_URL in `env`, so the
 * configuration loaded afterwards, and services spawned with `env`, all talk to it.
 */
export async function startDemoShopify(env: NodeJS.ProcessEnv, credentials: { apiKey: string; apiSecret: string }): Promise<FakeShopify | null> {
  if (!isDevelopment(env) || env.SHOPIFY_BASE_URL !== undefined) return null;
  const standIn = await startFakeShopify({ ...credentials, tokens: { [DEMO_MERCHANT.shopDomain]: DEMO_MERCHANT.devAccessToken } });
  env.SHOPIFY_BASE_URL = standIn.baseUrl;
  return standIn;
}
