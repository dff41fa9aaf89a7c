import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { startEventsGateway, type EventsGateway } from './support/events.js';
import { orderDeliveries } from './support/order-deliveries.js';
import { order, type Webhook } from './support/order-life.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';

/** The versions of one order as Shopify sends them, from its creation to after its last parcel left. */
function fulfilmentLife(orderId: string, customer: string): Record<string, Webhook> {
  return {
    create: { topic: 'orders/create', body: order(orderId, customer, { minute: 0, status: 'pending' }) },
    paid: { topic: 'orders/paid', body: order(orderId, customer, { minute: 1, status: 'paid' }) },
    partial: { topic: 'orders/updated', body: order(orderId, customer, { minute: 3, status: 'paid', fulfillment: 'partial' }) },
    fulfilled: { topic: 'orders/fulfilled', body: order(orderId, customer, { minute: 5, status: 'paid', fulfillment: 'fulfilled' }) },
    updated: { topic: 'orders/updated', body: order(orderId, customer, { minute: 6, status: 'paid', fulfillment: 'fulfilled' }) },
    // Shopify cancels a shipped order too (its parcel came back): the cancelled version is still fulfilled.
    cancelShipped: { topic: 'orders/cancelled', body: order(orderId, customer, { minute: 30, status: 'refunded', cancelled: true, fulfillment: 'fulfilled' }) },
    // An order cancelled before anything shipped: the authorization voided, nothing fulfilled.
    cancelUnshipped: { topic: 'orders/cancelled', body: order(orderId, customer, { minute: 30, status: 'voided', cancelled: true }) },
    // An order cancelled after some of it shipped: the rest never will.
    cancelPartial: { topic: 'orders/cancelled', body: order(orderId, customer, { minute: 30, status: 'partially_refunded', cancelled: true, fulfillment: 'partial' }) },
  };
}

const FULFILLED_KEYS = ['customerId', 'fulfilledAt', 'orderId'];

describe('order.fulfilled from the customer domain', () => {
  let gateway: EventsGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let deliveries: ReturnType<typeof orderDeliveries>;

  beforeAll(async () => {
    gateway = await startEventsGateway(subgraphModules);
    deliveries = orderDeliveries(gateway);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  const topicsOf = async (merchant: TestMerchant, orderId: string) => (await deliveries.orderEvents(merchant, orderId)).map((e) => e.topic);

  it('is emitted once, when the first fulfilled version arrives, with every webhook delivered three times; a partial fulfilment emits nothing', async () => {
    // given an order created, paid and partly shipped
    const customer = shopifyId();
    const orderId = shopifyId();
    const life = fulfilmentLife(orderId, customer);
    await deliveries.deliverThrice(a, [life.create, life.paid, life.partial], 71);
    expect(await topicsOf(a, orderId)).toEqual(['order.recorded', 'order.paid']);

    // when its last parcel leaves (orders/fulfilled), then it is updated again, each webhook three times
    await deliveries.deliverThrice(a, [life.fulfilled, life.updated], 73);

    // then order.fulfilled went out once, dated by the fulfilled version
    const events = await deliveries.orderEvents(a, orderId);
    expect(events.map((e) => e.topic)).toEqual(['order.recorded', 'order.paid', 'order.fulfilled']);
    const fulfilled = events[2].payload;
    expect(Object.keys(fulfilled).sort()).toEqual(FULFILLED_KEYS);
    expect(fulfilled).toEqual({ customerId: await deliveries.customerIdOf(a, customer), orderId, fulfilledAt: '2026-11-20T10:05:00.000Z' });
  });

  it('what if orders/fulfilled comes before orders/create? Recorded and fulfilled at once, and the older versions change nothing', async () => {
    const customer = shopifyId();
    const orderId = shopifyId();
    const life = fulfilmentLife(orderId, customer);

    await deliveries.deliverThrice(a, [life.fulfilled, life.create, life.partial, life.paid], 79);

    const events = await deliveries.orderEvents(a, orderId);
    expect(events.map((e) => e.topic)).toEqual(['order.recorded', 'order.paid', 'order.fulfilled']);
    expect(events[0].payload.financialStatus).toBe('paid');
    expect(events[2].payload).toMatchObject({ orderId, fulfilledAt: '2026-11-20T10:05:00.000Z' });
  });

  it('is emitted once when every version of the order arrives three times all at once (the race of its deliveries)', async () => {
    const customer = shopifyId();
    const orderId = shopifyId();
    const life = fulfilmentLife(orderId, customer);

    await deliveries.deliverThrice(a, [life.create, life.paid, life.partial, life.fulfilled, life.updated], 83, { together: true });

    expect(await topicsOf(a, orderId)).toEqual(['order.recorded', 'order.paid', 'order.fulfilled']);
  });

  it('is never emitted for an order cancelled before it was fulfilled, whether the cancellation comes after its creation or before it', async () => {
    const customer = shopifyId();
    const [first, second] = [shopifyId(), shopifyId()];
    const [one, two] = [fulfilmentLife(first, customer), fulfilmentLife(second, customer)];

    // never paid nor shipped: created, then cancelled
    await deliveries.deliverThrice(a, [one.create, one.cancelUnshipped], 89);
    // partly shipped, then cancelled, the cancellation first: the older versions that arrive after it change nothing
    await deliveries.deliverThrice(a, [two.cancelPartial, two.create, two.paid, two.partial], 97);

    expect(await topicsOf(a, first)).toEqual(['order.recorded', 'order.cancelled']);
    expect(await topicsOf(a, second)).toEqual(['order.recorded', 'order.paid', 'order.cancelled']);
  });

  it('is emitted before order.cancelled for an order shipped and then cancelled, whether the cancellation comes after the fulfilment or before it', async () => {
    const customer = shopifyId();
    const [first, second] = [shopifyId(), shopifyId()];
    const [one, two] = [fulfilmentLife(first, customer), fulfilmentLife(second, customer)];

    await deliveries.deliverThrice(a, [one.paid, one.fulfilled, one.cancelShipped], 101);
    await deliveries.deliverThrice(a, [two.cancelShipped, two.paid, two.fulfilled], 103);

    for (const orderId of [first, second]) expect(await topicsOf(a, orderId)).toEqual(['order.recorded', 'order.paid', 'order.fulfilled', 'order.cancelled']);
  });

  it("never emits order.fulfilled for merchant A from merchant B's webhooks, even with the same Shopify ids", async () => {
    // given an order A knows, not shipped
    const customer = shopifyId();
    const orderId = shopifyId();
    await deliveries.deliverThrice(a, [fulfilmentLife(orderId, customer).paid], 107);

    // when B's shop ships an order with the same ids
    const mirrored = fulfilmentLife(orderId, customer);
    await deliveries.deliverThrice(b, [mirrored.paid, mirrored.fulfilled], 109);

    // then A's order is still unshipped, and B's event names B's customer
    expect(await topicsOf(a, orderId)).toEqual(['order.recorded', 'order.paid']);
    const bEvents = await deliveries.orderEvents(b, orderId);
    expect(bEvents.map((e) => e.topic)).toEqual(['order.recorded', 'order.paid', 'order.fulfilled']);
    expect(bEvents[2].payload.customerId).toBe(await deliveries.customerIdOf(b, customer));
    expect(bEvents[2].payload.customerId).not.toBe(await deliveries.customerIdOf(a, customer));
  });
});
