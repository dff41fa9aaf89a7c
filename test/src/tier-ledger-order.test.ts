import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, inRequestTransaction, systemCaller, type DomainEvent } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import tierSubgraph from '../../subgraphs/tier/src/index.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { orderLife } from './support/order-life.js';
import { createMerchant, runtime, shopifyId, type TestMerchant } from './support/tenants.js';
import { changesOf, customerIdOf, deliver, memberOf, saveProgram, TIER_EVENTS_ENV, tierEvents, tierSettled } from './support/tier-members.js';

type LedgerRow = { metric: string; amount: string; qualifies_at: Date | null };

/** The qualification ledger ends in the same rows whatever order an order's or a points entry's events arrive in. */
describe('the qualification ledger under reordered events', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let tiers: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
    merchant = await createMerchant(gateway);
    tiers = await saveProgram(gateway, merchant, { metric: 'POINTS_EARNED' }, [['Bronze', 0], ['Silver', 50]]);
  });
  afterAll(() => gateway.stop());

  async function ledgerOf(subject: string): Promise<LedgerRow[]> {
    const { rows } = await withOwnerDb('tier', (db) => db.query<LedgerRow>('select metric, amount, qualifies_at from tier_qualification where merchant_id = $1 and subject = $2 order by metric', [merchant.id, subject]));
    return rows;
  }

  // Every ordering holds the paid version: an order recorded unpaid counts as spent only once
  // `order.paid` arrives, whichever of its events comes first.
  const orderings: [string, string[], { spent: string; orders: string }][] = [
    ['paid, a refund, then the creation', ['paid', 'refund1', 'create', 'refund2'], { spent: '98750', orders: '1' }],
    ['refunds before the order', ['refund2', 'refund1', 'paid', 'create'], { spent: '98750', orders: '1' }],
    ['a refund between', ['refund1', 'paid', 'refund2', 'create'], { spent: '98750', orders: '1' }],
    ['cancelled first', ['cancel', 'refund1', 'create', 'paid'], { spent: '0', orders: '0' }],
    ['cancelled last', ['create', 'paid', 'refund1', 'cancel'], { spent: '0', orders: '0' }],
  ];

  it.each(orderings)('derives an order\'s rows the same way when its webhooks arrive %s', async (_name, names, expected) => {
    const customer = shopifyId();
    const orderId = shopifyId();
    const { webhooks } = orderLife(orderId, customer);
    for (const name of names) await deliver(gateway, merchant, webhooks[name].topic, webhooks[name].body);
    await tierSettled(merchant);

    // 114.00 paid, 10.00 and 5.25 refunded; placed 2026-11-20T10:00Z
    const placedAt = new Date('2026-11-20T10:00:00.000Z');
    expect(await ledgerOf(`order:${orderId}`)).toEqual([
      { metric: 'amount_spent', amount: expected.spent, qualifies_at: placedAt },
      { metric: 'orders_count', amount: expected.orders, qualifies_at: placedAt },
    ]);
    expect(await memberOf(merchant, await customerIdOf(gateway, merchant, customer))).toBeDefined();
  });

  it('counts an earn less its reversal, whichever comes first, and never a tier bonus', async () => {
    const tier = runtime(gateway, 'tier');
    const customerId = randomUUID();
    const apply = async (topic: string, payload: Record<string, unknown>, occurredAt: string) => {
      const event: DomainEvent = { id: randomUUID(), merchantId: merchant.id, topic, version: 1, occurredAt, payload };
      const ctx = tier.createContext(systemCaller(ADMIN_SCOPES, merchant.id));
      await inRequestTransaction(ctx, () => tierSubgraph.consumes![topic](ctx, event, tier));
    };
    const entry = (entryId: string, kind: string, source: string, points: number, reverses: Record<string, unknown> = {}) => ({
      entryId, customerId, kind, source, status: 'posted', points, balance: 0, pending: 0, orderId: null,
      reversesEntryId: null, reversesKind: null, reversesSource: null, reversesCreatedAt: null, ...reverses,
    });
    const earnedAt = '2026-10-01T08:00:00.000Z';
    const [first, second, bonus] = [randomUUID(), randomUUID(), randomUUID()];
    const reversalOf = (entryId: string) => entry(randomUUID(), 'reverse', 'order', -30, { reversesEntryId: entryId, reversesKind: 'earn', reversesSource: 'order', reversesCreatedAt: earnedAt });

    // the earn, then its reversal; and for another entry the reversal first
    await apply('points.earned', entry(first, 'earn', 'order', 80), earnedAt);
    await apply('points.reversed', reversalOf(first), '2026-10-05T08:00:00.000Z');
    await apply('points.reversed', reversalOf(second), '2026-10-05T08:00:00.000Z');
    await apply('points.earned', entry(second, 'earn', 'order', 80), earnedAt);
    // a tier entry bonus, a spend and an admin adjustment: none qualifies
    await apply('points.earned', entry(bonus, 'earn', 'tier', 500), earnedAt);
    await apply('points.reversed', entry(randomUUID(), 'reverse', 'reward', 40, { reversesEntryId: randomUUID(), reversesKind: 'redeem', reversesSource: 'reward', reversesCreatedAt: earnedAt }), earnedAt);

    const rows = [await ledgerOf(`entry:${first}`), await ledgerOf(`entry:${second}`)];
    expect(rows[0]).toEqual([{ metric: 'points_earned', amount: '50', qualifies_at: new Date(earnedAt) }]);
    expect(rows[1]).toEqual(rows[0]);
    expect(await ledgerOf(`entry:${bonus}`)).toEqual([]);
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, metric_value: '100' });
  });
  it('a reversal consumed before its earn lowers nothing meanwhile: no downgrade and back, the earn dates the row', async () => {
    const tier = runtime(gateway, 'tier');
    const customerId = randomUUID();
    const apply = async (topic: string, payload: Record<string, unknown>, occurredAt: string) => {
      const event: DomainEvent = { id: randomUUID(), merchantId: merchant.id, topic, version: 1, occurredAt, payload };
      const ctx = tier.createContext(systemCaller(ADMIN_SCOPES, merchant.id));
      await inRequestTransaction(ctx, () => tierSubgraph.consumes![topic](ctx, event, tier));
    };
    const entry = (entryId: string, kind: string, points: number, reverses: Record<string, unknown> = {}) => ({
      entryId, customerId, kind, source: 'order', status: 'posted', points, balance: 0, pending: 0, orderId: null,
      reversesEntryId: null, reversesKind: null, reversesSource: null, reversesCreatedAt: null, ...reverses,
    });
    const earnedAt = '2026-10-01T08:00:00.000Z';
    const [held, late] = [randomUUID(), randomUUID()];

    // given Silver from a first earn of 60
    await apply('points.earned', entry(held, 'earn', 60), earnedAt);
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, metric_value: '60' });

    // when a reversal of 30 comes before the earn of 80 it reverses
    await apply('points.reversed', entry(randomUUID(), 'reverse', -30, { reversesEntryId: late, reversesKind: 'earn', reversesSource: 'order', reversesCreatedAt: earnedAt }), '2026-10-05T08:00:00.000Z');
    // then the row waits undated, and the member stays Silver
    expect(await ledgerOf(`entry:${late}`)).toEqual([{ metric: 'points_earned', amount: '-30', qualifies_at: null }]);
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, metric_value: '60' });

    await apply('points.earned', entry(late, 'earn', 80), earnedAt);
    // and once the earn comes the row counts, dated by it: 60 + 80 - 30, one tier change in all
    expect(await ledgerOf(`entry:${late}`)).toEqual([{ metric: 'points_earned', amount: '50', qualifies_at: new Date(earnedAt) }]);
    expect(await memberOf(merchant, customerId)).toMatchObject({ tier_id: tiers.Silver, metric_value: '110', version: 1 });
    expect(await changesOf(merchant, customerId)).toEqual([{ from_tier_id: null, to_tier_id: tiers.Silver, direction: 'up', reason: 'qualified', version: 1 }]);
    expect(await tierEvents(merchant, 'tier.changed', customerId)).toHaveLength(1);
  });

  it.each([
    ['ORDERS_COUNT', 'cancelled', ['cancel', 'create', 'paid'], '1'],
    ['ORDERS_COUNT', 'refunded', ['refund1', 'paid', 'create'], '2'],
    ['AMOUNT_SPENT', 'cancelled', ['cancel', 'create', 'paid'], '114000'],
    ['AMOUNT_SPENT', 'refunded', ['refund1', 'paid', 'create'], '218000'],
  ])('%s: an order %s before it is recorded changes no tier meanwhile', async (metric, _what, names, finalValue) => {
    // given a Silver member from a first order of 114.00 (Silver at 1 order, or 100.00)
    const ordersMerchant = await createMerchant(gateway);
    const ordersTiers = await saveProgram(gateway, ordersMerchant, { metric }, [['Bronze', 0], ['Silver', metric === 'AMOUNT_SPENT' ? 100 : 1]]);
    const customer = shopifyId();
    const first = orderLife(shopifyId(), customer).webhooks;
    await deliver(gateway, ordersMerchant, first.paid.topic, first.paid.body);
    await tierSettled(ordersMerchant);
    const customerId = await customerIdOf(gateway, ordersMerchant, customer);
    expect((await memberOf(ordersMerchant, customerId))?.tier_id).toBe(ordersTiers.Silver);
    const [changes, events] = [(await changesOf(ordersMerchant, customerId)).length, (await tierEvents(ordersMerchant, 'tier.changed', customerId)).length];

    // when a second order's refund or cancellation comes first, each webhook consumed before the next
    const { webhooks } = orderLife(shopifyId(), customer);
    for (const name of names) {
      await deliver(gateway, ordersMerchant, webhooks[name].topic, webhooks[name].body);
      await tierSettled(ordersMerchant);
      // then the member is Silver at every step
      expect((await memberOf(ordersMerchant, customerId))?.tier_id).toBe(ordersTiers.Silver);
    }
    expect(await memberOf(ordersMerchant, customerId)).toMatchObject({ tier_id: ordersTiers.Silver, metric_value: finalValue });
    expect(await changesOf(ordersMerchant, customerId)).toHaveLength(changes);
    expect(await tierEvents(ordersMerchant, 'tier.changed', customerId)).toHaveLength(events);
  });
});
