import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signWebhook } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { flowAction, postFlowAction } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { award, pointsOf, VERIFY } from './support/points.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };

const originOf = (gateway: TestGateway) => gateway.url.replace(/\/graphql$/, '');

describe('Shopify Flow actions', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let secret: string;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', EVENTS_ENV);
    secret = gateway.config.kit.shopify.apiSecret;
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  const newCustomer = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com`, firstName: 'Flo' });
  const run = (handle: string, body: ReturnType<typeof flowAction> | string, options?: { hmac?: string | null }) =>
    postFlowAction(originOf(gateway), secret, handle, body, options);
  const awardRun = (merchant: TestMerchant, customer: CreatedCustomer, points: unknown, runId?: string) =>
    flowAction(merchant.shop, 'award-points', { customer_id: customer.shopifyId, points, reason: 'Flow: VIP order' }, runId);

  it('awards points for a signed run, once however often Flow sends the run, answering 200 each time', async () => {
    // given a customer of A
    const customer = await newCustomer(a);

    // when Flow runs the award action, then sends the same run three more times, two of them at once
    const body = awardRun(a, customer, '40');
    const first = await run('award-points', body);
    const again = await Promise.all([run('award-points', body), run('award-points', body), run('award-points', body)]);

    // then the first applied it and the others found it applied
    expect(first).toMatchObject({ status: 200, body: { status: 'applied', balance: 40 } });
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(again.map((r) => r.body.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(new Set(again.map((r) => r.body.entryId))).toEqual(new Set([first.body.entryId]));
    // and the supergraph shows one entry, made by Flow
    const account = await pointsOf(gateway, a, customer.id);
    expect(account.balance).toBe(40);
    expect(account.history.nodes).toEqual([expect.objectContaining({ kind: 'ADJUST', source: 'FLOW', status: 'POSTED', points: 40 })]);
  });

  it('deducts points, and refuses a deduction beyond the balance as a failed run that changes nothing', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);

    const deducted = await run('deduct-points', flowAction(a.shop, 'deduct-points', { customer_id: `gid://shopify/Customer/${customer.shopifyId}`, points: 30 }));
    expect(deducted).toMatchObject({ status: 200, body: { status: 'applied', balance: 70 } });

    // a 4xx other than 429 is what makes Flow mark the run failed instead of retrying it
    const refused = await run('deduct-points', flowAction(a.shop, 'deduct-points', { customer_id: customer.shopifyId, points: 71 }));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/balance is 70 points; 71 are needed/);

    const account = await pointsOf(gateway, a, customer.id);
    expect(account.balance).toBe(70);
    expect(account.history.nodes.map((n) => n.points)).toEqual([-30, 100]);
    const verified = await gateway.gql<{ verifyLedger: { ok: boolean } }>(VERIFY, {}, a.auth);
    expect(verified.data!.verifyLedger.ok).toBe(true);
  });

  it('rejects a run with a wrong or missing signature with 401 and changes nothing', async () => {
    const customer = await newCustomer(a);
    const body = awardRun(a, customer, 25);
    const forged = await run('award-points', body, { hmac: Buffer.from('not the signature').toString('base64') });
    const signedWithAnotherSecret = await postFlowAction(originOf(gateway), 'another-apps-secret', 'award-points', body);
    const unsigned = await run('award-points', body, { hmac: null });
    // the body changed after signing
    const tampered = await run('award-points', JSON.stringify({ ...body, properties: { ...body.properties, points: 25_000 } }), { hmac: signWebhook(JSON.stringify(body), secret) });

    expect([forged.status, signedWithAnotherSecret.status, unsigned.status, tampered.status]).toEqual([401, 401, 401, 401]);
    expect(forged.body).toEqual({ message: 'HMAC verification failed' });
    const account = await pointsOf(gateway, a, customer.id);
    expect(account).toMatchObject({ balance: 0, history: { nodes: [] } });
  });

  it('answers a clear 4xx for an unknown shop, customer, action or malformed fields, and changes nothing', async () => {
    const customer = await newCustomer(a);
    const unknownShop = await run('award-points', flowAction(`nobody-${randomUUID().slice(0, 8)}.myshopify.com`, 'award-points', { customer_id: customer.shopifyId, points: 5 }));
    expect(unknownShop.status).toBe(404);
    expect(unknownShop.body.message).toMatch(/has not installed LoyalNest/);

    const unknownCustomer = await run('award-points', flowAction(a.shop, 'award-points', { customer_id: '999999999999', points: 5 }));
    expect(unknownCustomer.status).toBe(422);
    expect(unknownCustomer.body.message).toMatch(/No customer with Shopify id 999999999999/);

    expect((await run('reset-points', flowAction(a.shop, 'reset-points', { customer_id: customer.shopifyId, points: 5 }))).status).toBe(404);
    const bad = await Promise.all([
      run('award-points', awardRun(a, customer, 0)),
      run('award-points', awardRun(a, customer, 2.5)),
      run('award-points', awardRun(a, customer, 'lots')),
      run('award-points', flowAction(a.shop, 'award-points', { customer_id: 'someone', points: 5 })),
      run('award-points', flowAction(a.shop, 'deduct-points', { customer_id: customer.shopifyId, points: 5 })),
      run('award-points', { ...awardRun(a, customer, 5), action_run_id: '' }),
      run('award-points', '{not json'),
    ]);
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(bad.map((r) => String(r.body.message).split(':')[0])).toEqual([
      'properties.points',
      'properties.points',
      'properties.points',
      'properties.customer_id',
      'handle',
      'action_run_id',
      'The body is not valid JSON',
    ]);
    expect((await pointsOf(gateway, a, customer.id)).history.nodes).toEqual([]);
  });

  it("never crosses merchants: B's shop naming A's customer finds no such customer, and A's account is untouched", async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 10);

    const awarded = await run('award-points', awardRun(b, customer, 500));
    const deduct = await run('deduct-points', flowAction(b.shop, 'deduct-points', { customer_id: customer.shopifyId, points: 10 }));

    expect([awarded.status, deduct.status]).toEqual([422, 422]);
    const account = await pointsOf(gateway, a, customer.id);
    expect(account.balance).toBe(10);
    expect(account.history.nodes).toHaveLength(1);
    // and B has no account for that customer id either
    const fromB = await gateway.gql<{ customer: unknown }>(`query($id: ID!) { customer(id: $id) { id } }`, { id: customer.id }, b.auth);
    expect(fromB.data?.customer ?? null).toBeNull();
  });
});


describe('Shopify Flow actions, networked', () => {
  let gateway: TestGateway;
  let a: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('networked', EVENTS_ENV);
    a = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  it('reach the points service through the gateway, which forwards /flow with the body unchanged', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });
    const body = flowAction(a.shop, 'award-points', { customer_id: Number(customer.shopifyId), points: 15 });
    const secret = gateway.config.kit.shopify.apiSecret;

    const first = await postFlowAction(originOf(gateway), secret, 'award-points', body);
    const again = await postFlowAction(originOf(gateway), secret, 'award-points', body);
    const forged = await postFlowAction(originOf(gateway), secret, 'award-points', body, { hmac: null });

    expect([first.status, again.status, forged.status]).toEqual([200, 200, 401]);
    expect([first.body.status, again.body.status]).toEqual(['applied', 'duplicate']);
    const account = await pointsOf(gateway, a, customer.id);
    expect(account.balance).toBe(15);
    expect(account.history.nodes).toHaveLength(1);
  });
});
