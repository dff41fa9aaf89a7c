import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, inRequestTransaction, systemCaller } from '@loyalnest/kit';
import { randomInt, randomUUID } from 'node:crypto';
import { tierGdpr } from '../../subgraphs/tier/src/consumers/tier-gdpr.consumer.js';
import { TierCustomerKeyService } from '../../subgraphs/tier/src/services/tier-customer-key.service.js';
import { TierMemberService } from '../../subgraphs/tier/src/services/tier-member.service.js';
import { TierPrivacyService } from '../../subgraphs/tier/src/services/tier-privacy.service.js';
import { TierProgramService } from '../../subgraphs/tier/src/services/tier-program.service.js';
import { withOwnerDb } from './support/db.js';
import { completedRequest, requestIds, tablesWithRows } from './support/gdpr-requests.js';
import { eventually } from './support/events.js';
import { flowAction, postFlowAction } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { customerIdOf, deliver, paidOrder, refundBody, saveProgram, TIER_EVENTS_ENV, tierSettled } from './support/tier-members.js';
import { createMerchant, runtime, type TestMerchant } from './support/tenants.js';

const EXPORT = `query($id: ID!) { gdprExport(id: $id) }`;

/** The tier store's tables keyed by customer. */
const CUSTOMER_TABLES = ['tier_member', 'tier_change', 'tier_bonus', 'tier_order', 'tier_qualification', 'tier_customer', 'flow_action_run'];

/** A Shopify id no other test uses (16 digits, below 2^53). */
function uniqueShopifyId(): string {
  return (1_000_000_000_000_000n + BigInt(randomInt(2 ** 47)) * 31n).toString();
}

interface Shopper {
  shopifyId: string;
  customerId: string;
  orders: string[];
}

