import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DEFAULT_SEGMENTS } from '../../subgraphs/segment/src/domain/segment-rules.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { defaultSegmentInputs, SEGMENT_SETTINGS, SEGMENTS, UPDATE_SEGMENTS, updateSegments, type SegmentInput } from './support/segments.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { tierInput, updateTierProgram } from './support/tiers.js';

const AUDIT = `query { auditEntries(first: 20) { nodes { entityType action summary actor { kind } } } }`;

/** Every row the segment store holds of the merchant's setup, and its `segments.updated` events, as one digest. */
/** What a save writes, as one digest (the shop's zone, which the segment domain learns on its own, left out). */
async function storedSetup(merchantId: string): Promise<string> {
  return withOwnerDb('segment', async (db) => {
    const { rows } = await db.query<{ d: string }>(
      `select md5(coalesce((select string_agg(concat_ws(':', s.window_days, s.scoring, s.thresholds, s.sync_metafield, s.version, s.updated_at), ',') from segment_settings s where merchant_id = $1), '') || '|' ||
                  coalesce((select string_agg(d::text, ',' order by d.handle) from segment_definition d where merchant_id = $1), '') || '|' ||
                  (select count(*) from outbox_event where merchant_id = $1 and topic = 'segments.updated')) as d`,
      [merchantId],
    );
    return rows[0].d;
  });
}

async function updatedEvents(merchantId: string): Promise<Record<string, unknown>[]> {
  return withOwnerDb('segment', async (db) =>
    (await db.query<{ payload: Record<string, unknown> }>(`select payload from outbox_event where merchant_id = $1 and topic = 'segments.updated' order by id`, [merchantId])).rows.map((r) => r.payload),
  );
}

const custom = (handle: string, more: Record<string, unknown> = {}): SegmentInput => ({ handle, kind: 'CUSTOM', names: { en: `Custom ${handle}` }, ...more });
const withSegments = (...extra: SegmentInput[]) => ({ segments: [...defaultSegmentInputs(), ...extra] });
const replaced = (index: number, change: Record<string, unknown>) => {
  const segments = defaultSegmentInputs();
  segments[index] = { ...segments[index], ...change };
  return { segments };
};

