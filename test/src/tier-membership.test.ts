import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INTERNAL_TOKEN_HEADER, signInternalToken, type Caller } from '@loyalnest/kit';
import { EmbeddedSubgraphClient } from '../../gateway/src/subgraph-client.js';
import { postGraphQL, startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { forgetEngineRows, placeMember, recordChanges } from './support/tier-engine-stand-in.js';
import { tierInput, updateTierProgram, type TierProgramNode } from './support/tiers.js';
import { adminCaller } from './support/tokens.js';

const DAY = 86_400_000;

const MEMBERSHIP = `current { id name } since expiresAt assigned { tier { id name } until }
  progress { metric value nextTier { id name } deltaToNext deltaToRetain }`;
const TIER_OF = `query($id: ID!) { customer(id: $id) { id tier { ${MEMBERSHIP} } } }`;
const HISTORY = `query($id: ID!, $first: Int, $after: String) {
  customer(id: $id) { tier { history(first: $first, after: $after) { nodes { id fromTierId from { name } toTierId to { name } direction reason changedAt } pageInfo { endCursor hasNextPage } } } }
}`;
const DISTRIBUTION = `query { tierDistribution { tiers { tier { id name } members } withoutTier total } }`;

interface Membership {
  current: { id: string; name: string } | null;
  since: string | null;
  expiresAt: string | null;
  assigned: { tier: { id: string; name: string }; until: string | null } | null;
  progress: { metric: string; value: number; nextTier: { id: string; name: string } | null; deltaToNext: number | null; deltaToRetain: number | null };
}

describe.each<Mode>(['embedded', 'networked'])('Customer.tier, tierDistribution (the read side of tiers, %s)', (mode) => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
  });

  /** An operation straight into the tier subgraph as `caller`: in-process (embedded) or over HTTP with an internal token (networked). */
  async function direct(query: string, variables: Record<string, unknown>, caller: Caller): Promise<{ data?: unknown; errors?: unknown[] }> {
    if (mode === 'embedded') return new EmbeddedSubgraphClient(runtime(gateway, 'tier')).execute(query, variables, caller);
    const token = await signInternalToken(gateway.config.kit.internalTokenSecret, caller);
    return postGraphQL(gateway.subgraphUrls.tier, query, variables, { [INTERNAL_TOKEN_HEADER]: token });
  }
  afterAll(async () => {
    await gateway?.stop();
  });

  /** A merchant with Bronze (0), Silver (500) and Gold (1500) under `settings`, and a customer. */
  async function program(settings: Record<string, unknown>, thresholds = [0, 500, 1500]) {
    const merchant = await createMerchant(gateway);
    const saved = (await updateTierProgram(gateway, merchant.auth, {
      ...settings,
      tiers: ['Bronze', 'Silver', 'Gold'].map((name, i) => tierInput(name, thresholds[i])),
    })) as TierProgramNode;
    const [bronze, silver, gold] = saved.tiers.map((t) => t.id);
    return { merchant, bronze, silver, gold };
  }
  /** A customer the engine has not reached yet: its own placement of a new customer is waited for and removed, so the stand-in's rows are all there is. */
  async function newCustomer(merchant: TestMerchant): Promise<CreatedCustomer> {
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), firstName: 'Tia' });
    await forgetEngineRows(merchant, [customer.id]);
    return customer;
  }
  async function tierOf(merchant: TestMerchant, customerId: string, auth = merchant.auth): Promise<Membership> {
    const result = await gateway.gql<{ customer: { tier: Membership } }>(TIER_OF, { id: customerId }, auth);
    expect(result.errors).toBeUndefined();
    return result.data!.customer.tier;
  }

  describe('lifetime, points earned', () => {
    it('places a customer never evaluated in the first tier when its threshold is 0, with progress from 0', async () => {
      const { merchant } = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' });
      const customer = await newCustomer(merchant);
      expect(await tierOf(merchant, customer.id)).toEqual({
        current: { id: expect.any(String), name: 'Bronze' },
        since: null,
        expiresAt: null,
        assigned: null,
        progress: { metric: 'POINTS_EARNED', value: 0, nextTier: { id: expect.any(String), name: 'Silver' }, deltaToNext: 500, deltaToRetain: null },
      });
    });

    it('places a customer never evaluated in no tier when the first threshold is above 0', async () => {
      const { merchant, bronze } = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' }, [100, 500, 1500]);
      const customer = await newCustomer(merchant);
      expect(await tierOf(merchant, customer.id)).toMatchObject({ current: null, progress: { value: 0, nextTier: { id: bronze }, deltaToNext: 100, deltaToRetain: null } });
    });

    it('reads what the engine wrote: a lifetime tier never expires and needs nothing to be kept', async () => {
      const { merchant, silver, gold } = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' });
      const customer = await newCustomer(merchant);
      const since = new Date('2026-03-01T10:00:00Z');
      await placeMember(merchant.id, customer.id, { tierId: silver, since, metricValue: 700 });
      expect(await tierOf(merchant, customer.id)).toEqual({
        current: { id: silver, name: 'Silver' },
        since: since.toISOString(),
        expiresAt: null,
        assigned: null,
        progress: { metric: 'POINTS_EARNED', value: 700, nextTier: { id: gold, name: 'Gold' }, deltaToNext: 800, deltaToRetain: null },
      });
    });
  });

  describe('calendar year, amount spent', () => {
    it('expires at held_until, counts the currency as a decimal, and asks for the rest of the threshold in this period', async () => {
      const { merchant, gold } = await program({ metric: 'AMOUNT_SPENT', period: 'CALENDAR_YEAR', periodStartMonth: 7, periodStartDay: 1 });
      const customer = await newCustomer(merchant);
      const heldUntil = new Date('2027-07-01T00:00:00Z');
      // 1,200.50 in thousandths of the currency unit
      await placeMember(merchant.id, customer.id, { tierId: gold, since: new Date('2025-09-01T00:00:00Z'), metricValue: 1_200_500, heldUntil });
      expect(await tierOf(merchant, customer.id)).toMatchObject({
        current: { id: gold },
        expiresAt: heldUntil.toISOString(),
        progress: { metric: 'AMOUNT_SPENT', value: 1200.5, nextTier: null, deltaToNext: null, deltaToRetain: 299.5 },
      });
    });

    it('says 0 to retain once the period has earned the tier again, and 0 to next when the next threshold is reached before the evaluation', async () => {
      const { merchant, silver } = await program({ metric: 'AMOUNT_SPENT', period: 'CALENDAR_YEAR' });
      const customer = await newCustomer(merchant);
      await placeMember(merchant.id, customer.id, { tierId: silver, metricValue: 1_600_001, heldUntil: new Date('2028-01-01T00:00:00Z') });
      expect((await tierOf(merchant, customer.id)).progress).toMatchObject({ value: 1600.001, deltaToNext: 0, deltaToRetain: 0 });
    });
  });

  describe('rolling months, orders count', () => {
    it('expires at below_since plus the grace days, and is not at risk while the window holds the tier', async () => {
      const { merchant, silver } = await program({ metric: 'ORDERS_COUNT', period: 'ROLLING_MONTHS', rollingMonths: 6, graceDays: 14 });
      const below = await newCustomer(merchant);
      const holding = await newCustomer(merchant);
      const belowSince = new Date('2026-11-20T00:00:00Z');
      await placeMember(merchant.id, below.id, { tierId: silver, metricValue: 300, belowSince });
      await placeMember(merchant.id, holding.id, { tierId: silver, metricValue: 900 });

      expect(await tierOf(merchant, below.id)).toMatchObject({
        expiresAt: new Date(belowSince.getTime() + 14 * DAY).toISOString(),
        progress: { metric: 'ORDERS_COUNT', value: 300, deltaToNext: 1200, deltaToRetain: 200 },
      });
      expect(await tierOf(merchant, holding.id)).toMatchObject({ expiresAt: null, progress: { value: 900, deltaToRetain: 0 } });
    });
  });

  describe('hand assignments', () => {
    it('shows the assignment in force, expiring at the earlier of its end and the period end; an ended one is not shown', async () => {
      const { merchant, gold, bronze } = await program({ metric: 'POINTS_EARNED', period: 'CALENDAR_YEAR' });
      const assigned = await newCustomer(merchant);
      const ended = await newCustomer(merchant);
      const until = new Date(Date.now() + 30 * DAY);
      await placeMember(merchant.id, assigned.id, { tierId: gold, manualTierId: gold, manualUntil: until, heldUntil: new Date(Date.now() + 300 * DAY) });
      await placeMember(merchant.id, ended.id, { tierId: bronze, manualTierId: gold, manualUntil: new Date(Date.now() - DAY) });

      expect(await tierOf(merchant, assigned.id)).toMatchObject({ current: { id: gold }, assigned: { tier: { id: gold, name: 'Gold' }, until: until.toISOString() }, expiresAt: until.toISOString() });
      expect(await tierOf(merchant, ended.id)).toMatchObject({ current: { id: bronze }, assigned: null, expiresAt: null });
    });

    it('keeps an open-ended assignment with no expiry of its own', async () => {
      const { merchant, silver } = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' });
      const customer = await newCustomer(merchant);
      await placeMember(merchant.id, customer.id, { tierId: silver, manualTierId: silver });
      expect(await tierOf(merchant, customer.id)).toMatchObject({ assigned: { tier: { id: silver }, until: null }, expiresAt: null });
    });
  });

  describe('history', () => {
    it('pages through the changes newest first by cursor, naming the tiers, and refuses a cursor it did not issue', async () => {
      const { merchant, bronze, silver, gold } = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' });
      const customer = await newCustomer(merchant);
      const at = (day: number) => new Date(Date.UTC(2026, 0, day));
      // written out of time order, as a recompute may: the history sorts by when they happened
      const ids = await recordChanges(merchant.id, customer.id, [
        { from: silver, to: gold, direction: 'up', reason: 'qualified', version: 3, changedAt: at(3) },
        { from: null, to: bronze, direction: 'up', reason: 'qualified', version: 1, changedAt: at(1) },
        { from: gold, to: silver, direction: 'down', reason: 'metric_lowered', version: 4, changedAt: at(4) },
        { from: bronze, to: silver, direction: 'up', reason: 'assigned', version: 2, changedAt: at(2) },
        { from: silver, to: null, direction: 'down', reason: 'program_changed', version: 5, changedAt: at(5) },
      ]);
      type Page = { nodes: { id: string; fromTierId: string | null; from: { name: string } | null; toTierId: string | null; to: { name: string } | null; direction: string; reason: string; changedAt: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      const page = async (after: string | null) => {
        const result = await gateway.gql<{ customer: { tier: { history: Page } } }>(HISTORY, { id: customer.id, first: 2, after }, merchant.auth);
        expect(result.errors).toBeUndefined();
        return result.data!.customer.tier.history;
      };

      const first = await page(null);
      const second = await page(first.pageInfo.endCursor);
      const third = await page(second.pageInfo.endCursor);

      expect([first, second, third].map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
      expect([...first.nodes, ...second.nodes, ...third.nodes].map((n) => n.id)).toEqual([ids[4], ids[2], ids[0], ids[3], ids[1]]);
      expect(first.nodes[0]).toEqual({ id: ids[4], fromTierId: silver, from: { name: 'Silver' }, toTierId: null, to: null, direction: 'DOWN', reason: 'PROGRAM_CHANGED', changedAt: at(5).toISOString() });
      expect(second.nodes[1]).toMatchObject({ from: { name: 'Bronze' }, to: { name: 'Silver' }, direction: 'UP', reason: 'ASSIGNED' });

      const bad = await gateway.gql(HISTORY, { id: customer.id, first: 2, after: 'not-a-cursor' }, merchant.auth);
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const tooMany = await gateway.gql(HISTORY, { id: customer.id, first: 101 }, merchant.auth);
      expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('tierDistribution', () => {
    it('counts members per tier in program order, those without a tier, and the total, of the merchant only', async () => {
      const a = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' }, [10, 500, 1500]);
      const b = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' });
      const place = async (merchant: TestMerchant, tierId: string | null) => placeMember(merchant.id, (await newCustomer(merchant)).id, { tierId });
      for (const tierId of [a.bronze, a.bronze, a.bronze, a.silver, a.silver, null]) await place(a.merchant, tierId);
      for (const tierId of [b.gold, b.gold]) await place(b.merchant, tierId);

      const result = await gateway.gql<{ tierDistribution: unknown }>(DISTRIBUTION, {}, a.merchant.auth);
      expect(result.errors).toBeUndefined();
      expect(result.data!.tierDistribution).toEqual({
        tiers: [
          { tier: { id: a.bronze, name: 'Bronze' }, members: 3 },
          { tier: { id: a.silver, name: 'Silver' }, members: 2 },
          { tier: { id: a.gold, name: 'Gold' }, members: 0 },
        ],
        withoutTier: 1,
        total: 6,
      });
      const ofB = await gateway.gql<{ tierDistribution: { tiers: { members: number }[]; total: number } }>(DISTRIBUTION, {}, b.merchant.auth);
      expect(ofB.data!.tierDistribution).toMatchObject({ tiers: [{ members: 0 }, { members: 0 }, { members: 2 }], withoutTier: 0, total: 2 });
    });

    it('answers an empty distribution for a merchant without a program', async () => {
      const merchant = await createMerchant(gateway);
      expect((await gateway.gql(DISTRIBUTION, {}, merchant.auth)).data).toEqual({ tierDistribution: { tiers: [], withoutTier: 0, total: 0 } });
    });
  });

  describe('who may read', () => {
    let a: Awaited<ReturnType<typeof program>>;
    let own: CreatedCustomer;
    let other: CreatedCustomer;
    beforeAll(async () => {
      a = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' });
      [own, other] = await Promise.all([newCustomer(a.merchant), newCustomer(a.merchant)]);
      await placeMember(a.merchant.id, own.id, { tierId: a.silver, metricValue: 600 });
      await placeMember(a.merchant.id, other.id, { tierId: a.gold, metricValue: 2000 });
      await recordChanges(a.merchant.id, other.id, [{ from: null, to: a.gold, direction: 'up', reason: 'qualified', version: 1 }]);
    });

    const apiKey = async (merchant: TestMerchant, scopes: string[]) => {
      const created = await gateway.gql<{ createApiKey: { secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`,
        { input: { name: `partner ${scopes.join(' ')}`, scopes } },
        merchant.auth,
      );
      expect(created.errors).toBeUndefined();
      return { authorization: `Bearer ${created.data!.createApiKey.secret}` };
    };

    it('lets a shopper read their own tier only, and not the distribution', async () => {
      const shopper = await shopperAuth(gateway, a.merchant, own.id);
      expect(await tierOf(a.merchant, own.id, shopper)).toMatchObject({ current: { id: a.silver }, progress: { value: 600 } });

      const others = await gateway.gql<{ customer: unknown }>(TIER_OF, { id: other.id }, shopper);
      expect(others.data?.customer ?? null).toBeNull();
      const othersHistory = await gateway.gql<{ customer: unknown }>(HISTORY, { id: other.id }, shopper);
      expect(othersHistory.data?.customer ?? null).toBeNull();
      expect((await gateway.gql(DISTRIBUTION, {}, shopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('lets a partner read tiers with tiers:read, and refuses one with points:read only', async () => {
      const [reader, pointsOnly] = await Promise.all([apiKey(a.merchant, ['tiers:read', 'customers:read']), apiKey(a.merchant, ['points:read', 'customers:read'])]);
      expect(await tierOf(a.merchant, other.id, reader)).toMatchObject({ current: { id: a.gold } });
      expect((await gateway.gql<{ tierDistribution: { total: number } }>(DISTRIBUTION, {}, reader)).data?.tierDistribution.total).toBe(2);

      const refused = await gateway.gql(TIER_OF, { id: other.id }, pointsOnly);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/tiers:read/);
      expect((await gateway.gql(DISTRIBUTION, {}, pointsOnly)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it("keeps merchants apart: B's admin, B's shopper and B's references see nothing of A's customer's tier", async () => {
      const b = await program({ metric: 'POINTS_EARNED', period: 'LIFETIME' }, [100, 500, 1500]);
      // through the supergraph, A's customer is no customer of B's, so no tier field runs
      for (const auth of [b.merchant.auth, await shopperAuth(gateway, b.merchant, other.id)]) {
        const result = await gateway.gql<{ customer: unknown }>(HISTORY, { id: other.id }, auth);
        expect(result.data?.customer ?? null).toBeNull();
      }
      // straight into the tier subgraph as B: the reference resolves, but to B's program and none of A's rows
      const entities = await direct(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id tier { ${MEMBERSHIP} history { nodes { id } } } } } }`,
        { representations: [{ __typename: 'Customer', id: other.id }] },
        adminCaller(b.merchant.id),
      );
      expect(entities.errors).toBeUndefined();
      expect(entities.data).toEqual({
        _entities: [
          {
            id: other.id,
            tier: {
              current: null,
              since: null,
              expiresAt: null,
              assigned: null,
              progress: { metric: 'POINTS_EARNED', value: 0, nextTier: { id: b.bronze, name: 'Bronze' }, deltaToNext: 100, deltaToRetain: null },
              history: { nodes: [] },
            },
          },
        ],
      });
      // and B's distribution counts none of A's members
      expect((await gateway.gql<{ tierDistribution: { total: number } }>(DISTRIBUTION, {}, b.merchant.auth)).data?.tierDistribution.total).toBe(0);
    });
  });
});
