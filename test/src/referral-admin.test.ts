import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { seedReadReferral, setClicks, type SeededRead, type SeedStatus } from './support/referral-seed-read.js';
import { recordSql } from './support/sql-log.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { bearer } from './support/tokens.js';

const LIST = `query($filter: ReferralFilter, $first: Int, $after: String) {
  referrals(filter: $filter, first: $first, after: $after) {
    nodes { id status advocate { id } claimedAt pointsAwarded fraud { verdict reasons { reason action stage explanation } } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const ONE = `query($id: ID!) { referral(id: $id) { id status discountCode orderTotal orderCurrency fraud { verdict reasons { reason action stage } } } }`;
const STATS = `query($from: DateTimeISO, $to: DateTimeISO) {
  referralStats(from: $from, to: $to) { clicks uniqueClicks claims conversions completed blocked voided rejected pointsAwarded revenue { currency amount } conversionRate }
}`;
const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`;

interface Node {
  id: string;
  status: string;
  advocate: { id: string };
  claimedAt: string;
}
interface Page {
  nodes: Node[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

const DAY = 86_400_000;
const BASE = new Date('2026-10-01T12:00:00Z').getTime();
const day = (n: number) => new Date(BASE + n * DAY);

describe('referrals for the admin: list, one, stats and the advocate counts', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  const advocate1 = randomUUID();
  const advocate2 = randomUUID();
  let seededA: SeededRead[];
  let seededB: SeededRead[];

  async function list(merchant: TestMerchant, variables: Record<string, unknown> = {}, auth = merchant.auth) {
    return gateway.gql<{ referrals: Page }>(LIST, variables, auth);
  }

  /** Every page, following the cursors. */
  async function all(merchant: TestMerchant, filter: Record<string, unknown> | null, first: number): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (;;) {
      const result = await list(merchant, { filter, first, after });
      expect(result.errors).toBeUndefined();
      const page = result.data!.referrals;
      nodes.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) return nodes;
      after = page.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    // A: advocate 1 brought one of each status (and a claim still being issued), advocate 2 three more; two share a claim instant
    const plan: [SeedStatus, string, number][] = [
      ['CLAIMED', advocate1, 0],
      ['PENDING', advocate1, 1],
      ['COMPLETED', advocate1, 2],
      ['BLOCKED', advocate1, 3],
      ['VOIDED', advocate1, 4],
      ['REJECTED', advocate1, 5],
      ['ISSUING', advocate1, 6],
      ['COMPLETED', advocate2, 7],
      ['CLAIMED', advocate2, 7],
      ['PENDING', advocate2, 9],
    ];
    seededA = [];
    for (const [status, advocateId, n] of plan) seededA.push(await seedReadReferral(gateway, a.id, { status, advocateId, claimedAt: day(n) }));
    // B: the same advocates' ids (a made-up overlap) and statuses, which A must never see
    seededB = [];
    for (const [status, advocateId, n] of plan) seededB.push(await seedReadReferral(gateway, b.id, { status, advocateId, claimedAt: day(n) }));
  }, 60_000);
  afterAll(() => gateway.stop());

  /** A's listed referrals, newest claim first, ties by id descending; never the one being issued. */
  function expectedOrder(): string[] {
    return seededA
      .filter((s) => s.status !== 'ISSUING')
      .sort((x, y) => y.claimedAt.getTime() - x.claimedAt.getTime() || (y.id < x.id ? -1 : y.id > x.id ? 1 : 0))
      .map((s) => s.id);
  }

  it('lists the merchant\'s referrals newest claim first, without claims still being issued, across pages of any size', async () => {
    for (const size of [1, 2, 3, 20]) {
      const nodes = await all(a, null, size);
      expect(nodes.map((n) => n.id)).toEqual(expectedOrder());
    }
    const first = await list(a, { first: 4 });
    expect(first.data!.referrals.pageInfo.hasNextPage).toBe(true);
    expect(first.data!.referrals.nodes).toHaveLength(4);
  });

  it('filters by status, advocate and claim period, alone and together', async () => {
    const ids = (pred: (s: SeededRead) => boolean) => expectedOrder().filter((id) => pred(seededA.find((s) => s.id === id)!));
    for (const status of ['CLAIMED', 'PENDING', 'COMPLETED', 'BLOCKED', 'VOIDED', 'REJECTED']) {
      expect((await all(a, { status }, 2)).map((n) => n.id)).toEqual(ids((s) => s.status === status));
    }
    expect((await all(a, { advocateId: advocate2 }, 2)).map((n) => n.id)).toEqual(ids((s) => s.advocateId === advocate2));
    expect((await all(a, { from: day(2).toISOString(), to: day(5).toISOString() }, 2)).map((n) => n.id)).toEqual(ids((s) => s.claimedAt >= day(2) && s.claimedAt < day(5)));
    expect((await all(a, { status: 'COMPLETED', advocateId: advocate1, from: day(1).toISOString() }, 5)).map((n) => n.id)).toEqual([seededA[2].id]);
    expect(await all(a, { advocateId: randomUUID() }, 5)).toEqual([]);
  });

