import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, createRequestContext, FieldCipher, purgeMerchantRows, systemCaller, type PeerClient } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { runSegmentExports } from '../../subgraphs/segment/src/jobs/segment-export.job.js';
import { SegmentExportBatchService } from '../../subgraphs/segment/src/services/segment-export-batch.service.js';
import { MAX_ACTIVE_EXPORTS } from '../../subgraphs/segment/src/services/segment-export.service.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { completedRequest, requestIds } from './support/gdpr-requests.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { productionEnv } from './support/production-env.js';
import { EXPORT_SEGMENT, exportRows, linesById, scored, SEGMENT_EXPORT, SEGMENTS, type ExportNode } from './support/segment-exports.js';
import { deliver } from './support/tier-members.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

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
    for (let i = 0; i < 4; i++) await expect(batches.runBatch(context(down), 500)).rejects.toThrow('customer subgraph down');
    expect(await read(id!)).toMatchObject({ status: 'RUNNING', error: null });
    await expect(batches.runBatch(context(down), 500)).rejects.toThrow('customer subgraph down');
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

    // Another merchant's erasure naming A's customer id reaches nothing of A's.
    const stranger = await createMerchant(gateway);
    expect(await batches.forgetCustomers(segment().createContext(systemCaller(ADMIN_SCOPES, stranger.id)), [members[4].id])).toBe(0);
    expect(await read(id!)).toMatchObject({ status: 'RUNNING', processed: 2 });

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
