import { logger, normalizeShopDomain, Scope, systemCaller } from '@loyalnest/kit';
import { Router, type Request, type Response } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GatewayConfig } from '../config.js';
import type { SubgraphClient } from '../subgraph-client.js';
import type { CallerDirectory } from './caller-directory.js';
import { mintShopperToken } from './shopper-token.js';

/**
 * Shopify's app proxy signature: hex HMAC-SHA256 (app secret) of every query parameter but
 * `signature`, sorted by name, each as `name=value` (a repeated parameter's values joined with
 * `,`), concatenated with no separator. Unlike the OAuth `hmac`, whose pairs are joined with `&`.
 */
export function appProxySignature(params: URLSearchParams, secret: string): string {
  const message = [...new Set(params.keys())]
    .filter((name) => name !== 'signature')
    .sort()
    .map((name) => `${name}=${params.getAll(name).join(',')}`)
    .join('');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/**
 * Parameters whose first value the session trusts. Shopify appends its own `shop`,
 * `logged_in_customer_id`, `path_prefix`, `timestamp` and `signature` to whatever the visitor put
 * in the proxied URL, and signs them all, so a visitor who adds `shop=other&logged_in_customer_id=…`
 * gets a correctly signed request with two of each. Shopify's own library refuses such requests;
 * so does the gateway, whatever the signature says.
 */
const SINGLE_PARAMETERS = ['shop', 'timestamp', 'signature', 'path_prefix', 'logged_in_customer_id'];

function repeatedParameter(params: URLSearchParams): string | undefined {
  return SINGLE_PARAMETERS.find((name) => params.getAll(name).length > 1);
}

function signatureValid(params: URLSearchParams, secret: string): boolean {
  const given = Buffer.from(params.get('signature') ?? '', 'utf8');
  const expected = Buffer.from(appProxySignature(params, secret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

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
    const repeated = repeatedParameter(params);
    if (repeated) return { status: 400, error: `The app proxy request names "${repeated}" more than once` };
    if (!params.get('signature')) return { status: 401, error: 'The request is not signed by Shopify (no signature)' };
    if (!signatureValid(params, config.kit.shopify.apiSecret)) return { status: 401, error: 'The app proxy signature does not match' };
    const timestamp = Number(params.get('timestamp'));
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > config.appProxyMaxAgeSeconds) {
      return { status: 401, error: 'The app proxy request is stale (timestamp too old or in the future)' };
    }
    const shop = normalizeShopDomain(params.get('shop'));
    const merchant = shop ? await directory.byShop(shop) : null;
    if (!shop || merchant?.status !== 'INSTALLED') return { status: 403, error: 'The shop does not have the app installed' };
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
