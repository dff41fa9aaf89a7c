import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldCipher } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { ExportLinkSigner } from '../../subgraphs/segment/src/domain/segment-export-link.js';
import { pruneSegmentExports } from '../../subgraphs/segment/src/jobs/segment-export-prune.job.js';
import { SegmentExportBatchService } from '../../subgraphs/segment/src/services/segment-export-batch.service.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { customSegment, EXPORT_SEGMENT, exportRows, linesById, scored, SEGMENT_EXPORT, SEGMENTS, type ExportNode } from './support/segment-exports.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

describe.each<Mode>(['embedded', 'networked'])('segment member exports (%s)', (mode) => {
  let gateway: TestGateway;
  let origin: string;
  let a: TestMerchant;
  let b: TestMerchant;
  let formula: CreatedCustomer;
  let quoted: CreatedCustomer;
  let signs: CreatedCustomer;
  let other: CreatedCustomer;
  let bChampion: CreatedCustomer;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, { EVENTS_POLL_MS: '200' });
    origin = new URL(gateway.url).origin;
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    await Promise.all([gateway.gql(SEGMENTS, {}, a.auth), gateway.gql(SEGMENTS, {}, b.auth)]);
    formula = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `formula-${randomUUID()}@example.com`, firstName: '=HYPERLINK("http://evil.example","click")', lastName: 'Smith, Jr.' });
    quoted = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `quoted-${randomUUID()}@example.com`, firstName: 'Line\nBreak', lastName: 'O"Brien' });
    signs = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `signs-${randomUUID()}@example.com`, firstName: '+1234', lastName: '-2+3' });
    other = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `other-${randomUUID()}@example.com`, firstName: '@SUM(A1)', lastName: 'Plain' });
    bChampion = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: `b-${randomUUID()}@example.com`, firstName: 'Bea', lastName: 'B' });
    await scored(a, formula.id, 'champions', [5, 5, 5]);
    await scored(a, quoted.id, 'champions', [5, 4, 5]);
    await scored(a, signs.id, 'champions', [4, 5, 5]);
    await scored(a, other.id, 'lost', [1, 1, 1]);
    await scored(b, bChampion.id, 'champions', [5, 5, 5]);
    await customSegment(a, 'vip', [
      { customerId: quoted.id, since: new Date('2026-10-01T00:00:00Z') },
      { customerId: other.id, since: new Date('2026-10-02T00:00:00Z') },
    ]);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  async function start(merchant: TestMerchant, handle: string): Promise<ExportNode> {
    const result = await gateway.gql<{ exportSegment: ExportNode & { __typename: string } }>(EXPORT_SEGMENT, { handle }, merchant.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.exportSegment.__typename).toBe('SegmentExport');
    return result.data!.exportSegment;
  }

  async function read(merchant: TestMerchant, id: string): Promise<ExportNode | null> {
    const result = await gateway.gql<{ segmentExport: ExportNode | null }>(SEGMENT_EXPORT, { id }, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.segmentExport;
  }

  async function ready(merchant: TestMerchant, id: string): Promise<ExportNode> {
    return eventually(async () => {
      const node = await read(merchant, id);
      return node?.status === 'READY' ? node : undefined;
    }, 30_000, `export ${id} ready`);
  }

  /** Fetches a download link through the gateway's own port, as the admin's browser does. */
  function download(link: string): Promise<Response> {
    const url = new URL(link);
    return fetch(`${origin}${url.pathname}${url.search}`);
  }

  it("writes exactly an RFM segment's members, with the customer domain's details, escaped and with formulas defused; progress reaches 100", async () => {
    const queued = await start(a, 'champions');
    expect(queued).toMatchObject({ handle: 'champions', downloadUrl: null });
    expect(['QUEUED', 'RUNNING', 'READY']).toContain(queued.status);

    const done = await ready(a, queued.id);
    expect(done).toMatchObject({ progress: 100, rows: 3, processed: 3 });
    expect(done.downloadUrl).toMatch(/\/segment-exports\/[0-9a-f-]{36}\.csv\?/);

    const response = await download(done.downloadUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="segment-champions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    const lines = linesById(text);
    expect([...lines.keys()].sort()).toEqual([formula.id, quoted.id, signs.id].sort());

    expect(lines.get(formula.id)).toEqual({
      customer_id: formula.id,
      shopify_customer_id: formula.shopifyId,
      email: formula.email,
      first_name: `'=HYPERLINK("http://evil.example","click")`,
      last_name: 'Smith, Jr.',
      recency: '5',
      frequency: '5',
      monetary: '5',
      segment: 'champions',
      since: '2026-11-01T10:00:00.000Z',
    });
    expect(lines.get(quoted.id)).toMatchObject({ first_name: 'Line\nBreak', last_name: 'O"Brien', frequency: '4' });
    expect(lines.get(signs.id)).toMatchObject({ first_name: "'+1234", last_name: "'-2+3" });
    // The raw text: the quote doubled, the comma and the line break inside quotes, no cell starting with a formula character.
    expect(text).toContain('"O""Brien"');
    expect(text).toContain('"Smith, Jr."');
    expect(text).toContain('"Line\nBreak"');
    expect(text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
  });

  it('writes exactly a custom segment\'s members, each with their RFM segment and the time they joined it', async () => {
    const done = await ready(a, (await start(a, 'vip')).id);
    expect(done).toMatchObject({ rows: 2, progress: 100 });
    const lines = linesById(await (await download(done.downloadUrl!)).text());
    expect([...lines.keys()].sort()).toEqual([quoted.id, other.id].sort());
    expect(lines.get(other.id)).toMatchObject({ first_name: "'@SUM(A1)", segment: 'lost', since: '2026-10-02T00:00:00.000Z', recency: '1' });
    expect(lines.get(quoted.id)).toMatchObject({ segment: 'champions', since: '2026-10-01T00:00:00.000Z' });
  });

  it('refuses an unknown handle with SegmentNotFoundError naming handle, and writes nothing', async () => {
    const before = await exportRows(a.id);
    for (const handle of ['no-such-segment', 'x'.repeat(300), '']) {
      const result = await gateway.gql<{ exportSegment: { __typename: string; code: string; field: string; handle: string; message: string } }>(EXPORT_SEGMENT, { handle }, a.auth);
      expect(result.errors).toBeUndefined();
      expect(result.data!.exportSegment).toMatchObject({ __typename: 'SegmentNotFoundError', code: 'SEGMENT_NOT_FOUND', field: 'handle', handle });
      expect(result.data!.exportSegment.message).toMatch(/^handle: /);
    }
    expect(await exportRows(a.id)).toEqual(before);
  });

  it('keeps the file encrypted at rest: no email, name or id of a member readable in the store', async () => {
    const done = await ready(a, (await start(a, 'champions')).id);
    const stored = await withOwnerDb('segment', async (db) => (await db.query<{ t: string }>('select t::text as t from segment_export_chunk t where export_id = $1', [done.id])).rows.map((r) => r.t).join('\n'));
    expect(stored.length).toBeGreaterThan(0);
    for (const secret of [formula.email!, quoted.email!, 'Smith', 'HYPERLINK', 'Brien', formula.shopifyId]) expect(stored).not.toContain(secret);
    // And the content decrypts only as this merchant's export's chunk.
    const [chunk] = await withOwnerDb('segment', async (db) => (await db.query<{ content: string }>('select content from segment_export_chunk where export_id = $1 and seq = 0', [done.id])).rows);
    const cipher = new FieldCipher(gateway.config.kit.encryptionKeys);
    expect(() => cipher.decrypt(chunk.content, `${b.id}/segment_export_chunk/${done.id}/0/content`)).toThrow();
    expect(cipher.decrypt(chunk.content, `${a.id}/segment_export_chunk/${done.id}/0/content`)).toContain(formula.email!);
  });

  it("lets another merchant neither read an export's status nor download it (404), whatever link they hold or make", async () => {
    const mine = await ready(a, (await start(a, 'champions')).id);
    const theirs = await ready(b, (await start(b, 'champions')).id);
    // B's own export holds B's member only.
    expect([...linesById(await (await download(theirs.downloadUrl!)).text()).keys()]).toEqual([bChampion.id]);

    expect(await read(b, mine.id)).toBeNull();
    expect(await read(a, theirs.id)).toBeNull();

    // B's link with A's export id in it: the signature no longer matches.
    const swapped = theirs.downloadUrl!.replace(theirs.id, mine.id);
    expect((await download(swapped)).status).toBe(404);
    // A link signed with the deployment's key, naming B and A's export: B's tenant cannot see it.
    const signer = new ExportLinkSigner(gateway.config.kit.internalTokenSecret);
    const forged = signer.path({ merchantId: b.id, exportId: mine.id, expires: Math.floor(Date.now() / 1000) + 600 });
    const refused = await fetch(`${origin}${forged}`);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain(formula.email!);
    // A tampered signature, and no signature at all.
    const tampered = new URL(mine.downloadUrl!);
    tampered.searchParams.set('signature', tampered.searchParams.get('signature')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    expect((await download(tampered.toString())).status).toBe(404);
    expect((await fetch(`${origin}/segment-exports/${mine.id}.csv`)).status).toBe(404);
    // A's own link still works.
    expect((await download(mine.downloadUrl!)).status).toBe(200);
  });

  it('refuses a partner key holding the segment scopes but not customers:read: the file holds emails and names', async () => {
    const key = async (scopes: string[]) =>
      (await gateway.gql<{ createApiKey: { secret: string } }>('mutation($s: [String!]!) { createApiKey(input: { name: "segments", scopes: $s }) { ... on ApiKeyCreated { secret } } }', { s: scopes }, a.auth)).data!
        .createApiKey.secret;
    const segmentsOnly = { authorization: `Bearer ${await key(['segments:read', 'segments:manage'])}` };
    const started = await gateway.gql(EXPORT_SEGMENT, { handle: 'champions' }, segmentsOnly);
    expect(started.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(started.errors?.[0]?.message).toMatch(/customers:read/);
    const mine = await start(a, 'vip');
    const status = await gateway.gql(SEGMENT_EXPORT, { id: mine.id }, segmentsOnly);
    expect(status.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // With customers:read too, a partner may export and follow it.
    const withCustomers = { authorization: `Bearer ${await key(['segments:read', 'segments:manage', 'customers:read'])}` };
    const allowed = await gateway.gql<{ segmentExport: { id: string } | null }>(SEGMENT_EXPORT, { id: mine.id }, withCustomers);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.segmentExport?.id).toBe(mine.id);
    await ready(a, mine.id);
  });

  it('refuses a shopper both the mutation and the status', async () => {
    const auth = await shopperAuth(gateway, a, formula.id);
    const started = await gateway.gql(EXPORT_SEGMENT, { handle: 'champions' }, auth);
    expect(started.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await start(a, 'vip');
    const status = await gateway.gql(SEGMENT_EXPORT, { id: mine.id }, auth);
    expect(status.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await ready(a, mine.id);
  });

  it('answers 410 once the link or the export has expired, and the prune job deletes the expired file', async () => {
    const done = await ready(a, (await start(a, 'champions')).id);
    const signer = new ExportLinkSigner(gateway.config.kit.internalTokenSecret);
    const stale = signer.path({ merchantId: a.id, exportId: done.id, expires: Math.floor(Date.now() / 1000) - 1 });
    expect((await fetch(`${origin}${stale}`)).status).toBe(410);
    expect((await download(done.downloadUrl!)).status).toBe(200);

    // when the export's lifetime is over (as if 24 hours had passed)
    await withOwnerDb('segment', (db) => db.query(`update segment_export set expires_at = now() - interval '1 second' where id = $1`, [done.id]));
    const gone = await download(done.downloadUrl!);
    expect(gone.status).toBe(410);
    expect((await gone.json()) as unknown).toMatchObject({ error: { code: 'EXPORT_EXPIRED' } });
    expect(await read(a, done.id)).toMatchObject({ status: 'EXPIRED', downloadUrl: null });

    const batches = new SegmentExportBatchService(new FieldCipher(gateway.config.kit.encryptionKeys), gateway.config.kit.segmentExports.lifetimeMs);
    expect(await pruneSegmentExports(runtime(gateway, 'segment'), batches)).toBeGreaterThanOrEqual(1);
    const left = await withOwnerDb('segment', async (db) => ({
      status: (await db.query<{ status: string }>('select status from segment_export where id = $1', [done.id])).rows[0].status,
      chunks: (await db.query<{ n: number }>('select count(*)::int as n from segment_export_chunk where export_id = $1', [done.id])).rows[0].n,
      rows: (await db.query<{ n: number }>('select count(*)::int as n from segment_export_row where export_id = $1', [done.id])).rows[0].n,
    }));
    expect(left).toEqual({ status: 'expired', chunks: 0, rows: 0 });
    expect((await download(done.downloadUrl!)).status).toBe(410);
  });
});
