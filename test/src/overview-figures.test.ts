import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { OrderService } from '../../subgraphs/customer/src/services/order.service.js';
import { orderFacts, refundFacts } from '../../subgraphs/customer/src/services/shopify-order.parser.js';
import { LedgerService, type EntryRequest } from '../../subgraphs/points/src/services/ledger.service.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

const SUMMARY = `query($from: DateTimeISO!, $to: DateTimeISO!) { pointsSummary(from: $from, to: $to) { from to issued redeemed expired deducted } }`;
const REVENUE = `query($from: DateTimeISO!, $to: DateTimeISO!) { memberRevenue(from: $from, to: $to) { currency orders gross refunded net } }`;

const DAY = 86_400_000;
const ledger = new LedgerService();
const orders = new OrderService();
let nextId = 6_000_000_000 + (Date.now() % 1_000_000) * 1000;
const orderId = () => String(++nextId);

/**
 * The overview's period figures: points issued and redeemed from the ledger, members' revenue from
 * the order ledger, each for the caller's merchant only, and bad periods refused.
 */
describe('the overview figures: pointsSummary and memberRevenue', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let started: Date;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
    started = new Date(Date.now() - 1000);
  });
  afterAll(() => gateway.stop());

  const window = () => ({ from: started.toISOString(), to: new Date(Date.now() + 60_000).toISOString() });

  async function account(merchant: TestMerchant): Promise<{ id: string; shopifyId: string }> {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId() });
    await ledger.openAccount(runtime(gateway, 'points').createContext(systemCaller(ADMIN_SCOPES, merchant.id)), customer.id);
    return customer;
  }

  /** Posts through the ledger as the services do and returns the entry's id. */
  async function post(merchant: TestMerchant, request: Omit<EntryRequest, 'idempotencyKey'>): Promise<string> {
    const result = await ledger.post(runtime(gateway, 'points').createContext(systemCaller(ADMIN_SCOPES, merchant.id)), { ...request, idempotencyKey: `overview-test:${randomUUID()}` });
    if (result.outcome !== 'posted') throw new Error(`ledger outcome ${result.outcome}`);
    return result.entryId;
  }

  const summaryOf = async (merchant: TestMerchant, period = window()) => {
    const result = await gateway.gql<{ pointsSummary: Record<string, unknown> }>(SUMMARY, period, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.pointsSummary;
  };

  it('sums what the ledger gave, spent, expired and took over the period, a reversal counting against what it reverses', async () => {
    // given earns, a refund's reversal, an award, a deduction, a redemption and its give-back, an expiry
    const { id: customerId } = await account(a);
    const earn = await post(a, { customerId, kind: 'earn', source: 'order', points: 300, orderId: orderId() });
    await post(a, { customerId, kind: 'reverse', source: 'order', points: -40, reversesEntryId: earn, clamp: true });
    await post(a, { customerId, kind: 'adjust', source: 'admin', points: 100 });
    await post(a, { customerId, kind: 'adjust', source: 'admin', points: -30 });
    const spend = await post(a, { customerId, kind: 'redeem', source: 'reward', points: -200 });
    await post(a, { customerId, kind: 'redeem', source: 'reward', points: -50 });
    await post(a, { customerId, kind: 'reverse', source: 'reward', points: 200, reversesEntryId: spend });
    await post(a, { customerId, kind: 'expire', source: 'expiry', points: -20 });
    // and what if a cancelled redemption's code turns out used? Its give-back is taken back.
    const cancelled = await post(a, { customerId, kind: 'redeem', source: 'reward', points: -70 });
    const giveBack = await post(a, { customerId, kind: 'reverse', source: 'reward', points: 70, reversesEntryId: cancelled });
    await post(a, { customerId, kind: 'reverse', source: 'reward', points: -70, reversesEntryId: giveBack });

    // then issued = 300 − 40 + 100, redeemed = 200 + 50 − 200 + (70 − 70 + 70)
    expect(await summaryOf(a)).toMatchObject({ issued: 360, redeemed: 120, expired: 20, deducted: 30 });
    // and a period that ended before any of it sums nothing
    expect(await summaryOf(a, { from: new Date(started.getTime() - 30 * DAY).toISOString(), to: started.toISOString() })).toMatchObject({ issued: 0, redeemed: 0, expired: 0, deducted: 0 });
  });

  it('sums members’ orders per currency, net of refunds and cancellations, and leaves out guests and orders outside the period', async () => {
    // given a member's two orders in the period (one partly refunded), a cancelled one, one in USD,
    // one placed 40 days ago, and a guest's order
    const member = await account(a);
    const now = Date.now();
    const placed = (ms: number) => new Date(ms).toISOString();
    const body = (o: { id: string; customer: string | null; total: string; at: string; currency?: string; cancelled?: boolean }) => ({
      id: Number(o.id),
      customer: o.customer ? { id: Number(o.customer) } : null,
      total_price: o.total,
      currency: o.currency ?? 'EUR',
      cancelled_at: o.cancelled ? o.at : null,
      processed_at: o.at,
      created_at: o.at,
      updated_at: o.at,
    });
    const ctx = () => runtime(gateway, 'customer').createContext(systemCaller(ADMIN_SCOPES, a.id));
    const refunded = orderId();
    for (const order of [
      body({ id: orderId(), customer: member.shopifyId, total: '100.00', at: placed(now - 2 * DAY) }),
      body({ id: refunded, customer: member.shopifyId, total: '50.00', at: placed(now - DAY) }),
      body({ id: orderId(), customer: member.shopifyId, total: '70.00', at: placed(now - DAY), cancelled: true }),
      body({ id: orderId(), customer: member.shopifyId, total: '20.00', at: placed(now - DAY), currency: 'USD' }),
      body({ id: orderId(), customer: member.shopifyId, total: '999.00', at: placed(now - 40 * DAY) }),
      body({ id: orderId(), customer: null, total: '500.00', at: placed(now - DAY) }),
    ]) {
      await orders.applyOrder(ctx(), orderFacts(order));
    }
    await orders.applyRefund(ctx(), refundFacts({ id: Number(orderId()), order_id: Number(refunded), created_at: placed(now), transactions: [{ kind: 'refund', status: 'success', amount: '12.50' }] }));

    // when the last 30 days are asked for
    const result = await gateway.gql<{ memberRevenue: unknown[] }>(REVENUE, { from: placed(now - 30 * DAY), to: placed(now + 60_000) }, a.auth);

    // then
    expect(result.errors).toBeUndefined();
    expect(result.data!.memberRevenue).toEqual([
      { currency: 'EUR', orders: 2, gross: '150.00', refunded: '12.50', net: '137.50' },
      { currency: 'USD', orders: 1, gross: '20.00', refunded: '0.00', net: '20.00' },
    ]);
  });

  it("never shows one merchant's figures to another", async () => {
    const period = window();
    expect(await summaryOf(b, period)).toMatchObject({ issued: 0, redeemed: 0, expired: 0, deducted: 0 });
    const revenue = await gateway.gql<{ memberRevenue: unknown[] }>(REVENUE, { from: new Date(Date.now() - 90 * DAY).toISOString(), to: period.to }, b.auth);
    expect(revenue.errors).toBeUndefined();
    expect(revenue.data!.memberRevenue).toEqual([]);
  });

  it('refuses a period whose end is not after its start, or longer than 367 days, naming `to`', async () => {
    const now = Date.now();
    for (const query of [SUMMARY, REVENUE]) {
      for (const [from, to, problem] of [
        [now, now - DAY, 'must be after from'],
        [now, now, 'must be after from'],
        [now - 368 * DAY, now, 'at most 367 days'],
      ] as const) {
        const result = await gateway.gql(query, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }, a.auth);
        expect(result.data ?? null).toBeNull();
        expect(result.errors?.[0]).toMatchObject({ message: expect.stringContaining(`to: ${problem}`), extensions: { code: 'BAD_USER_INPUT', fields: ['to'] } });
      }
      const notADate = await gateway.gql(query, { from: 'yesterday', to: new Date(now).toISOString() }, a.auth);
      expect(notADate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('answers admins only: a shopper of the merchant is refused both', async () => {
    const { id } = await account(a);
    const shopper = await shopperAuth(gateway, a, id);
    for (const query of [SUMMARY, REVENUE]) {
      const result = await gateway.gql(query, window(), shopper);
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
