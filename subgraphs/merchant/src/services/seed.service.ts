import { DEMO_MERCHANT, fieldAad, FieldCipher, noLive, Scope, signWebhook, systemCaller, type SubgraphRuntime } from '@loyalnest/kit';
import { DEFAULT_PROGRAM_SETTINGS, MerchantEntity } from '../entities/merchant.entity.js';
import { MERCHANT_TIMEZONE_CHANGED } from '../topics.js';
import { WebhookService } from './webhook.service.js';

const DAY_MS = 86_400_000;
/** The demo shop's zone, as Shopify would tell it for a shop in New York. */
const DEMO_TIMEZONE = 'America/New_York';

/**
 * The demo shop's past orders, paid, in USD: by the customer seed's shoppers' Shopify ids, each
 * with how many days ago it was placed and its total. With the points seed's rules (1 point per
 * dollar, a 100-point signup bonus) and the tier seed's program (Silver from 500 points earned,
 * Gold from 1,500), they spread the shoppers over the tiers: Ada 480 points, Bronze, 20 short of
 * Silver, so that `npm run demo:webhooks` (42.00 more) lifts her; Grace 650 and Edsger 720, Silver;
 * Alan 1,700 or more, Gold (his second order may earn at Silver's multiplier); Katherine, no
 * order, Bronze.
 */
const DEMO_ORDERS: { id: number; customer: number; daysAgo: number; total: string }[] = [
  { id: 5_100_001, customer: 7001, daysAgo: 40, total: '380.00' },
  { id: 5_100_002, customer: 7002, daysAgo: 75, total: '250.00' },
  { id: 5_100_003, customer: 7002, daysAgo: 12, total: '300.00' },
  { id: 5_100_004, customer: 7003, daysAgo: 150, total: '900.00' },
  { id: 5_100_005, customer: 7003, daysAgo: 30, total: '700.00' },
  { id: 5_100_006, customer: 7005, daysAgo: 60, total: '620.00' },
];

/**
 * Creates the demo merchant unless it exists, with its order history in the webhook inbox. In
 * development it holds the stand-in's offline token (encrypted, as an install stores it), so
 * redeeming a reward issues a code; a demo merchant seeded before it had one gets it too.
 * Elsewhere it has none: no real shop would take it.
 */
export async function seedMerchant(runtime: SubgraphRuntime): Promise<void> {
  const ctx = runtime.createContext(systemCaller([Scope.MERCHANT_WRITE], DEMO_MERCHANT.id));
  const { em } = ctx;
  const cipher = new FieldCipher(runtime.config.encryptionKeys);
  const token = () => cipher.encrypt(DEMO_MERCHANT.devAccessToken, fieldAad(DEMO_MERCHANT.id, 'merchant', DEMO_MERCHANT.id, 'access_token'));
  const existing = await em.findOne(MerchantEntity, { id: DEMO_MERCHANT.id });
  if (existing) {
    if (!runtime.config.development || existing.accessTokenEncrypted || existing.status !== 'installed') return;
    existing.accessTokenEncrypted = token();
    await em.flush();
    return;
  }
  em.create(MerchantEntity, {
    id: DEMO_MERCHANT.id,
    shopDomain: DEMO_MERCHANT.shopDomain,
    name: DEMO_MERCHANT.name,
    currency: 'USD',
    primaryLocale: 'en',
    enabledLocales: ['en', 'es', 'fr'],
    plan: 'growth',
    status: 'installed',
    installedAt: new Date(),
    accessTokenEncrypted: runtime.config.development ? token() : null,
    settings: { ...DEFAULT_PROGRAM_SETTINGS, pointsName: 'Nest Points' },
    timezone: DEMO_TIMEZONE,
    timezoneVersion: 1,
    timezoneAsOf: new Date(),
  });
  // As an install announces it: the tier domain turns the demo shop's periods at New York's midnight.
  ctx.emit(MERCHANT_TIMEZONE_CHANGED, { timezone: DEMO_TIMEZONE, version: 1 });
  await em.flush();
  await receiveDemoOrders(runtime, cipher);
}

/**
 * The demo shop's order history, received as Shopify would send it: each `orders/paid` signed and
 * taken by the webhook ingress into the inbox, so the customer, points and tier domains apply it
 * like any order once the supergraph runs (no consumer runs while seeding, so the customer seed's
 * shoppers exist by then). Fixed event ids make a repeat a duplicate delivery.
 */
async function receiveDemoOrders(runtime: SubgraphRuntime, cipher: FieldCipher): Promise<void> {
  // No live activity: no supergraph runs while seeding, so no one could be following it.
  const webhooks = new WebhookService(runtime.config, cipher, (query, params) => runtime.orm.em.getConnection().execute(query, params), noLive);
  for (const order of DEMO_ORDERS) {
    const placedAt = new Date(Date.now() - order.daysAgo * DAY_MS).toISOString();
    const body = Buffer.from(
      JSON.stringify({
        id: order.id,
        currency: 'USD',
        total_price: order.total,
        financial_status: 'paid',
        processed_at: placedAt,
        created_at: placedAt,
        updated_at: placedAt,
        cancelled_at: null,
        customer: { id: order.customer },
      }),
    );
    const outcome = await webhooks.receive(
      {
        'x-shopify-hmac-sha256': signWebhook(body, runtime.config.shopify.apiSecret),
        'x-shopify-shop-domain': DEMO_MERCHANT.shopDomain,
        'x-shopify-topic': 'orders/paid',
        'x-shopify-event-id': `demo-order-${order.id}-paid`,
        'x-shopify-triggered-at': placedAt,
      },
      body,
    );
    if (outcome.status !== 200) throw new Error(`the demo order ${order.id} was refused: ${JSON.stringify(outcome.body)}`);
  }
}
