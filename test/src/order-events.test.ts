import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, consume, fingerprinterOf, systemCaller, type Fingerprinter, type SubgraphModule, type TopicHandler } from '@loyalnest/kit';
import { ORDER_CANCELLED, ORDER_PAID, ORDER_RECORDED, ORDER_REFUNDED, type OrderRefunded } from '@loyalnest/customer/topics';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { OrderService } from '../../subgraphs/customer/src/services/order.service.js';
import { orderFacts, refundFacts } from '../../subgraphs/customer/src/services/shopify-order.parser.js';
import { withOwnerDb } from './support/db.js';
import { CANCELLED_KEYS, order, orderLife, PAID_KEYS, PII, RECORDED_KEYS, REFUNDED_KEYS, shuffled, type Webhook } from './support/order-life.js';
import { orderDeliveries, type OutboxRow } from './support/order-deliveries.js';
import { createEffectTable, dropEffectTable, eventually, startEventsGateway, type EventsGateway } from './support/events.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

type OrderDeliveries = ReturnType<typeof orderDeliveries>;

describe('order events from the customer domain', () => {
  let gateway: EventsGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let effects: string;
  let deliverThrice: OrderDeliveries['deliverThrice'];
  let orderEvents: OrderDeliveries['orderEvents'];
  let customerIdOf: OrderDeliveries['customerIdOf'];
  let fingerprinter: Fingerprinter;

  /** A consumer declared through the same topics the producer emits: one effect row per application. */
  const record: TopicHandler<Record<string, unknown>> = async (ctx, event) => {
    await ctx.em.execute(`insert into ${effects} (consumer, event_id, topic, payload) values ('merchant', ?, ?, ?::jsonb)`, [event.id, event.topic, JSON.stringify(event.payload)]);
  };
  // Typed end to end: the handler reads the payload's fields as the declaration types them.
  const recordRefund: TopicHandler<OrderRefunded> = async (ctx, event, runtime) => {
    const amount: number = event.payload.amountMinor;
    expect(Number.isInteger(amount)).toBe(true);
    await record(ctx, event, runtime);
  };

  beforeAll(async () => {
    effects = await createEffectTable('merchant');
    const modules: SubgraphModule[] = subgraphModules.map((m) =>
      m.name === 'merchant' ? { ...m, consumes: { ...m.consumes, ...consume(ORDER_RECORDED, record), ...consume(ORDER_REFUNDED, recordRefund), ...consume(ORDER_PAID, record), ...consume(ORDER_CANCELLED, record) } } : m,
    );
    gateway = await startEventsGateway(modules);
    ({ deliverThrice, orderEvents, customerIdOf } = orderDeliveries(gateway));
    fingerprinter = fingerprinterOf(gateway.config.kit.blindIndexKey);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
    await dropEffectTable('merchant', effects);
  });

  /** Marks an order as the order-events migration marks the rows it finds. */
  async function markPredatesEvents(merchant: TestMerchant, orderId: string): Promise<void> {
    await withOwnerDb('customer', async (c) => {
      // The owner is subject to forced RLS too: it acts as the merchant.
      await c.query('begin');
      await c.query("select set_config('app.merchant_id', $1, true)", [merchant.id]);
      await c.query('update customer_order set predates_events = true where merchant_id = $1 and shopify_order_id = $2', [merchant.id, orderId]);
      await c.query('commit');
    });
  }

  /** Waits until the typed consumer and the audit trail hold every one of `events`, then returns how often each did. */
  async function consumedAndAudited(merchant: TestMerchant, events: OutboxRow[]) {
    const ids = events.map((e) => e.id);
    const effectRows = await eventually(
      async () => {
        const { rows } = await withOwnerDb('merchant', (c) => c.query<{ event_id: string; topic: string; merchant_id: string }>(`select event_id, topic, merchant_id from ${effects} where event_id = any($1)`, [ids]));
        return new Set(rows.map((r) => r.event_id)).size === ids.length ? rows : undefined;
      },
      20_000,
      `${ids.length} order events consumed`,
    );
    const auditRows = await eventually(
      async () => {
        const { rows } = await withOwnerDb('audit', (c) =>
          c.query<{ source_event_id: string; source_topic: string; entity_type: string; entity_id: string; action: string; merchant_id: string }>(
            'select source_event_id, source_topic, entity_type, entity_id, action, merchant_id from audit_entry where source_event_id = any($1)',
            [ids],
          ),
        );
        return new Set(rows.map((r) => r.source_event_id)).size === ids.length ? rows : undefined;
      },
      20_000,
      `${ids.length} order events audited`,
    );
    return { effectRows, auditRows };
  }

  const orderings: [string, string[]][] = [
    ['as Shopify sends them', ['create', 'paid', 'updated', 'refund1', 'refund2', 'cancel']],
    ['the cancellation first', ['cancel', 'refund2', 'updated', 'create', 'refund1', 'paid']],
    ['refunds before the order is paid, or even created', ['refund1', 'refund2', 'paid', 'create', 'cancel', 'updated']],
    ['shuffled (seed 7)', shuffled(['create', 'paid', 'updated', 'refund1', 'refund2', 'cancel'], 7)],
    ['shuffled (seed 2026)', shuffled(['create', 'paid', 'updated', 'refund1', 'refund2', 'cancel'], 2026)],
  ];

  it.each(orderings)('emits each fact of an order once when every webhook comes three times, %s', async (_name, names) => {
    // given the life of one order, each webhook delivered three times in this order
    const customer = shopifyId();
    const orderId = shopifyId();
    const { webhooks, refundIds } = orderLife(orderId, customer);

    // when
    await deliverThrice(a, names.map((n) => webhooks[n]), Number(orderId) % 1000);

    // then the customer domain emitted one order.recorded, one order.paid, one order.refunded per refund and one order.cancelled
    const events = await orderEvents(a, orderId);
    expect(events.map((e) => e.topic).sort()).toEqual(['order.cancelled', 'order.paid', 'order.recorded', 'order.refunded', 'order.refunded']);
    const customerId = await customerIdOf(a, customer);
    const recorded = events.find((e) => e.topic === 'order.recorded')!;
    expect(recorded.version).toBe(1);
    expect(Object.keys(recorded.payload).sort()).toEqual(RECORDED_KEYS);
    expect(recorded.payload).toEqual({
      customerId,
      orderId,
      orderNumber: 1000 + (Number(orderId) % 1000),
      currency: 'EUR',
      totalMinor: 11400,
      subtotalMinor: 9000,
      discountCodes: ['WELCOME10'],
      // the version first recorded: pending, paid or (the cancellation first) refunded
      financialStatus: expect.stringMatching(/^(pending|paid|refunded)$/),
      placedAt: '2026-11-20T10:00:00.000Z',
      // the body's address has no country, so it cannot be hashed: null, and the event goes out all the same
      fingerprints: { email: fingerprinter.email('buyer-pii@example.com'), shippingAddress: null, browserIp: null },
    });
    const refunds = events.filter((e) => e.topic === 'order.refunded').map((e) => e.payload);
    for (const payload of refunds) expect(Object.keys(payload).sort()).toEqual(REFUNDED_KEYS);
    expect(refunds.sort((x, y) => String(x.refundId).localeCompare(String(y.refundId)))).toEqual(
      [
        { customerId, orderId, refundId: refundIds[0], amountMinor: 1000, currency: 'EUR', refundedAt: '2026-11-22T10:00:00.000Z' },
        { customerId, orderId, refundId: refundIds[1], amountMinor: 525, currency: 'EUR', refundedAt: '2026-11-23T10:00:00.000Z' },
      ].sort((x, y) => x.refundId.localeCompare(y.refundId)),
    );
    const paid = events.find((e) => e.topic === 'order.paid')!;
    expect(Object.keys(paid.payload).sort()).toEqual(PAID_KEYS);
    expect(paid.payload).toEqual({ customerId, orderId, totalMinor: 11400, currency: 'EUR', placedAt: '2026-11-20T10:00:00.000Z' });
    const cancelled = events.find((e) => e.topic === 'order.cancelled')!;
    expect(cancelled.payload).toEqual({ customerId, orderId, cancelledAt: '2026-11-21T09:30:00.000Z' });
    expect(Object.keys(cancelled.payload).sort()).toEqual(CANCELLED_KEYS);
    // recorded before anything about it, and paid before cancelled, in whichever transaction each came
    expect(events[0].topic).toBe('order.recorded');
    expect(events.indexOf(paid)).toBeLessThan(events.indexOf(cancelled));

    // and no personal data from the bodies in any payload
    const text = JSON.stringify(events.map((e) => e.payload));
    for (const pii of PII) expect(text).not.toContain(pii);

    // and the typed consumer applied each once, and the audit trail holds each once, as an Order entry
    const { effectRows, auditRows } = await consumedAndAudited(a, events);
    expect(effectRows).toHaveLength(events.length);
    expect(effectRows.every((r) => r.merchant_id === a.id)).toBe(true);
    expect(auditRows).toHaveLength(events.length);
    expect(auditRows.map((r) => [r.entity_type, r.entity_id, r.merchant_id])).toEqual(events.map(() => ['Order', orderId, a.id]));
    expect(auditRows.map((r) => `${r.source_topic} ${r.action}`).sort()).toEqual(['order.cancelled cancelled', 'order.paid paid', 'order.recorded recorded', 'order.refunded refunded', 'order.refunded refunded']);
  });

  it('emits one order.recorded and one order.paid per order when many paid orders of one customer land at once, and nothing for a guest order', async () => {
    const customer = shopifyId();
    const orderIds = Array.from({ length: 8 }, () => shopifyId());
    const guestOrder = shopifyId();
    const guest = { topic: 'orders/paid', body: { ...order(guestOrder, customer, { minute: 1, status: 'paid' }), customer: null } };

    await deliverThrice(a, [...orderIds.map((id) => ({ topic: 'orders/paid', body: order(id, customer, { minute: 1, status: 'paid' }) })), guest], 11, { together: true });

    const events = (await Promise.all(orderIds.map((id) => orderEvents(a, id)))).flat();
    expect(events.map((e) => [e.topic, e.payload.orderId]).sort()).toEqual(orderIds.flatMap((id) => [['order.paid', id], ['order.recorded', id]]).sort());
    // each order's order.paid right after its order.recorded
    for (const id of orderIds) expect((await orderEvents(a, id)).map((e) => e.topic)).toEqual(['order.recorded', 'order.paid']);
    expect(await orderEvents(a, guestOrder)).toEqual([]);
    const { rows } = await withOwnerDb('customer', (c) => c.query('select orders_count from customer where merchant_id = $1 and shopify_id = $2', [a.id, customer]));
    expect(rows).toEqual([{ orders_count: 8 }]);
  });

  it('emits each refund once when orders and their refunds all arrive at once', async () => {
    // given six orders of two customers, each with a refund, every webhook sent three times at once
    const customers = [shopifyId(), shopifyId()];
    const lives = Array.from({ length: 6 }, (_, i) => {
      const orderId = shopifyId();
      return { orderId, ...orderLife(orderId, customers[i % 2]) };
    });
    await deliverThrice(a, lives.flatMap((l) => [l.webhooks.paid, l.webhooks.refund1]), 23, { together: true });

    // then each order is recorded once and each refund emitted once, whichever of the two was applied first
    for (const life of lives) {
      const events = await orderEvents(a, life.orderId);
      expect(events.map((e) => [e.topic, e.payload.refundId ?? null])).toEqual([
        ['order.recorded', null],
        ['order.paid', null],
        ['order.refunded', life.refundIds[0]],
      ]);
    }
    const { rows } = await withOwnerDb('customer', (c) =>
      c.query('select shopify_id::text, orders_count, total_spent::text from customer where merchant_id = $1 and shopify_id = any($2) order by shopify_id', [a.id, customers]),
    );
    expect(rows.map((r) => [r.orders_count, r.total_spent])).toEqual([
      [3, '312.00'],
      [3, '312.00'],
    ]);
  });

  it('emits a refund once when it is applied while its order is being stored, whichever transaction began first', async () => {
    const customer = shopifyId();
    await upsertCustomer(gateway, a, { shopifyId: customer });
    const service = new OrderService();
    const ctx = () => runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
    const refundEvents = (refundId: string) =>
      withOwnerDb('customer', async (c) => (await c.query(`select 1 from outbox_event where merchant_id = $1 and topic = 'order.refunded' and payload->>'refundId' = $2`, [a.id, refundId])).rows.length);

    for (const first of ['order', 'refund'] as const) {
      // given one transaction that applied the order (or the refund) and has not committed yet
      const orderId = shopifyId();
      const { webhooks, refundIds } = orderLife(orderId, customer);
      const open = ctx();
      await open.em.begin();
      if (first === 'order') await service.applyOrder(open, orderFacts(webhooks.paid.body));
      else await service.applyRefund(open, refundFacts(webhooks.refund1.body));

      // when the other one is applied meanwhile, and the first then commits
      const other = first === 'order' ? service.applyRefund(ctx(), refundFacts(webhooks.refund1.body)) : service.applyOrder(ctx(), orderFacts(webhooks.paid.body));
      await new Promise((r) => setTimeout(r, 300));
      await open.em.commit();
      await other;

      // then the refund was seen by one of them: emitted once
      expect(await refundEvents(refundIds[0])).toBe(1);
    }
  });

  it('records orders that arrived before their customer once the customer is created through the API', async () => {
    // given an order and its refund stored for a Shopify customer the domain does not know yet
    const customer = shopifyId();
    const orderId = shopifyId();
    const { webhooks, refundIds } = orderLife(orderId, customer);
    const service = new OrderService();
    const ctx = () => runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
    await service.applyOrder(ctx(), orderFacts(webhooks.paid.body));
    await service.applyRefund(ctx(), refundFacts(webhooks.refund1.body));
    expect(await orderEvents(a, orderId)).toEqual([]);

    // when an admin creates the customer, twice
    const created = await upsertCustomer(gateway, a, { shopifyId: customer });
    await upsertCustomer(gateway, a, { shopifyId: customer });

    // then the order and its refund are published once, for that customer
    const events = await orderEvents(a, orderId);
    expect(events.map((e) => [e.topic, e.payload.customerId, e.payload.refundId ?? null])).toEqual([
      ['order.recorded', created.id, null],
      ['order.paid', created.id, null],
      ['order.refunded', created.id, refundIds[0]],
    ]);
  });

  it("never emits an event for merchant A from merchant B's webhooks, even with the same Shopify ids", async () => {
    // given a customer and an order A knows
    const customer = shopifyId();
    const orderId = shopifyId();
    const own = orderLife(orderId, customer);
    await deliverThrice(a, [own.webhooks.paid], 3);
    const before = await orderEvents(a);

    // when B receives the whole life of an order with the same Shopify ids, and one of its own
    const otherOrder = shopifyId();
    const mirrored = orderLife(orderId, customer);
    const theirs = orderLife(otherOrder, customer);
    await deliverThrice(b, [...Object.values(mirrored.webhooks), ...Object.values(theirs.webhooks)], 5);

    // then A's events are what they were: nothing of B's order, refunds or cancellation
    expect(await orderEvents(a)).toEqual(before);
    expect((await orderEvents(a, orderId)).map((e) => e.topic)).toEqual(['order.recorded', 'order.paid']);
    expect(await orderEvents(a, otherOrder)).toEqual([]);
    // and B's events name B's customer, not A's
    const bEvents = await orderEvents(b);
    const bCustomer = await customerIdOf(b, customer);
    expect(bCustomer).not.toBe(await customerIdOf(a, customer));
    expect(bEvents.map((e) => e.topic).sort()).toEqual([
      'order.cancelled', 'order.cancelled', 'order.paid', 'order.paid', 'order.recorded', 'order.recorded', 'order.refunded', 'order.refunded', 'order.refunded', 'order.refunded',
    ]);
    expect(bEvents.every((e) => e.payload.customerId === bCustomer)).toBe(true);
    // and the consumer and the audit trail file them under B
    const { effectRows, auditRows } = await consumedAndAudited(b, bEvents);
    expect(effectRows.every((r) => r.merchant_id === b.id)).toBe(true);
    expect(auditRows.every((r) => r.merchant_id === b.id)).toBe(true);
    const { rows } = await withOwnerDb('audit', (c) =>
      c.query<{ n: number }>("select count(*)::int as n from audit_entry where merchant_id = $1 and source_topic like 'order.%' and entity_id = $2", [a.id, otherOrder]),
    );
    expect(rows[0].n).toBe(0);
  });

  it('emits nothing for orders stored before the events existed, not even for their later refunds and cancellations', async () => {
    // given an order stored before the migration (marked as the migration marks the rows it finds)
    const customer = shopifyId();
    const orderId = shopifyId();
    const life = orderLife(orderId, customer);
    await deliverThrice(a, [life.webhooks.paid], 13);
    await markPredatesEvents(a, orderId);
    const before = await orderEvents(a, orderId);
    expect(before.map((e) => e.topic)).toEqual(['order.recorded', 'order.paid']);

    // when it is refunded and cancelled
    await deliverThrice(a, [life.webhooks.refund1, life.webhooks.cancel], 17);

    // then no event names its refund or cancellation, while the stats still follow it
    expect(await orderEvents(a, orderId)).toEqual(before);
    const { rows } = await withOwnerDb('customer', (c) => c.query('select orders_count from customer where merchant_id = $1 and shopify_id = $2', [a.id, customer]));
    expect(rows).toEqual([{ orders_count: 0 }]);
  });

  describe('order.paid', () => {
    /** A cancellation of an order never paid: Shopify voids the authorization. */
    const voided = (orderId: string, customer: string): Webhook => ({ topic: 'orders/cancelled', body: order(orderId, customer, { minute: 30, status: 'voided', cancelled: true }) });

    it('is emitted once when every webhook of an order comes three times, all at once (the race of its deliveries), and before order.cancelled', async () => {
      const customer = shopifyId();
      const orderId = shopifyId();
      const { webhooks } = orderLife(orderId, customer);

      await deliverThrice(a, Object.values(webhooks), 31, { together: true });

      const events = await orderEvents(a, orderId);
      expect(events.map((e) => e.topic).sort()).toEqual(['order.cancelled', 'order.paid', 'order.recorded', 'order.refunded', 'order.refunded']);
      const topics = events.map((e) => e.topic);
      expect(topics[0]).toBe('order.recorded');
      expect(topics.indexOf('order.paid')).toBeLessThan(topics.indexOf('order.cancelled'));
      const customerId = await customerIdOf(a, customer);
      expect(events.find((e) => e.topic === 'order.paid')!.payload).toEqual({ customerId, orderId, totalMinor: 11400, currency: 'EUR', placedAt: '2026-11-20T10:00:00.000Z' });
    });

    it('is emitted once, when the paid version of an order recorded as pending arrives', async () => {
      // given an order recorded while pending
      const customer = shopifyId();
      const orderId = shopifyId();
      const { webhooks } = orderLife(orderId, customer);
      await deliverThrice(a, [webhooks.create], 37);
      const pending = await orderEvents(a, orderId);
      expect(pending.map((e) => [e.topic, e.payload.financialStatus])).toEqual([['order.recorded', 'pending']]);

      // when it is paid, then updated, each webhook three times
      await deliverThrice(a, [webhooks.paid, webhooks.updated], 41);

      // then order.paid follows, once, in a transaction of its own
      const events = await orderEvents(a, orderId);
      expect(events.map((e) => e.topic)).toEqual(['order.recorded', 'order.paid']);
      expect(events[0]).toEqual(pending[0]);
      expect(events[1].payload).toMatchObject({ orderId, totalMinor: 11400, currency: 'EUR' });
    });

    it('is never emitted for an order cancelled before it was paid, whether the cancellation comes after its creation or before it', async () => {
      const customer = shopifyId();
      const [first, second] = [shopifyId(), shopifyId()];

      await deliverThrice(a, [orderLife(first, customer).webhooks.create, voided(first, customer)], 43);
      await deliverThrice(a, [voided(second, customer), orderLife(second, customer).webhooks.create], 47);

      for (const orderId of [first, second]) expect((await orderEvents(a, orderId)).map((e) => e.topic)).toEqual(['order.recorded', 'order.cancelled']);
    });

    it('is emitted before order.cancelled for a paid order cancelled afterwards, whether the cancellation comes after the payment or before it', async () => {
      const customer = shopifyId();
      const [first, second] = [shopifyId(), shopifyId()];
      const lives = [orderLife(first, customer), orderLife(second, customer)];

      // paid, then cancelled: two transactions
      await deliverThrice(a, [lives[0].webhooks.paid, lives[0].webhooks.cancel], 53);
      // the cancellation (its version refunded) first, then the older paid version, which changes nothing
      await deliverThrice(a, [lives[1].webhooks.cancel, lives[1].webhooks.paid], 59);

      for (const orderId of [first, second]) expect((await orderEvents(a, orderId)).map((e) => e.topic)).toEqual(['order.recorded', 'order.paid', 'order.cancelled']);
    });

    it('is never emitted for an order stored before the events existed, even when it is paid afterwards', async () => {
      const customer = shopifyId();
      const orderId = shopifyId();
      const { webhooks } = orderLife(orderId, customer);
      await deliverThrice(a, [webhooks.create], 61);
      await markPredatesEvents(a, orderId);

      await deliverThrice(a, [webhooks.paid], 67);

      expect((await orderEvents(a, orderId)).map((e) => e.topic)).toEqual(['order.recorded']);
    });
  });
});
