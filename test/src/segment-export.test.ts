import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, createRequestContext, FieldCipher, purgeMerchantRows, systemCaller, type PeerClient } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { EXPORT_COLUMNS } from '../../subgraphs/segment/src/domain/segment-export-csv.js';
import { ExportLinkSigner } from '../../subgraphs/segment/src/domain/segment-export-link.js';
import { runSegmentExports } from '../../subgraphs/segment/src/jobs/segment-export.job.js';
import { pruneSegmentExports } from '../../subgraphs/segment/src/jobs/segment-export-prune.job.js';
import { SegmentExportBatchService } from '../../subgraphs/segment/src/services/segment-export-batch.service.js';
import { MAX_ACTIVE_EXPORTS } from '../../subgraphs/segment/src/services/segment-export.service.js';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { completedRequest, requestIds } from './support/gdpr-requests.js';
import { productionEnv } from './support/production-env.js';
import { deliver } from './support/tier-members.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const EXPORT_SEGMENT = /* GraphQL */ `mutation($handle: String!) {
  exportSegment(handle: $handle) {
    __typename
    ... on SegmentExport { id handle status progress rows processed downloadUrl expiresAt }
    ... on SegmentNotFoundError { code message field handle }
    ... on SegmentExportLimitReachedError { code message limit }
  }
}`;
const SEGMENT_EXPORT = /* GraphQL */ `query($id: ID!) { segmentExport(id: $id) { id handle status progress rows processed downloadUrl createdAt finishedAt expiresAt error } }`;
const SEGMENTS = /* GraphQL */ `query { segments { handle } }`;

interface ExportNode {
  id: string;
  handle: string;
  status: string;
  progress: number;
  rows: number;
  processed: number;
  downloadUrl: string | null;
  expiresAt: string;
  error?: string | null;
}

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const lines: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      cells.push(cell);
      lines.push(cells);
      cells = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(cells).toEqual([]);
  return lines;
}

/** The file's lines by customer id, each as `{ column: value }`. */
function linesById(text: string): Map<string, Record<string, string>> {
  const [header, ...lines] = parseCsv(text);
  expect(header).toEqual([...EXPORT_COLUMNS]);
  const byId = new Map<string, Record<string, string>>();
  for (const line of lines) {
    expect(line).toHaveLength(EXPORT_COLUMNS.length);
    const record = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, line[i]]));
    expect(byId.has(record.customer_id)).toBe(false);
    byId.set(record.customer_id, record);
  }
  return byId;
}

async function scored(merchant: TestMerchant, customerId: string, segment: string, scores: [number, number, number], since = new Date('2026-11-01T10:00:00Z')): Promise<void> {
  await withOwnerDb('segment', (db) =>
    db.query(
      `insert into segment_customer (merchant_id, customer_id, recency, frequency, monetary, segment, segment_since, scored_at)
       values ($1, $2, $3, $4, $5, $6, $7, now())`,
      [merchant.id, customerId, ...scores, segment, since],
    ),
  );
}

async function customSegment(merchant: TestMerchant, handle: string, members: { customerId: string; since: Date }[]): Promise<void> {
  await withOwnerDb('segment', async (db) => {
    await db.query(
      `insert into segment_definition (merchant_id, handle, kind, position, names, builtin, created_at, updated_at)
       values ($1, $2, 'custom', 1, $3, false, now(), now())`,
      [merchant.id, handle, JSON.stringify({ en: 'VIP', es: 'VIP', fr: 'VIP' })],
    );
    for (const m of members) await db.query('insert into segment_member (merchant_id, handle, customer_id, since) values ($1, $2, $3, $4)', [merchant.id, handle, m.customerId, m.since]);
  });
}

async function exportRows(merchantId: string): Promise<{ table: string; n: number }[]> {
  return withOwnerDb('segment', async (db) => {
    const counts: { table: string; n: number }[] = [];
    for (const table of ['segment_export', 'segment_export_row', 'segment_export_chunk']) {
      counts.push({ table, n: (await db.query<{ n: number }>(`select count(*)::int as n from ${table} where merchant_id = $1`, [merchantId])).rows[0].n });
    }
    return counts;
  });
}

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

describe('segment member exports: the job, a crash, the bound and GDPR', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let batches: SegmentExportBatchService;
  const members: CreatedCustomer[] = [];

  // Background work off: the test runs the export job's passes itself, as a replica would.
  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { EVENT_PROCESSING: 'off' });
    a = await createMerchant(gateway);
    await gateway.gql(SEGMENTS, {}, a.auth);
    for (let i = 0; i < 5; i++) {
      const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `m${i}-${randomUUID()}@example.com`, firstName: `Member${i}`, lastName: 'Loyal' });
      members.push(customer);
      await scored(a, customer.id, 'at-risk', [2, 3, 3]);
    }
    batches = new SegmentExportBatchService(new FieldCipher(gateway.config.kit.encryptionKeys), gateway.config.kit.segmentExports.lifetimeMs);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  const segment = () => runtime(gateway, 'segment');
  const context = (peers?: PeerClient) =>
    peers ? createRequestContext(segment().orm.em, systemCaller(ADMIN_SCOPES, a.id), { peers, subgraph: 'segment' }) : segment().createContext(systemCaller(ADMIN_SCOPES, a.id));

  async function start(handle: string): Promise<{ __typename: string; id?: string; code?: string; limit?: number }> {
    const result = await gateway.gql<{ exportSegment: { __typename: string; id?: string; code?: string; limit?: number } }>(EXPORT_SEGMENT, { handle }, a.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.exportSegment;
  }

  async function read(id: string): Promise<ExportNode> {
    return (await gateway.gql<{ segmentExport: ExportNode }>(SEGMENT_EXPORT, { id }, a.auth)).data!.segmentExport;
  }

  async function file(id: string): Promise<Map<string, Record<string, string>>> {
    const node = await read(id);
    expect(node.status).toBe('READY');
    const url = new URL(node.downloadUrl!);
    const response = await fetch(`${new URL(gateway.url).origin}${url.pathname}${url.search}`);
    expect(response.status).toBe(200);
    return linesById(await response.text());
  }

  it('what if the process dies mid-export? The batch it cut rolls back, and the next pass resumes after the last chunk: every member exactly once', async () => {
    const { id } = await start('at-risk');
    // First pass of a replica: the snapshot (5 members), then one batch of 2.
    expect(await batches.runBatch(context(), 2)).toMatchObject({ exportId: id, written: 0, finished: false });
    expect(await batches.runBatch(context(), 2)).toMatchObject({ exportId: id, written: 2, finished: false });
    expect(await read(id!)).toMatchObject({ status: 'RUNNING', progress: 40, processed: 2, rows: 5, downloadUrl: null });

    // The next batch dies after it has read its rows and while it asks the customer domain.
    const dying: PeerClient = { query: () => Promise.reject(new Error('process killed')) };
    await expect(batches.runBatch(context(dying), 2)).rejects.toThrow('process killed');
    const afterCrash = await withOwnerDb('segment', async (db) => (await db.query('select status, done, chunks, failures from segment_export where id = $1', [id])).rows[0]);
    expect(afterCrash).toEqual({ status: 'running', done: 2, chunks: 1, failures: 1 });

    // Two replicas' passes at once: each batch holds the export's row, so no batch is written twice.
    const passes = await Promise.all([runSegmentExports(segment(), batches, undefined, 2), runSegmentExports(segment(), batches, undefined, 2)]);
    expect(passes.reduce((sum, p) => sum + p.written, 0)).toBe(3);
    expect(passes.flatMap((p) => p.failedMerchants)).toEqual([]);

    const node = await read(id!);
    expect(node).toMatchObject({ status: 'READY', progress: 100, processed: 5, rows: 5, error: null });
    const lines = await file(id!);
    expect([...lines.keys()].sort()).toEqual(members.map((m) => m.id).sort());
    expect(await withOwnerDb('segment', async (db) => (await db.query('select array_agg(seq order by seq) as seqs, sum(rows)::int as rows from segment_export_chunk where export_id = $1', [id])).rows[0])).toEqual({
      seqs: [0, 1, 2],
      rows: 5,
    });
  });

  it('streams a file of many chunks in order, and writes a member the customer domain does not know with their ids and scores only', async () => {
    const unknown = Array.from({ length: 45 }, () => randomUUID());
    for (const id of unknown) await scored(a, id, 'hibernating', [1, 2, 1]);
    const { id } = await start('hibernating');
    await runSegmentExports(segment(), batches, undefined, 2);
    expect(await read(id!)).toMatchObject({ status: 'READY', rows: 45, processed: 45, progress: 100 });
    const chunks = await withOwnerDb('segment', async (db) => (await db.query<{ n: number }>('select count(*)::int as n from segment_export_chunk where export_id = $1', [id])).rows[0].n);
    expect(chunks).toBe(23);
    const lines = await file(id!);
    expect([...lines.keys()]).toEqual([...unknown].sort());
    expect(lines.get(unknown[0])).toEqual({
      customer_id: unknown[0],
      shopify_customer_id: '',
      email: '',
      first_name: '',
      last_name: '',
      recency: '1',
      frequency: '2',
      monetary: '1',
      segment: 'hibernating',
      since: '2026-11-01T10:00:00.000Z',
    });
  });

  it('what if a batch keeps failing? The export fails for good after five in a row, with a reason and no file', async () => {
    const { id } = await start('at-risk');
    const down: PeerClient = { query: () => Promise.reject(new Error('customer subgraph down')) };
    await batches.runBatch(context(), 500);
    for (let i = 0; i < 5; i++) await expect(batches.runBatch(context(down), 500)).rejects.toThrow('customer subgraph down');
    const node = await read(id!);
    expect(node).toMatchObject({ status: 'FAILED', downloadUrl: null, processed: 0 });
    expect(node.error).toMatch(/export again/);
    expect(node.error).not.toContain('customer subgraph down');
    // A failed export is no longer worked.
    expect(await batches.runBatch(context(), 500)).toBeNull();
  });

  it(`bounds a merchant to ${MAX_ACTIVE_EXPORTS} exports queued or running, even when asked for at once`, async () => {
    const results = await Promise.all(Array.from({ length: MAX_ACTIVE_EXPORTS + 2 }, () => start('at-risk')));
    expect(results.filter((r) => r.__typename === 'SegmentExport')).toHaveLength(MAX_ACTIVE_EXPORTS);
    const refused = results.filter((r) => r.__typename !== 'SegmentExport');
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r).toMatchObject({ __typename: 'SegmentExportLimitReachedError', code: 'SEGMENT_EXPORT_LIMIT_REACHED', limit: MAX_ACTIVE_EXPORTS });
    // Once they are done, another may start.
    await runSegmentExports(segment(), batches);
    expect((await start('at-risk')).__typename).toBe('SegmentExport');
    await runSegmentExports(segment(), batches);
  });

  it('what if a customer in a running export is erased mid-way? The export expires with its partial file, is not worked again, and a redelivered erasure changes nothing', async () => {
    const { id } = await start('at-risk');
    await batches.runBatch(context(), 2);
    expect(await batches.runBatch(context(), 2)).toMatchObject({ exportId: id, written: 2, finished: false });

    // the erasure (customer.redacted's handler) commits between two batches: this export and every earlier one hold them
    const live = await withOwnerDb('segment', async (db) =>
      (await db.query<{ n: number }>(`select count(distinct e.id)::int as n from segment_export e join segment_export_row r on r.export_id = e.id where e.merchant_id = $1 and r.customer_id = $2 and e.status <> 'expired'`, [a.id, members[4].id])).rows[0].n,
    );
    expect(live).toBeGreaterThan(1);
    expect(await batches.forgetCustomers(context(), [members[4].id])).toBe(live);
    expect(await read(id!)).toMatchObject({ status: 'EXPIRED', downloadUrl: null });
    const left = await withOwnerDb('segment', async (db) => ({
      rows: (await db.query<{ n: number }>('select count(*)::int as n from segment_export_row where export_id = $1', [id])).rows[0].n,
      chunks: (await db.query<{ n: number }>('select count(*)::int as n from segment_export_chunk where export_id = $1', [id])).rows[0].n,
    }));
    expect(left).toEqual({ rows: 0, chunks: 0 });

    expect(await batches.runBatch(context(), 2)).toBeNull();
    expect(await batches.forgetCustomers(context(), [members[4].id])).toBe(0);
    // Ready exports of the other members, which the erased customer is in, expire too; none is left holding them.
    const holding = await withOwnerDb('segment', async (db) =>
      (await db.query<{ n: number }>(`select count(*)::int as n from segment_export e join segment_export_row r on r.export_id = e.id where e.merchant_id = $1 and r.customer_id = $2`, [a.id, members[4].id])).rows[0].n,
    );
    expect(holding).toBe(0);
  });

  it("shop/redact's purge (the kit's purgeMerchantRows) removes every export row, snapshot and chunk of the merchant", async () => {
    await start('at-risk');
    await runSegmentExports(segment(), batches);
    expect((await exportRows(a.id)).every((c) => c.n > 0)).toBe(true);
    const doomed = await createMerchant(gateway);
    await gateway.gql(SEGMENTS, {}, doomed.auth);
    const customer = await upsertCustomer(gateway, doomed, { shopifyId: shopifyId(), email: `d-${randomUUID()}@example.com` });
    await scored(doomed, customer.id, 'lost', [1, 1, 1]);
    await gateway.gql(EXPORT_SEGMENT, { handle: 'lost' }, doomed.auth);
    await runSegmentExports(segment(), batches);
    expect((await exportRows(doomed.id)).every((c) => c.n > 0)).toBe(true);
    await purgeMerchantRows(segment().createContext(systemCaller(ADMIN_SCOPES, doomed.id)));
    expect(await exportRows(doomed.id)).toEqual([
      { table: 'segment_export', n: 0 },
      { table: 'segment_export_row', n: 0 },
      { table: 'segment_export_chunk', n: 0 },
    ]);
    expect((await exportRows(a.id)).every((c) => c.n > 0)).toBe(true);
  });
});

describe('segment member exports and customers/redact', () => {
  let gateway: TestGateway;
  let a: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { EVENTS_POLL_MS: '200', EVENTS_BACKOFF_MS: '100' });
    a = await createMerchant(gateway);
    await gateway.gql(SEGMENTS, {}, a.auth);
  });

  afterAll(async () => {
    await gateway.stop();
  });

  async function readyExport(handle: string): Promise<ExportNode> {
    const started = await gateway.gql<{ exportSegment: ExportNode }>(EXPORT_SEGMENT, { handle }, a.auth);
    const id = started.data!.exportSegment.id;
    return eventually(async () => {
      const node = (await gateway.gql<{ segmentExport: ExportNode }>(SEGMENT_EXPORT, { id }, a.auth)).data!.segmentExport;
      return node.status === 'READY' ? node : undefined;
    }, 30_000, `export ${id} ready`);
  }

  it('expires at once every ready export holding an erased customer (its file deleted, 410), and leaves the others', async () => {
    const erased = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `gone-${randomUUID()}@example.com`, firstName: 'Gone' });
    const kept = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `kept-${randomUUID()}@example.com`, firstName: 'Kept' });
    await scored(a, erased.id, 'champions', [5, 5, 5]);
    await scored(a, kept.id, 'lost', [1, 1, 1]);
    const holding = await readyExport('champions');
    const other = await readyExport('lost');

    const known = await requestIds(gateway, a);
    await deliver(gateway, a, 'customers/redact', { shop_domain: a.shop, customer: { id: Number(erased.shopifyId), email: erased.email, phone: null }, orders_to_redact: [] });
    await completedRequest(gateway, a, 'CUSTOMER_REDACT', known);

    const expired = await eventually(async () => {
      const node = (await gateway.gql<{ segmentExport: ExportNode }>(SEGMENT_EXPORT, { id: holding.id }, a.auth)).data!.segmentExport;
      return node.status === 'EXPIRED' ? node : undefined;
    }, 30_000, 'the export holding the erased customer expired');
    expect(expired.downloadUrl).toBeNull();
    const url = new URL(holding.downloadUrl!);
    expect((await fetch(`${new URL(gateway.url).origin}${url.pathname}${url.search}`)).status).toBe(410);
    const left = await withOwnerDb('segment', async (db) => (await db.query<{ n: number }>('select count(*)::int as n from segment_export_chunk where export_id = $1', [holding.id])).rows[0].n);
    expect(left).toBe(0);

    const still = (await gateway.gql<{ segmentExport: ExportNode }>(SEGMENT_EXPORT, { id: other.id }, a.auth)).data!.segmentExport;
    expect(still.status).toBe('READY');
  });
});

describe('SEGMENT_EXPORT_LIFETIME_HOURS', () => {
  it('keeps an export 24 hours by default, a positive number of hours when set, and refuses anything else by name', () => {
    expect(loadGatewayConfig(productionEnv()).kit.segmentExports.lifetimeMs).toBe(24 * 3_600_000);
    expect(loadGatewayConfig({ ...productionEnv(), SEGMENT_EXPORT_LIFETIME_HOURS: '2' }).kit.segmentExports.lifetimeMs).toBe(2 * 3_600_000);
    expect(() => loadGatewayConfig({ ...productionEnv(), SEGMENT_EXPORT_LIFETIME_HOURS: '0' })).toThrow("SEGMENT_EXPORT_LIFETIME_HOURS must be a positive integer, got '0'");
    expect(() => loadGatewayConfig({ ...productionEnv(), SEGMENT_EXPORT_LIFETIME_HOURS: '1.5' })).toThrow(/SEGMENT_EXPORT_LIFETIME_HOURS must be a positive integer/);
  });

  it('starts the lifetime when the file is ready: a gateway set to 2 hours gives a ready export 2 hours', async () => {
    const gateway = await startTestGateway('embedded', { SEGMENT_EXPORT_LIFETIME_HOURS: '2', EVENT_PROCESSING: 'off' });
    try {
      const merchant = await createMerchant(gateway);
      await gateway.gql(SEGMENTS, {}, merchant.auth);
      const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `life-${randomUUID()}@example.com` });
      await scored(merchant, customer.id, 'new', [5, 1, 5]);
      const started = await gateway.gql<{ exportSegment: ExportNode }>(EXPORT_SEGMENT, { handle: 'new' }, merchant.auth);
      const batches = new SegmentExportBatchService(new FieldCipher(gateway.config.kit.encryptionKeys), gateway.config.kit.segmentExports.lifetimeMs);
      await runSegmentExports(runtime(gateway, 'segment'), batches);
      const { rows } = await withOwnerDb('segment', (db) =>
        db.query<{ lifetime_s: number }>('select extract(epoch from expires_at - finished_at)::int as lifetime_s from segment_export where id = $1', [started.data!.exportSegment.id]),
      );
      expect(rows[0].lifetime_s).toBe(2 * 3600);
    } finally {
      await gateway.stop();
    }
  });
});
