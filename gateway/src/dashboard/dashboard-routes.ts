import { DEMO_MERCHANT, normalizeShopDomain } from '@loyalnest/kit';
import express, { type Request, type Response, type Router } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { mintDevToken } from '../auth/dev-token.js';
import { REPO_ROOT, type GatewayConfig } from '../config.js';

/** Vite's output for clients/dashboard (`npm run build`, or `npm start` when it is stale). */
export const DASHBOARD_DIST = join(REPO_ROOT, 'clients', 'dashboard', 'dist');

/** The dashboard's base path; Vite builds it with the same (`base` in its config). */
export const DASHBOARD_PATH = '/app';

/** Where Shopify's admin loads App Bridge from: embedded apps must load it from there, first, synchronously. */
export const APP_BRIDGE_SRC = 'https://cdn.shopify.com/shopifycloud/app-bridge.js';

const DEV_SESSION_TTL_SECONDS = 12 * 60 * 60;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOOPBACK_ADDRESS = /^(127\.|::1$|::ffff:127\.)/;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Shopify admin opens an embedded app's URL with `embedded=1`, `host`, `shop` and `id_token`. In
 * development the page outside admin runs on the dev session instead of App Bridge, which would
 * only try to send it back to an admin; in production the app is only ever used embedded.
 */
function openedFromAdmin(req: Request): boolean {
  const { embedded, host, id_token: idToken } = req.query;
  return embedded === '1' || typeof host === 'string' || typeof idToken === 'string';
}

/**
 * Only the shop's own admin may frame the app (Shopify's rule for embedded apps). The shop comes
 * from the URL Shopify admin opened; without one, only admin.shopify.com.
 */
function frameAncestors(req: Request): string {
  const shop = normalizeShopDomain(typeof req.query.shop === 'string' ? req.query.shop : null);
  return `frame-ancestors ${shop ? `https://${shop} ` : ''}https://admin.shopify.com;`;
}

/**
 * The merchant dashboard under /app: its built assets (immutable, gzipped when the browser takes
 * it), and its page for every client-side route, with App Bridge and the app's API key put in
 * when Shopify admin opened it. In development only, /app/dev-session hands the page outside
 * Shopify admin a dev token for the demo shop, as `npm start` prints one.
 */
export function dashboardRoutes(config: GatewayConfig, distDir = DASHBOARD_DIST): Router {
  const router = express.Router();
  const assetsDir = join(distDir, 'assets');
  let cachedPage: string | null = null;
  const page = (): string | null => {
    // Development rebuilds the dashboard while the gateway runs; production reads it once.
    if (cachedPage && !config.development) return cachedPage;
    const file = join(distDir, 'index.html');
    cachedPage = existsSync(file) ? readFileSync(file, 'utf8') : null;
    return cachedPage;
  };

  router.get(`${DASHBOARD_PATH}/dev-session`, async (req, res) => {
    res.set('cache-control', 'no-store');
    if (!config.development) {
      res.status(404).json({ message: 'There is no dev session outside development: open the app from Shopify admin.' });
      return;
    }
    // Only a page on this machine: a gateway bound to another interface, or a DNS-rebound name,
    // would otherwise hand the demo shop's admin token to whoever asks.
    if (!LOOPBACK_HOSTS.has(req.hostname) || !LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '')) {
      res.status(403).json({ message: 'The dev session is only handed to a browser on this machine, at 127.0.0.1 or localhost.' });
      return;
    }
    const token = await mintDevToken(config.devTokenSecret, { shop: DEMO_MERCHANT.shopDomain, role: 'admin' }, `${DEV_SESSION_TTL_SECONDS}s`);
    res.json({ token, shop: DEMO_MERCHANT.shopDomain, expiresAt: new Date(Date.now() + DEV_SESSION_TTL_SECONDS * 1000).toISOString() });
  });

  router.get(`${DASHBOARD_PATH}/assets/{*file}`, (req: Request, res: Response) => {
    const requested = normalize(join(assetsDir, ...([] as string[]).concat((req.params as { file?: string[] }).file ?? [])));
    if (!requested.startsWith(assetsDir + sep) || !existsSync(requested)) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    const gzipped = `${requested}.gz`;
    const useGzip = req.acceptsEncodings('gzip') === 'gzip' && existsSync(gzipped);
    res.set('cache-control', 'public, max-age=31536000, immutable');
    res.set('x-content-type-options', 'nosniff');
    res.vary('accept-encoding');
    if (useGzip) {
      res.set('content-encoding', 'gzip');
      res.type(requested.slice(requested.lastIndexOf('.')));
      res.sendFile(gzipped);
    } else {
      res.sendFile(requested);
    }
  });

  router.get([DASHBOARD_PATH, `${DASHBOARD_PATH}/{*route}`], (req: Request, res: Response) => {
    const html = page();
    res.set('cache-control', 'no-store');
    res.set('content-security-policy', frameAncestors(req));
    res.set('x-content-type-options', 'nosniff');
    res.set('referrer-policy', 'strict-origin-when-cross-origin');
    if (!html) {
      res.status(503).type('text/plain').send('The dashboard is not built yet: run `npm run build` (npm start builds it when it is missing).');
      return;
    }
    const appBridge =
      !config.development || openedFromAdmin(req)
        ? `<meta name="shopify-api-key" content="${escapeAttribute(config.kit.shopify.apiKey)}" />\n    <script src="${APP_BRIDGE_SRC}"></script>`
        : '';
    // A function, so that nothing in the API key is read as a replacement pattern ($&, $').
    res.type('html').send(html.replace(/<!-- app-bridge:[^>]*-->/, () => appBridge));
  });
  return router;
}