  it('shows a blocked referral with its reasons, and one referral by id', async () => {
    const blocked = seededA.find((s) => s.status === 'BLOCKED')!;
    const [node] = (await all(a, { status: 'BLOCKED' }, 5)) as (Node & { fraud: unknown })[];
    expect(node.fraud).toEqual({ verdict: 'BLOCKED', reasons: [{ reason: 'SELF_REFERRAL', action: 'BLOCK', stage: 'CLAIM', explanation: "The friend's email is the advocate's, once normalized." }] });
    const one = await gateway.gql<{ referral: Record<string, unknown> | null }>(ONE, { id: blocked.id }, a.auth);
    expect(one.errors).toBeUndefined();
    expect(one.data!.referral).toMatchObject({ id: blocked.id, status: 'BLOCKED', discountCode: null, fraud: { verdict: 'BLOCKED' } });
    const completed = await gateway.gql<{ referral: Record<string, unknown> | null }>(ONE, { id: seededA[2].id }, a.auth);
    expect(completed.data!.referral).toMatchObject({ status: 'COMPLETED', orderTotal: '50.00', orderCurrency: 'EUR' });
  });

  it("answers null for an unknown id, a malformed one, a claim still being issued, and another merchant's referral", async () => {
    const issuing = seededA.find((s) => s.status === 'ISSUING')!;
    for (const id of [randomUUID(), 'not-an-id', issuing.id, ...seededB.map((s) => s.id)]) {
      const result = await gateway.gql<{ referral: unknown }>(ONE, { id }, a.auth);
      expect(result.errors).toBeUndefined();
      expect(result.data!.referral).toBeNull();
    }
  });

  it('hides only a first claim still being issued: one approved after a block and being issued again, or decided on while it waited, stays visible', async () => {
    const e = await createMerchant(gateway);
    const advocate = randomUUID();
    const [hidden, approved, rejected] = [
      await seedReadReferral(gateway, e.id, { status: 'ISSUING', advocateId: advocate, claimedAt: day(1) }),
      await seedReadReferral(gateway, e.id, { status: 'ISSUING', advocateId: advocate, claimedAt: day(2) }),
      await seedReadReferral(gateway, e.id, { status: 'ISSUING', advocateId: advocate, claimedAt: day(3) }),
    ];
    // as the review leaves them: approved after a claim-stage block (the next claim asks for its code), and rejected while the claim waited for the row
    await withOwnerDb('referral', async (db) => {
      await db.query("update referral set approved_at = now(), decided_by = 'admin-1' where merchant_id = $1 and id = $2", [e.id, approved.id]);
      await db.query("update referral set status = 'REJECTED', rejected_at = now(), decided_by = 'admin-1' where merchant_id = $1 and id = $2", [e.id, rejected.id]);
    });

    expect((await all(e, null, 10)).map((n) => [n.id, n.status])).toEqual([
      [rejected.id, 'REJECTED'],
      [approved.id, 'CLAIMED'],
    ]);
    for (const [id, found] of [[hidden.id, false], [approved.id, true], [rejected.id, true]] as const) {
      const one = await gateway.gql<{ referral: { id: string } | null }>(ONE, { id }, e.auth);
      expect(one.data!.referral !== null).toBe(found);
    }
    const figures = await gateway.gql<{ referralStats: { claims: number; rejected: number } }>(STATS, {}, e.auth);
    expect(figures.data!.referralStats).toMatchObject({ claims: 2, rejected: 1 });
  });

