import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bodyShopifyId, type RequestContext } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { inMerchantTransaction } from '../../subgraphs/points/src/jobs/merchant-transaction.js';
import { CustomerDirectory } from '../../subgraphs/points/src/services/customer-directory.js';
import { LedgerService } from '../../subgraphs/points/src/services/ledger.service.js';
import { OrderPointsService } from '../../subgraphs/points/src/services/order-points.service.js';
import { PointsProgramService } from '../../subgraphs/points/src/services/points-program.service.js';
import { orderEarningFacts } from '../../subgraphs/points/src/services/shopify-order.parser.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { pointsOf, type Account } from './support/points.js';
import { deliverWebhook, POINTS_JOBS_ENV, setRules } from './support/points-jobs.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const VERIFY_LIFETIME = `query { verifyLedger { ok mismatches { customerId balance expectedBalance pending expectedPending lifetimeEarned expectedLifetimeEarned } } }`;

/**
 * An order as Shopify sends it: two lines of 50.00 (100.00 before a 10.00 discount, 5.00 each),
 * 5.00 shipping and 19.00 tax on top (9.50 a line), 114.00 paid. With `taxesIncluded` the line
 * prices hold the tax (119.00 of lines) and 124.00 is paid.
 */
function order(id: string, buyer: string, options: { cancelled?: boolean; taxesIncluded?: boolean } = {}) {
  const included = options.taxesIncluded === true;
  return {
    id: Number(id),
    total_line_items_price: included ? '119.00' : '100.00',
    total_discounts: included ? '0.00' : '10.00',
    total_shipping_price_set: { shop_money: { amount: '5.00', currency_code: 'EUR' } },
    total_tax: '19.00',
    taxes_included: included,
    total_price: included ? '124.00' : '114.00',
    financial_status: 'paid',
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    cancelled_at: options.cancelled ? '2026-11-21T10:00:00Z' : null,
    customer: { id: Number(buyer), email: `buyer-${buyer}@example.com`, first_name: 'Order', last_name: 'Snapshot' },
  };
}

/** A `refunds/create` body in Shopify's shape: refunded lines, shipping as an order adjustment, the money in transactions. */
function refund(orderId: string, parts: { lines?: { subtotal: string; tax: string }[]; shipping?: string; paid: string }) {
  return {
    id: Number(shopifyId()),
    order_id: Number(orderId),
    created_at: '2026-11-22T10:00:00Z',
    refund_line_items: (parts.lines ?? []).map((l, i) => ({
      id: i + 1,
      quantity: 1,
      line_item_id: i + 1,
      subtotal: Number(l.subtotal),
      total_tax: Number(l.tax),
      subtotal_set: { shop_money: { amount: l.subtotal, currency_code: 'EUR' } },
      total_tax_set: { shop_money: { amount: l.tax, currency_code: 'EUR' } },
    })),
    order_adjustments: parts.shipping ? [{ id: 1, order_id: Number(orderId), kind: 'shipping_refund', reason: 'Shipping refund', amount: `-${parts.shipping}`, tax_amount: '0.00' }] : [],
    transactions: [{ kind: 'refund', status: 'success', amount: parts.paid }],
  };
}

describe('Shopify ids in webhook bodies', () => {
  it('are refused, naming the field, past the bigint their columns hold or past the digits a JSON number keeps', () => {
    expect(bodyShopifyId(9_007_199_254_740_991, 'order id')).toBe('9007199254740991');
    expect(bodyShopifyId('9223372036854775807', 'order id')).toBe('9223372036854775807');
    expect(() => bodyShopifyId('9223372036854775808', 'order id')).toThrow('no valid order id');
    expect(() => bodyShopifyId('9999999999999999999', 'refund id')).toThrow('no valid refund id');
    expect(() => bodyShopifyId(9_007_199_254_740_993, 'order id')).toThrow('no valid order id');
    expect(() => bodyShopifyId(1.5, 'order id')).toThrow('no valid order id');
  });
});

