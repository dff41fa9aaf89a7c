import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { createMerchant, shopifyId, UPSERT_CUSTOMER, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { postWebhook } from './support/webhooks.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };

type LogLine = Record<string, unknown> & { level: number; msg: string; subgraph: string };

/**
 * A run's logs hold no customer's email or name: a representative flow (customers upserted, an
 * order webhook whose first delivery fails at the database with the customer's PII in the error,
 * a Flow trigger the demo-like tokenless shop refuses, a customer write that fails, an auth
 * failure) with its logs in a file (`LOG_FILE`), then grepped.
 */
describe('structured logs', () => {
  const file = join(tmpdir(), `loyalnest-logs-${randomUUID()}.jsonl`);
  const tag = randomBytes(4).toString('hex');
  const demo = { email: `ada.quill.${tag}@example.com`, firstName: `Adelind${tag}`, lastName: `Quorrington${tag}` };
  const other = { email: `bo.marsh.${tag}@example.com`, firstName: `Borrowdale${tag}`, lastName: `Mistlethwaite${tag}` };
  const functions: string[] = [];
  let gateway: TestGateway;
  let merchant: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, LOG_FILE: file });
    // like the demo shop: installed, no Shopify token, so every Flow trigger is refused
    merchant = await createMerchant(gateway);
  });
  afterAll(async () => {
    await gateway?.stop();
    await withOwnerDb('customer', async (db) => {
      for (const fn of functions) await db.query(`drop function if exists ${fn}() cascade`);
    });
    rmSync(file, { force: true });
  });

  const logLines = (): LogLine[] =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);

  /** A trigger on `table` for this merchant's rows, raising `message` (`once`: on the first insert only). */
  async function failInserts(table: string, message: string, once: boolean): Promise<void> {
    const fn = `logs_fail_${randomBytes(4).toString('hex')}`;
    functions.push(fn);
    await withOwnerDb('customer', async (db) => {
      if (once) await db.query(`create sequence ${fn}_seq`);
      const raise = once ? `if nextval('${fn}_seq') = 1 then raise exception '${message}'; end if; return new;` : `raise exception '${message}';`;
      await db.query(`create function ${fn}() returns trigger language plpgsql security definer as $$ begin ${raise} end $$`);
      if (once) await db.query(`grant usage on sequence ${fn}_seq to public`);
      await db.query(`create trigger ${fn} before insert on ${table} for each row when (new.merchant_id = '${merchant.id}') execute function ${fn}()`);
    });
  }

  it('writes JSON lines naming subgraph, request and merchant, and none of the customers’ emails, names or tokens', async () => {
    // given customers with known emails and names
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), ...demo });

    // when an order webhook's first delivery fails at the database with the customer's PII in the error
    await failInserts('customer_order', `order of ${demo.email} (${demo.firstName} ${demo.lastName}) refused`, true);
    const eventId = randomUUID();
    const body = {
      id: Number(shopifyId()),
      total_price: '50.00',
      financial_status: 'paid',
      processed_at: '2026-11-20T10:00:00Z',
      created_at: '2026-11-20T10:00:00Z',
      updated_at: '2026-11-20T10:00:00Z',
      cancelled_at: null,
      email: demo.email,
      customer: { id: Number(customer.shopifyId), email: demo.email, first_name: demo.firstName, last_name: demo.lastName },
      billing_address: { first_name: demo.firstName, last_name: demo.lastName, address1: '1 Quill Lane' },
    };
    expect(await postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic: 'orders/paid', eventId, body })).toBe(200);
    // then it is retried and applied, and the points it earns fire a Flow trigger the tokenless shop refuses
    const refused = await eventually(
      async () => logLines().find((l) => l.subgraph === 'points' && /Flow trigger .* dropped/.test(l.msg) && l.merchantId === merchant.id),
      20_000,
      'the refused Flow trigger logged',
    );

    // and a customer write that fails at the database with PII in its error, and an auth failure
    await failInserts('customer', `customer ${other.email} ${other.firstName} ${other.lastName} refused`, false);
    const failed = await gateway.gql(UPSERT_CUSTOMER, { input: { shopifyId: shopifyId(), ...other } }, merchant.auth);
    expect(failed.errors?.[0].extensions?.code).toBe('INTERNAL');
    const denied = await gateway.gql(UPSERT_CUSTOMER, { input: { shopifyId: shopifyId(), ...other } }, { authorization: `Bearer ${merchant.token}x` });
    expect(denied.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // then every line is JSON and names its subgraph
    const lines = logLines();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(typeof line.subgraph).toBe('string');
    // the failed delivery's warning names the customer subgraph, the event and the merchant
    const retried = lines.find((l) => l.subgraph === 'customer' && l.eventId && /failed \(attempt 1 of/.test(l.msg) && l.merchantId === merchant.id);
    expect(retried).toBeDefined();
    // the refusal names the points subgraph, the request and the merchant
    expect(refused).toMatchObject({ level: 40, merchantId: merchant.id, requestId: expect.any(String) });
    // the unexpected error names the request and merchant it happened in
    expect(lines.find((l) => l.level === 50 && l.msg === 'unexpected error' && l.subgraph === 'customer' && l.merchantId === merchant.id && typeof l.requestId === 'string')).toBeDefined();

    // and nothing anywhere holds an email, a name or the merchant's token
    const text = readFileSync(file, 'utf8');
    for (const secret of [demo.email, demo.firstName, demo.lastName, other.email, other.firstName, other.lastName, merchant.token, '1 Quill Lane']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/@example\.com/);
  });
});
