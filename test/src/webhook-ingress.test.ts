import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldCipher, readWebhookDelivery, SEALED_BODY_KEY, signWebhook, webhookBodyAad, type DomainEvent, type SubgraphRuntime } from '@loyalnest/kit';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { WebhookService, type WebhookHeaders } from '../../subgraphs/merchant/src/services/webhook.service.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { insertMerchant, postWebhook } from './support/webhooks.js';

/** Short delays, so a failing delivery is dead-lettered in milliseconds. */
const EVENTS_ENV = { EVENTS_ATTEMPTS: '2', EVENTS_BACKOFF_MS: '50', EVENTS_POLL_MS: '100' };

interface StoredRows {
  deliveries: { id: string; status: string; payload_encrypted: string | null }[];
  events: { id: string; topic: string; payload: Record<string, unknown> }[];
}

/** The inbox rows of one Shopify event id and every outbox event of the merchant that names them, as the owner sees them. */
async function stored(merchantId: string, eventId: string): Promise<StoredRows> {
  return withOwnerDb('merchant', async (db) => {
    const deliveries = (await db.query('select id, status, payload_encrypted from webhook_delivery where merchant_id = $1 and event_id = $2', [merchantId, eventId])).rows;
    const events = (
      await db.query(`select id, topic, payload from outbox_event where merchant_id = $1 and (id = any($2::uuid[]) or payload->>'deliveryId' = any($2::text[]))`, [
        merchantId,
        deliveries.map((d) => d.id),
      ])
    ).rows;
    return { deliveries, events };
  });
}

/**
 * Every message a pooled connection of `runtime`'s store sends while `fn` runs, and only those
 * sent on `fn`'s behalf: the relay, consumers and jobs of the same process use the same pools, so
 * the queries are told apart by their async context. Counted where node-pg sends them, on the
 * client class at the root of the pool's (which the store may extend), below MikroORM and the
 * store's own driver, so a begin, a tenant setting or a commit counts like any other round trip.
 */
const onBehalf = new AsyncLocalStorage<string[]>();

interface Queryable {
  query: (...args: unknown[]) => unknown;
}

async function roundTrips<T>(runtime: SubgraphRuntime, fn: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const pool = await (runtime.orm.em.getConnection() as unknown as { getNativeClient(): Promise<{ Client: { prototype: Queryable } }> }).getNativeClient();
  let proto = pool.Client.prototype;
  for (let parent = Object.getPrototypeOf(proto) as Partial<Queryable> | null; parent?.query; parent = Object.getPrototypeOf(parent) as Partial<Queryable> | null) proto = parent as Queryable;
  const query = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    onBehalf.getStore()?.push(typeof first === 'string' ? first : (first?.text ?? '?'));
    return query.apply(this, args);
  };
  const sent: string[] = [];
  try {
    return { result: await onBehalf.run(sent, fn), sent };
  } finally {
    proto.query = query;
  }
}

function headersFor(shop: string, topic: string, eventId: string, body: string, secret: string): WebhookHeaders {
  return {
    'x-shopify-hmac-sha256': signWebhook(body, secret),
    'x-shopify-shop-domain': shop,
    'x-shopify-topic': topic,
    'x-shopify-event-id': eventId,
    'x-shopify-webhook-id': randomUUID(),
    'x-shopify-triggered-at': '2026-12-05T10:00:00.000Z',
    'x-shopify-api-version': '2025-10',
  };
}

function customerBody(id: string, email: string): Record<string, unknown> {
  return { id: Number(id), email, first_name: 'Ingress', last_name: 'Shopper', updated_at: '2026-12-05T10:00:00Z' };
}

