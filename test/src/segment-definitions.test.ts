import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SEGMENTS, rfmSegmentOf, uncoveredScore } from '../../subgraphs/segment/src/domain/segment-rules.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { createMerchant, upsertCustomer, type TestMerchant } from './support/tenants.js';

const SEGMENTS = /* GraphQL */ `query { segments { handle kind position name names { en es fr } recency { min max } frequency { min max } monetary { min max } tierIds pointsMin pointsMax builtin } }`;

type SegmentNode = { handle: string; kind: string; position: number; name: string; names: { en: string; es: string; fr: string }; builtin: boolean };

describe('the default RFM segments', () => {
  it('cover all 125 score combinations, each in exactly the segment the grid says', () => {
    expect(uncoveredScore(DEFAULT_SEGMENTS)).toBeNull();
    const at = (recency: number, frequency: number, monetary: number) => rfmSegmentOf(DEFAULT_SEGMENTS, { recency, frequency, monetary })!.handle;
    expect(at(5, 5, 5)).toBe('champions');
    expect(at(5, 5, 3)).toBe('loyal');
    expect(at(3, 4, 5)).toBe('loyal');
    expect(at(1, 5, 5)).toBe('cant-lose');
    expect(at(2, 5, 3)).toBe('at-risk');
    expect(at(1, 3, 1)).toBe('at-risk');
    expect(at(5, 1, 5)).toBe('new');
    expect(at(4, 1, 1)).toBe('promising');
    expect(at(5, 3, 1)).toBe('potential-loyalist');
    expect(at(3, 3, 3)).toBe('needs-attention');
    expect(at(3, 2, 5)).toBe('about-to-sleep');
    expect(at(2, 1, 1)).toBe('hibernating');
    expect(at(1, 2, 5)).toBe('lost');
  });
});

describe.each<Mode>(['embedded', 'networked'])('segments (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  it('lists the eleven defaults in the order they are tried, named in the merchant language, written once even when first read twice at once', async () => {
    const [first, second] = await Promise.all([gateway.gql<{ segments: SegmentNode[] }>(SEGMENTS, {}, a.auth), gateway.gql<{ segments: SegmentNode[] }>(SEGMENTS, {}, a.auth)]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    const segments = first.data!.segments;
    expect(segments.map((s) => s.handle)).toEqual(DEFAULT_SEGMENTS.map((d) => d.handle));
    expect(segments.map((s) => s.position)).toEqual(DEFAULT_SEGMENTS.map((_, i) => i + 1));
    expect(segments.every((s) => s.kind === 'RFM' && s.builtin)).toBe(true);
    expect(segments[0]).toMatchObject({ name: 'Champions', names: { en: 'Champions', es: 'Campeones', fr: 'Champions' } });
    const stored = await withOwnerDb('segment', async (db) => (await db.query<{ n: number }>('select count(*)::int as n from segment_definition where merchant_id = $1', [a.id])).rows[0].n);
    expect(stored).toBe(11);
  });

  it("keeps each merchant's definitions to itself: B's rows are B's", async () => {
    await gateway.gql(SEGMENTS, {}, b.auth);
    const owners = await withOwnerDb('segment', async (db) => (await db.query<{ merchant_id: string; n: number }>('select merchant_id, count(*)::int as n from segment_definition where merchant_id = any($1) group by 1 order by 1', [[a.id, b.id]])).rows);
    expect(owners).toEqual([a.id, b.id].sort().map((id) => ({ merchant_id: id, n: 11 })));
  });

  it('refuses a shopper: segments are for the merchant', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: String(Date.now()), email: `s${Date.now()}@example.com` });
    const read = await gateway.gql(SEGMENTS, {}, await shopperAuth(gateway, a, customer.id));
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
