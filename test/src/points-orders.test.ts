import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { pointsOf, VERIFY, type Account } from './support/points.js';
import { postWebhook } from './support/webhooks.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };

const RULES = `mutation($input: UpdateEarningRulesInput!) { updateEarningRules(input: $input) { earnOn pointsPerCurrencyUnit pendingDays allowNegativeBalance } }`;
const CUSTOMER_ID = `query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }`;

/** An order as Shopify sends it: 100.00 of goods, 10.00 discount, 5.00 shipping, 19.00 tax on top. */
function order(id: string, customerId: string, options: { cancelled?: boolean; lineItems?: string } = {}) {
  const lineItems = Number(options.lineItems ?? '100.00');
  return {
    id: Number(id),
    total_line_items_price: lineItems.toFixed(2),
    total_discounts: '10.00',
    total_shipping_price_set: { shop_money: { amount: '5.00', currency_code: 'EUR' } },
    total_tax: '19.00',
    taxes_included: false,
    total_price: (lineItems - 10 + 5 + 19).toFixed(2),
    financial_status: 'paid',
    processed_at: '2026-11-20T10:00:00Z',
    created_at: '2026-11-20T10:00:00Z',
    updated_at: '2026-11-20T10:00:00Z',
    cancelled_at: options.cancelled ? '2026-11-21T10:00:00Z' : null,
    customer: { id: Number(customerId), email: `buyer-${customerId}@example.com`, first_name: 'Order', last_name: 'Snapshot' },
  };
}

function refund(id: string, orderId: string, amount: string) {
  return { id: Number(id), order_id: Number(orderId), created_at: '2026-11-22T10:00:00Z', transactions: [{ kind: 'refund', status: 'success', amount }] };
}

