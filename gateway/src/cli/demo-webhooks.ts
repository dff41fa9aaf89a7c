import { DEMO_MERCHANT, DEV_OPT_IN, isDevelopment } from '@loyalnest/kit';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { mintDevToken } from '../auth/dev-token.js';
import { loadGatewayConfig } from '../config.js';
import { SAMPLE_CUSTOMER_SHOPIFY_ID, sendSampleOrder, sendSampleRefund } from '../dev/sample-webhooks.js';
import { CliError, runCli } from './preflight.js';

const STANDING = `query DemoStanding($shopifyId: ID!) { customerByShopifyId(shopifyId: $shopifyId) { points { balance } tier { current { name } } } }`;

/** How long the balance must stay put to count as settled: an order's earn may lift her tier, whose entry bonus follows it. */
const SETTLED_MS = 1_500;

/**
 * `npm run demo:webhooks [-- --url http://localhost:4000]`: while `npm start` runs, sends the demo
 * shop's signed sample webhooks (an order paid by Ada, then a partial refund) and prints her
 * balance and VIP tier after each, as the supergraph applies them. The demo data leaves her 20
 * points short of Silver, so the order lifts her there on a fresh demo (and pays Silver's bonus).
 */
runCli(async () => {
  if (!isDevelopment()) throw new CliError(`Sample webhooks are for the local demo: run with ${DEV_OPT_IN}=1 against npm start`);
  const config = loadGatewayConfig();
  const { values } = parseArgs({ options: { url: { type: 'string', default: `http://localhost:${config.port}` } } });
  const origin = new URL(values.url).origin;
  const target = { origin, apiSecret: config.kit.shopify.apiSecret };
  const auth = `Bearer ${await mintDevToken(config.devTokenSecret, { shop: DEMO_MERCHANT.shopDomain, role: 'admin' }, '5m')}`;
  const standing = async (): Promise<{ balance: number; tier: string }> => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth },
      body: JSON.stringify({ query: STANDING, variables: { shopifyId: SAMPLE_CUSTOMER_SHOPIFY_ID } }),
    }).catch((error: Error) => {
      throw new CliError(`No supergraph answers at ${origin} (${error.message}): start it with npm start`);
    });
    const body = (await response.json()) as { data?: { customerByShopifyId: { points: { balance: number }; tier: { current: { name: string } | null } } | null } };
    const customer = body.data?.customerByShopifyId;
    if (!customer) throw new CliError(`The demo customer ${SAMPLE_CUSTOMER_SHOPIFY_ID} is not there: ${JSON.stringify(body)}`);
    return { balance: customer.points.balance, tier: customer.tier.current?.name ?? 'none' };
  };
  /**
   * Her standing once the balance moved away from `from` and then stayed put for `SETTLED_MS`, or
   * as it is after 10 s (the workers may be busy).
   */
  const settledFrom = async (from: number): Promise<{ balance: number; tier: string }> => {
    let now = await standing();
    let stillSince = now.balance === from ? null : Date.now();
    for (let waited = 0; waited < 10_000 && (stillSince === null || Date.now() - stillSince < SETTLED_MS); waited += 250) {
      await sleep(250);
      const next = await standing();
      if (next.balance !== now.balance) stillSince = next.balance === from ? null : Date.now();
      now = next;
    }
    return now;
  };
  const show = (s: { balance: number; tier: string }) => `Ada's balance: ${s.balance} points, VIP tier ${s.tier}`;

  const before = await standing();
  console.log(show(before));
  const orderId = await sendSampleOrder(target, 4_200);
  const afterOrder = await settledFrom(before.balance);
  console.log(`orders/paid #${orderId} (42.00 USD) accepted; ${show(afterOrder)}`);
  await sendSampleRefund(target, orderId, 1_000);
  console.log(`refunds/create (10.00 USD of #${orderId}) accepted; ${show(await settledFrom(afterOrder.balance))}`);
});
