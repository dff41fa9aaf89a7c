import { afterAll, describe, expect, it } from '@jest/globals';
import type { SubgraphModule } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import customer from '../../subgraphs/customer/src/index.js';
import merchant from '../../subgraphs/merchant/src/index.js';
import { withOwnerDb } from './support/db.js';
import { eventually, startEventsGateway, type EventsGateway } from './support/events.js';
import type { TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { postWebhook } from './support/webhooks.js';

const STALE_MS = 800;

async function deliver(gateway: TestGateway, shop: string, topic: string, body: Record<string, unknown>): Promise<string> {
  const eventId = randomUUID();
  expect(await postWebhook(new URL(gateway.url).origin, shop, gateway.config.kit.shopify.apiSecret, { topic, eventId, body })).toBe(200);
  return eventId;
}

async function delivery(merchantId: string, eventId: string): Promise<{ status: string; sweep_count: number }> {
  const { rows } = await withOwnerDb('merchant', (c) => c.query('select status, sweep_count from webhook_delivery where merchant_id = $1 and event_id = $2', [merchantId, eventId]));
  return rows[0];
}

function order(customerId: string, total: string) {
  return { id: Number(shopifyId()), total_price: total, processed_at: '2026-11-20T10:00:00Z', updated_at: '2026-11-20T10:00:00Z', customer: { id: Number(customerId) } };
}

describe('the inbox sweeper', () => {
  let gateway: EventsGateway | undefined;
  afterAll(() => gateway?.stop());

  it('publishes again a delivery that a consumer took without applying, and it is applied once', async () => {
    // An earlier deployment whose customer domain took order events and did nothing with them.
    const unaware: SubgraphModule = { ...customer, consumes: { 'shopify.webhook.orders/paid': async () => {} } };
    const before = await startEventsGateway([merchant, unaware], { INBOX_STALE_MS: '3600000' });
    const shop: TestMerchant = await createMerchant(before);
    const customerId = shopifyId();
    const eventId = await deliver(before, shop.shop, 'orders/paid', order(customerId, '42.00'));
    await eventually(
      async () => {
        const { rows } = await withOwnerDb('customer', (c) => c.query("select 1 from consumed_event where consumer = 'customer' and merchant_id = $1", [shop.id]));
        return rows.length > 0;
      },
      10_000,
      'the event consumed without effect',
    );
    await before.stop();
    expect(await delivery(shop.id, eventId)).toEqual({ status: 'received', sweep_count: 0 });

    // The current deployment, with a short staleness so the sweeper acts within the test.
    gateway = await startEventsGateway([merchant, customer], { INBOX_STALE_MS: String(STALE_MS) });
    await eventually(async () => (await delivery(shop.id, eventId)).status === 'processed', 15_000, 'the swept delivery processed');

    expect((await delivery(shop.id, eventId)).sweep_count).toBe(1);
    const { rows } = await withOwnerDb('customer', (c) => c.query('select orders_count, total_spent::text from customer where merchant_id = $1 and shopify_id = $2', [shop.id, customerId]));
    expect(rows).toEqual([{ orders_count: 1, total_spent: '42.00' }]);
  });

  it('gives up on a delivery that fails every time after the configured number of sweeps, leaving it received', async () => {
    const current = gateway!;
    const shop = await createMerchant(current);
    // No total_price: the customer domain dead-letters it on every publication.
    const eventId = await deliver(current, shop.shop, 'orders/paid', { id: Number(shopifyId()), processed_at: '2026-11-20T10:00:00Z', updated_at: '2026-11-20T10:00:00Z' });

    await eventually(async () => (await delivery(shop.id, eventId)).sweep_count === 3, 20_000, 'three sweeps');
    await new Promise((r) => setTimeout(r, STALE_MS * 2));

    expect(await delivery(shop.id, eventId)).toEqual({ status: 'received', sweep_count: 3 });
    // The first publication and each of the three sweeps were separate events, each dead-lettered.
    const deadLetters = async () =>
      (await withOwnerDb('customer', (c) => c.query<{ n: number }>("select count(*)::int as n from dead_letter_event where consumer = 'customer' and merchant_id = $1", [shop.id]))).rows[0].n;
    await eventually(async () => (await deadLetters()) === 4, 10_000, 'four dead letters');
    await new Promise((r) => setTimeout(r, STALE_MS * 2));
    expect(await deadLetters()).toBe(4);
  });
});
