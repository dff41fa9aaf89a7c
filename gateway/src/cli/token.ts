import { DEMO_MERCHANT, DEV_OPT_IN, isDevelopment, normalizeShopDomain } from '@loyalnest/kit';
import { parseArgs } from 'node:util';
import { DEV_ROLES, mintDevToken, type DevRole } from '../auth/dev-token.js';
import { loadGatewayConfig } from '../config.js';
import { CliError, runCli } from './preflight.js';

/** `npm run token -- --shop demo.myshopify.com --role admin [--customer <id>] [--ttl 12h]`: prints a dev token. */
runCli(async () => {
  if (!isDevelopment()) throw new CliError(`Dev tokens are for local use: only a gateway started with ${DEV_OPT_IN}=1 accepts them`);
  const { values } = parseArgs({
    options: {
      shop: { type: 'string', default: DEMO_MERCHANT.shopDomain },
      role: { type: 'string', default: 'admin' },
      customer: { type: 'string' },
      ttl: { type: 'string', default: '12h' },
    },
  });
  const shop = normalizeShopDomain(values.shop);
  if (!shop) throw new CliError(`--shop must be a *.myshopify.com domain, got "${values.shop}"`);
  if (!DEV_ROLES.includes(values.role as DevRole)) throw new CliError(`--role must be one of: ${DEV_ROLES.join(', ')}`);
  if (values.role === 'shopper' && !values.customer) throw new CliError('--role shopper needs --customer <LoyalNest customer id>');
  const token = await mintDevToken(loadGatewayConfig().devTokenSecret, { shop, role: values.role as DevRole, customerId: values.customer }, values.ttl);
  console.log(token);
});
