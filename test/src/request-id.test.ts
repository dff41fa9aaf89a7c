import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, UPSERT_CUSTOMER, type TestMerchant } from './support/tenants.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ENTRIES = `query($filter: AuditEntryFilter) { auditEntries(first: 100, filter: $filter) { nodes { entityType entityId requestId correlationId source { topic } } } }`;

interface Entry {
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  correlationId: string | null;
  source: { topic: string };
}

interface Answer {
  status: number;
  body: { data?: { upsertCustomer?: { customer?: { id: string } } }; errors?: unknown[] };
  requestId: string | undefined;
  correlationId: string | undefined;
}

/**
 * Posts an upsert with raw `node:http`, which (unlike fetch) sends a header value holding a tab
 * or bytes above ASCII as given, and returns the ids the gateway answered with.
 */
function upsert(gateway: TestGateway, merchant: TestMerchant, clientRequestId?: string): Promise<Answer> {
  const body = JSON.stringify({ query: UPSERT_CUSTOMER, variables: { input: { shopifyId: shopifyId() } } });
  return new Promise((resolve, reject) => {
    const req = request(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...merchant.auth, ...(clientRequestId !== undefined && { 'x-request-id': clientRequestId }) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          body: JSON.parse(text),
          requestId: res.headers['x-request-id'] as string | undefined,
          correlationId: res.headers['x-correlation-id'] as string | undefined,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The customer's `customer.created` entry and the request's `upsertCustomer` mutation entry, once both are chained. */
async function entriesOf(gateway: TestGateway, merchant: TestMerchant, customerId: string): Promise<{ event: Entry; mutations: Entry[] }> {
  return eventually(async () => {
    const read = async (filter: Record<string, string>) => ((await gateway.gql<{ auditEntries: { nodes: Entry[] } }>(ENTRIES, { filter }, merchant.auth)).data?.auditEntries.nodes ?? []);
    const [event] = await read({ entityType: 'Customer', entityId: customerId });
    const mutations = await read({ entityType: 'Mutation', entityId: 'upsertCustomer' });
    return event && mutations.some((m) => m.requestId === event.requestId) ? { event, mutations } : undefined;
  }, 15_000, `the audit entries of customer ${customerId}`);
}

describe.each<Mode>(['embedded', 'networked'])('trusted request ids (%s)', (mode) => {
  let gateway: TestGateway;
  let merchant: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode);
    merchant = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  it("a forged x-request-id naming another request's id becomes a correlation id, never that request's id in events or the audit trail", async () => {
    // given a first request and the server id it was given
    const first = await upsert(gateway, merchant);
    expect(first.requestId).toMatch(UUID);
    expect(first.correlationId).toBeUndefined();

    // when a second request claims that id
    const forged = await upsert(gateway, merchant, first.requestId);

    // then it gets its own server id, and the claimed one only as its correlation id
    expect(forged.status).toBe(200);
    expect(forged.requestId).toMatch(UUID);
    expect(forged.requestId).not.toBe(first.requestId);
    expect(forged.correlationId).toBe(first.requestId);
    const customerId = forged.body.data!.upsertCustomer!.customer!.id;
    const [outbox] = (await withOwnerDb('customer', (db) => db.query("select request_id, correlation_id from outbox_event where topic = 'customer.created' and payload->>'customerId' = $1", [customerId]))).rows;
    expect(outbox).toEqual({ request_id: forged.requestId, correlation_id: first.requestId });
    const { event, mutations } = await entriesOf(gateway, merchant, customerId);
    expect(event).toMatchObject({ requestId: forged.requestId, correlationId: first.requestId, source: { topic: 'customer.created' } });
    expect(mutations.find((m) => m.requestId === forged.requestId)).toMatchObject({ correlationId: first.requestId });
    // and the first request's id still names the first request's entries only
    const claimed = (await withOwnerDb('audit', (db) => db.query('select correlation_id from audit_entry where merchant_id = $1 and request_id = $2', [merchant.id, first.requestId]))).rows;
    expect(claimed.length).toBeGreaterThan(0);
    expect(claimed.every((r) => r.correlation_id === null)).toBe(true);
  });

  it.each([
    ['10 KB long', 'x'.repeat(10_240)],
    ['with a control character (tab)', 'abc\tdef'],
    ['with characters outside the allowed set', 'évil <id>'],
  ])('an x-request-id %s is dropped: the server id alone is recorded', async (_label, value) => {
    const answer = await upsert(gateway, merchant, Buffer.from(value, 'utf8').toString('latin1'));

    expect(answer.status).toBe(200);
    expect(answer.requestId).toMatch(UUID);
    expect(answer.correlationId).toBeUndefined();
    const customerId = answer.body.data!.upsertCustomer!.customer!.id;
    const { event, mutations } = await entriesOf(gateway, merchant, customerId);
    expect(event).toMatchObject({ requestId: answer.requestId, correlationId: null });
    expect(mutations.find((m) => m.requestId === answer.requestId)).toMatchObject({ correlationId: null });
  });

  it('keeps a valid correlation id of up to 128 characters, and echoes it', async () => {
    const correlationId = `trace:${randomBytes(61).toString('hex')}`.slice(0, 128);
    const answer = await upsert(gateway, merchant, correlationId);

    expect(answer.correlationId).toBe(correlationId);
    const { event } = await entriesOf(gateway, merchant, answer.body.data!.upsertCustomer!.customer!.id);
    expect(event).toMatchObject({ requestId: answer.requestId, correlationId });
  });
});
