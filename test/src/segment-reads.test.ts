import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INTERNAL_TOKEN_HEADER, signInternalToken, type Caller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { EmbeddedSubgraphClient } from '../../gateway/src/subgraph-client.js';
import { eventually } from './support/events.js';
import { withOwnerDb } from './support/db.js';
import { postGraphQL, startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { defaultSegmentInputs, SEGMENTS, updateSegments, writeSegmentCustomers } from './support/segments.js';
import { recordSql } from './support/sql-log.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';
import { adminCaller } from './support/tokens.js';

const RFM_FIELDS = 'recency frequency monetary segment { handle name } since';
const HISTORY = `history(first: $first, after: $after) { nodes { recordedAt recency frequency monetary segment { handle name } previousSegment { handle } } pageInfo { endCursor hasNextPage } }`;
const CUSTOMER_RFM = `query($id: ID!, $first: Int, $after: String) { customer(id: $id) { id email rfm { ${RFM_FIELDS} ${HISTORY} } } }`;
const MEMBERS = `query($handle: String!, $first: Int, $after: String) { segmentMembers(handle: $handle, first: $first, after: $after) { nodes { customer { id email } recency frequency monetary since } pageInfo { endCursor hasNextPage } } }`;
const COUNTS = `query($from: String!, $to: String!) { segmentCounts(from: $from, to: $to) { day handle members } }`;
const MOVEMENTS = `query($from: DateTimeISO!, $to: DateTimeISO!) { segmentMovements(from: $from, to: $to) { from to customers } }`;
const RFM_ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id rfm { recency segment { handle } } } } }`;

type MemberPage = { nodes: { customer: { id: string; email: string }; recency: number | null; since: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
type HistoryPage = { nodes: { recordedAt: string; recency: number | null; segment: { handle: string; name: string } | null; previousSegment: { handle: string } | null }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

const at = (iso: string) => new Date(iso);
/** Microseconds apart, in the same millisecond: a cursor cut to milliseconds would skip T0. */
const T0_TEXT = '2026-11-01T08:00:00.123400Z';
const T1_TEXT = '2026-11-01T08:00:00.123456Z';
const T0 = at(T0_TEXT);
const T1 = at(T1_TEXT);
const T2 = at('2026-11-05T08:00:00Z');
const T3 = at('2026-11-10T08:00:00Z');

async function writeHistory(merchantId: string, rows: [customerId: string, recordedAt: Date | string, segment: string | null, previous: string | null][]): Promise<void> {
  await withOwnerDb('segment', async (db) => {
    for (const [customerId, recordedAt, segment, previous] of rows) {
      await db.query(
        `insert into segment_history (merchant_id, customer_id, recorded_at, run_id, recency, frequency, monetary, segment, previous_segment) values ($1, $2, $3, $4, $5, $5, $5, $6, $7)`,
        [merchantId, customerId, recordedAt, randomUUID(), segment ? 3 : null, segment, previous],
      );
    }
  });
}

/** Waits for the merchant's recompute after a settings save to have run, and no other to be under way. */
async function settingsRunDone(merchantId: string): Promise<void> {
  await eventually(
    async () => {
      const { rows } = await withOwnerDb('segment', (db) =>
        db.query<{ done: boolean }>(
          `select exists (select 1 from segment_run where merchant_id = $1 and trigger = 'settings' and status = 'succeeded')
                  and not exists (select 1 from segment_run where merchant_id = $1 and status in ('queued', 'running')) as done`,
          [merchantId],
        ),
      );
      return rows[0].done || undefined;
    },
    30_000,
    'the recompute after the settings save',
  );
}

async function writeRunCounts(merchantId: string, runs: { day: string; finishedAt: string; counts: Record<string, number> }[]): Promise<void> {
  await withOwnerDb('segment', async (db) => {
    for (const run of runs) {
      const runId = randomUUID();
      for (const [segment, members] of Object.entries(run.counts)) {
        await db.query(`insert into segment_run_count (merchant_id, run_id, day, finished_at, segment, members) values ($1, $2, $3, $4, $5, $6)`, [merchantId, runId, run.day, run.finishedAt, segment, members]);
      }
    }
    await db.query('select segment_daily_count_refresh()');
  });
}

describe.each<Mode>(['embedded', 'networked'])('segment reads (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  /** A's customers sorted by id: 0–2 Champions, 3 Lost, 4 never scored, 5 Loyal; 0 and 1 also in the custom `vip`. */
  let c: CreatedCustomer[];
  let bCustomer: CreatedCustomer;

  /** An operation straight into the segment subgraph as `caller`: in-process (embedded) or over HTTP with an internal token (networked). */
  async function direct<T>(query: string, variables: Record<string, unknown>, caller: Caller): Promise<{ data?: T | null; errors?: unknown[] }> {
    if (mode === 'embedded') return new EmbeddedSubgraphClient(runtime(gateway, 'segment')).execute(query, variables, caller) as Promise<{ data?: T | null; errors?: unknown[] }>;
    const token = await signInternalToken(gateway.config.kit.internalTokenSecret, caller);
    return postGraphQL<T>(gateway.subgraphUrls.segment, query, variables, { [INTERNAL_TOKEN_HEADER]: token });
  }

  const customer = (merchant: TestMerchant, email: string) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email });

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    c = (await Promise.all(Array.from({ length: 6 }, (_, i) => customer(a, `a${i}-${randomUUID()}@a.example`)))).sort((x, y) => x.id.localeCompare(y.id));
    bCustomer = await customer(b, `b-${randomUUID()}@b.example`);
    await updateSegments(gateway, a.auth, { segments: [...defaultSegmentInputs(), { handle: 'vip', kind: 'CUSTOM', names: { en: 'VIP', fr: 'VIP fr' }, pointsMin: 0 }] });
    await updateSegments(gateway, b.auth, { segments: [...defaultSegmentInputs(), { handle: 'b-only', kind: 'CUSTOM', names: { en: 'B only' } }] });
    // Each save's recompute runs first, so it does not overwrite the rows written below.
    await Promise.all([a, b].map((m) => settingsRunDone(m.id)));

    await writeSegmentCustomers(a.id, [
      { customerId: c[0].id, recency: 5, frequency: 5, monetary: 4, segment: 'champions', since: T3 },
      { customerId: c[1].id, recency: 4, frequency: 4, monetary: 5, segment: 'champions', since: T2 },
      { customerId: c[2].id, recency: 5, frequency: 4, monetary: 4, segment: 'champions', since: T1 },
      { customerId: c[3].id, recency: 1, frequency: 1, monetary: 2, segment: 'lost', since: T3 },
      { customerId: c[4].id, recency: null, segment: null },
      { customerId: c[5].id, recency: 3, frequency: 5, monetary: 1, segment: 'loyal', since: T2 },
    ]);
    await writeSegmentCustomers(b.id, [{ customerId: bCustomer.id, recency: 5, segment: 'champions', since: T1 }]);
    await withOwnerDb('segment', async (db) => {
      for (const [merchantId, handle, customerId] of [[a.id, 'vip', c[0].id], [a.id, 'vip', c[1].id], [b.id, 'b-only', bCustomer.id]]) {
        await db.query(`insert into segment_member (merchant_id, handle, customer_id, since) values ($1, $2, $3, $4)`, [merchantId, handle, customerId, T2]);
      }
    });
    await writeHistory(a.id, [
      [c[0].id, T0_TEXT, 'promising', null],
      [c[0].id, T1_TEXT, 'new', 'promising'],
      [c[0].id, T2, 'loyal', 'new'],
      [c[0].id, T3, 'champions', 'loyal'],
      [c[3].id, T1, 'at-risk', null],
      [c[3].id, T3, 'lost', 'at-risk'],
      [c[5].id, T2, 'loyal', null],
    ]);
    await writeHistory(b.id, [[bCustomer.id, T1, 'champions', null]]);
    await writeRunCounts(a.id, [
      { day: '2026-11-01', finishedAt: '2026-11-01T02:00:00Z', counts: { champions: 2, lost: 1 } },
      { day: '2026-11-01', finishedAt: '2026-11-01T14:00:00Z', counts: { champions: 3 } },
      { day: '2026-11-02', finishedAt: '2026-11-02T02:00:00Z', counts: { champions: 3, lost: 1 } },
    ]);
    await writeRunCounts(b.id, [{ day: '2026-11-01', finishedAt: '2026-11-01T03:00:00Z', counts: { champions: 99 } }]);
  });
  afterAll(() => gateway.stop());

  describe('segments with member counts', () => {
    it("counts RFM members by segment and custom members by membership, each merchant its own", async () => {
      const [forA, forB] = await Promise.all([
        gateway.gql<{ segments: { handle: string; members: number }[] }>(SEGMENTS, {}, a.auth),
        gateway.gql<{ segments: { handle: string; members: number }[] }>(SEGMENTS, {}, b.auth),
      ]);
      expect(forA.errors).toBeUndefined();
      const countsA = Object.fromEntries(forA.data!.segments.map((s) => [s.handle, s.members]));
      expect(countsA).toEqual({ champions: 3, loyal: 1, 'cant-lose': 0, 'at-risk': 0, new: 0, promising: 0, 'potential-loyalist': 0, 'needs-attention': 0, 'about-to-sleep': 0, hibernating: 0, lost: 1, vip: 2 });
      const countsB = Object.fromEntries(forB.data!.segments.map((s) => [s.handle, s.members]));
      expect(countsB).toMatchObject({ champions: 1, lost: 0, 'b-only': 1 });
      expect(countsB).not.toHaveProperty('vip');
    });

    if (mode === 'embedded') {
      it('reads the counts of every segment in one query', async () => {
        const { result, queries } = await recordSql(runtime(gateway, 'segment'), () => gateway.gql(SEGMENTS, {}, a.auth));
        expect(result.errors).toBeUndefined();
        expect(queries.filter((q) => /from segment_customer|from segment_member/.test(q))).toHaveLength(1);
      });
    }
  });

  describe('Customer.rfm', () => {
    it("gives a scored customer's scores, segment in the merchant's language and history; null for one never scored", async () => {
      const read = await gateway.gql<{ customer: { email: string; rfm: Record<string, unknown> & { history: HistoryPage } } }>(CUSTOMER_RFM, { id: c[0].id, first: 20 }, a.auth);
      expect(read.errors).toBeUndefined();
      const { history, ...rfm } = read.data!.customer.rfm;
      expect(rfm).toEqual({ recency: 5, frequency: 5, monetary: 4, segment: { handle: 'champions', name: 'Champions' }, since: T3.toISOString() });
      expect(history.nodes.map((h) => [h.recordedAt, h.segment?.handle ?? null, h.previousSegment?.handle ?? null])).toEqual([
        [T3.toISOString(), 'champions', 'loyal'],
        [T2.toISOString(), 'loyal', 'new'],
        [T1.toISOString(), 'new', 'promising'],
        [T0.toISOString(), 'promising', null],
      ]);
      expect(history.nodes[1].segment).toEqual({ handle: 'loyal', name: 'Loyal' });
      expect(history.pageInfo.hasNextPage).toBe(false);

      const never = await gateway.gql<{ customer: { rfm: unknown } }>(CUSTOMER_RFM, { id: c[4].id }, a.auth);
      expect(never.errors).toBeUndefined();
      expect(never.data!.customer.rfm).toBeNull();
    });

    it('pages the history newest first with cursors that stay put when a newer run records meanwhile, to the microsecond', async () => {
      const page = async (after: string | null) => {
        const read = await gateway.gql<{ customer: { rfm: { history: HistoryPage } } }>(CUSTOMER_RFM, { id: c[0].id, first: 1, after }, a.auth);
        expect(read.errors).toBeUndefined();
        return read.data!.customer.rfm.history;
      };
      const seen: string[] = [];
      let after: string | null = null;
      let hasNext = true;
      // a run records a newer change while the pages are read
      const later = '2026-12-01T00:00:00Z';
      try {
        while (hasNext) {
          const current: HistoryPage = await page(after);
          seen.push(...current.nodes.map((h) => h.recordedAt));
          ({ endCursor: after, hasNextPage: hasNext } = current.pageInfo);
          if (seen.length === 1) await writeHistory(a.id, [[c[0].id, later, 'loyal', 'champions']]);
        }
      } finally {
        await withOwnerDb('segment', (db) => db.query('delete from segment_history where merchant_id = $1 and recorded_at = $2', [a.id, later]));
      }
      expect(seen).toEqual([T3, T2, T1, T0].map((t) => t.toISOString()));
    });

    it('refuses a page size out of 1–100 and a cursor it did not give, naming the argument', async () => {
      for (const [variables, field] of [[{ first: 0 }, 'first'], [{ first: 101 }, 'first'], [{ after: 'bm90LWEtY3Vyc29y' }, 'after']] as const) {
        const read = await gateway.gql(CUSTOMER_RFM, { id: c[0].id, ...variables }, a.auth);
        expect(read.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(read.errors?.[0]?.message).toMatch(new RegExp(`^${field}: `));
      }
    });

    it("resolves a batch in key order in one query: another merchant's customer, an unknown id and a malformed one get null", async () => {
      const representations = [c[5].id, bCustomer.id, randomUUID(), 'not-a-uuid', c[0].id].map((id) => ({ __typename: 'Customer', id }));
      const { result, queries } = await recordSql(runtime(gateway, 'segment'), () => direct<{ _entities: unknown[] }>(RFM_ENTITIES, { r: representations }, adminCaller(a.id)));
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities).toEqual([
        { id: c[5].id, rfm: { recency: 3, segment: { handle: 'loyal' } } },
        { id: bCustomer.id, rfm: null },
        { id: representations[2].id, rfm: null },
        { id: 'not-a-uuid', rfm: null },
        { id: c[0].id, rfm: { recency: 5, segment: { handle: 'champions' } } },
      ]);
      expect(queries.filter((q) => /from segment_customer/.test(q))).toHaveLength(1);
      const bOwn = await direct<{ _entities: unknown[] }>(RFM_ENTITIES, { r: [{ __typename: 'Customer', id: bCustomer.id }] }, adminCaller(b.id));
      expect(bOwn.data!._entities).toEqual([{ id: bCustomer.id, rfm: { recency: 5, segment: { handle: 'champions' } } }]);

      // and through the gateway A cannot reach B's customer at all, while B sees its own
      const asA = await gateway.gql<{ customer: unknown }>(CUSTOMER_RFM, { id: bCustomer.id }, a.auth);
      expect(asA.errors).toBeUndefined();
      expect(asA.data!.customer).toBeNull();
      const asB = await gateway.gql<{ customer: { rfm: { segment: { handle: string } } } }>(CUSTOMER_RFM, { id: bCustomer.id }, b.auth);
      expect(asB.data!.customer.rfm.segment.handle).toBe('champions');
    });

    it('shows a shopper nothing of it, not even their own', async () => {
      const shopper = await shopperAuth(gateway, a, c[0].id);
      const read = await gateway.gql<{ customer: { id: string; rfm: unknown } | null }>(`query($id: ID!) { customer(id: $id) { id rfm { recency segment { handle } } } }`, { id: c[0].id }, shopper);
      expect(read.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(read.data?.customer?.rfm ?? null).toBeNull();
    });
  });

  describe('segmentMembers', () => {
    const members = async (auth: Record<string, string>, handle: string, first?: number, after?: string | null) => gateway.gql<{ segmentMembers: MemberPage }>(MEMBERS, { handle, first, after }, auth);

    it('pages an RFM segment by customer id with the customer filled in, and the pages stay put when members leave', async () => {
      const first = await members(a.auth, 'champions', 2);
      expect(first.errors).toBeUndefined();
      expect(first.data!.segmentMembers.nodes).toEqual([
        { customer: { id: c[0].id, email: c[0].email }, recency: 5, frequency: 5, monetary: 4, since: T3.toISOString() },
        { customer: { id: c[1].id, email: c[1].email }, recency: 4, frequency: 4, monetary: 5, since: T2.toISOString() },
      ]);
      expect(first.data!.segmentMembers.pageInfo.hasNextPage).toBe(true);

      // a member of the first page leaves before the second is read
      await writeSegmentCustomers(a.id, [{ customerId: c[1].id, recency: 3, frequency: 3, monetary: 3, segment: 'needs-attention', since: T3 }]);
      try {
        const second = await members(a.auth, 'champions', 2, first.data!.segmentMembers.pageInfo.endCursor);
        expect(second.data!.segmentMembers.nodes.map((m) => m.customer.id)).toEqual([c[2].id]);
        expect(second.data!.segmentMembers.pageInfo.hasNextPage).toBe(false);
      } finally {
        await writeSegmentCustomers(a.id, [{ customerId: c[1].id, recency: 4, frequency: 4, monetary: 5, segment: 'champions', since: T2 }]);
      }
    });

    it("lists a custom segment's members with their scores, and only the caller's merchant's", async () => {
      const vip = await members(a.auth, 'vip');
      expect(vip.errors).toBeUndefined();
      expect(vip.data!.segmentMembers.nodes.map((m) => [m.customer.id, m.recency, m.since])).toEqual([
        [c[0].id, 5, T2.toISOString()],
        [c[1].id, 4, T2.toISOString()],
      ]);
      const champions = await members(a.auth, 'champions', 100);
      expect(champions.data!.segmentMembers.nodes.map((m) => m.customer.id)).not.toContain(bCustomer.id);
      const bChampions = await members(b.auth, 'champions');
      expect(bChampions.data!.segmentMembers.nodes.map((m) => m.customer.id)).toEqual([bCustomer.id]);
    });

    it("refuses an unknown handle and another merchant's custom handle, naming handle; and a page size out of 1–100", async () => {
      for (const handle of ['nope', 'b-only']) {
        const read = await members(a.auth, handle);
        expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(read.errors?.[0]?.message).toMatch(/^handle: No segment/);
      }
      for (const first of [0, 101]) {
        const read = await members(a.auth, 'champions', first);
        expect(read.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(read.errors?.[0]?.message).toMatch(/^first: /);
      }
    });
  });

  describe('segmentCounts', () => {
    it("gives the last run of each day per segment, the merchant's own only", async () => {
      const read = await gateway.gql<{ segmentCounts: unknown[] }>(COUNTS, { from: '2026-10-31', to: '2026-11-30' }, a.auth);
      expect(read.errors).toBeUndefined();
      expect(read.data!.segmentCounts).toEqual([
        { day: '2026-11-01', handle: 'champions', members: 3 },
        { day: '2026-11-02', handle: 'champions', members: 3 },
        { day: '2026-11-02', handle: 'lost', members: 1 },
      ]);
      const forB = await gateway.gql<{ segmentCounts: unknown[] }>(COUNTS, { from: '2026-11-01', to: '2026-11-01' }, b.auth);
      expect(forB.data!.segmentCounts).toEqual([{ day: '2026-11-01', handle: 'champions', members: 99 }]);
      const fresh = await createMerchant(gateway);
      const none = await gateway.gql<{ segmentCounts: unknown[] }>(COUNTS, { from: '2026-11-01', to: '2026-11-02' }, fresh.auth);
      expect(none.data!.segmentCounts).toEqual([]);
    });

    it('refuses a range backwards, longer than 366 days or with a day that is none, naming the argument', async () => {
      const cases: [Record<string, string>, string][] = [
        [{ from: '2026-11-02', to: '2026-11-01' }, 'to'],
        [{ from: '2025-01-01', to: '2026-01-02' }, 'to'],
        [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
        [{ from: '2026-11-01', to: 'tomorrow' }, 'to'],
      ];
      for (const [variables, field] of cases) {
        const read = await gateway.gql(COUNTS, variables, a.auth);
        expect(read.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(read.errors?.[0]?.message).toMatch(new RegExp(`^${field}: `));
      }
      expect((await gateway.gql(COUNTS, { from: '2025-11-01', to: '2026-11-01' }, a.auth)).errors).toBeUndefined();
    });
  });

  describe('segmentMovements', () => {
    const movements = (auth: Record<string, string>, from: Date, to: Date) => gateway.gql<{ segmentMovements: unknown[] }>(MOVEMENTS, { from: from.toISOString(), to: to.toISOString() }, auth);

    it("counts each customer's segment at from against theirs at to, the merchant's own only", async () => {
      const read = await movements(a.auth, at('2026-11-03T00:00:00Z'), at('2026-11-30T00:00:00Z'));
      expect(read.errors).toBeUndefined();
      expect(read.data!.segmentMovements).toEqual([
        { from: null, to: 'loyal', customers: 1 },
        { from: 'at-risk', to: 'lost', customers: 1 },
        { from: 'new', to: 'champions', customers: 1 },
      ]);
      // from before any history: everyone enters from no segment; at the same instant: only the diagonal
      expect((await movements(a.auth, at('2026-01-01T00:00:00Z'), T2)).data!.segmentMovements).toEqual([
        { from: null, to: 'at-risk', customers: 1 },
        { from: null, to: 'loyal', customers: 2 },
      ]);
      expect((await movements(a.auth, T2, T2)).data!.segmentMovements).toEqual([
        { from: 'at-risk', to: 'at-risk', customers: 1 },
        { from: 'loyal', to: 'loyal', customers: 2 },
      ]);
      expect((await movements(b.auth, at('2026-01-01T00:00:00Z'), T3)).data!.segmentMovements).toEqual([{ from: null, to: 'champions', customers: 1 }]);
    });

    it('refuses to before from, naming to', async () => {
      const read = await movements(a.auth, T3, T1);
      expect(read.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(read.errors?.[0]?.message).toMatch(/^to: /);
    });
  });

  it('refuses a shopper every segment read', async () => {
    const shopper = await shopperAuth(gateway, a, c[3].id);
    const reads: [string, Record<string, unknown>][] = [
      [SEGMENTS, {}],
      [MEMBERS, { handle: 'champions' }],
      [COUNTS, { from: '2026-11-01', to: '2026-11-02' }],
      [MOVEMENTS, { from: T1.toISOString(), to: T3.toISOString() }],
    ];
    for (const [query, variables] of reads) {
      const read = await gateway.gql(query, variables, shopper);
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(read.data ?? null).toBeNull();
    }
  });
});
