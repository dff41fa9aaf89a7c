import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { award } from './support/points.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { deleteWebhookSubscriptions, startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from './support/webhook-receiver.js';
import { CREATE, DELIVERIES, REPLAY, type Delivery } from './support/webhook-subscriptions.js';

/**
 * Outgoing webhooks end to end: a real change through the supergraph (a customer created, points
 * awarded by an admin: `points.adjusted`), its domain event fanned out by the merchant subgraph's consumer, sent by the dispatcher
 * job to a receiver this test runs, signed, and listed and replayed through the API. Two merchants
 * side by side: each one's events reach only its own endpoints.
 */
const ENV = { WEBHOOK_BACKOFF_MS: '100', WEBHOOK_BACKOFF_MAX_MS: '400', WEBHOOK_POLL_MS: '100', EVENTS_POLL_MS: '200' };

interface Envelope {
  id: string;
  topic: string;
  eventId: string;
  occurredAt: string;
  merchantId: string;
  shopDomain: string;
  apiVersion: string;
  data: Record<string, unknown>;
}

/** What a receiver must check: the HMAC of `<t>.<raw body>` with the secret, and a recent `t`. */
function signedBy(request: ReceivedRequest, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers['x-loyalnest-signature']));
  if (!match) return false;
  const fresh = Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
  return fresh && createHmac('sha256', secret).update(`${match[1]}.${request.body}`).digest('hex') === match[2];
}

describe('outgoing webhooks, from a change through the supergraph to the endpoint', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  const receivers: WebhookReceiver[] = [];

  async function subscribe(merchant: TestMerchant, topics: string[]): Promise<{ receiver: WebhookReceiver; secret: string; id: string }> {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const result = await gateway.gql<{ createWebhookSubscription: { __typename: string; secret: string; subscription: { id: string } } }>(
      CREATE,
      { input: { url: receiver.url, topics } },
      merchant.auth,
    );
    expect(result.data?.createWebhookSubscription.__typename).toBe('WebhookSubscriptionCreated');
    const { secret, subscription } = result.data!.createWebhookSubscription;
    return { receiver, secret, id: subscription.id };
  }

  async function deliveries(merchant: TestMerchant, filter: Record<string, unknown> = {}): Promise<Delivery[]> {
    const result = await gateway.gql<{ webhookSubscriptionDeliveries: { nodes: Delivery[] } }>(DELIVERIES, { first: 50, filter }, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.webhookSubscriptionDeliveries.nodes;
  }

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(async () => {
    if (a && b) await deleteWebhookSubscriptions([a.id, b.id]);
    await gateway?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it("sends each merchant's customer.created and points.adjusted (an admin's award) to its own endpoints only, signed, with the delivery id in the header and the body", async () => {
    // given: each merchant subscribed an endpoint of its own
    const hookA = await subscribe(a, ['CUSTOMER_CREATED', 'POINTS_ADJUSTED']);
    const hookB = await subscribe(b, ['CUSTOMER_CREATED', 'POINTS_ADJUSTED']);

    // when: each creates a customer and awards them points
    const adaA = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'ada.a@example.com', firstName: 'Ada' });
    const adaB = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'ada.b@example.com', firstName: 'Ada' });
    await award(gateway, a, adaA.id, 40, `e2e-a-${adaA.id}`);
    await award(gateway, b, adaB.id, 70, `e2e-b-${adaB.id}`);

    // then: two deliveries each, to its own receiver
    for (const [hook, merchant, customer, points] of [
      [hookA, a, adaA, 40],
      [hookB, b, adaB, 70],
    ] as const) {
      const requests = await hook.receiver.waitForRequests(2, 15_000);
      const bodies = requests.map((r) => JSON.parse(r.body) as Envelope);
      expect(bodies.map((e) => e.topic).sort()).toEqual(['customer.created', 'points.adjusted']);
      for (const [i, envelope] of bodies.entries()) {
        const request = requests[i];
        expect(envelope).toMatchObject({ merchantId: merchant.id, shopDomain: merchant.shop, apiVersion: '2026-12' });
        expect(request.headers['x-loyalnest-delivery-id']).toBe(envelope.id);
        expect(request.headers['x-loyalnest-event-id']).toBe(envelope.eventId);
        expect(request.headers['x-loyalnest-topic']).toBe(envelope.topic);
        expect(request.headers['x-loyalnest-shop-domain']).toBe(merchant.shop);
        expect(request.headers['x-loyalnest-attempt']).toBe('1');
        expect(signedBy(request, hook.secret)).toBe(true);
        // The other merchant's secret does not verify it: each subscription signs with its own.
        expect(signedBy(request, (hook === hookA ? hookB : hookA).secret)).toBe(false);
        // No PII: the shopper's email and name never leave in a webhook.
        expect(request.body).not.toMatch(/ada\.|Ada/);
      }
      expect(bodies.find((e) => e.topic === 'customer.created')!.data).toEqual({ customerId: customer.id });
      expect(bodies.find((e) => e.topic === 'points.adjusted')!.data).toMatchObject({ customerId: customer.id, points, balance: points, source: 'admin' });
    }
    // Nothing more arrives later: no duplicates, nothing crossed over.
    await sleep(1000);
    expect(hookA.receiver.requests).toHaveLength(2);
    expect(hookB.receiver.requests).toHaveLength(2);

    // The API lists them as delivered, each merchant its own.
    await eventually(async () => (await deliveries(a)).every((d) => d.status === 'DELIVERED') || undefined, 5000, 'deliveries recorded as delivered');
    const listedA = await deliveries(a);
    expect(listedA.map((d) => d.id).sort()).toEqual(hookA.receiver.requests.map((r) => String(r.headers['x-loyalnest-delivery-id'])).sort());
    expect(listedA.every((d) => d.subscriptionId === hookA.id)).toBe(true);
    expect((await deliveries(b)).every((d) => d.subscriptionId === hookB.id)).toBe(true);
  });

  it('replays a delivery with the same id and body (attempt 2); a replay of another merchant’s delivery finds nothing and sends nothing', async () => {
    const [mine] = await deliveries(a, { topic: 'POINTS_ADJUSTED' });
    const [theirs] = await deliveries(b, { topic: 'POINTS_ADJUSTED' });
    const receiverA = receivers[0];
    const receiverB = receivers[1];
    const seenA = receiverA.requests.length;
    const seenB = receiverB.requests.length;

    const refused = await gateway.gql<{ replayWebhookSubscriptionDelivery: { __typename: string } }>(REPLAY, { id: theirs.id }, a.auth);
    expect(refused.data?.replayWebhookSubscriptionDelivery.__typename).toBe('WebhookSubscriptionDeliveryNotFoundError');

    const replayed = await gateway.gql<{ replayWebhookSubscriptionDelivery: { __typename: string } }>(REPLAY, { id: mine.id }, a.auth);
    expect(replayed.data?.replayWebhookSubscriptionDelivery.__typename).toBe('WebhookSubscriptionDelivery');
    const [again] = (await receiverA.waitForRequests(seenA + 1, 10_000)).slice(seenA);
    expect(again.headers['x-loyalnest-delivery-id']).toBe(mine.id);
    expect(again.headers['x-loyalnest-attempt']).toBe('2');
    expect(again.body).toBe(mine.payload);

    await sleep(500);
    expect(receiverB.requests).toHaveLength(seenB);
    expect(receiverA.requests).toHaveLength(seenA + 1);
  });
});
