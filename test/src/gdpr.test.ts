import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Scope, systemCaller, type Caller } from '@loyalnest/kit';
import { execute, parse } from 'graphql';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { createMerchant, type TestMerchant } from './support/tenants.js';
import { adminCaller } from './support/tokens.js';
import { postWebhook } from './support/webhooks.js';

const EVENTS_ENV = { EVENTS_ATTEMPTS: '3', EVENTS_BACKOFF_MS: '50', EVENTS_POLL_MS: '100' };

/** Every store of the supergraph: a GDPR request must reach all of them. */
const STORES = ['merchant', 'customer', 'tier', 'segment', 'audit'];

const REQUESTS = `query($first: Int) { gdprRequests(first: $first) { nodes { id kind status completedAt parts { subgraph status completedAt } } } }`;
const EXPORT = `query($id: ID!) { gdprExport(id: $id) }`;

interface GdprRequestNode {
  id: string;
  kind: string;
  status: string;
  completedAt: string | null;
  parts: { subgraph: string; status: string; completedAt: string | null }[];
}

/**
 * A Shopify id no other test uses, 16 digits so it never appears by chance inside another value,
 * and below 2^53 so it survives JSON numbers as Shopify sends them.
 */
function uniqueShopifyId(): string {
  return (1_000_000_000_000_000n + BigInt(randomInt(2 ** 47)) * 31n).toString();
}

/** Rows (as text, all columns) in any table of any store that contain `needle`. */
async function findEverywhere(needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const store of STORES) {
    await withOwnerDb(store, async (db) => {
      const { rows: tables } = await db.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'mikro_orm_migrations'",
      );
      for (const { table_name } of tables) {
        const { rows } = await db.query(`select t::text as row from "${table_name}" t where t::text ilike $1`, [`%${needle}%`]);
        hits.push(...rows.map((r) => `${store}.${table_name}: ${r.row as string}`));
      }
    });
  }
  return hits;
}

/** Rows of `merchantId` in any table of any store (`merchant_id` columns, and the merchant row itself). */
async function rowsOfMerchant(merchantId: string): Promise<string[]> {
  const found: string[] = [];
  for (const store of STORES) {
    await withOwnerDb(store, async (db) => {
      const { rows: columns } = await db.query<{ table_name: string; column_name: string }>(
        `select c.table_name, c.column_name from information_schema.columns c
         join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
         where c.table_schema = 'public' and (c.column_name = 'merchant_id' or (c.table_name = 'merchant' and c.column_name = 'id'))`,
      );
      for (const { table_name, column_name } of columns) {
        const { rows } = await db.query(`select count(*)::int as n from "${table_name}" where "${column_name}" = $1`, [merchantId]);
        if (rows[0].n) found.push(`${store}.${table_name}: ${rows[0].n as number}`);
      }
    });
  }
  return found;
}