/** Rows per customer-keyed table of the customer (and rows of their orders, whoever they count for). */
async function tierRowsOf(merchant: TestMerchant, shopper: Shopper): Promise<Record<string, number>> {
  return withOwnerDb('tier', async (db) => {
    const counts: Record<string, number> = {};
    for (const table of CUSTOMER_TABLES) {
      const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${table} where merchant_id = $1 and customer_id = $2`, [merchant.id, shopper.customerId]);
      counts[table] = rows[0].n;
    }
    const { rows } = await db.query<{ n: number }>(
      "select (select count(*) from tier_order where merchant_id = $1 and order_id = any($2)) + (select count(*) from tier_qualification where merchant_id = $1 and subject = any(select 'order:' || o from unnest($2::text[]) o))::int as n",
      [merchant.id, shopper.orders],
    );
    counts.orders = Number(rows[0].n);
    return counts;
  });
}

/** Everything the tier store holds of the merchant, as one digest: what another customer's redaction must leave as it was. */
async function digestOf(merchant: TestMerchant, except: Shopper[]): Promise<string> {
  return withOwnerDb('tier', async (db) => {
    const parts: string[] = [];
    for (const table of CUSTOMER_TABLES) {
      const { rows } = await db.query<{ d: string | null }>(
        // Not when a member was last evaluated or touched, which says nothing about what it holds.
        `select string_agg((to_jsonb(t) - 'evaluated_at' - 'updated_at')::text, ',' order by (to_jsonb(t) - 'evaluated_at' - 'updated_at')::text) as d from ${table} t where merchant_id = $1 and not (customer_id = any($2::uuid[]))`,
        [merchant.id, except.map((s) => s.customerId)],
      );
      parts.push(`${table}:${rows[0].d ?? ''}`);
    }
    return parts.join('|');
  });
}

const NOTHING = Object.fromEntries([...CUSTOMER_TABLES, 'orders'].map((t) => [t, 0]));

describe('GDPR in the tier domain', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let tiersA: Record<string, string>;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { ...TIER_EVENTS_ENV, EVENTS_ATTEMPTS: '3' });
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    const program: [string, number, number?][] = [['Bronze', 0], ['Silver', 2, 10], ['Gold', 5, 30]];
    [tiersA] = await Promise.all([saveProgram(gateway, a, { metric: 'ORDERS_COUNT' }, program), saveProgram(gateway, b, { metric: 'ORDERS_COUNT' }, program)]);
  });
  afterAll(() => gateway.stop());

  /** A customer with three paid orders (one partly refunded: Silver), then assigned Gold by a Flow action run: a tier, history, bonuses, orders, ledger and a run. */
  async function shopperWithTier(merchant: TestMerchant, shopifyId = uniqueShopifyId(), tier = 'Gold'): Promise<Shopper> {
    const orders = [uniqueShopifyId(), uniqueShopifyId(), uniqueShopifyId()];
    await deliver(gateway, merchant, 'customers/create', { id: Number(shopifyId), email: `tier-${shopifyId}@example.com`, first_name: 'Tier' });
    for (const order of orders) await deliver(gateway, merchant, 'orders/paid', paidOrder(order, shopifyId, '12.00'));
    await deliver(gateway, merchant, 'refunds/create', refundBody(uniqueShopifyId(), orders[0], '2.00'));
    await tierSettled(merchant);
    const customerId = await customerIdOf(gateway, merchant, shopifyId);
    const assigned = await postFlowAction(new URL(gateway.url).origin, gateway.config.kit.shopify.apiSecret, 'change-tier', flowAction(merchant.shop, 'change-tier', { customer_id: shopifyId, tier }));
    expect(assigned.status).toBe(200);
    return { shopifyId, customerId, orders };
  }

  async function goldMembers(merchant: TestMerchant): Promise<number> {
    const result = await gateway.gql<{ tierDistribution: { tiers: { tier: { name: string }; members: number }[] } }>(`query { tierDistribution { tiers { tier { name } members } } }`, {}, merchant.auth);
    if (result.errors?.length || !result.data) throw new Error(`tierDistribution failed: ${JSON.stringify(result.errors)}`);
    return result.data.tierDistribution.tiers.find((t) => t.tier.name === 'Gold')!.members;
  }

  async function redact(merchant: TestMerchant, shopper: Shopper, ordersToRedact: string[] = []): Promise<void> {
    const known = await requestIds(gateway, merchant);
    await deliver(gateway, merchant, 'customers/redact', { shop_domain: merchant.shop, customer: { id: Number(shopper.shopifyId), email: null, phone: null }, orders_to_redact: ordersToRedact.map(Number) });
    await completedRequest(gateway, merchant, 'CUSTOMER_REDACT', known);
  }

  it("customers/redact removes every tier row of the customer and the orders Shopify names; other customers' rows, and the same Shopify id at another merchant, stay", async () => {
    // given a customer with a tier, history, bonuses, orders and a Flow run, another customer of A, and the same Shopify id at B
    const shopper = await shopperWithTier(a);
    const other = await shopperWithTier(a);
    const atB = await shopperWithTier(b, shopper.shopifyId);
    const before = await tierRowsOf(a, shopper);
    // each order: its tier_order row and two ledger rows (amount spent, order count)
    expect(before).toMatchObject({ tier_member: 1, tier_customer: 1, flow_action_run: 1, tier_order: 3, orders: 3 * 3 });
    expect(before.tier_change).toBeGreaterThanOrEqual(2);
    expect(before.tier_bonus).toBe(2);
    const othersBefore = await digestOf(a, [shopper]);
    const bBefore = await digestOf(b, []);
    const goldBefore = await goldMembers(a);

    // when Shopify asks to redact them and one of their orders (the tier part racing the customer domain's)
    await redact(a, shopper, [shopper.orders[1]]);

    // then nothing of theirs is left in the tier store, and everyone else's is as it was
    expect(await tierRowsOf(a, shopper)).toEqual(NOTHING);
    expect(await digestOf(a, [shopper])).toBe(othersBefore);
    expect(await digestOf(b, [])).toBe(bBefore);
    expect((await tierRowsOf(b, atB)).tier_member).toBe(1);
    expect((await tierRowsOf(a, other)).tier_member).toBe(1);
    // and tierDistribution no longer counts them
    expect(await goldMembers(a)).toBe(goldBefore - 1);
  });

  it("finds the customer by its own record when the customer domain's redaction ran first and no longer knows them", async () => {
    const shopper = await shopperWithTier(a);
    // given the customer domain has erased its side already (its redaction deletes the customer row), so it cannot name them
    await withOwnerDb('customer', (db) => db.query('delete from customer where merchant_id = $1 and id = $2', [a.id, shopper.customerId]));
    const lookup = await gateway.gql<{ customerByShopifyId: unknown }>(`query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }`, { id: shopper.shopifyId }, a.auth);
    expect(lookup.data).toEqual({ customerByShopifyId: null });

    await redact(a, shopper, shopper.orders);

    expect(await tierRowsOf(a, shopper)).toEqual(NOTHING);
  });

  it('finds the customer through the customer subgraph when its part runs first, for a member the tier store holds no Shopify link for', async () => {
    const shopper = await shopperWithTier(a);
    const other = await shopperWithTier(a);
    const othersBefore = await digestOf(a, [shopper]);
    // given a member recorded before the tier store kept Shopify links
    await withOwnerDb('tier', (db) => db.query('delete from tier_customer where merchant_id = $1 and customer_id = $2', [a.id, shopper.customerId]));

    // when the tier domain's part runs while the customer domain still knows the customer
    const tier = runtime(gateway, 'tier');
    const participant = tierGdpr(new TierCustomerKeyService(gateway.config.kit.blindIndexKey), new TierPrivacyService(new TierMemberService(new TierProgramService())));
    const ctx = tier.createContext(systemCaller(ADMIN_SCOPES, a.id));
    await inRequestTransaction(ctx, () => participant.redactCustomer!(ctx, { requestId: randomUUID(), shopifyCustomerId: shopper.shopifyId, email: null, ordersToRedact: [] }));

    // then their rows are gone, the others' stay
    expect(await tierRowsOf(a, shopper)).toMatchObject({ tier_member: 0, tier_change: 0, tier_bonus: 0, tier_order: 0, tier_qualification: 0, flow_action_run: 0 });
    expect(await digestOf(a, [shopper])).toBe(othersBefore);
    expect((await tierRowsOf(a, other)).tier_member).toBe(1);
  });

  it('erases a member with no Shopify link whichever part runs first (the customer domain announces its redaction with customer.redacted)', async () => {
    const shopper = await shopperWithTier(a);
    await withOwnerDb('tier', (db) => db.query('delete from tier_customer where merchant_id = $1 and customer_id = $2', [a.id, shopper.customerId]));

    await redact(a, shopper);

    await eventually(async () => (await tierRowsOf(a, shopper)).tier_member === 0, 15_000, 'the member erased');
    expect(await tierRowsOf(a, shopper)).toEqual(NOTHING);
  });

  it('customers/data_request exports their tier, since, assignment, history, bonuses, orders and qualification entries, of that merchant only', async () => {
    const shopper = await shopperWithTier(a);
    await shopperWithTier(b, shopper.shopifyId);
    const known = await requestIds(gateway, a);

    await deliver(gateway, a, 'customers/data_request', { shop_domain: a.shop, customer: { id: Number(shopper.shopifyId), email: null }, orders_requested: shopper.orders.map(Number), data_request: { id: 1 } });
    const id = await completedRequest(gateway, a, 'CUSTOMER_DATA_REQUEST', known);
    const result = await gateway.gql<{ gdprExport: { tier: { customers: Record<string, unknown>[] } } }>(EXPORT, { id }, a.auth);
    expect(result.errors).toBeUndefined();

    const { customers } = result.data!.gdprExport.tier;
    expect(customers).toHaveLength(1);
    const [record] = customers as [Record<string, unknown> & { history: unknown[]; qualification: { subject: string }[] }];
    expect(record).toMatchObject({
      customerId: shopper.customerId,
      tier: { id: tiersA.Gold, name: 'Gold' },
      since: expect.any(String),
      qualifiedTier: { id: tiersA.Silver, name: 'Silver' },
      metricValue: 3,
      assignment: { tier: { id: tiersA.Gold, name: 'Gold' }, until: null, by: expect.stringMatching(/^flow:/) },
      bonuses: expect.arrayContaining([expect.objectContaining({ tier: { id: tiersA.Silver, name: 'Silver' }, points: 10 }), expect.objectContaining({ tier: { id: tiersA.Gold, name: 'Gold' }, points: 30 })]),
      orders: expect.arrayContaining(shopper.orders.map((o) => expect.objectContaining({ shopifyOrderId: o, paid: true }))),
      flowActionRuns: [expect.objectContaining({ handle: 'change-tier' })],
    });
    expect(record.history).toEqual(expect.arrayContaining([expect.objectContaining({ to: { id: tiersA.Gold, name: 'Gold' }, direction: 'up', reason: 'assigned' })]));
    expect(record.qualification.map((q) => q.subject)).toEqual(expect.arrayContaining(shopper.orders.map((o) => `order:${o}`)));
    expect(JSON.stringify(record)).not.toContain(b.id);
  });

  it('shop/redact still removes every tier row of the merchant, the new tables included, and no other merchant loses a row', async () => {
    const doomed = await createMerchant(gateway);
    await saveProgram(gateway, doomed, { metric: 'ORDERS_COUNT' }, [['Bronze', 0], ['Silver', 2, 10]]);
    await shopperWithTier(doomed, uniqueShopifyId(), 'Silver');
    expect(await tablesWithRows('tier', doomed.id)).toEqual(expect.arrayContaining(['flow_action_run', 'tier_customer', 'tier_member', 'tier_order', 'tier_qualification', 'tier_change', 'tier_bonus']));
    const aBefore = await digestOf(a, []);

    await deliver(gateway, doomed, 'shop/redact', { shop_id: 1, shop_domain: doomed.shop });
    await eventually(async () => (await tablesWithRows('tier', doomed.id)).length === 0, 20_000, 'every tier row of the merchant gone').catch(async (error: Error) => {
      throw new Error(`${error.message}; left: ${(await tablesWithRows('tier', doomed.id)).join(', ')}`);
    });
    expect(await digestOf(a, [])).toBe(aBefore);
  });
});
