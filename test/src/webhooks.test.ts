import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signWebhook } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import { bearer, sessionToken } from './support/tokens.js';

interface Delivery {
  topic?: string;
  shop?: string;
  eventId?: string;
  body?: string;
  hmac?: string;
}

async function deliver(gateway: TestGateway, d: Delivery): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = d.body ?? JSON.stringify({ id: 820982911946154500, email: 'jon@example.com', first_name: 'Jon' });
  const response = await fetch(`${new URL(gateway.url).origin}/webhooks/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-hmac-sha256': d.hmac ?? signWebhook(body, gateway.config.kit.shopify.apiSecret),
      'x-shopify-shop-domain': d.shop!,
      'x-shopify-topic': d.topic ?? 'customers/create',
      'x-shopify-event-id': d.eventId ?? randomUUID(),
      'x-shopify-webhook-id': randomUUID(),
      'x-shopify-triggered-at': '2026-11-23T10:00:00.000Z',
      'x-shopify-api-version': '2025-10',
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function inbox(merchantId: string): Promise<{ event_id: string; topic: string; status: string; payload_encrypted: string; triggered_at: Date }[]> {
  return withOwnerDb('merchant', async (c) => (await c.query('select * from webhook_delivery where merchant_id = $1 order by received_at', [merchantId])).rows);
}

describe.each<Mode>(['embedded', 'networked'])('Shopify webhook ingress (%s)', (mode) => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let other: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    merchant = await createMerchant(gateway);
    other = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  it('stores a signed delivery once, however often and however concurrently Shopify sends it', async () => {
    const eventId = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(gateway, { shop: merchant.shop, eventId })));

    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.body.status === 'received')).toHaveLength(1);
    expect(results.filter((r) => r.body.status === 'duplicate')).toHaveLength(4);
    const rows = (await inbox(merchant.id)).filter((r) => r.event_id === eventId);
    expect(rows).toHaveLength(1);
    // Received, and perhaps already applied by the customer domain (processed) by the time we look.
    expect(rows[0]).toMatchObject({ topic: 'customers/create', status: expect.stringMatching(/^(received|processed)$/), triggered_at: new Date('2026-11-23T10:00:00.000Z') });
  });

  it('keeps the payload encrypted at rest', async () => {
    const eventId = randomUUID();
    await deliver(gateway, { shop: merchant.shop, eventId, body: JSON.stringify({ id: 1, email: 'secret-shopper@example.com' }) });

    const [row] = (await inbox(merchant.id)).filter((r) => r.event_id === eventId);
    expect(JSON.stringify(row)).not.toContain('secret-shopper');
    expect(row.payload_encrypted).toMatch(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+$/);
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const eventId = randomUUID();
    const forged = await deliver(gateway, { shop: merchant.shop, eventId, hmac: signWebhook('{"other":"body"}', gateway.config.kit.shopify.apiSecret) });
    const missing = await deliver(gateway, { shop: merchant.shop, eventId, hmac: '' });

    expect([forged.status, missing.status]).toEqual([401, 401]);
    expect((await inbox(merchant.id)).filter((r) => r.event_id === eventId)).toEqual([]);
  });

  it('records a signed body that is not JSON and answers 400', async () => {
    const eventId = randomUUID();
    const result = await deliver(gateway, { shop: merchant.shop, eventId, body: '{"id": 1,' });

    expect(result.status).toBe(400);
    expect((await inbox(merchant.id)).filter((r) => r.event_id === eventId).map((r) => r.status)).toEqual(['malformed']);
  });

  it('records an unknown topic as ignored and answers 200', async () => {
    const eventId = randomUUID();
    const result = await deliver(gateway, { shop: merchant.shop, eventId, topic: 'products/create' });

    expect(result).toEqual({ status: 200, body: { status: 'ignored' } });
    expect((await inbox(merchant.id)).filter((r) => r.event_id === eventId).map((r) => r.status)).toEqual(['ignored']);
  });

  it('answers 200 for a shop it does not know, storing nothing', async () => {
    const result = await deliver(gateway, { shop: 'never-installed.myshopify.com' });
    expect(result).toEqual({ status: 200, body: { status: 'unknown-shop' } });
  });

  it('keeps the same event id of two merchants apart', async () => {
    const eventId = randomUUID();
    await deliver(gateway, { shop: merchant.shop, eventId });
    await deliver(gateway, { shop: other.shop, eventId });

    expect((await inbox(merchant.id)).filter((r) => r.event_id === eventId)).toHaveLength(1);
    expect((await inbox(other.id)).filter((r) => r.event_id === eventId)).toHaveLength(1);
  });
});

describe('app/uninstalled', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
  });
  afterAll(() => gateway.stop());

  it('marks the merchant uninstalled at once, forgets its token, and its admins are refused', async () => {
    // given an installed merchant whose admin can call the API
    const merchant = await createMerchant(gateway);
    await withOwnerDb('merchant', (c) => c.query(`update merchant set access_token_encrypted = 'dev1:x' where id = $1`, [merchant.id]));
    const before = await gateway.gql('{ me { kind } }', {}, bearer(await sessionToken(gateway.config, merchant.shop)));
    expect(before.errors).toBeUndefined();

    // when Shopify reports the uninstall, twice
    const eventId = randomUUID();
    const first = await deliver(gateway, { shop: merchant.shop, topic: 'app/uninstalled', eventId });
    const again = await deliver(gateway, { shop: merchant.shop, topic: 'app/uninstalled', eventId });

    // then the merchant is uninstalled with no token, the delivery is processed, and the admin is refused
    expect([first.body.status, again.body.status]).toEqual(['processed', 'duplicate']);
    const [row] = (await withOwnerDb('merchant', (c) => c.query('select status, uninstalled_at, access_token_encrypted from merchant where id = $1', [merchant.id]))).rows;
    expect(row.status).toBe('uninstalled');
    expect(row.uninstalled_at).toBeInstanceOf(Date);
    expect(row.access_token_encrypted).toBeNull();
    await new Promise((r) => setTimeout(r, 5_100)); // the gateway caches installed shops for 5 s
    const after = await gateway.gql('{ me { kind } }', {}, bearer(await sessionToken(gateway.config, merchant.shop)));
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // and its later deliveries are kept but not acted on, except Shopify's compliance requests
    const order = await deliver(gateway, { shop: merchant.shop, topic: 'orders/paid' });
    const redact = await deliver(gateway, {
      shop: merchant.shop,
      topic: 'customers/redact',
      body: JSON.stringify({ shop_domain: merchant.shop, customer: { id: 4242 }, orders_to_redact: [] }),
    });
    expect([order.body.status, redact.body.status]).toEqual(['ignored', 'received']);
  }, 20_000);
});