  it("never lists B's referrals through A, whatever the filter or cursor", async () => {
    const bIds = new Set(seededB.map((s) => s.id));
    expect((await all(a, null, 100)).some((n) => bIds.has(n.id))).toBe(false);
    expect((await all(a, { advocateId: advocate1 }, 100)).some((n) => bIds.has(n.id))).toBe(false);
    // B's referral as a cursor: refused like any cursor this merchant never returned
    const cursor = Buffer.from(seededB[0].id, 'utf8').toString('base64url');
    const result = await list(a, { after: cursor });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(result.errors![0].message).toContain('after');
  });

  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'garbage' }, 'after'],
    [{ filter: { advocateId: 'nobody' } }, 'filter.advocateId'],
    [{ filter: { from: day(3).toISOString(), to: day(3).toISOString() } }, 'filter.to'],
  ])('refuses bad input %p naming the field', async (variables, field) => {
    const result = await list(a, variables);
    expect(result.data?.referrals ?? null).toBeNull();
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(result.errors![0].message).toContain(field);
  });

  it('counts the stats exactly over a seeded set and a claim period; clicks are the links\' totals', async () => {
    // given a merchant of its own: two advocates' clicks, conversions in two currencies
    const c = await createMerchant(gateway);
    const [x, y] = [randomUUID(), randomUUID()];
    await setClicks(c.id, x, 40, 25);
    await setClicks(c.id, y, 10, 7);
    const seeds: [SeedStatus, string, number, number?, string?, number?][] = [
      ['CLAIMED', x, 0],
      ['CLAIMED', y, 1],
      ['PENDING', x, 2, 4250],
      ['COMPLETED', x, 3, 10000, 'EUR', 500],
      ['COMPLETED', y, 4, 1999, 'EUR', 300],
      ['COMPLETED', y, 5, 700, 'JPY', 200],
      ['BLOCKED', x, 6],
      ['VOIDED', x, 7, 9999],
      ['REJECTED', y, 8],
      ['ISSUING', y, 9],
    ];
    for (const [status, advocateId, n, orderTotalMinor, currency, points] of seeds) {
      await seedReadReferral(gateway, c.id, { status, advocateId, claimedAt: day(n), orderTotalMinor, currency, points });
    }

    const everything = await gateway.gql<{ referralStats: Record<string, unknown> }>(STATS, {}, c.auth);
    expect(everything.errors).toBeUndefined();
    expect(everything.data!.referralStats).toEqual({
      clicks: 50,
      uniqueClicks: 32,
      claims: 9,
      conversions: 4,
      completed: 3,
      blocked: 1,
      voided: 1,
      rejected: 1,
      pointsAwarded: 1000,
      revenue: [
        { currency: 'EUR', amount: '162.49' },
        { currency: 'JPY', amount: '700' },
      ],
      conversionRate: 0.4444,
    });

    // a period: claims of days 2 to 4 only
    const period = await gateway.gql<{ referralStats: Record<string, unknown> }>(STATS, { from: day(2).toISOString(), to: day(5).toISOString() }, c.auth);
    expect(period.data!.referralStats).toEqual({
      clicks: 50,
      uniqueClicks: 32,
      claims: 3,
      conversions: 3,
      completed: 2,
      blocked: 0,
      voided: 0,
      rejected: 0,
      pointsAwarded: 800,
      revenue: [{ currency: 'EUR', amount: '162.49' }],
      conversionRate: 1,
    });

    // an empty period, and a period that ends before it starts
    const none = await gateway.gql<{ referralStats: Record<string, unknown> }>(STATS, { from: day(100).toISOString() }, c.auth);
    expect(none.data!.referralStats).toMatchObject({ claims: 0, conversions: 0, revenue: [], conversionRate: 0, pointsAwarded: 0 });
    const backwards = await gateway.gql(STATS, { from: day(5).toISOString(), to: day(2).toISOString() }, c.auth);
    expect(backwards.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(backwards.errors![0].message).toContain('to');
  });

  it("keeps each merchant's stats to itself: B's referrals and clicks change nothing of A's", async () => {
    const before = await gateway.gql<{ referralStats: Record<string, unknown> }>(STATS, {}, a.auth);
    await seedReadReferral(gateway, b.id, { status: 'COMPLETED', advocateId: advocate1, claimedAt: day(1), points: 999 });
    await setClicks(b.id, advocate1, 1000, 900);
    const after = await gateway.gql<{ referralStats: Record<string, unknown> }>(STATS, {}, a.auth);
    expect(after.data).toEqual(before.data);
    expect(before.data!.referralStats).toMatchObject({ claims: 9, conversions: 4, completed: 2, pointsAwarded: 1000, clicks: 0 });
  });

  it('needs referrals:read: a shopper, and a partner key without it, can neither list, read one nor see the stats', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `noor-${randomUUID()}@example.com` });
    const shopper = await shopperAuth(gateway, a, customer.id);
    const key = await gateway.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: `key ${randomUUID()}`, scopes: ['customers:read'] } }, a.auth);
    const partner = bearer(key.data!.createApiKey.secret);
    for (const auth of [shopper, partner]) {
      for (const [query, variables, field] of [[LIST, {}, 'referrals'], [ONE, { id: seededA[0].id }, 'referral'], [STATS, {}, 'referralStats']] as const) {
        const result = await gateway.gql<Record<string, unknown>>(query, variables, auth);
        expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
        expect(result.data?.[field] ?? null).toBeNull();
      }
    }
    // a partner key with the scope reads them
    const readKey = await gateway.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: `key ${randomUUID()}`, scopes: ['referrals:read'] } }, a.auth);
    const withScope = await list(a, {}, bearer(readKey.data!.createApiKey.secret));
    expect(withScope.errors).toBeUndefined();
    expect(withScope.data!.referrals.nodes.map((n) => n.id)).toEqual(expectedOrder().slice(0, 20));
  });

  describe('Customer.referral: what the customer advocated', () => {
    const COUNTS = `query { customers(first: 100) { nodes { id referral { referred completed pointsEarned } } } }`;
    const OWN = `query($id: ID!) { customer(id: $id) { id referral { code referred completed pointsEarned } } }`;
    let d: TestMerchant;
    let ids: string[];

    beforeAll(async () => {
      d = await createMerchant(gateway);
      ids = [];
      for (let i = 0; i < 3; i++) ids.push((await upsertCustomer(gateway, d, { shopifyId: shopifyId(), email: `advocate-${randomUUID()}@example.com` })).id);
      const seeds: [SeedStatus, number, number?][] = [
        ['CLAIMED', 0],
        ['PENDING', 0],
        ['COMPLETED', 0, 500],
        ['COMPLETED', 0, 300],
        ['ISSUING', 0],
        ['VOIDED', 0],
        ['BLOCKED', 1],
      ];
      for (const [status, who, points] of seeds) await seedReadReferral(gateway, d.id, { status, advocateId: ids[who], claimedAt: day(1), points });
      // the same customer id at B, with a completed referral: nothing of it counts at D
      await seedReadReferral(gateway, b.id, { status: 'COMPLETED', advocateId: ids[0], claimedAt: day(1), points: 9999 });
    });

    it('counts referred (claims not being issued), completed and points earned for a list of customers in one query', async () => {
      const { result, queries } = await recordSql(runtime(gateway, 'referral'), () => gateway.gql<{ customers: { nodes: { id: string; referral: Record<string, number> | null }[] } }>(COUNTS, {}, d.auth));
      expect(result.errors).toBeUndefined();
      const byId = new Map(result.data!.customers.nodes.map((n) => [n.id, n.referral]));
      expect(byId.get(ids[0])).toEqual({ referred: 5, completed: 2, pointsEarned: 800 });
      expect(byId.get(ids[1])).toEqual({ referred: 1, completed: 0, pointsEarned: 0 });
      expect(byId.get(ids[2])).toEqual({ referred: 0, completed: 0, pointsEarned: 0 });
      expect(queries.filter((q) => /from referral where/.test(q))).toHaveLength(1);
    });

    it('shows a shopper their own counts and never another customer\'s', async () => {
      const shopper = await shopperAuth(gateway, d, ids[0]);
      const own = await gateway.gql<{ customer: { referral: Record<string, unknown> } }>(OWN, { id: ids[0] }, shopper);
      expect(own.errors).toBeUndefined();
      expect(own.data!.customer.referral).toMatchObject({ referred: 5, completed: 2, pointsEarned: 800 });
      const other = await gateway.gql<{ customer: { referral: unknown } | null }>(OWN, { id: ids[1] }, shopper);
      expect(other.data?.customer?.referral ?? null).toBeNull();
      expect(other.errors?.length).toBeGreaterThan(0);
    });

    it("never counts another merchant's referrals: D's customer ids through A see nothing", async () => {
      const throughA = await gateway.gql<{ customer: unknown }>(OWN, { id: ids[0] }, a.auth);
      expect(throughA.data?.customer ?? null).toBeNull();
    });
  });
});

