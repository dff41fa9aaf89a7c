import { DEMO_CUSTOMERS } from '@loyalnest/customer';
import { DEMO_MERCHANT, logger } from '@loyalnest/kit';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../config.js';
import { startStorefront, type Storefront } from './storefront-stand-in.js';

const WIDGET_BUILD = `${REPO_ROOT}scripts/widget-build.mjs`;

export interface DemoStorefront extends Storefront {
  /** Who to sign in as, for the start banner: the first demo shoppers. */
  examples: { shopifyId: string; name: string }[];
}

/**
 * The demo storefront's port unless `STOREFRONT_PORT` says otherwise: fixed, so its URL stays the
 * same between starts, and outside the ports networked mode gives the subgraphs (4001–4007,
 * supergraph.yaml) and the worker's 4100.
 */
export const STOREFRONT_DEFAULT_PORT = 4010;

/** `STOREFRONT_PORT` (0 to 65535; 0 for any free port), else `STOREFRONT_DEFAULT_PORT`; anything else is refused by name. */
export function storefrontPort(env: NodeJS.ProcessEnv): number {
  const raw = env.STOREFRONT_PORT;
  if (raw === undefined || raw === '') return STOREFRONT_DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`STOREFRONT_PORT must be a port number (0 to 65535), got '${raw}'`);
  return port;
}

/**
 * `npm start`'s storefront for the demo shop: the widget built first when its sources are newer than
 * its assets, then the storefront stand-in with the demo shop's seeded shoppers at sign-in. It tries
 * `port` (`storefrontPort`: STOREFRONT_PORT, else 4010) and takes any free port when that one is taken. A widget that fails to build is reported and the
 * storefront starts anyway: its pages work, the widget's assets answer 404 until a build succeeds.
 */
export async function startDemoStorefront({ gatewayUrl, apiSecret, proxyPath, port }: { gatewayUrl: string; apiSecret: string; proxyPath?: string; port: number }): Promise<DemoStorefront> {
  await buildWidgetIfStale();
  const customers = DEMO_CUSTOMERS.map((c) => ({ shopifyId: c.shopifyId, name: `${c.firstName} ${c.lastName}` }));
  const options = { gatewayUrl, shopDomain: DEMO_MERCHANT.shopDomain, shopName: DEMO_MERCHANT.name, apiSecret, proxyPath, customers, currency: 'USD' };
  let storefront: Storefront;
  try {
    storefront = await startStorefront({ ...options, port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    storefront = await startStorefront({ ...options, port: 0 });
  }
  return { ...storefront, examples: customers.slice(0, 2) };
}

async function buildWidgetIfStale(): Promise<void> {
  // Imported by path from the repository's root: the build script is not a package, and this module
  // runs both from src/ (tsx) and from the compiled dist/.
  const { buildWidget } = (await import(pathToFileURL(WIDGET_BUILD).href)) as { buildWidget(options: { ifStale: boolean }): boolean };
  try {
    buildWidget({ ifStale: true });
  } catch (error) {
    logger('storefront').warn({ err: error }, 'the widget did not build: the storefront shows no widget until it does (npm run build)');
  }
}
