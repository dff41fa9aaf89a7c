import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from 'graphql-ws';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { connectLive, type LiveConnection, type LiveSubscription } from './support/live.js';
import { pointsOf, shopperAuth, type Account } from './support/points.js';
import { createMerchant, shopifyId, type TestMerchant } from './support/tenants.js';
import { tierInput, updateTierProgram } from './support/tiers.js';
import { customerIdOf, deliver, paidOrder, refundBody, saveProgram, TIER_EVENTS_ENV, tierSettled } from './support/tier-members.js';

const TIER_OF = `query($id: ID!) {
  customer(id: $id) { id tier { current { id name } progress { metric value nextTier { name } deltaToNext } history(first: 10) { nodes { from { name } to { name } direction reason } } } }
}`;
const DISTRIBUTION = `query { tierDistribution { tiers { tier { name } members } withoutTier total } }`;
const TIER_CHANGED = `subscription($customerId: ID) { tierChanged(customerId: $customerId) { fromTierId toTierId direction reason customer { id tier { current { name } } } } }`;
const ASSIGN = `mutation($input: AssignTierInput!) { assignTier(input: $input) { __typename ... on InvalidTierAssignmentError { field } } }`;

/** Long enough for a subscription to be listening before anything is published. */
const SETTLE_MS = 500;

interface Membership {
  current: { id: string; name: string } | null;
  progress: { metric: string; value: number; nextTier: { name: string } | null; deltaToNext: number | null };
  history: { nodes: { from: { name: string } | null; to: { name: string } | null; direction: string; reason: string }[] };
}

interface TierChange {
  fromTierId: string | null;
  toTierId: string | null;
  direction: string;
  reason: string;
  customer: { id: string; tier: { current: { name: string } | null } };
}

/**
 * VIP tiers end to end across the domains, from signed Shopify webhooks only: the customer domain
 * records the orders, the points domain earns on them, the tier domain places the customer from
 * its events, the points domain pays the entry bonus and multiplies later earns, and the gateway
 * shows it all (queries and the live `tierChanged`) to the merchant and the shopper, and nothing of
 * it to another merchant.
 */