describe('referrals for the admin (networked: each subgraph over HTTP)', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('networked');
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  }, 60_000);
  afterAll(() => gateway.stop());

  it("lists, finds and counts A's referrals and never B's; Customer.referral's counts come through the customer entity", async () => {
    const advocate = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `net-${randomUUID()}@example.com` });
    const mine = await seedReadReferral(gateway, a.id, { status: 'COMPLETED', advocateId: advocate.id, claimedAt: day(1), points: 120 });
    const theirs = await seedReadReferral(gateway, b.id, { status: 'COMPLETED', advocateId: advocate.id, claimedAt: day(2), points: 999 });

    const listed = await gateway.gql<{ referrals: Page }>(LIST, {}, a.auth);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.referrals.nodes.map((n) => n.id)).toEqual([mine.id]);
    const other = await gateway.gql<{ referral: unknown }>(ONE, { id: theirs.id }, a.auth);
    expect(other.data).toEqual({ referral: null });
    const figures = await gateway.gql<{ referralStats: { claims: number; pointsAwarded: number } }>(STATS, {}, a.auth);
    expect(figures.data!.referralStats).toMatchObject({ claims: 1, pointsAwarded: 120 });
    const counts = await gateway.gql<{ customer: { referral: Record<string, number> } }>(
      'query($id: ID!) { customer(id: $id) { referral { referred completed pointsEarned } } }',
      { id: advocate.id },
      a.auth,
    );
    expect(counts.errors).toBeUndefined();
    expect(counts.data!.customer.referral).toEqual({ referred: 1, completed: 1, pointsEarned: 120 });
  });
});