describe('order points, exactly', () => {
  let gateway: TestGateway;
  let a: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', POINTS_JOBS_ENV);
    a = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  const newCustomer = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });
  const threeTimes = async (merchant: TestMerchant, topic: string, body: Record<string, unknown>) => {
    for (let i = 0; i < 3; i++) await deliverWebhook(gateway, merchant, topic, body);
  };
  const verify = async (merchant: TestMerchant) => (await gateway.gql<{ verifyLedger: { ok: boolean; mismatches: unknown[] } }>(VERIFY_LIFETIME, {}, merchant.auth)).data!.verifyLedger;
  const shape = (account: Account) => ({ ...account, history: account.history.nodes.map((n) => [n.kind, n.points]) });

  describe('a cancellation', () => {
    it('applied before its order earned (a retried orders/paid) leaves no points, each webhook delivered three times', async () => {
      const customer = await newCustomer(a);
      const orderId = shopifyId();
      await threeTimes(a, 'orders/cancelled', order(orderId, customer.shopifyId, { cancelled: true }));
      // The paid webhook was sent before the cancellation and is retried after it: its body is not cancelled.
      await threeTimes(a, 'orders/paid', order(orderId, customer.shopifyId));
      expect(shape(await pointsOf(gateway, a, customer.id))).toMatchObject({ balance: 0, pending: 0, lifetimeEarned: 0, history: [] });
      expect(await verify(a)).toEqual({ ok: true, mismatches: [] });
    });

    it('applied after its order earned reverses it once, each webhook delivered three times', async () => {
      const customer = await newCustomer(a);
      const orderId = shopifyId();
      await threeTimes(a, 'orders/paid', order(orderId, customer.shopifyId));
      await threeTimes(a, 'orders/cancelled', order(orderId, customer.shopifyId, { cancelled: true }));
      expect(shape(await pointsOf(gateway, a, customer.id))).toMatchObject({ balance: 0, pending: 0, lifetimeEarned: 0, history: [['REVERSE', -90], ['EARN', 90]] });
      expect(await verify(a)).toEqual({ ok: true, mismatches: [] });
    });

    it('racing its order\'s earn (both consumed at the same time) leaves no points, whichever goes first', async () => {
      const points = runtime(gateway, 'points');
      const orders = new OrderPointsService(new LedgerService(), new CustomerDirectory(), new PointsProgramService());
      const customer = await newCustomer(a);
      const consume = (apply: (ctx: RequestContext) => Promise<void>) => inMerchantTransaction(points, a.id, apply);
      for (let round = 0; round < 6; round++) {
        const orderId = shopifyId();
        const paid = orderEarningFacts(order(orderId, customer.shopifyId));
        const cancelled = orderEarningFacts(order(orderId, customer.shopifyId, { cancelled: true }));
        // The cancellation starts first in every other round, so both orders of arrival are raced.
        const steps = [() => consume((ctx) => orders.earn(ctx, paid)), () => consume((ctx) => orders.cancel(ctx, cancelled))];
        await Promise.all((round % 2 ? steps.reverse() : steps).map((step) => step()));
        // And orders/paid retried later still earns nothing.
        await consume((ctx) => orders.earn(ctx, paid));
      }
      const account = await pointsOf(gateway, a, customer.id);
      expect(account).toMatchObject({ balance: 0, pending: 0, lifetimeEarned: 0 });
      // Each earn that won its race is reversed once; none is left standing.
      const earns = account.history.nodes.filter((n) => n.kind === 'EARN');
      expect(account.history.nodes.filter((n) => n.kind === 'REVERSE').map((n) => n.points)).toEqual(earns.map(() => -90));
      expect(await verify(a)).toEqual({ ok: true, mismatches: [] });
    });
  });

  describe('a refund takes its share of the earning base', () => {
    /** A merchant with these rules, a customer, and one order of theirs paid and earned. */
    async function earned(rules: Record<string, unknown>, options: { taxesIncluded?: boolean } = {}): Promise<{ merchant: TestMerchant; customer: CreatedCustomer; orderId: string }> {
      const merchant = await createMerchant(gateway);
      if (Object.keys(rules).length) await setRules(gateway, merchant, rules);
      const customer = await newCustomer(merchant);
      const orderId = shopifyId();
      await deliverWebhook(gateway, merchant, 'orders/paid', order(orderId, customer.shopifyId, options));
      return { merchant, customer, orderId };
    }
    const balanceOf = async (merchant: TestMerchant, customer: CreatedCustomer) => (await pointsOf(gateway, merchant, customer.id)).balance;

    it('takes nothing back for a shipping-only refund when the base excludes shipping, and the shipping when it includes it', async () => {
      // 90 points: the lines after discount, no shipping, no tax.
      const without = await earned({});
      await deliverWebhook(gateway, without.merchant, 'refunds/create', refund(without.orderId, { shipping: '5.00', paid: '5.00' }));
      expect(await balanceOf(without.merchant, without.customer)).toBe(90);

      // 95 points with shipping in the base: its 5.00 refunded takes 5 back.
      const withShipping = await earned({ excludeShipping: false });
      expect(await balanceOf(withShipping.merchant, withShipping.customer)).toBe(95);
      await deliverWebhook(gateway, withShipping.merchant, 'refunds/create', refund(withShipping.orderId, { shipping: '5.00', paid: '5.00' }));
      expect(await balanceOf(withShipping.merchant, withShipping.customer)).toBe(90);
      expect(await verify(withShipping.merchant)).toEqual({ ok: true, mismatches: [] });
    });

    it('takes nothing back for a shipping-only refund that arrives before its order earned', async () => {
      const merchant = await createMerchant(gateway);
      const customer = await newCustomer(merchant);
      const orderId = shopifyId();
      await deliverWebhook(gateway, merchant, 'refunds/create', refund(orderId, { shipping: '5.00', paid: '5.00' }));
      await deliverWebhook(gateway, merchant, 'orders/paid', order(orderId, customer.shopifyId));
      expect(shape(await pointsOf(gateway, merchant, customer.id))).toMatchObject({ balance: 90, lifetimeEarned: 90, history: [['EARN', 90]] });
    });

    it('takes the share of the base a partial line refund returned, taxes as the earning rule counts them', async () => {
      const line = { subtotal: '45.00', tax: '9.50' };
      // One of two lines (45.00 after its discount) is half of a 90.00 base: 45 back, not 54.50/114.00 of it.
      const plain = await earned({});
      await deliverWebhook(gateway, plain.merchant, 'refunds/create', refund(plain.orderId, { lines: [line], paid: '54.50' }));
      expect(await balanceOf(plain.merchant, plain.customer)).toBe(45);

      // Taxes in the base (90 + 19 = 109): the line and its tax, 54.50, are half of it.
      const taxed = await earned({ excludeTaxes: false });
      expect(await balanceOf(taxed.merchant, taxed.customer)).toBe(109);
      await deliverWebhook(gateway, taxed.merchant, 'refunds/create', refund(taxed.orderId, { lines: [line], paid: '54.50' }));
      expect(await balanceOf(taxed.merchant, taxed.customer)).toBe(109 - 55);

      // Prices with tax included, taxes out of the base (119 − 19 = 100): the line's 59.50 holds 9.50 of tax, 50 back.
      const included = await earned({}, { taxesIncluded: true });
      expect(await balanceOf(included.merchant, included.customer)).toBe(100);
      await deliverWebhook(gateway, included.merchant, 'refunds/create', refund(included.orderId, { lines: [{ subtotal: '59.50', tax: '9.50' }], paid: '59.50' }));
      expect(await balanceOf(included.merchant, included.customer)).toBe(50);

      // Earned before discounts (100): the refunded line counts undiscounted, 50 of it.
      const undiscounted = await earned({ excludeDiscounts: false });
      expect(await balanceOf(undiscounted.merchant, undiscounted.customer)).toBe(100);
      await deliverWebhook(gateway, undiscounted.merchant, 'refunds/create', refund(undiscounted.orderId, { lines: [line], paid: '54.50' }));
      expect(await balanceOf(undiscounted.merchant, undiscounted.customer)).toBe(50);

      for (const merchant of [plain.merchant, taxed.merchant, included.merchant, undiscounted.merchant]) expect(await verify(merchant)).toEqual({ ok: true, mismatches: [] });
    });
  });
});
