import { DEMO_MERCHANT } from '@loyalnest/kit';
import { parseArgs } from 'node:util';
import { mintDevToken } from '../auth/dev-token.js';
import { loadGatewayConfig, readSupergraphConfig } from '../config.js';
import { startEmbeddedGateway, startNetworkedGateway } from '../modes.js';
import { migrateAll, seedAll } from '../operations.js';
import { spawnSubgraphServices } from '../services.js';
import { subgraphModules } from '../subgraphs.js';
import { preflight, runCli } from './preflight.js';

/**
 * `npm start` (embedded: one process) or `npm run start:services` (networked: a process per
 * subgraph). Applies pending migrations, seeds the demo merchant when missing, prints how to try it.
 * In development the demo shop's Shopify is a local stand-in, unless SHOPIFY_BASE_URL names one.
 */
runCli(async () => {
  const { values } = parseArgs({ options: { networked: { type: 'boolean', default: false } } });
  let config = loadGatewayConfig();
  // Loaded in development only: nothing else ever runs a Shopify stand-in.
  const demoShopify = config.development ? await (await import('../dev/demo-shop.js')).startDemoShopify(process.env, config.kit.shopify) : null;
  if (demoShopify) config = loadGatewayConfig();
  await preflight(config.kit);
  await migrateAll(config.kit, subgraphModules);
  await seedAll(config.kit, subgraphModules);

  let stopServices = async () => {};
  let gateway;
  if (values.networked) {
    const services = await spawnSubgraphServices(readSupergraphConfig(), { readyTimeoutMs: config.subgraphReadyTimeoutMs });
    stopServices = services.stop;
    gateway = await startNetworkedGateway(config, subgraphModules, services.urls);
  } else {
    gateway = await startEmbeddedGateway(config, subgraphModules);
  }

  const token = !config.development ? null : await mintDevToken(config.devTokenSecret, { shop: DEMO_MERCHANT.shopDomain, role: 'admin' });
  // Development only, like the Shopify stand-in: the demo shop's storefront with the widget on it.
  const storefront = !config.development
    ? null
    : await (async () => {
        const { startDemoStorefront, storefrontPort } = await import('../dev/storefront/demo-storefront.js');
        return startDemoStorefront({
          gatewayUrl: gateway.url,
          apiSecret: config.kit.shopify.apiSecret,
          proxyPath: config.kit.shopify.appProxy.path,
          port: storefrontPort(process.env),
        });
      })();
  console.log(`
LoyalNest supergraph (${values.networked ? 'networked' : 'embedded'} mode) is up.
  Merchant dashboard: ${gateway.url}/app/${token ? ` (outside Shopify admin: on a dev session for ${DEMO_MERCHANT.shopDomain})` : ''}
  GraphQL + Apollo Sandbox: ${gateway.url}/graphql
  Health: ${gateway.url}/healthz   Readiness: ${gateway.url}/readyz${
    token
      ? `
  Dev token for ${DEMO_MERCHANT.shopDomain} (admin), for the Sandbox's Authorization header:
    Bearer ${token}`
      : ''
  }${
    demoShopify
      ? `
  Shopify stand-in for the demo shop: ${demoShopify.origin} (discount codes, Flow triggers, webhook subscriptions)
  Sample webhooks (an order paid, then a refund) for Ada, a demo customer: npm run demo:webhooks`
      : ''
  }${
    storefront
      ? `
  Widget test storefront: ${storefront.origin}/ (the demo shop's storefront with the widget; ?locale=es or fr)
    Sign in as a demo shopper at ${storefront.origin}/account/login (${storefront.examples.map((c) => `${c.name}, customer ${c.shopifyId}`).join('; ')}; …)`
      : ''
  }
`);

  const shutdown = async () => {
    await storefront?.close();
    await gateway.stop();
    await stopServices();
    await demoShopify?.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
