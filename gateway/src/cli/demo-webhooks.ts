import { DEMO_MERCHANT, DEV_OPT_IN, isDevelopment } from '@loyalnest/kit';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { mintDevToken } from '../auth/dev-token.js';
import { loadGatewayConfig } from '../config.js';
import { SAMPLE_CUSTOMER_SHOPIFY_ID, sendSampleOrder, sendSampleRefund } from '../dev/sample-webhooks.js';
import { CliError, runCli } from './preflight.js';

const BALANCE = `query DemoBalance($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { points { balance } } }`;

/**
 * `npm run demo:webhooks [-- --url http://localhost:4000]`: while `npm start` runs, sends the demo
 * shop's signed sample webhooks (an order paid by Ada, then a partial refund) and prints her
 * balance after each, as the supergraph applies them.
 */
runCli(async () => {
  if (!isDevelopment()) throw new CliError(`Sample webhooks are for the local demo: run with ${DEV_OPT_IN}=1 against npm start`);
  const config = loadGatewayConfig();
  const { values } = parseArgs({ options: { url: { type: 'string', default: `http://localhost:${config.port}` } } });
  const origin = new URL(values.url).origin;
  const target = { origin, apiSecret: config.kit.shopify.apiSecret };
  const auth = `Bearer ${await mintDevToken(config.devTokenSecret, { shop: DEMO_MERCHANT.shopDomain, role: 'admin' }, '5m')}`;
  const balance = async (): Promise<number> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ query: BALANCE, variables: { shopifyId: SAMPLE_CUSTOMER_SHOPIFY_ID } }),
    }).catch((error: Error) => {
      throw new CliError(`No supergraph answers at ${origin} (${error.message}): start it with npm start`);
    });
    const body = (await response.json()) as { data?: { customerByShopifyId: { points: { balance: number } } | null } };
    if (!body.data?.customerByShopifyId) throw new CliError(`The demo customer ${SAMPLE_CUSTOMER_SHOPIFY_ID} is not there: ${JSON.stringify(body)}`);
    return body.data.customerByShopifyId.points.balance;
  };
  /** The balance once it moved away from `from`, or `from` after 10 s (the workers may be busy). */
  const changedFrom = async (from: number): Promise<number> => {
    for (let waited = 0; waited < 10_000; waited += 250) {
      const now = await balance();
      if (now !== from) return now;
      await sleep(250);
    }
    return from;
  };

  const before = await balance();
  console.log(`Ada's balance: ${before} points`);
  const orderId = await sendSampleOrder(target, 4_200);
  const afterOrder = await changedFrom(before);
  console.log(`orders/paid #${orderId} (42.00 USD) accepted; Ada's balance: ${afterOrder} points`);
  await sendSampleRefund(target, orderId, 1_000);
  console.log(`refunds/create (10.00 USD of #${orderId}) accepted; Ada's balance: ${await changedFrom(afterOrder)} points`);
});
