import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scope, signWebhook, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { postWebhook } from './support/webhooks.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { adminCaller } from './support/tokens.js';

/** Short delays, so retries and dead letters take milliseconds. */
const EVENTS_ENV = { EVENTS_ATTEMPTS: '2', EVENTS_BACKOFF_MS: '50', EVENTS_POLL_MS: '100' };

const CUSTOMER = `query($id: ID!) { customerByShopifyId(shopifyId: $id) { id email firstName lastName tags acceptsMarketing ordersCount totalSpent lastOrderAt } }`;

interface CustomerStats {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  tags: string[];
  acceptsMarketing: boolean;
  ordersCount: number;
  totalSpent: string;
  lastOrderAt: string | null;
}

function order(id: string, customerId: string, total: string, options: { updatedAt?: string; cancelled?: boolean; email?: string } = {}) {
  return {
    id: Number(id),
    total_price: total,
    processed_at: '2026-11-20T10:00:00Z',
    created_at: '2026-11-20T10:00:00Z',
    updated_at: options.updatedAt ?? '2026-11-20T10:00:00Z',
    cancelled_at: options.cancelled ? '2026-11-21T10:00:00Z' : null,
    customer: { id: Number(customerId), email: options.email ?? `buyer-${customerId}@example.com`, first_name: 'Order', last_name: 'Snapshot' },
  };
}

function refund(id: string, orderId: string, amount: string) {
  return { id: Number(id), order_id: Number(orderId), created_at: '2026-11-22T10:00:00Z', transactions: [{ kind: 'refund', status: 'success', amount }] };
}