describe('Lean webhook ingress: one round trip, the body carried to consumers encrypted', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let merchantRuntime: SubgraphRuntime;
  let ingress: WebhookService;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', EVENTS_ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
    merchantRuntime = gateway.runtimes.get('merchant')!;
    ingress = WebhookService.of(merchantRuntime, new FieldCipher(merchantRuntime.config.encryptionKeys));
  });
  afterAll(() => gateway.stop());

  const origin = () => new URL(gateway.url).origin;
  const secret = () => gateway.config.kit.shopify.apiSecret;

  it('race: Shopify retries twice while the first delivery is still being stored; three concurrent deliveries store one delivery and one event', async () => {
    const eventId = randomUUID();
    const webhook = { topic: 'customers/create', eventId, body: customerBody(shopifyId(), 'race@example.com') };

    const statuses = await Promise.all([1, 2, 3].map(() => postWebhook(origin(), a.shop, secret(), webhook)));

    expect(statuses).toEqual([200, 200, 200]);
    const rows = await stored(a.id, eventId);
    expect(rows.deliveries).toHaveLength(1);
    expect(rows.events.map((e) => e.topic)).toEqual(['shopify.webhook.customers/create']);
  });

  it('race: the same three concurrent deliveries through the service answer received once and duplicate twice', async () => {
    const eventId = randomUUID();
    const body = JSON.stringify(customerBody(shopifyId(), 'race-service@example.com'));

    const outcomes = await Promise.all([1, 2, 3].map(() => ingress.receive(headersFor(a.shop, 'customers/create', eventId, body, secret()), Buffer.from(body))));

    expect(outcomes.map((o) => o.body.status).sort()).toEqual(['duplicate', 'duplicate', 'received']);
    expect(outcomes.every((o) => o.status === 200)).toBe(true);
    const rows = await stored(a.id, eventId);
    expect([rows.deliveries.length, rows.events.length]).toEqual([1, 1]);
  });

  it('costs one round trip to the store: the delivery and its event in one statement, a duplicate likewise, the shop lookup only on a cold cache', async () => {
    const body = JSON.stringify(customerBody(shopifyId(), 'counted@example.com'));
    const eventId = randomUUID();
    const cold = WebhookService.of(merchantRuntime, new FieldCipher(merchantRuntime.config.encryptionKeys));

    const first = await roundTrips(merchantRuntime, () => cold.receive(headersFor(a.shop, 'customers/create', eventId, body, secret()), Buffer.from(body)));
    const again = await roundTrips(merchantRuntime, () => cold.receive(headersFor(a.shop, 'customers/create', eventId, body, secret()), Buffer.from(body)));
    const next = randomUUID();
    const warm = await roundTrips(merchantRuntime, () => cold.receive(headersFor(a.shop, 'customers/create', next, body, secret()), Buffer.from(body)));

    expect(first.result.body.status).toBe('received');
    expect(first.sent).toEqual([expect.stringContaining('loyalnest_merchant_by_shop'), expect.stringContaining('loyalnest_webhook_ingest')]);
    expect(again.result.body.status).toBe('duplicate');
    expect(again.sent).toEqual([expect.stringContaining('loyalnest_webhook_ingest')]);
    expect(warm.result.body.status).toBe('received');
    expect(warm.sent).toEqual([expect.stringContaining('loyalnest_webhook_ingest')]);
    expect((await stored(a.id, next)).events).toHaveLength(1);
  });

  it('app/uninstalled costs one round trip too, and still uninstalls once; a cached shop of an uninstalled merchant has its orders ignored, not acted on', async () => {
    const leaving = await createMerchant(gateway);
    const body = JSON.stringify({ id: 1, domain: leaving.shop });
    const order = JSON.stringify({ id: Number(shopifyId()), total_price: '1.00' });
    const service = WebhookService.of(merchantRuntime, new FieldCipher(merchantRuntime.config.encryptionKeys));
    await service.receive(headersFor(leaving.shop, 'orders/paid', randomUUID(), order, secret()), Buffer.from(order)); // caches the shop as installed

    const uninstall = await roundTrips(merchantRuntime, () => service.receive(headersFor(leaving.shop, 'app/uninstalled', randomUUID(), body, secret()), Buffer.from(body)));
    const laterOrder = await roundTrips(merchantRuntime, () => service.receive(headersFor(leaving.shop, 'orders/paid', randomUUID(), order, secret()), Buffer.from(order)));

    expect(uninstall.result.body.status).toBe('processed');
    expect(uninstall.sent).toEqual([expect.stringContaining('loyalnest_webhook_ingest')]);
    expect(laterOrder.result.body.status).toBe('ignored');
    expect(laterOrder.sent).toHaveLength(1);
    const merchant = await withOwnerDb('merchant', async (db) => ({
      row: (await db.query('select status, access_token_encrypted from merchant where id = $1', [leaving.id])).rows[0],
      uninstalled: (await db.query(`select count(*)::int as n from outbox_event where merchant_id = $1 and topic = 'merchant.uninstalled'`, [leaving.id])).rows[0].n,
    }));
    expect(merchant).toEqual({ row: { status: 'uninstalled', access_token_encrypted: null }, uninstalled: 1 });
  });

  it('a cached shop whose merchant is gone (redacted, then installed again as a new merchant) stores under the new merchant, never the old', async () => {
    const old = await createMerchant(gateway);
    const service = WebhookService.of(merchantRuntime, new FieldCipher(merchantRuntime.config.encryptionKeys));
    const body = JSON.stringify(customerBody(shopifyId(), 'reinstalled@example.com'));
    expect((await service.receive(headersFor(old.shop, 'customers/create', randomUUID(), body, secret()), Buffer.from(body))).body.status).toBe('received');
    // the old merchant's row goes (as shop/redact's purge removes it); the shop installs again as a new merchant
    const renewed = await insertMerchant();
    await withOwnerDb('merchant', async (db) => {
      await db.query(`update merchant set shop_domain = 'purged-' || shop_domain where id = $1`, [old.id]);
      await db.query('update merchant set shop_domain = $1 where id = $2', [old.shop, renewed.id]);
    });

    const eventId = randomUUID();
    const outcome = await service.receive(headersFor(old.shop, 'customers/create', eventId, body, secret()), Buffer.from(body));

    expect(outcome.body.status).toBe('received');
    expect((await stored(renewed.id, eventId)).deliveries).toHaveLength(1);
    expect(await stored(old.id, eventId)).toEqual({ deliveries: [], events: [] });
  });

  it("refuses a delivery naming another merchant's shop signed with anything but the app's secret, and stores nothing for either merchant", async () => {
    const eventId = randomUUID();
    const webhook = { topic: 'customers/create', eventId, body: customerBody(shopifyId(), 'forged@example.com') };
    // Shopify signs every shop's webhooks with the app's secret: a merchant holds no secret of its own that could sign one.
    const notTheApps = `${secret()}-of-merchant-${a.id}`;

    const status = await postWebhook(origin(), b.shop, notTheApps, webhook);

    expect(status).toBe(401);
    expect(await stored(b.id, eventId)).toEqual({ deliveries: [], events: [] });
    expect(await stored(a.id, eventId)).toEqual({ deliveries: [], events: [] });
  });

  it('stores nothing, neither delivery nor event, for a body whose HMAC does not match', async () => {
    const eventId = randomUUID();
    const status = await postWebhook(origin(), a.shop, secret(), { topic: 'orders/paid', eventId, body: { id: 1 } }, { hmac: signWebhook('{"id":2}', secret()) });

    expect(status).toBe(401);
    expect(await stored(a.id, eventId)).toEqual({ deliveries: [], events: [] });
  });

  it("carries the body in the event encrypted, never in plain text, bound to the merchant and delivery; consumers read it without the merchant subgraph, and apply it", async () => {
    const customerId = shopifyId();
    const email = `carried-${customerId}@example.com`;
    const eventId = randomUUID();
    await postWebhook(origin(), a.shop, secret(), { topic: 'customers/create', eventId, body: customerBody(customerId, email) });
    const [event] = (await stored(a.id, eventId)).events;
    const deliveryId = event.payload.deliveryId as string;

    // Not plain text: the row as the owner reads it does not contain the email.
    const row = (await withOwnerDb('merchant', (db) => db.query('select * from outbox_event where id = $1', [event.id]))).rows[0];
    expect(JSON.stringify(row)).not.toContain(email);
    expect(JSON.stringify(row)).not.toContain('carried-');
    expect(event.payload[SEALED_BODY_KEY]).toMatch(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+$/);

    // Read from the event alone: a runtime whose peers refuse every call still gets the body.
    const customerRuntime = gateway.runtimes.get('customer')!;
    const noPeers = { ...customerRuntime, peers: { query: () => Promise.reject(new Error('no round trip expected')) } } as SubgraphRuntime;
    const domainEvent: DomainEvent = { id: event.id, merchantId: a.id, topic: event.topic, version: 1, occurredAt: new Date().toISOString(), payload: event.payload };
    expect((await readWebhookDelivery(noPeers, domainEvent)).body).toMatchObject({ email });

    // Another merchant's event carrying A's sealed body does not decrypt.
    await expect(readWebhookDelivery(noPeers, { ...domainEvent, merchantId: b.id })).rejects.toThrow();
    expect(() => new FieldCipher(customerRuntime.config.encryptionKeys).decrypt(event.payload[SEALED_BODY_KEY] as string, webhookBodyAad(b.id, deliveryId))).toThrow();

    // And the customer domain applied it; once every domain did, the copy in the event is erased with the inbox body.
    await eventually(async () => {
      const now = await stored(a.id, eventId);
      return now.deliveries[0].status === 'processed' && now.deliveries[0].payload_encrypted === null && !(SEALED_BODY_KEY in now.events[0].payload);
    }, 15_000, 'the delivery processed and both copies of its body erased');
    const customer = await gateway.gql<{ customerByShopifyId: { email: string } | null }>(`query($id: ID!) { customerByShopifyId(shopifyId: $id) { email } }`, { id: customerId }, a.auth);
    expect(customer.data?.customerByShopifyId).toEqual({ email });
  });

  it('an event published before events carried the body is applied through the inbox read', async () => {
    // given a delivery and its event in the old form, written as the ingress of the last release wrote them
    const customerId = shopifyId();
    const email = `inflight-${customerId}@example.com`;
    const deliveryId = uuidv7();
    const body = JSON.stringify(customerBody(customerId, email));
    const sealed = new FieldCipher(merchantRuntime.config.encryptionKeys).encrypt(body, webhookBodyAad(a.id, deliveryId));
    await withOwnerDb('merchant', async (db) => {
      await db.query(
        `insert into webhook_delivery (id, merchant_id, event_id, topic, received_at, status, payload_encrypted) values ($1, $2, $3, 'customers/create', now(), 'received', $4)`,
        [deliveryId, a.id, randomUUID(), sealed],
      );
      await db.query(
        `insert into outbox_event (id, merchant_id, topic, version, payload, occurred_at) values ($1, $2, 'shopify.webhook.customers/create', 1, $3, now())`,
        [uuidv7(), a.id, JSON.stringify({ deliveryId, topic: 'customers/create' })],
      );
    });

    // then the customer domain applies it
    await eventually(async () => {
      const found = await gateway.gql<{ customerByShopifyId: { email: string } | null }>(`query($id: ID!) { customerByShopifyId(shopifyId: $id) { email } }`, { id: customerId }, a.auth);
      return found.data?.customerByShopifyId?.email === email;
    }, 15_000, 'the customer created from the old-form event');
  });

  it('customers/redact erases the body from the inbox and from the event of a delivery a domain could not apply, whose dead letter never held it', async () => {
    // given an order the customer domain cannot apply (no total_price): dead-lettered, the delivery left received
    const customerId = shopifyId();
    const email = `redacted-${customerId}@example.com`;
    const eventId = randomUUID();
    await postWebhook(origin(), a.shop, secret(), { topic: 'orders/paid', eventId, body: { id: Number(shopifyId()), processed_at: '2026-12-05T10:00:00Z', customer: { id: Number(customerId), email } } });
    const [{ id: deliveryId }] = (await stored(a.id, eventId)).deliveries;
    const dead = await eventually(async () => {
      const { rows } = await withOwnerDb('customer', (db) => db.query(`select payload from dead_letter_event where merchant_id = $1 and payload->>'deliveryId' = $2`, [a.id, deliveryId]));
      return rows[0] as { payload: Record<string, unknown> } | undefined;
    }, 15_000, 'the dead letter');
    expect(dead.payload).toEqual({ deliveryId, topic: 'orders/paid' });
    // and the same order at B, naming the same email: another merchant's shopper, whose data stays
    const ofB = randomUUID();
    await postWebhook(origin(), b.shop, secret(), { topic: 'orders/paid', eventId: ofB, body: { id: Number(shopifyId()), processed_at: '2026-12-05T10:00:00Z', customer: { id: Number(customerId), email } } });
    const before = await stored(a.id, eventId);
    expect(before.deliveries[0]).toMatchObject({ status: 'received', payload_encrypted: expect.any(String) });
    expect(before.events[0].payload[SEALED_BODY_KEY]).toEqual(expect.any(String));

    // when Shopify asks to redact the customer
    await postWebhook(origin(), a.shop, secret(), { topic: 'customers/redact', eventId: randomUUID(), body: { shop_domain: a.shop, customer: { id: Number(customerId), email }, orders_to_redact: [] } });

    // then neither the inbox nor the outbox holds the body any more, and B's deliveries are untouched
    await eventually(async () => {
      const now = await stored(a.id, eventId);
      return now.deliveries[0].payload_encrypted === null && !(SEALED_BODY_KEY in now.events[0].payload);
    }, 20_000, "the redacted customer's body erased from inbox and outbox");
    const after = await stored(a.id, eventId);
    expect(after.events[0].payload).toEqual({ deliveryId, topic: 'orders/paid' });
    const atB = await stored(b.id, ofB);
    expect(atB.deliveries[0].payload_encrypted).toEqual(expect.any(String));
    expect(atB.events[0].payload[SEALED_BODY_KEY]).toEqual(expect.any(String));
  });
});
