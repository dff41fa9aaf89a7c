import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller, type RequestContext } from '@loyalnest/kit';
import { OrderService } from '../../subgraphs/customer/src/services/order.service.js';
import { orderFacts, refundFacts } from '../../subgraphs/customer/src/services/shopify-order.parser.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const orders = new OrderService();
let nextId = 5_000_000_000 + (Date.now() % 1_000_000) * 1000;
const id = () => String(++nextId);

/** A Shopify order webhook body, as much of it as the stats read. */
function orderBody(o: { id: string; customer: string | null; total: string; updatedAt: string; processedAt?: string; cancelled?: boolean }) {
  return {
    id: Number(o.id),
    customer: o.customer ? { id: Number(o.customer), email: 'not-stored@example.com' } : null,
    total_price: o.total,
    cancelled_at: o.cancelled ? o.updatedAt : null,
    processed_at: o.processedAt ?? '2026-11-01T10:00:00Z',
    created_at: o.processedAt ?? '2026-11-01T10:00:00Z',
    updated_at: o.updatedAt,
  };
}

function refundBody(r: { id: string; order: string; amounts: string[] }) {
  return {
    id: Number(r.id),
    order_id: Number(r.order),
    created_at: '2026-11-02T10:00:00Z',
    transactions: [...r.amounts.map((amount) => ({ kind: 'refund', status: 'success', amount })), { kind: 'refund', status: 'failure', amount: '99.00' }],
  };
}

describe('customer stats from orders and refunds', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let ctx: () => RequestContext;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    merchant = await createMerchant(gateway);
    ctx = () => runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, merchant.id));
  });
  afterAll(() => gateway.stop());

  async function stats(shopify: string, who: TestMerchant = merchant) {
    const result = await gateway.gql<{ customerByShopifyId: { ordersCount: number; totalSpent: string; lastOrderAt: string | null } }>(
      'query($id: ID!) { customerByShopifyId(shopifyId: $id) { ordersCount totalSpent lastOrderAt } }',
      { id: shopify },
      who.auth,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.customerByShopifyId;
  }

  it('counts an order delivered three times once', async () => {
    const customer = shopifyId();
    await upsertCustomer(gateway, merchant, { shopifyId: customer, email: 'dup@example.com' });
    const order = orderFacts(orderBody({ id: id(), customer, total: '42.50', updatedAt: '2026-11-01T10:00:00Z' }));

    await Promise.all([orders.applyOrder(ctx(), order), orders.applyOrder(ctx(), order), orders.applyOrder(ctx(), order)]);

    expect(await stats(customer)).toEqual({ ordersCount: 1, totalSpent: '42.50', lastOrderAt: '2026-11-01T10:00:00.000Z' });
  });

  it('counts a refund that arrived before its order, and a duplicated refund once', async () => {
    const customer = shopifyId();
    await upsertCustomer(gateway, merchant, { shopifyId: customer });
    const orderId = id();
    const refund = refundFacts(refundBody({ id: id(), order: orderId, amounts: ['10.00', '5.25'] }));

    await orders.applyRefund(ctx(), refund);
    expect(await stats(customer)).toMatchObject({ ordersCount: 0, totalSpent: '0.00' });
    await orders.applyOrder(ctx(), orderFacts(orderBody({ id: orderId, customer, total: '100.00', updatedAt: '2026-11-01T10:00:00Z' })));
    await orders.applyRefund(ctx(), refund);

    expect(await stats(customer)).toMatchObject({ ordersCount: 1, totalSpent: '84.75' });
  });

  it('ends an orders/updated storm at the newest version, whatever order the versions arrive in', async () => {
    const customer = shopifyId();
    await upsertCustomer(gateway, merchant, { shopifyId: customer });
    const orderId = id();
    const versions = Array.from({ length: 20 }, (_, i) =>
      orderFacts(orderBody({ id: orderId, customer, total: `${100 + i}.00`, updatedAt: new Date(Date.UTC(2026, 10, 1, 10, i)).toISOString() })),
    );
    // newest first, so every later arrival is stale; then all of them again at once
    for (const version of [...versions].reverse()) await orders.applyOrder(ctx(), version);
    await Promise.all(versions.map((v) => orders.applyOrder(ctx(), v)));
    await orders.applyOrder(ctx(), versions[3]); // a late, stale redelivery

    expect(await stats(customer)).toMatchObject({ ordersCount: 1, totalSpent: '119.00' });
  });

  it('takes a cancelled order out of the stats', async () => {
    const customer = shopifyId();
    await upsertCustomer(gateway, merchant, { shopifyId: customer });
    const orderId = id();
    await orders.applyOrder(ctx(), orderFacts(orderBody({ id: orderId, customer, total: '30.00', updatedAt: '2026-11-01T10:00:00Z' })));
    await orders.applyOrder(ctx(), orderFacts(orderBody({ id: orderId, customer, total: '30.00', updatedAt: '2026-11-01T11:00:00Z', cancelled: true })));

    expect(await stats(customer)).toEqual({ ordersCount: 0, totalSpent: '0.00', lastOrderAt: null });
  });

  it('keeps exact sums when many orders of one customer land at once', async () => {
    const customer = shopifyId();
    await upsertCustomer(gateway, merchant, { shopifyId: customer });
    const many = Array.from({ length: 12 }, (_, i) =>
      orderFacts(orderBody({ id: id(), customer, total: '19.99', updatedAt: '2026-11-01T10:00:00Z', processedAt: new Date(Date.UTC(2026, 10, 1 + i)).toISOString() })),
    );

    await Promise.all(many.map((o) => orders.applyOrder(ctx(), o)));

    expect(await stats(customer)).toEqual({ ordersCount: 12, totalSpent: '239.88', lastOrderAt: '2026-11-12T00:00:00.000Z' });
  });

  it('counts orders that arrived before the customer existed once the customer is created', async () => {
    const customer = shopifyId();
    await orders.applyOrder(ctx(), orderFacts(orderBody({ id: id(), customer, total: '12.00', updatedAt: '2026-11-01T10:00:00Z' })));

    await upsertCustomer(gateway, merchant, { shopifyId: customer, email: 'late@example.com' });

    expect(await stats(customer)).toMatchObject({ ordersCount: 1, totalSpent: '12.00' });
  });

  it("never lets another merchant's orders touch this merchant's customer", async () => {
    // given the same Shopify customer id at two merchants
    const other = await createMerchant(gateway);
    const customer = shopifyId();
    await upsertCustomer(gateway, merchant, { shopifyId: customer });
    await upsertCustomer(gateway, other, { shopifyId: customer });
    const otherCtx = runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, other.id));

    // when the other merchant's order arrives
    await orders.applyOrder(otherCtx, orderFacts(orderBody({ id: id(), customer, total: '500.00', updatedAt: '2026-11-01T10:00:00Z' })));

    // then only the other merchant's customer counts it
    expect(await stats(customer)).toMatchObject({ ordersCount: 0, totalSpent: '0.00' });
    expect(await stats(customer, other)).toMatchObject({ ordersCount: 1, totalSpent: '500.00' });
  });

  it('refuses an order body without the facts it needs, naming the field', () => {
    expect(() => orderFacts({ id: 1, total_price: 'ten', updated_at: '2026-11-01T10:00:00Z' })).toThrow('total_price');
    expect(() => refundFacts({ id: 1, created_at: '2026-11-01T10:00:00Z' })).toThrow('order_id');
  });
});