describe.each<Mode>(['embedded', 'networked'])('GDPR compliance webhooks (%s)', (mode) => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway(mode, EVENTS_ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  async function deliver(merchant: TestMerchant, topic: string, body: Record<string, unknown>): Promise<string> {
    const eventId = randomUUID();
    expect(await postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic, eventId, body })).toBe(200);
    return eventId;
  }

  async function processed(merchant: TestMerchant, eventIds: string[]): Promise<void> {
    await eventually(
      async () => {
        const { rows } = await withOwnerDb('merchant', (c) =>
          c.query<{ status: string }>('select status from webhook_delivery where merchant_id = $1 and event_id = any($2)', [merchant.id, eventIds]),
        );
        return rows.length === eventIds.length && rows.every((r) => r.status === 'processed');
      },
      15_000,
      'deliveries processed',
    );
  }

  async function requests(merchant: TestMerchant): Promise<GdprRequestNode[]> {
    const result = await gateway.gql<{ gdprRequests: { nodes: GdprRequestNode[] } }>(REQUESTS, { first: 100 }, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!.gdprRequests.nodes;
  }

  async function completedRequest(merchant: TestMerchant, kind: string, known: Set<string>): Promise<GdprRequestNode> {
    return eventually(
      async () => (await requests(merchant)).find((r) => r.kind === kind && r.status === 'COMPLETED' && !known.has(r.id)),
      15_000,
      `a completed ${kind} request`,
    );
  }

  /** A customer with a profile, two orders (one refunded) and an unapplied delivery naming them. */
  async function shopperWithHistory(merchant: TestMerchant) {
    const tag = randomBytes(5).toString('hex');
    const person = { id: uniqueShopifyId(), email: `gdpr-${tag}@example.com`, firstName: `First${tag}`, lastName: `Last${tag}` };
    const orders = [uniqueShopifyId(), uniqueShopifyId()];
    const buyer = { id: Number(person.id), email: person.email, first_name: person.firstName, last_name: person.lastName };
    const applied = [
      await deliver(merchant, 'customers/create', { ...buyer, tags: `tag-${tag}` }),
      ...(await Promise.all(
        orders.map((id, i) =>
          deliver(merchant, 'orders/paid', { id: Number(id), total_price: `${20 + i}.00`, processed_at: '2026-11-20T10:00:00Z', updated_at: '2026-11-20T10:00:00Z', customer: buyer }),
        ),
      )),
    ];
    await processed(merchant, applied);
    await processed(merchant, [
      await deliver(merchant, 'refunds/create', { id: Number(uniqueShopifyId()), order_id: Number(orders[0]), created_at: '2026-11-21T10:00:00Z', transactions: [{ kind: 'refund', status: 'success', amount: '5.00' }] }),
    ]);
    // A topic LoyalNest ignores: its body (naming the customer) is kept, so redaction must find it.
    await deliver(merchant, 'customers/marketing_consent_update', { id: Number(person.id), email_address: person.email });
    return { ...person, buyer, orders };
  }

  it("customers/redact removes the customer's email, names and Shopify id from every store, keeps anonymous order amounts, and reports each subgraph's part", async () => {
    const known = new Set((await requests(a)).map((r) => r.id));
    const shopper = await shopperWithHistory(a);
    // The same Shopify customer id at another merchant is another person, and must survive.
    await processed(b, [await deliver(b, 'customers/create', { id: Number(shopper.id), email: 'b-shopper@example.com', first_name: 'Other' })]);
    // Before: the customer is there (PII encrypted at rest, so the plain scan finds only the Shopify id).
    expect(await findEverywhere(shopper.id)).not.toEqual([]);
    const visible = await gateway.gql<{ customerByShopifyId: { email: string } | null }>(`query($id: ID!) { customerByShopifyId(shopifyId: $id) { email } }`, { id: shopper.id }, a.auth);
    expect(visible.data?.customerByShopifyId).toEqual({ email: shopper.email });

    await deliver(a, 'customers/redact', { shop_domain: a.shop, customer: { id: Number(shopper.id), email: shopper.email, phone: null }, orders_to_redact: [Number(shopper.orders[1])] });
    const request = await completedRequest(a, 'CUSTOMER_REDACT', known);

    expect(request.parts).toEqual([
      { subgraph: 'customer', status: 'COMPLETED', completedAt: expect.any(String) },
      { subgraph: 'points', status: 'COMPLETED', completedAt: expect.any(String) },
      { subgraph: 'referral', status: 'COMPLETED', completedAt: expect.any(String) },
      { subgraph: 'segment', status: 'COMPLETED', completedAt: expect.any(String) },
      { subgraph: 'tier', status: 'COMPLETED', completedAt: expect.any(String) },
    ]);
    for (const needle of [shopper.email, shopper.firstName, shopper.lastName, shopper.id]) {
      expect({ needle, hits: (await findEverywhere(needle)).filter((h) => !h.includes(b.id)) }).toEqual({ needle, hits: [] });
    }
    const { rows: orders } = await withOwnerDb('customer', (c) =>
      c.query('select shopify_order_id::text as id, shopify_customer_id, total_price::text as total from customer_order where merchant_id = $1 and shopify_order_id = any($2::bigint[])', [a.id, shopper.orders]),
    );
    expect(orders).toEqual([{ id: shopper.orders[0], shopify_customer_id: null, total: '20.00' }]);
    // The ignored delivery that named the customer kept its body until now; it is erased too.
    const { rows: bodies } = await withOwnerDb('merchant', (c) =>
      c.query("select payload_encrypted from webhook_delivery where merchant_id = $1 and topic in ('customers/marketing_consent_update', 'customers/redact')", [a.id]),
    );
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(bodies.every((r) => r.payload_encrypted === null)).toBe(true);
    const gone = await gateway.gql<{ customerByShopifyId: unknown }>(`query($id: ID!) { customerByShopifyId(shopifyId: $id) { email } }`, { id: shopper.id }, a.auth);
    expect(gone.data).toEqual({ customerByShopifyId: null });
    const other = await withOwnerDb('customer', (c) => c.query('select 1 from customer where merchant_id = $1 and shopify_id = $2', [b.id, shopper.id]));
    expect(other.rowCount).toBe(1);
  });

  it('customers/data_request assembles an export of everything held about the customer, for that merchant only', async () => {
    const known = new Set((await requests(a)).map((r) => r.id));
    const shopper = await shopperWithHistory(a);

    await deliver(a, 'customers/data_request', { shop_domain: a.shop, customer: { id: Number(shopper.id), email: shopper.email }, orders_requested: shopper.orders.map(Number), data_request: { id: 1 } });
    const request = await completedRequest(a, 'CUSTOMER_DATA_REQUEST', known);
    const result = await gateway.gql<{ gdprExport: Record<string, { customer: Record<string, unknown>; orders: unknown[]; refunds: unknown[] }> }>(EXPORT, { id: request.id }, a.auth);

    expect(result.errors).toBeUndefined();
    expect(result.data!.gdprExport.customer).toMatchObject({
      customer: { shopifyId: shopper.id, email: shopper.email, firstName: shopper.firstName, lastName: shopper.lastName, ordersCount: 2, totalSpent: '36.00' },
      orders: expect.arrayContaining([expect.objectContaining({ shopifyOrderId: shopper.orders[0], totalPrice: '20.00' }), expect.objectContaining({ shopifyOrderId: shopper.orders[1], totalPrice: '21.00' })]),
      refunds: [expect.objectContaining({ shopifyOrderId: shopper.orders[0], amount: '5.00' })],
    });
    // The tier store's part: the customer's membership (no tier: this merchant has no program) and the orders it counted.
    expect(result.data!.gdprExport.tier).toMatchObject({
      customers: [
        {
          customerId: result.data!.gdprExport.customer.customer.id,
          tier: null,
          orders: expect.arrayContaining(shopper.orders.map((o) => expect.objectContaining({ shopifyOrderId: o }))),
        },
      ],
    });
    // Merchant B's admin sees neither the request nor its export.
    expect((await requests(b)).map((r) => r.id)).not.toContain(request.id);
    const foreign = await gateway.gql<{ gdprExport: unknown }>(EXPORT, { id: request.id }, b.auth);
    expect(foreign.data).toEqual({ gdprExport: null });

    // The internal calls the subgraphs make: B's system caller reaches nothing of A's request,
    // an admin of A is refused them, and the public API does not have them.
    const merchantRuntime = gateway.runtimes.get('merchant')!;
    const internal = (query: string, caller: Caller) =>
      execute({ schema: merchantRuntime.schema, document: parse(query), variableValues: { id: request.id }, contextValue: merchantRuntime.createContext(caller) });
    const SUBJECT = 'query($id: ID!) { _gdprSubject(requestId: $id) { shopifyCustomerId } }';
    const SUBMIT = 'mutation($id: ID!) { _submitGdprExport(requestId: $id, subgraph: "customer", data: { forged: true }) }';
    const COMPLETE = 'mutation($id: ID!) { _completeGdprPart(requestId: $id, subgraph: "customer") }';
    const asB = systemCaller([Scope.GDPR_EXECUTE], b.id);
    expect((await internal(SUBJECT, asB)).data).toEqual({ _gdprSubject: null });
    const submitted = await internal(SUBMIT, asB);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data).toEqual({ _submitGdprExport: false });
    expect((await internal(COMPLETE, asB)).data).toEqual({ _completeGdprPart: false });
    expect((await internal(SUBJECT, adminCaller(a.id))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.gql(SUBJECT, { id: request.id }, a.auth)).errors?.[0]?.message).toMatch(/Cannot query field "_gdprSubject"/);
    // A's export is unchanged by B's attempt.
    const again = await gateway.gql<{ gdprExport: Record<string, unknown> }>(EXPORT, { id: request.id }, a.auth);
    expect(again.data!.gdprExport).toEqual(result.data!.gdprExport);
  });

  it("shop/redact leaves no row of the merchant in any store, and no other merchant's rows are touched", async () => {
    const doomed = await createMerchant(gateway);
    await shopperWithHistory(doomed);
    const keyResult = await gateway.gql(`mutation { createApiKey(input: { name: "partner", scopes: ["customers:read"] }) { __typename } }`, {}, doomed.auth);
    expect(keyResult.errors).toBeUndefined();
    const tiers = await gateway.gql<{ updateTierProgram: { __typename: string } }>(
      `mutation { updateTierProgram(input: { tiers: [{ names: [{ locale: EN, text: "Member" }], threshold: 0, earnMultiplier: 1 }] }) { __typename } }`,
      {},
      doomed.auth,
    );
    expect(tiers.data?.updateTierProgram.__typename).toBe('TierProgram');
    // a tier Flow trigger sent for the merchant (the tier store's own flow_trigger_sent)
    await withOwnerDb('tier', (db) => db.query(`insert into flow_trigger_sent (merchant_id, event_id, handle, created_at) values ($1, $2, 'tier-upgraded', now())`, [doomed.id, randomUUID()]));
    // (the tier engine may have claimed a trigger of its own for the shopper's first placement)
    const tierTables = (await rowsOfMerchant(doomed.id)).filter((row) => row.startsWith('tier.')).map((row) => row.split(':')[0]);
    expect(tierTables).toEqual(expect.arrayContaining(['tier.tier', 'tier.tier_program', 'tier.flow_trigger_sent']));
    const before = await rowsOfMerchant(a.id);

    await deliver(doomed, 'shop/redact', { shop_id: 1, shop_domain: doomed.shop });
    await eventually(async () => (await rowsOfMerchant(doomed.id)).length === 0, 20_000, 'every row of the merchant gone').catch(async (error: Error) => {
      throw new Error(`${error.message}; left: ${(await rowsOfMerchant(doomed.id)).join(', ')}`);
    });
    // Nothing arrives afterwards to bring a row back.
    await new Promise((r) => setTimeout(r, 1000));

    expect(await rowsOfMerchant(doomed.id)).toEqual([]);
    expect((await rowsOfMerchant(a.id)).length).toBeGreaterThanOrEqual(before.length);
  });

  it('keeps GDPR requests to admins: a call without the scope is refused', async () => {
    const anonymous = await gateway.gql(REQUESTS, { first: 1 }, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