describe.each<Mode>(['embedded', 'networked'])('points from Shopify orders (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, EVENTS_ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  async function deliver(merchant: TestMerchant, topic: string, body: Record<string, unknown>, eventId = randomUUID()): Promise<string> {
    const status = await postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic, eventId, body });
    expect(status).toBe(200);
    return eventId;
  }

  /** Waits until every delivery is processed, i.e. applied by every domain that consumes its topic. */
  async function processed(merchant: TestMerchant, eventIds: string[]): Promise<void> {
    await eventually(
      async () => {
        const { rows } = await withOwnerDb('merchant', (c) => c.query<{ status: string }>('select status from webhook_delivery where merchant_id = $1 and event_id = any($2)', [merchant.id, eventIds]));
        return rows.length === eventIds.length && rows.every((r) => r.status === 'processed');
      },
      20_000,
      `${eventIds.length} deliveries processed`,
    );
  }

  async function customerIdOf(merchant: TestMerchant, shopify: string): Promise<string> {
    const result = await gateway.gql<{ customerByShopifyId: { id: string } }>(CUSTOMER_ID, { id: shopify }, merchant.auth);
    return result.data!.customerByShopifyId.id;
  }

  async function settledPoints(merchant: TestMerchant, eventIds: string[], shopifyCustomerId: string): Promise<Account> {
    await processed(merchant, eventIds);
    // A delivery is processed once the order is earned or parked; a parked order (its customer not
    // yet known to points) is earned when customer.created arrives, deleting the parked row in the
    // same transaction.
    await eventually(
      async () => {
        const { rows } = await withOwnerDb('points', (c) => c.query('select 1 from points_parked_order where merchant_id = $1 and shopify_customer_id = $2', [merchant.id, shopifyCustomerId]));
        return rows.length === 0;
      },
      20_000,
      `no parked order of customer ${shopifyCustomerId}`,
    );
    return pointsOf(gateway, merchant, await customerIdOf(merchant, shopifyCustomerId));
  }

  it('earns once for an order paid twice, reverses a partial refund in proportion, and reverses the rest on cancellation', async () => {
    const buyer = shopifyId();
    const orderId = shopifyId();
    // 100 goods − 10 discount = 90 points at 1 per euro: shipping and taxes excluded by default.
    const paid = await deliver(a, 'orders/paid', order(orderId, buyer));
    const again = await deliver(a, 'orders/paid', order(orderId, buyer));
    let account = await settledPoints(a, [paid, again], buyer);
    expect(account).toMatchObject({ balance: 90, pending: 0, lifetimeEarned: 90 });

    // 57.00 of the 114.00 paid is half: 45 points go back.
    const refunded = await deliver(a, 'refunds/create', refund(shopifyId(), orderId, '57.00'));
    account = await settledPoints(a, [refunded], buyer);
    expect(account).toMatchObject({ balance: 45, lifetimeEarned: 45 });

    const cancelled = await deliver(a, 'orders/cancelled', order(orderId, buyer, { cancelled: true }));
    const cancelledAgain = await deliver(a, 'orders/cancelled', order(orderId, buyer, { cancelled: true }));
    account = await settledPoints(a, [cancelled, cancelledAgain], buyer);
    expect(account).toMatchObject({ balance: 0, pending: 0, lifetimeEarned: 0 });
    expect(account.history.nodes.map((n) => [n.kind, n.source, n.points, n.orderId])).toEqual([
      ['REVERSE', 'ORDER', -45, orderId],
      ['REVERSE', 'ORDER', -45, orderId],
      ['EARN', 'ORDER', 90, orderId],
    ]);
    const verified = await gateway.gql<{ verifyLedger: { ok: boolean } }>(VERIFY, {}, a.auth);
    expect(verified.data!.verifyLedger.ok).toBe(true);
  });

  it('reverses a refund that arrived before its order earned, once the order does', async () => {
    const buyer = shopifyId();
    const orderId = shopifyId();
    const early = await deliver(a, 'refunds/create', refund(shopifyId(), orderId, '114.00'));
    await processed(a, [early]);
    const paid = await deliver(a, 'orders/paid', order(orderId, buyer));
    const account = await settledPoints(a, [paid], buyer);
    expect(account).toMatchObject({ balance: 0, lifetimeEarned: 0 });
    expect(account.history.nodes.map((n) => [n.kind, n.points])).toEqual([
      ['REVERSE', -90],
      ['EARN', 90],
    ]);
  });

  it('follows the merchant\'s rules: earning on created orders, with shipping and taxes, at 1.5 points per euro', async () => {
    const merchant = await createMerchant(gateway);
    const rules = await gateway.gql(RULES, { input: { earnOn: 'CREATED', excludeShipping: false, excludeTaxes: false, pointsPerCurrencyUnit: 1.5 } }, merchant.auth);
    expect(rules.errors).toBeUndefined();
    const buyer = shopifyId();
    const first = shopifyId();
    const created = await deliver(merchant, 'orders/create', order(first, buyer));
    const paid = await deliver(merchant, 'orders/paid', order(first, buyer));
    // (100 − 10 + 5 + 19) × 1.5 = 171, earned on creation; paying it earns nothing more.
    const account = await settledPoints(merchant, [created, paid], buyer);
    expect(account).toMatchObject({ balance: 171, lifetimeEarned: 171 });
    expect(account.history.nodes).toHaveLength(1);
  });

  it('holds points as pending when the merchant says so, and a refund takes them from pending first', async () => {
    const merchant = await createMerchant(gateway);
    await gateway.gql(RULES, { input: { pendingDays: 14 } }, merchant.auth);
    const buyer = shopifyId();
    const orderId = shopifyId();
    const paid = await deliver(merchant, 'orders/paid', order(orderId, buyer));
    let account = await settledPoints(merchant, [paid], buyer);
    expect(account).toMatchObject({ balance: 0, pending: 90, lifetimeEarned: 90 });
    const refunded = await deliver(merchant, 'refunds/create', refund(shopifyId(), orderId, '57.00'));
    account = await settledPoints(merchant, [refunded], buyer);
    expect(account).toMatchObject({ balance: 0, pending: 45, lifetimeEarned: 45 });
    expect(account.history.nodes.every((n) => n.status === 'PENDING')).toBe(true);
  });

  it('takes back only what a customer still has unless negative balances are allowed', async () => {
    const merchant = await createMerchant(gateway);
    const buyer = shopifyId();
    const spent = shopifyId();
    const paid = await deliver(merchant, 'orders/paid', order(spent, buyer));
    const customerId = (await settledPoints(merchant, [paid], buyer)) && (await customerIdOf(merchant, buyer));
    const deduct = await gateway.gql(`mutation($input: DeductPointsInput!) { deductPoints(input: $input) { __typename } }`, { input: { customerId, points: 80 } }, merchant.auth);
    expect(deduct.data).toEqual({ deductPoints: { __typename: 'PointsChange' } });
    const cancelled = await deliver(merchant, 'orders/cancelled', order(spent, buyer, { cancelled: true }));
    let account = await settledPoints(merchant, [cancelled], buyer);
    expect(account.balance).toBe(0);

    await gateway.gql(RULES, { input: { allowNegativeBalance: true } }, merchant.auth);
    const second = shopifyId();
    const paidAgain = await deliver(merchant, 'orders/paid', order(second, buyer));
    await settledPoints(merchant, [paidAgain], buyer);
    await gateway.gql(`mutation($input: DeductPointsInput!) { deductPoints(input: $input) { __typename } }`, { input: { customerId, points: 80 } }, merchant.auth);
    const cancelledAgain = await deliver(merchant, 'orders/cancelled', order(second, buyer, { cancelled: true }));
    account = await settledPoints(merchant, [cancelledAgain], buyer);
    expect(account.balance).toBe(-80);
    const blocked = await gateway.gql<{ deductPoints: { __typename: string } }>(`mutation($input: DeductPointsInput!) { deductPoints(input: $input) { __typename } }`, { input: { customerId, points: 1 } }, merchant.auth);
    expect(blocked.data!.deductPoints.__typename).toBe('InsufficientPointsError');
  });

  it('keeps merchants apart: the same Shopify order and customer ids at another merchant earn there only', async () => {
    const buyer = shopifyId();
    const orderId = shopifyId();
    const atA = await deliver(a, 'orders/paid', order(orderId, buyer));
    const atB = await deliver(b, 'orders/paid', order(orderId, buyer, { lineItems: '50.00' }));
    expect((await settledPoints(a, [atA], buyer)).balance).toBe(90);
    expect((await settledPoints(b, [atB], buyer)).balance).toBe(40);
    const refundAtB = await deliver(b, 'refunds/create', refund(shopifyId(), orderId, '64.00'));
    expect((await settledPoints(b, [refundAtB], buyer)).balance).toBe(0);
    expect((await pointsOf(gateway, a, await customerIdOf(a, buyer))).balance).toBe(90);
  });
});