describe.each<Mode>(['embedded', 'networked'])('VIP tiers across domains, from order webhooks (%s)', (mode) => {
  let gateway: TestGateway;
  const open: LiveConnection[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway(mode, TIER_EVENTS_ENV);
  });
  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    await gateway?.stop();
  });

  const subscribe = (auth: Record<string, string>, variables?: Record<string, unknown>): LiveSubscription => {
    const connection = connectLive(gateway.url, auth.authorization);
    open.push(connection);
    return connection.subscribe(TIER_CHANGED, variables);
  };

  async function tierOf(merchant: TestMerchant, customerId: string, auth = merchant.auth): Promise<Membership> {
    const result = await gateway.gql<{ customer: { tier: Membership } | null }>(TIER_OF, { id: customerId }, auth);
    expect(result.errors).toBeUndefined();
    return result.data!.customer!.tier;
  }

  /** The customer's points once `ready` holds (the points domain works from its own queue). */
  const pointsWhen = (merchant: TestMerchant, customerId: string, ready: (a: Account) => boolean, what: string): Promise<Account> =>
    eventually(async () => {
      const account = await pointsOf(gateway, merchant, customerId);
      return ready(account) ? account : undefined;
    }, 30_000, what);

  /** The tier the points account of the customer multiplies by (points store, as the owner: read only). */
  const accountTierOf = async (merchant: TestMerchant, customerId: string): Promise<string | null | undefined> =>
    (await withOwnerDb('points', (db) => db.query<{ tier_id: string | null }>('select tier_id from points_account where merchant_id = $1 and customer_id = $2', [merchant.id, customerId]))).rows[0]?.tier_id;

  /** The points of the account's earns from `source` (ORDER, TIER), in history order. */
  const sources = (account: Account, source: string) => account.history.nodes.filter((n) => n.kind === 'EARN' && n.source === source).map((n) => n.points);

  /** The demo shop's program (\`seedTiers\`): points earned over a rolling 12 months, 30 days of grace; the tier ids by name. */
  async function demoProgram(merchant: TestMerchant): Promise<Record<string, string>> {
    const saved = await updateTierProgram(gateway, merchant.auth, {
      metric: 'POINTS_EARNED',
      period: 'ROLLING_MONTHS',
      rollingMonths: 12,
      graceDays: 30,
      tiers: [tierInput('Bronze', 0), tierInput('Silver', 500, { earnMultiplier: 1.25, entryBonusPoints: 50 }), tierInput('Gold', 1500, { earnMultiplier: 1.5, entryBonusPoints: 150 })],
    });
    if (saved.__typename !== 'TierProgram') throw new Error(`program refused: ${JSON.stringify(saved)}`);
    return Object.fromEntries(saved.tiers.map((t) => [t.name, t.id]));
  }

  /** The next change of the subscription to `toTierId`; a first placement in the lowest tier (`skip`), committed before, may come first. */
  async function changeTo(subscription: LiveSubscription, toTierId: string, skip: string): Promise<TierChange> {
    for (;;) {
      const event: ExecutionResult = await subscription.next(20_000);
      expect(event.errors).toBeUndefined();
      const change = (event.data as { tierChanged: TierChange }).tierChanged;
      if (change.toTierId === toTierId) return change;
      expect(change).toMatchObject({ fromTierId: null, toTierId: skip });
    }
  }

  /** Merchant B, with the same program, sees nothing of A's customer: not its tier, not in its distribution, not assignable. */
  async function expectInvisibleToOther(b: TestMerchant, customerId: string): Promise<void> {
    const read = await gateway.gql<{ customer: unknown }>(TIER_OF, { id: customerId }, b.auth);
    expect(read.data?.customer ?? null).toBeNull();
    const distribution = await gateway.gql<{ tierDistribution: { total: number } }>(DISTRIBUTION, {}, b.auth);
    expect(distribution.data!.tierDistribution.total).toBe(0);
    const assign = await gateway.gql<{ assignTier: { __typename: string; field?: string } }>(ASSIGN, { input: { customerId, tierId: null } }, b.auth);
    expect(assign.data!.assignTier).toEqual({ __typename: 'InvalidTierAssignmentError', field: 'customerId' });
    // B's shopper naming A's customer in their own token reads nothing of it either
    const shopperOfB = await gateway.gql<{ customer: unknown }>(TIER_OF, { id: customerId }, await shopperAuth(gateway, b, customerId));
    expect(shopperOfB.data?.customer ?? null).toBeNull();
  }

  it("points earned, rolling 12 months (the demo's program): Silver once from orders, its bonus once, the next order earns × 1.25; duplicates and reordering change nothing", async () => {
    // given the demo's program in merchant A, and the same in B
    const [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    const aTiers = await demoProgram(a);
    await demoProgram(b);

    // and a customer created by a first order of 300.00: 300 points, Bronze
    const shopify = shopifyId();
    await deliver(gateway, a, 'orders/paid', paidOrder(shopifyId(), shopify, '300.00'));
    await tierSettled(a);
    const customerId = await customerIdOf(gateway, a, shopify);
    expect((await tierOf(a, customerId)).current?.name).toBe('Bronze');

    const shopper = subscribe(await shopperAuth(gateway, a, customerId));
    const otherAdmin = subscribe(b.auth);
    await otherAdmin.nothingFor(SETTLE_MS);
    // a shopper token of merchant B naming A's customer follows nothing
    const otherShopper = await subscribe(await shopperAuth(gateway, b, customerId)).next();
    expect(otherShopper.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // when the second order (250.00: 550 points) arrives as Shopify may send it: paid twice under one event id,
    // then its creation (pending) after it, then paid again under another event id
    const secondId = shopifyId();
    const second = paidOrder(secondId, shopify, '250.00');
    const eventId = randomUUID();
    await Promise.all([deliver(gateway, a, 'orders/paid', second, eventId), deliver(gateway, a, 'orders/paid', second, eventId)]);
    await deliver(gateway, a, 'orders/create', { ...second, financial_status: 'pending' });
    await deliver(gateway, a, 'orders/paid', second);
    await tierSettled(a);

    // then Silver, through the gateway, once
    const silver = await tierOf(a, customerId);
    expect(silver.current).toEqual({ id: aTiers.Silver, name: 'Silver' });
    expect(silver.progress).toEqual({ metric: 'POINTS_EARNED', value: 550, nextTier: { name: 'Gold' }, deltaToNext: 950 });
    expect(silver.history.nodes).toEqual([
      { from: { name: 'Bronze' }, to: { name: 'Silver' }, direction: 'UP', reason: 'QUALIFIED' },
      { from: null, to: { name: 'Bronze' }, direction: 'UP', reason: 'QUALIFIED' },
    ]);
    // and the shopper saw it live
    expect(await changeTo(shopper, aTiers.Silver, aTiers.Bronze)).toEqual({
      fromTierId: aTiers.Bronze,
      toTierId: aTiers.Silver,
      direction: 'up',
      reason: 'qualified',
      customer: { id: customerId, tier: { current: { name: 'Silver' } } },
    });
    // and the entry bonus is in the points history once, the order earned once
    const afterSilver = await pointsWhen(a, customerId, (p) => sources(p, 'TIER').length > 0, 'the Silver entry bonus');
    expect(sources(afterSilver, 'TIER')).toEqual([50]);
    expect(sources(afterSilver, 'ORDER').sort((x, y) => x - y)).toEqual([250, 300]);

    // when the next order comes (101.00)
    await deliver(gateway, a, 'orders/paid', paidOrder(shopifyId(), shopify, '101.00'));
    await tierSettled(a);

    // then it earns 101 × 1.25 = 126.25, rounded down by the program's default rule: 126
    const afterNext = await pointsWhen(a, customerId, (p) => sources(p, 'ORDER').length === 3, 'the third order earned');
    expect(sources(afterNext, 'ORDER').sort((x, y) => x - y)).toEqual([126, 250, 300]);
    expect(sources(afterNext, 'TIER')).toEqual([50]);
    expect(afterNext.balance).toBe(300 + 250 + 50 + 126);
    // tier bonuses never count towards the metric: 300 + 250 + 126
    expect((await tierOf(a, customerId)).progress.value).toBe(676);

    // and nothing of it reached merchant B's shopper or admin, nor is visible to B
    await Promise.all([otherAdmin, shopper].map((s) => s.nothingFor(SETTLE_MS)));
    await expectInvisibleToOther(b, customerId);
  }, 120_000);

  it('amount spent (paid orders net of refunds), lifetime, replace by metric: a refund below the threshold downgrades, the next earn uses the lower multiplier, and re-entering pays no second bonus', async () => {
    // given Bronze (0, × 1), Silver (100.00 spent, × 1.5, 25 points) and Gold (1000.00, × 2)
    const [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    const program = { metric: 'AMOUNT_SPENT', period: 'LIFETIME', downgradePolicy: 'REPLACE_BY_METRIC' };
    const tiers = await saveProgram(gateway, a, program, [['Bronze', 0], ['Silver', 100, 25], ['Gold', 1000, 100]]);
    await saveProgram(gateway, b, program, [['Bronze', 0], ['Silver', 100, 25], ['Gold', 1000, 100]]);
    const shopify = shopifyId();
    await deliver(gateway, a, 'orders/paid', paidOrder(shopifyId(), shopify, '60.00'));
    await tierSettled(a);
    const customerId = await customerIdOf(gateway, a, shopify);
    const shopper = subscribe(await shopperAuth(gateway, a, customerId));
    const admin = subscribe(a.auth, { customerId });
    const otherAdmin = subscribe(b.auth);
    await Promise.all([shopper, admin, otherAdmin].map((s) => s.nothingFor(SETTLE_MS)));

    // when a second order of 50.50 is paid (110.50 spent): Silver
    const secondId = shopifyId();
    await deliver(gateway, a, 'orders/paid', paidOrder(secondId, shopify, '50.50'));
    await tierSettled(a);
    expect(await tierOf(a, customerId)).toMatchObject({ current: { name: 'Silver' }, progress: { metric: 'AMOUNT_SPENT', value: 110.5 } });
    expect(await changeTo(shopper, tiers.Silver, tiers.Bronze)).toMatchObject({ direction: 'up', reason: 'qualified' });
    expect(await changeTo(admin, tiers.Silver, tiers.Bronze)).toMatchObject({ direction: 'up', customer: { id: customerId, tier: { current: { name: 'Silver' } } } });
    await pointsWhen(a, customerId, (p) => sources(p, 'TIER').length > 0, 'the Silver entry bonus');

    // and a third of 33.00 earns 33 × 1.5 = 49.5, rounded down: 49
    await deliver(gateway, a, 'orders/paid', paidOrder(shopifyId(), shopify, '33.00'));
    await tierSettled(a);
    await pointsWhen(a, customerId, (p) => sources(p, 'ORDER').includes(49), 'the third order earned at × 1.5');

    // when 50.50 of the second order is refunded (93.00 spent, net of the refund), delivered twice under one event id
    const refund = refundBody(shopifyId(), secondId, '50.50');
    const refundEvent = randomUUID();
    await Promise.all([deliver(gateway, a, 'refunds/create', refund, refundEvent), deliver(gateway, a, 'refunds/create', refund, refundEvent)]);
    await tierSettled(a);

    // then Bronze at once, live too
    const bronze = await tierOf(a, customerId);
    expect(bronze).toMatchObject({ current: { name: 'Bronze' }, progress: { value: 93, nextTier: { name: 'Silver' }, deltaToNext: 7 } });
    expect(bronze.history.nodes[0]).toEqual({ from: { name: 'Silver' }, to: { name: 'Bronze' }, direction: 'DOWN', reason: 'METRIC_LOWERED' });
    expect(bronze.history.nodes).toHaveLength(3);
    expect(await shopper.next(20_000)).toMatchObject({ data: { tierChanged: { fromTierId: tiers.Silver, toTierId: tiers.Bronze, direction: 'down', reason: 'metric_lowered' } } });

    // and the following order of 33.00 earns at × 1 again: 33. The API shows no account's multiplier, so the
    // wait for the points domain to have applied the downgrade reads its account row (read only).
    await pointsWhen(a, customerId, (p) => p.history.nodes.some((n) => n.kind === 'REVERSE'), 'the refund reversed');
    await eventually(async () => (await accountTierOf(a, customerId)) === tiers.Bronze || undefined, 20_000, 'the points domain applying the downgrade');
    await deliver(gateway, a, 'orders/paid', paidOrder(shopifyId(), shopify, '33.00'));
    await tierSettled(a);
    const last = await pointsWhen(a, customerId, (p) => sources(p, 'ORDER').length === 4, 'the fourth order earned');
    expect(sources(last, 'ORDER').sort((x, y) => x - y)).toEqual([33, 49, 50, 60]);
    // 60 + 50 + 25 + 49 − 50 (the refund takes the second order's points back) + 33
    expect(last.balance).toBe(167);

    // and that order (126.00 spent) lifts the customer to Silver again, without a second entry bonus: once per tier per (lifetime) period
    expect((await tierOf(a, customerId)).current?.name).toBe('Silver');
    await eventually(async () => (await accountTierOf(a, customerId)) === tiers.Silver || undefined, 20_000, 'the points domain applying the second upgrade');
    expect(sources(await pointsOf(gateway, a, customerId), 'TIER')).toEqual([25]);

    await otherAdmin.nothingFor(SETTLE_MS);
    await expectInvisibleToOther(b, customerId);
  }, 120_000);
});
