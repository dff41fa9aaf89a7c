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
  /**
   * Where browsers reach the API, without a trailing slash: `APP_URL`, or in development without
   * one the gateway's own listening URL, known only once it listens (hence a function).
   */
  publicUrl: () => string;
}

type Refusal = { status: number; error: string };

/** What the widget starts from: its token, who it is for, and where to send it. */
export interface ShopperSession {
  token: string;
  /** ISO 8601; the widget renews the session a little before. */
  expiresAt: string;
  /** The LoyalNest customer; null for a guest (nobody logged in, or a customer the program does not know yet). */
  customerId: string | null;
  /** Whether Shopify says a customer is logged in to the store, known to the program or not. */
  loggedIn: boolean;
  /** The GraphQL endpoint, for HTTP (`Authorization: Bearer <token>`). */
  graphqlUrl: string;
  /** The same endpoint for graphql-ws (`ws:` or `wss:`), the token in `connection_init`. */
  liveUrl: string;
}

/**
 * `GET /proxy/session`, reached from the storefront through Shopify's app proxy
 * (`https://<shop>/apps/<subpath>/session`): refuses a request that names any of Shopify's own
 * parameters twice (400), then verifies that Shopify signed the request, that it is fresh and that
 * the shop has the app installed, then issues a short-lived shopper token. A logged-in customer
 * the program knows gets a token for themself; anyone else (nobody logged in, or a customer not
 * yet known) a guest's token, which reads only what every caller of the merchant reads, so the
 * widget can show the program to visitors. The widget sends the token as a bearer token on HTTP
 * and in the WebSocket's `connection_init` payload.
 */
export function appProxyRoutes({ config, directory, customer, publicUrl }: AppProxyDependencies): Router {
  const router = Router();
  const session = async (req: Request): Promise<Refusal | { body: ShopperSession }> => {
    const params = new URL(req.originalUrl, 'http://proxy').searchParams;
    const checked = checkAppProxyRequest(params, config.kit.shopify.apiSecret, config.appProxyMaxAgeSeconds);
    if ('status' in checked) return checked;
    const { shop } = checked;
    const merchant = await directory.byShop(shop);
    if (merchant?.status !== 'INSTALLED') return { status: 403, error: 'The shop does not have the app installed' };
    // Shopify sends the parameter empty when nobody is logged in.
    const shopifyCustomerId = params.get('logged_in_customer_id') || null;
    const customerId = shopifyCustomerId ? await knownCustomer(customer, merchant.merchantId, shopifyCustomerId) : null;
    const { token, expiresAt } = await mintShopperToken(config.shopperToken, { shop, customerId });
    const graphqlUrl = `${publicUrl()}/graphql`;
    return {
      body: {
        token,
        expiresAt: expiresAt.toISOString(),
        customerId,
        loggedIn: shopifyCustomerId !== null,
        graphqlUrl,
        liveUrl: graphqlUrl.replace(/^http/, 'ws'),
      },
    };
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

/** The LoyalNest customer behind a Shopify customer id of the merchant, or null while the program does not know them. */
async function knownCustomer(customer: SubgraphClient, merchantId: string, shopifyCustomerId: string): Promise<string | null> {
  const found = await customer.execute(
    'query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }',
    { id: shopifyCustomerId },
    systemCaller([Scope.CUSTOMERS_READ], merchantId),
  );
  if (found.errors?.length) throw new Error(`customer lookup failed: ${found.errors[0].message}`);
  return (found.data?.customerByShopifyId as { id: string } | null)?.id ?? null;
}