describe.each<Mode>(['embedded', 'networked'])('Shopify webhooks applied to customers (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, EVENTS_ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  async function deliver(merchant: TestMerchant, topic: string, body: Record<string, unknown>, eventId = randomUUID(), hmac?: string): Promise<{ status: number; eventId: string }> {
    const status = await postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic, eventId, body }, { hmac });
    return { status, eventId };
  }

  async function inboxStatuses(merchant: TestMerchant, eventIds: string[]): Promise<string[]> {
    const { rows } = await withOwnerDb('merchant', (c) =>
      c.query<{ status: string }>('select status from webhook_delivery where merchant_id = $1 and event_id = any($2) order by event_id', [merchant.id, eventIds]),
    );
    return rows.map((r) => r.status);
  }

  /** Waits until every delivery is processed, then reads the customer through the supergraph. */
  async function settled(merchant: TestMerchant, eventIds: string[], customerShopifyId: string): Promise<CustomerStats | null> {
    await eventually(async () => (await inboxStatuses(merchant, eventIds)).every((s) => s === 'processed'), 15_000, `${eventIds.length} deliveries processed`);
    const result = await gateway.gql<{ customerByShopifyId: CustomerStats | null }>(CUSTOMER, { id: customerShopifyId }, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.customerByShopifyId;
  }

  it('creates and updates a customer from customer webhooks, keeping the newest version when they arrive out of order', async () => {
    const id = shopifyId();
    const base = { id: Number(id), accepts_marketing: false, tags: 'vip, newsletter' };
    const created = await deliver(a, 'customers/create', { ...base, email: 'Ada@Example.com', first_name: 'Ada', last_name: 'Lovelace', updated_at: '2026-11-20T10:00:00Z' });
    const newest = await deliver(a, 'customers/update', {
      ...base,
      email: 'ada@analytical.example',
      first_name: 'Ada',
      last_name: 'King',
      email_marketing_consent: { state: 'subscribed' },
      updated_at: '2026-11-20T12:00:00Z',
    });
    await settled(a, [created.eventId, newest.eventId], id);
    // An older update delivered late must not roll the profile back.
    const stale = await deliver(a, 'customers/update', { ...base, email: 'stale@example.com', first_name: 'Stale', updated_at: '2026-11-20T11:00:00Z' });

    const customer = await settled(a, [stale.eventId], id);
    expect(customer).toMatchObject({ email: 'ada@analytical.example', firstName: 'Ada', lastName: 'King', tags: ['vip', 'newsletter'], acceptsMarketing: true });
  });

  it('counts an order once when Shopify delivers it five times at once, and again under a new event id', async () => {
    const customerId = shopifyId();
    const orderId = shopifyId();
    const eventId = randomUUID();
    const body = order(orderId, customerId, '40.00');
    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(a, 'orders/paid', body, eventId)));
    const resent = await deliver(a, 'orders/paid', body);

    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const customer = await settled(a, [eventId, resent.eventId], customerId);
    expect(customer).toMatchObject({ ordersCount: 1, totalSpent: '40.00', lastOrderAt: '2026-11-20T10:00:00.000Z' });
    // The order created the customer it named, from the order's snapshot.
    expect(customer).toMatchObject({ email: `buyer-${customerId}@example.com`, firstName: 'Order' });
    const { rows } = await withOwnerDb('customer', (c) => c.query('select count(*)::int as n from customer_order where merchant_id = $1 and shopify_order_id = $2', [a.id, orderId]));
    expect(rows[0].n).toBe(1);
  });

  it('keeps stats exact through a refund before its order, an orders/updated storm in any order, duplicates and a cancellation', async () => {
    const customerId = shopifyId();
    const [first, second] = [shopifyId(), shopifyId()];
    const events: string[] = [];
    // The refund arrives before the order it refunds.
    const early = refund(shopifyId(), first, '15.00');
    events.push((await deliver(a, 'refunds/create', early)).eventId);
    events.push((await deliver(a, 'orders/create', order(first, customerId, '100.00'))).eventId);
    // Ten versions of the second order, newest total 90.00, all at once and shuffled.
    const versions = Array.from({ length: 10 }, (_, i) => order(second, customerId, `${(81 + i).toFixed(2)}`, { updatedAt: `2026-11-21T10:00:${String(i).padStart(2, '0')}Z` }));
    const storm = await Promise.all([...versions].reverse().map((v) => deliver(a, 'orders/updated', v)));
    events.push(...storm.map((r) => r.eventId));
    // The same refund again, as a new Shopify event.
    events.push((await deliver(a, 'refunds/create', early)).eventId);

    let customer = await settled(a, events, customerId);
    expect(customer).toMatchObject({ ordersCount: 2, totalSpent: '175.00' });

    const cancelled = await deliver(a, 'orders/cancelled', order(first, customerId, '100.00', { cancelled: true, updatedAt: '2026-11-22T12:00:00Z' }));
    customer = await settled(a, [cancelled.eventId], customerId);
    expect(customer).toMatchObject({ ordersCount: 1, totalSpent: '90.00' });
  });

  it('erases the personal data of a customer Shopify deleted and keeps the aggregates', async () => {
    const customerId = shopifyId();
    const events = [
      (await deliver(a, 'customers/create', { id: Number(customerId), email: 'gone@example.com', first_name: 'Gone', last_name: 'Soon', tags: 'x' })).eventId,
      (await deliver(a, 'orders/paid', order(shopifyId(), customerId, '12.50'))).eventId,
    ];
    await settled(a, events, customerId);
    const deleted = await deliver(a, 'customers/delete', { id: Number(customerId) });

    const customer = await settled(a, [deleted.eventId], customerId);
    expect(customer).toMatchObject({ email: null, firstName: null, lastName: null, tags: [], ordersCount: 1, totalSpent: '12.50' });
  });

  it('dead-letters a delivery it cannot understand, naming the missing field, and leaves it received', async () => {
    const { eventId } = await deliver(a, 'orders/paid', { id: Number(shopifyId()), updated_at: '2026-11-20T10:00:00Z', processed_at: '2026-11-20T10:00:00Z' });
    const [delivery] = (await withOwnerDb('merchant', (c) => c.query<{ id: string }>('select id from webhook_delivery where merchant_id = $1 and event_id = $2', [a.id, eventId]))).rows;

    const dead = await eventually(
      async () => {
        const { rows } = await withOwnerDb('customer', (c) =>
          c.query<{ error: string; status: string }>(`select error, status from dead_letter_event where merchant_id = $1 and consumer = 'customer' and payload->>'deliveryId' = $2`, [a.id, delivery.id]),
        );
        return rows[0];
      },
      15_000,
      'the dead letter',
    );
    expect(dead).toMatchObject({ status: 'dead', error: expect.stringContaining('total_price') });
    expect(await inboxStatuses(a, [eventId])).toEqual(['received']);
  });

  it("keeps merchants apart: the same Shopify customer id of another merchant is another customer, and another merchant's delivery cannot be read", async () => {
    const customerId = shopifyId();
    const ofA = await deliver(a, 'orders/paid', order(shopifyId(), customerId, '10.00', { email: 'a-buyer@example.com' }));
    const ofB = await deliver(b, 'orders/paid', order(shopifyId(), customerId, '99.00', { email: 'b-buyer@example.com' }));

    expect(await settled(a, [ofA.eventId], customerId)).toMatchObject({ ordersCount: 1, totalSpent: '10.00', email: 'a-buyer@example.com' });
    expect(await settled(b, [ofB.eventId], customerId)).toMatchObject({ ordersCount: 1, totalSpent: '99.00', email: 'b-buyer@example.com' });

    // A processed delivery's body is erased: it has served its purpose.
    const deliveryOf = async (eventId: string) =>
      (await withOwnerDb('merchant', (c) => c.query<{ id: string; payload_encrypted: string | null }>('select id, payload_encrypted from webhook_delivery where event_id = $1', [eventId]))).rows[0];
    expect((await deliveryOf(ofA.eventId)).payload_encrypted).toBeNull();

    // The internal read of a kept body (an ignored topic): B's system caller gets nothing of A's; an admin is refused; the public API has no such field.
    const kept = await deliver(a, 'products/create', { id: 1, title: 'Kept', vendor: 'a-vendor@example.com' });
    const delivery = await deliveryOf(kept.eventId);
    const read = `query($id: ID!) { _webhookDelivery(id: $id) { id topic body } }`;
    const merchantSchema = gateway.runtimes.get('merchant')!;
    const { execute, parse } = await import('graphql');
    const as = (caller: ReturnType<typeof systemCaller>) =>
      execute({ schema: merchantSchema.schema, document: parse(read), variableValues: { id: delivery.id }, contextValue: merchantSchema.createContext(caller) });
    const ownRead = await as(systemCaller([Scope.WEBHOOKS_READ], a.id));
    expect(ownRead.data).toMatchObject({ _webhookDelivery: { id: delivery.id, topic: 'products/create', body: { vendor: 'a-vendor@example.com' } } });
    expect((await as(systemCaller([Scope.WEBHOOKS_READ], b.id))).data).toEqual({ _webhookDelivery: null });
    const admin = await as(adminCaller(a.id));
    expect(admin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const publicApi = await gateway.gql(read, { id: delivery.id }, a.auth);
    expect(publicApi.errors?.[0]?.message).toMatch(/Cannot query field "_webhookDelivery"/);
  });

  it('stores nothing anywhere for a delivery with a bad signature', async () => {
    const customerId = shopifyId();
    const forged = await deliver(a, 'orders/paid', order(shopifyId(), customerId, '10.00'), randomUUID(), signWebhook('{}', gateway.config.kit.shopify.apiSecret));
    expect(forged.status).toBe(401);

    // Give a wrongly accepted delivery time to flow through before looking.
    await new Promise((r) => setTimeout(r, 500));
    const inbox = await withOwnerDb('merchant', (c) => c.query('select 1 from webhook_delivery where event_id = $1', [forged.eventId]));
    const customers = await withOwnerDb('customer', (c) => c.query('select 1 from customer where merchant_id = $1 and shopify_id = $2', [a.id, customerId]));
    const orders = await withOwnerDb('customer', (c) => c.query('select 1 from customer_order where merchant_id = $1 and shopify_customer_id = $2', [a.id, customerId]));
    expect([inbox.rowCount, customers.rowCount, orders.rowCount]).toEqual([0, 0, 0]);
  });
});