describe.each<Mode>(['embedded', 'networked'])('segment settings and definitions (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let aTiers: string[];
  let bTiers: string[];

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    const program = { tiers: [tierInput('Silver', 0), tierInput('Gold', 500)] };
    const [aProgram, bProgram] = await Promise.all([updateTierProgram(gateway, a.auth, program), updateTierProgram(gateway, b.auth, program)]);
    aTiers = (aProgram as { tiers: { id: string }[] }).tiers.map((t) => t.id);
    bTiers = (bProgram as { tiers: { id: string }[] }).tiers.map((t) => t.id);
  });
  afterAll(() => gateway.stop());

  it('reads the defaults while none were saved, with the zone the store holds (UTC when none)', async () => {
    const merchant = await createMerchant(gateway);
    const read = await gateway.gql<{ segmentSettings: Record<string, unknown> }>(SEGMENT_SETTINGS, {}, merchant.auth);
    expect(read.errors).toBeUndefined();
    expect(read.data!.segmentSettings).toEqual({ windowDays: 365, scoring: 'QUINTILE', thresholds: null, syncMetafield: false, timezone: 'UTC', version: 0 });

    // given the facts side learned the shop's zone before any save, making the row with the column defaults
    await withOwnerDb('segment', (db) => db.query(`insert into segment_settings (merchant_id, timezone, updated_at) values ($1, 'Europe/Paris', now())`, [merchant.id]));
    const zoned = await gateway.gql<{ segmentSettings: Record<string, unknown> }>(SEGMENT_SETTINGS, {}, merchant.auth);
    expect(zoned.data!.segmentSettings).toMatchObject({ timezone: 'Europe/Paris', version: 0, windowDays: 365 });

    // when the merchant saves, the zone stays (it is the merchant domain's)
    const saved = await updateSegments(gateway, merchant.auth, { windowDays: 180, ...withSegments() });
    expect(saved).toMatchObject({ __typename: 'SegmentSetup', settings: { timezone: 'Europe/Paris', windowDays: 180, version: 1 } });
  });

  it('saves a whole set (thresholds, a custom segment on tier and points, names falling back to English) that reads back, and emits segments.updated once', async () => {
    const merchant = await createMerchant(gateway);
    const program = await updateTierProgram(gateway, merchant.auth, { tiers: [tierInput('Bronze', 0), tierInput('Gold', 500)] });
    const gold = (program as { tiers: { id: string }[] }).tiers[1].id;
    const segments = defaultSegmentInputs();
    // the built-in Lost moves to the end and is renamed; Hibernating takes in the R1 customers with F 1–2 first
    const lost = segments.splice(10, 1)[0];
    segments[9] = { ...segments[9], recency: { min: 1, max: 2 } };
    segments.push({ ...lost, names: { en: 'Gone', es: 'Idos', fr: 'Partis' } });
    segments.push(custom('gold-big-spenders', { names: { en: 'Gold big spenders', fr: 'Gros clients or' }, monetary: { min: 4, max: 5 }, tierIds: [gold], pointsMin: 100, pointsMax: 5000 }));
    segments.push(custom('points-hoarders', { pointsMin: 10000 }));
    const input = {
      windowDays: 540,
      scoring: 'THRESHOLD',
      thresholds: { recencyDays: [14, 30, 90, 180], frequencyOrders: [2, 3, 5, 8], monetaryMinor: [5000, 10000, 25000, 100000] },
      syncMetafield: true,
      segments,
    };

    const saved = await updateSegments(gateway, merchant.auth, input);

    expect(saved.__typename).toBe('SegmentSetup');
    if (saved.__typename !== 'SegmentSetup') return;
    expect(saved.settings).toEqual({ thresholds: input.thresholds, windowDays: 540, scoring: 'THRESHOLD', syncMetafield: true, timezone: 'UTC', version: 1 });
    expect(saved.segments.map((s) => [s.handle, s.kind, s.position, s.builtin])).toEqual([
      ...DEFAULT_SEGMENTS.filter((d) => d.handle !== 'lost').map((d, i) => [d.handle, 'RFM', i + 1, true]),
      ['lost', 'RFM', 11, true],
      ['gold-big-spenders', 'CUSTOM', 1, false],
      ['points-hoarders', 'CUSTOM', 2, false],
    ]);
    expect(saved.segments.find((s) => s.handle === 'hibernating')).toMatchObject({ recency: { min: 1, max: 2 }, frequency: { min: 1, max: 2 } });
    expect(saved.segments.find((s) => s.handle === 'lost')).toMatchObject({ name: 'Gone', names: { en: 'Gone', es: 'Idos', fr: 'Partis' } });
    expect(saved.segments.find((s) => s.handle === 'gold-big-spenders')).toEqual({
      handle: 'gold-big-spenders', kind: 'CUSTOM', position: 1, name: 'Gold big spenders',
      names: { en: 'Gold big spenders', es: 'Gold big spenders', fr: 'Gros clients or' },
      recency: { min: 1, max: 5 }, frequency: { min: 1, max: 5 }, monetary: { min: 4, max: 5 },
      tierIds: [gold], pointsMin: 100, pointsMax: 5000, builtin: false,
    });
    // and it reads back as saved
    const [settings, listed] = await Promise.all([
      gateway.gql<{ segmentSettings: unknown }>(SEGMENT_SETTINGS, {}, merchant.auth),
      gateway.gql<{ segments: Record<string, unknown>[] }>(SEGMENTS, {}, merchant.auth),
    ]);
    expect(settings.data!.segmentSettings).toEqual(saved.settings);
    expect(listed.data!.segments.map(({ members: _, ...s }) => s)).toEqual(saved.segments);
    expect(await updatedEvents(merchant.id)).toEqual([
      { version: 1, handles: saved.segments.map((s) => s.handle), windowDays: 540, scoring: 'threshold', syncMetafield: true, rescore: true },
    ]);

    // and the audit trail has it, under the admin who made the change
    const trail = await eventually(async () => {
      const result = await gateway.gql<{ auditEntries: { nodes: { entityType: string; action: string; summary: Record<string, unknown>; actor: { kind: string } }[] } }>(AUDIT, {}, merchant.auth);
      return result.data?.auditEntries.nodes.find((e) => e.entityType === 'Segments');
    }, 30_000, 'the segments change in the audit trail');
    expect(trail).toMatchObject({ action: 'updated', actor: { kind: 'ADMIN' }, summary: { version: 1, windowDays: 540, scoring: 'threshold' } });

    // when the merchant goes back to quintiles and drops its custom segments
    const back = await updateSegments(gateway, merchant.auth, withSegments());
    expect(back).toMatchObject({ settings: { scoring: 'QUINTILE', thresholds: null, windowDays: 365, syncMetafield: false, version: 2 } });
    expect(await withOwnerDb('segment', async (db) => (await db.query<{ n: number }>('select count(*)::int as n from segment_definition where merchant_id = $1', [merchant.id])).rows[0].n)).toBe(11);
    expect((await updatedEvents(merchant.id)).map((e) => e.version)).toEqual([1, 2]);

    // when only a name and the metafield sync change, nothing the scores depend on did: no recompute is asked for
    const renamed = withSegments();
    renamed.segments[0] = { ...renamed.segments[0], names: { en: 'Our best' } };
    await updateSegments(gateway, merchant.auth, { ...renamed, syncMetafield: true });
    expect((await updatedEvents(merchant.id)).map((e) => [e.version, e.rescore])).toEqual([[1, true], [2, true], [3, false]]);
  });

  describe('refuses a set that breaks a rule, naming the field, with nothing written', () => {
    const tooMany = () => withSegments(...Array.from({ length: 40 }, (_, i) => custom(`extra-${i}`)));
    const cases: [string, () => Record<string, unknown>, string, RegExp][] = [
      ['a window shorter than 30 days', () => ({ windowDays: 29, ...withSegments() }), 'windowDays', /30 to 1095/],
      ['a window longer than 1095 days', () => ({ windowDays: 1096, ...withSegments() }), 'windowDays', /30 to 1095/],
      ['THRESHOLD scoring without thresholds', () => ({ scoring: 'THRESHOLD', ...withSegments() }), 'thresholds', /needs thresholds/],
      ['thresholds with QUINTILE scoring', () => ({ thresholds: { recencyDays: [1, 2, 3, 4], frequencyOrders: [1, 2, 3, 4], monetaryMinor: [1, 2, 3, 4] }, ...withSegments() }), 'thresholds', /QUINTILE/],
      ['three recency thresholds', () => ({ scoring: 'THRESHOLD', thresholds: { recencyDays: [10, 20, 30], frequencyOrders: [1, 2, 3, 4], monetaryMinor: [1, 2, 3, 4] }, ...withSegments() }), 'thresholds.recencyDays', /exactly 4/],
      ['frequency thresholds that do not ascend', () => ({ scoring: 'THRESHOLD', thresholds: { recencyDays: [10, 20, 30, 40], frequencyOrders: [1, 3, 3, 5], monetaryMinor: [1, 2, 3, 4] }, ...withSegments() }), 'thresholds.frequencyOrders[2]', /ascend/],
      ['a recency threshold beyond the window', () => ({ scoring: 'THRESHOLD', windowDays: 365, thresholds: { recencyDays: [10, 20, 30, 400], frequencyOrders: [1, 2, 3, 4], monetaryMinor: [1, 2, 3, 4] }, ...withSegments() }), 'thresholds.recencyDays[3]', /0 to 365/],
      ['a negative monetary threshold', () => ({ scoring: 'THRESHOLD', thresholds: { recencyDays: [10, 20, 30, 40], frequencyOrders: [1, 2, 3, 4], monetaryMinor: [-1, 2, 3, 4] }, ...withSegments() }), 'thresholds.monetaryMinor[0]', /whole number/],
      ['more than 50 segments', tooMany, 'segments', /At most 50/],
      ['a handle with spaces and capitals', () => withSegments(custom('Win Back')), 'segments[11].handle', /not a handle/],
      ['a handle with a trailing hyphen', () => withSegments(custom('win-back-')), 'segments[11].handle', /not a handle/],
      ['a handle of 65 characters', () => withSegments(custom('a'.repeat(65))), 'segments[11].handle', /at most 64/],
      ['a handle given twice', () => withSegments(custom('vip'), custom('vip')), 'segments[12].handle', /twice/],
      ['a built-in left out', () => ({ segments: defaultSegmentInputs().filter((s) => s.handle !== 'promising') }), 'segments', /"promising" cannot be removed/],
      ['a built-in made custom', () => replaced(0, { kind: 'CUSTOM' }), 'segments[0].kind', /stays an RFM segment/],
      ['a blank English name', () => replaced(2, { names: { en: '   ', es: 'x', fr: 'y' } }), 'segments[2].names.en', /1–100 characters/],
      ['a French name of 101 characters', () => replaced(2, { names: { en: 'x', fr: 'é'.repeat(101) } }), 'segments[2].names.fr', /1–100 characters/],
      ['a recency score of 0', () => replaced(3, { recency: { min: 0, max: 2 } }), 'segments[3].recency.min', /1 to 5/],
      ['a frequency score of 6', () => replaced(3, { frequency: { min: 3, max: 6 } }), 'segments[3].frequency.max', /1 to 5/],
      ['an impossible range (min above max)', () => replaced(3, { monetary: { min: 4, max: 2 } }), 'segments[3].monetary.min', /impossible/],
      ['RFM segments that leave a score combination uncovered', () => replaced(10, { frequency: { min: 1, max: 1 } }), 'segments', /recency 1, frequency 2, monetary 1/],
      ['a points rule on an RFM segment', () => withSegments({ handle: 'rich', kind: 'RFM', names: { en: 'Rich' }, pointsMin: 10 }), 'segments[11].pointsMin', /custom segments only/],
      ['a points range upside down', () => withSegments(custom('pts', { pointsMin: 500, pointsMax: 100 })), 'segments[11].pointsMax', /below pointsMin/],
      ['a negative points bound', () => withSegments(custom('pts', { pointsMin: -1 })), 'segments[11].pointsMin', /0 to/],
      ['an empty tier list', () => withSegments(custom('tiered', { tierIds: [] })), 'segments[11].tierIds', /at least one tier/],
      ['an unknown tier id', () => withSegments(custom('tiered', { tierIds: [randomUUID()] })), 'segments[11].tierIds[0]', /No tier/],
      ['a tier id that is no id', () => withSegments(custom('tiered', { tierIds: ['gold'] })), 'segments[11].tierIds[0]', /No tier/],
    ];

    it.each(cases)('%s', async (_, input, field, message) => {
      // given a saved set, so a refusal has something to leave alone
      await updateSegments(gateway, a.auth, withSegments(custom('kept')));
      const before = await storedSetup(a.id);

      const refused = await updateSegments(gateway, a.auth, input());

      expect(refused).toMatchObject({ __typename: 'SegmentsInvalidError', code: 'INVALID_SETTINGS', field });
      expect((refused as { message: string }).message).toMatch(message);
      expect((refused as { message: string }).message.startsWith(`${field}: `)).toBe(true);
      expect(await storedSetup(a.id)).toBe(before);
    });

    it("a custom segment on another merchant's tier, and a tier rule on an RFM segment", async () => {
      const before = await storedSetup(a.id);
      const foreign = await updateSegments(gateway, a.auth, withSegments(custom('tiered', { tierIds: [aTiers[0], bTiers[1]] })));
      expect(foreign).toMatchObject({ __typename: 'SegmentsInvalidError', field: 'segments[11].tierIds[1]' });
      expect((foreign as { message: string }).message).toContain(bTiers[1]);
      const onRfm = await updateSegments(gateway, a.auth, replaced(4, { tierIds: [aTiers[0]] }));
      expect(onRfm).toMatchObject({ __typename: 'SegmentsInvalidError', field: 'segments[4].tierIds' });
      expect(await storedSetup(a.id)).toBe(before);
      // while B's own tier is B's to use
      expect(await updateSegments(gateway, b.auth, withSegments(custom('tiered', { tierIds: [bTiers[1]] })))).toMatchObject({ __typename: 'SegmentSetup' });
    });
  });

  it("what if five admins save at once, while the merchant's first reads write the defaults? One after the other: versions 1 to 5, the last one whole, one event each", async () => {
    const merchant = await createMerchant(gateway);
    const inputs = Array.from({ length: 5 }, (_, n) => ({ windowDays: 100 + n, ...withSegments(...Array.from({ length: n + 1 }, (_, i) => custom(`s${n}-c${i}`))) }));

    const [results, reads] = await Promise.all([
      Promise.all(inputs.map((input) => updateSegments(gateway, merchant.auth, input))),
      Promise.all(Array.from({ length: 3 }, () => gateway.gql<{ segments: { handle: string }[] }>(SEGMENTS, {}, merchant.auth))),
    ]);
    expect(reads.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);

    expect(results.map((r) => r.__typename)).toEqual(Array(5).fill('SegmentSetup'));
    const saved = results as Extract<(typeof results)[number], { __typename: 'SegmentSetup' }>[];
    expect(saved.map((r) => r.settings.version).sort()).toEqual([1, 2, 3, 4, 5]);
    const last = saved.find((r) => r.settings.version === 5)!;
    const listed = await gateway.gql<{ segments: { handle: string }[] }>(SEGMENTS, {}, merchant.auth);
    expect(listed.data!.segments.map((s) => s.handle)).toEqual(last.segments.map((s) => s.handle));
    expect(await withOwnerDb('segment', async (db) => (await db.query<{ n: number }>('select count(*)::int as n from segment_definition where merchant_id = $1', [merchant.id])).rows[0].n)).toBe(last.segments.length);
    const customs = last.segments.filter((s) => s.kind === 'CUSTOM').map((s) => s.handle);
    expect(new Set(customs.map((h) => h.split('-')[0])).size).toBe(1);
    const events = await updatedEvents(merchant.id);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
    expect(events.map((e) => e.windowDays).sort()).toEqual([100, 101, 102, 103, 104]);
  });

  it("changes only the caller's merchant: B's setup stays as it was", async () => {
    await gateway.gql(SEGMENTS, {}, b.auth);
    const before = await storedSetup(b.id);
    await updateSegments(gateway, a.auth, { windowDays: 90, ...withSegments(custom('only-a')) });
    expect(await storedSetup(b.id)).toBe(before);
    const bSegments = await gateway.gql<{ segments: { handle: string }[] }>(SEGMENTS, {}, b.auth);
    expect(bSegments.data!.segments.map((s) => s.handle)).not.toContain('only-a');
    const bSettings = await gateway.gql<{ segmentSettings: { windowDays: number } }>(SEGMENT_SETTINGS, {}, b.auth);
    expect(bSettings.data!.segmentSettings.windowDays).not.toBe(90);
  });

  it('refuses a shopper both the settings and a change, and a reader without segments:manage the change', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });
    const shopper = await shopperAuth(gateway, a, customer.id);
    const before = await storedSetup(a.id);
    expect((await gateway.gql(SEGMENT_SETTINGS, {}, shopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refused = await gateway.gql(UPDATE_SEGMENTS, { input: withSegments() }, shopper);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/segments:manage/);

    const created = await gateway.gql<{ createApiKey: { secret: string } }>(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`,
      { input: { name: 'segment reader', scopes: ['segments:read'] } },
      a.auth,
    );
    const reader = { authorization: `Bearer ${created.data!.createApiKey.secret}` };
    expect((await gateway.gql(SEGMENT_SETTINGS, {}, reader)).errors).toBeUndefined();
    expect((await gateway.gql(UPDATE_SEGMENTS, { input: withSegments() }, reader)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storedSetup(a.id)).toBe(before);
  });
});
