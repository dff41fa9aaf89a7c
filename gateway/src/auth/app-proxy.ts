import { appProxySignature, checkAppProxyRequest, logger, Scope, systemCaller } from '@loyalnest/kit';
import { Router, type Request, type Response } from 'express';
import type { GatewayConfig } from '../config.js';
import type { SubgraphClient } from '../subgraph-client.js';
import type { CallerDirectory } from './caller-directory.js';
import { mintShopperToken } from './shopper-token.js';

/** Kept here for callers of the gateway's module; the check itself lives in the kit, shared by every proxy route. */
export { appProxySignature };

export interface AppProxyDependencies {
  config: GatewayConfig;
  directory: CallerDirectory;
  customer: SubgraphClient;
}

type Refusal = { status: number; error: string };

/**
 * `GET /proxy/session`, reached from the storefront through Shopify's app proxy
 * (`https://<shop>/apps/<subpath>/session`): refuses a request that names any of Shopify's own
 * parameters twice (400), then verifies that Shopify signed the request, that it is fresh, that
 * the shop has the app installed and that a customer is logged in, then issues a short-lived
 * shopper token for that customer. The widget sends it as a bearer token on HTTP and
 * in the WebSocket's `connection_init` payload.
 */
export function appProxyRoutes({ config, directory, customer }: AppProxyDependencies): Router {
  const router = Router();
  const session = async (req: Request): Promise<Refusal | { body: Record<string, unknown> }> => {
    const params = new URL(req.originalUrl, 'http://proxy').searchParams;
    const checked = checkAppProxyRequest(params, config.kit.shopify.apiSecret, config.appProxyMaxAgeSeconds);
    if ('status' in checked) return checked;
    const { shop } = checked;
    const merchant = await directory.byShop(shop);
    if (merchant?.status !== 'INSTALLED') return { status: 403, error: 'The shop does not have the app installed' };
    const shopifyCustomerId = params.get('logged_in_customer_id');
    if (!shopifyCustomerId) return { status: 401, error: 'No customer is logged in to the store' };
    const found = await customer.execute(
      'query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }',
      { id: shopifyCustomerId },
      systemCaller([Scope.CUSTOMERS_READ], merchant.merchantId),
    );
    if (found.errors?.length) throw new Error(`customer lookup failed: ${found.errors[0].message}`);
    const customerId = (found.data?.customerByShopifyId as { id: string } | null)?.id;
    if (!customerId) return { status: 403, error: 'The logged-in customer is not known to the loyalty program yet' };
    const { token, expiresAt } = await mintShopperToken(config.shopperToken, { shop, customerId });
    return { body: { token, expiresAt: expiresAt.toISOString(), customerId } };
  };
  router.get('/proxy/session', (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    session(req).then(
      (outcome) => ('body' in outcome ? res.json(outcome.body) : res.status(outcome.status).json({ error: outcome.error })),
      (error: unknown) => {
        logger('gateway').error({ err: error }, 'app proxy session failed');
        res.status(503).json({ error: 'The session is unavailable; try again shortly' });
      },
    );
  });
  return router;
}
