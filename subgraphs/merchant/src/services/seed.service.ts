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
  // The shoppers 7101–7131: with the four above, 33 customers ordering in the last year, spread so
  // that the segment domain's quintiles put members in each of the eleven default RFM segments
  // (7101–7102 New, 7107 Promising, 7104–7105 and 7110 Champions, …, 7130–7131 ordered only
  // before the window: Lost). See the README's "Customer segments", "Demo".
  { id: 5_100_101, customer: 7101, daysAgo: 2, total: '120.00' },
  { id: 5_100_102, customer: 7102, daysAgo: 3, total: '45.00' },
  { id: 5_100_103, customer: 7103, daysAgo: 45, total: '70.00' },
  { id: 5_100_104, customer: 7103, daysAgo: 25, total: '70.00' },
  { id: 5_100_105, customer: 7103, daysAgo: 5, total: '70.00' },
  { id: 5_100_106, customer: 7104, daysAgo: 66, total: '350.00' },
  { id: 5_100_107, customer: 7104, daysAgo: 46, total: '350.00' },
  { id: 5_100_108, customer: 7104, daysAgo: 26, total: '350.00' },
  { id: 5_100_109, customer: 7104, daysAgo: 6, total: '350.00' },
  { id: 5_100_110, customer: 7105, daysAgo: 107, total: '366.66' },
  { id: 5_100_111, customer: 7105, daysAgo: 87, total: '366.66' },
  { id: 5_100_112, customer: 7105, daysAgo: 67, total: '366.66' },
  { id: 5_100_113, customer: 7105, daysAgo: 47, total: '366.66' },
  { id: 5_100_114, customer: 7105, daysAgo: 27, total: '366.66' },
  { id: 5_100_115, customer: 7105, daysAgo: 7, total: '366.70' },
  { id: 5_100_116, customer: 7106, daysAgo: 108, total: '75.00' },
  { id: 5_100_117, customer: 7106, daysAgo: 88, total: '75.00' },
  { id: 5_100_118, customer: 7106, daysAgo: 68, total: '75.00' },
  { id: 5_100_119, customer: 7106, daysAgo: 48, total: '75.00' },
  { id: 5_100_120, customer: 7106, daysAgo: 28, total: '75.00' },
  { id: 5_100_121, customer: 7106, daysAgo: 8, total: '75.00' },
  { id: 5_100_122, customer: 7107, daysAgo: 15, total: '55.00' },
  { id: 5_100_123, customer: 7108, daysAgo: 60, total: '250.00' },
  { id: 5_100_124, customer: 7108, daysAgo: 40, total: '250.00' },
  { id: 5_100_125, customer: 7108, daysAgo: 20, total: '250.00' },
  { id: 5_100_126, customer: 7109, daysAgo: 85, total: '120.00' },
  { id: 5_100_127, customer: 7109, daysAgo: 65, total: '120.00' },
  { id: 5_100_128, customer: 7109, daysAgo: 45, total: '120.00' },
  { id: 5_100_129, customer: 7109, daysAgo: 25, total: '120.00' },
  { id: 5_100_130, customer: 7110, daysAgo: 135, total: '300.00' },
  { id: 5_100_131, customer: 7110, daysAgo: 115, total: '300.00' },
  { id: 5_100_132, customer: 7110, daysAgo: 95, total: '300.00' },
  { id: 5_100_133, customer: 7110, daysAgo: 75, total: '300.00' },
  { id: 5_100_134, customer: 7110, daysAgo: 55, total: '300.00' },
  { id: 5_100_135, customer: 7110, daysAgo: 35, total: '300.00' },
  { id: 5_100_136, customer: 7111, daysAgo: 65, total: '75.00' },
  { id: 5_100_137, customer: 7111, daysAgo: 45, total: '75.00' },
  { id: 5_100_138, customer: 7112, daysAgo: 70, total: '40.00' },
  { id: 5_100_139, customer: 7112, daysAgo: 50, total: '40.00' },
  { id: 5_100_140, customer: 7113, daysAgo: 95, total: '233.33' },
  { id: 5_100_141, customer: 7113, daysAgo: 75, total: '233.33' },
  { id: 5_100_142, customer: 7113, daysAgo: 55, total: '233.34' },
  { id: 5_100_143, customer: 7114, daysAgo: 105, total: '133.33' },
  { id: 5_100_144, customer: 7114, daysAgo: 85, total: '133.33' },
  { id: 5_100_145, customer: 7114, daysAgo: 65, total: '133.34' },
  { id: 5_100_146, customer: 7115, daysAgo: 130, total: '212.50' },
  { id: 5_100_147, customer: 7115, daysAgo: 110, total: '212.50' },
  { id: 5_100_148, customer: 7115, daysAgo: 90, total: '212.50' },
  { id: 5_100_149, customer: 7115, daysAgo: 70, total: '212.50' },
  { id: 5_100_150, customer: 7116, daysAgo: 180, total: '200.00' },
  { id: 5_100_151, customer: 7116, daysAgo: 160, total: '200.00' },
  { id: 5_100_152, customer: 7116, daysAgo: 140, total: '200.00' },
  { id: 5_100_153, customer: 7116, daysAgo: 120, total: '200.00' },
  { id: 5_100_154, customer: 7116, daysAgo: 100, total: '200.00' },
  { id: 5_100_155, customer: 7116, daysAgo: 80, total: '200.00' },
  { id: 5_100_156, customer: 7117, daysAgo: 100, total: '60.00' },
  { id: 5_100_157, customer: 7118, daysAgo: 140, total: '45.00' },
  { id: 5_100_158, customer: 7118, daysAgo: 120, total: '45.00' },
  { id: 5_100_159, customer: 7119, daysAgo: 170, total: '266.66' },
  { id: 5_100_160, customer: 7119, daysAgo: 150, total: '266.66' },
  { id: 5_100_161, customer: 7119, daysAgo: 130, total: '266.68' },
  { id: 5_100_162, customer: 7120, daysAgo: 180, total: '60.00' },
  { id: 5_100_163, customer: 7120, daysAgo: 160, total: '60.00' },
  { id: 5_100_164, customer: 7120, daysAgo: 140, total: '60.00' },
  { id: 5_100_165, customer: 7121, daysAgo: 220, total: '105.00' },
  { id: 5_100_166, customer: 7121, daysAgo: 200, total: '105.00' },
  { id: 5_100_167, customer: 7121, daysAgo: 180, total: '105.00' },
  { id: 5_100_168, customer: 7121, daysAgo: 160, total: '105.00' },
  { id: 5_100_169, customer: 7122, daysAgo: 280, total: '250.00' },
  { id: 5_100_170, customer: 7122, daysAgo: 260, total: '250.00' },
  { id: 5_100_171, customer: 7122, daysAgo: 240, total: '250.00' },
  { id: 5_100_172, customer: 7122, daysAgo: 220, total: '250.00' },
  { id: 5_100_173, customer: 7122, daysAgo: 200, total: '250.00' },
  { id: 5_100_174, customer: 7122, daysAgo: 180, total: '250.00' },
  { id: 5_100_175, customer: 7123, daysAgo: 220, total: '70.00' },
  { id: 5_100_176, customer: 7124, daysAgo: 245, total: '42.50' },
  { id: 5_100_177, customer: 7124, daysAgo: 240, total: '42.50' },
  { id: 5_100_178, customer: 7125, daysAgo: 270, total: '80.00' },
  { id: 5_100_179, customer: 7125, daysAgo: 265, total: '80.00' },
  { id: 5_100_180, customer: 7125, daysAgo: 260, total: '80.00' },
  { id: 5_100_181, customer: 7126, daysAgo: 295, total: '237.50' },
  { id: 5_100_182, customer: 7126, daysAgo: 290, total: '237.50' },
  { id: 5_100_183, customer: 7126, daysAgo: 285, total: '237.50' },
  { id: 5_100_184, customer: 7126, daysAgo: 280, total: '237.50' },
  { id: 5_100_185, customer: 7127, daysAgo: 315, total: '67.50' },
  { id: 5_100_186, customer: 7127, daysAgo: 310, total: '67.50' },
  { id: 5_100_187, customer: 7127, daysAgo: 305, total: '67.50' },
  { id: 5_100_188, customer: 7127, daysAgo: 300, total: '67.50' },
  { id: 5_100_189, customer: 7128, daysAgo: 345, total: '86.66' },
  { id: 5_100_190, customer: 7128, daysAgo: 340, total: '86.66' },
  { id: 5_100_191, customer: 7128, daysAgo: 335, total: '86.66' },
  { id: 5_100_192, customer: 7128, daysAgo: 330, total: '86.66' },
  { id: 5_100_193, customer: 7128, daysAgo: 325, total: '86.66' },
  { id: 5_100_194, customer: 7128, daysAgo: 320, total: '86.70' },
  { id: 5_100_195, customer: 7129, daysAgo: 355, total: '433.33' },
  { id: 5_100_196, customer: 7129, daysAgo: 350, total: '433.33' },
  { id: 5_100_197, customer: 7129, daysAgo: 345, total: '433.33' },
  { id: 5_100_198, customer: 7129, daysAgo: 340, total: '433.33' },
  { id: 5_100_199, customer: 7129, daysAgo: 335, total: '433.33' },
  { id: 5_100_200, customer: 7129, daysAgo: 330, total: '433.35' },
  { id: 5_100_201, customer: 7130, daysAgo: 420, total: '90.00' },
  { id: 5_100_202, customer: 7131, daysAgo: 500, total: '40.00' },
  { id: 5_100_203, customer: 7131, daysAgo: 450, total: '60.00' },
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
