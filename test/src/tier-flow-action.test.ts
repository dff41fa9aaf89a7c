import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pruneEvents, serviceConnection, signWebhook } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withOwnerDb } from './support/db.js';
import { flowAction, postFlowAction } from './support/flow.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { changesOf, customerIdOf, deliver, memberOf, paidOrder, TIER_EVENTS_ENV, tierSettled } from './support/tier-members.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { tierInput, updateTierProgram, type TierProgramNode } from './support/tiers.js';

const TIER_OF = `query($id: ID!) { customer(id: $id) { id tier { current { id name } since assigned { tier { id } until } } } }`;

interface Membership {
  current: { id: string; name: string } | null;
  since: string | null;
  assigned: { tier: { id: string }; until: string | null } | null;
}

/** A customer of the merchant with `orders` paid orders (ORDERS_COUNT places them), settled in the tier store. */
async function customerWithOrders(gateway: TestGateway, merchant: TestMerchant, orders: number): Promise<{ id: string; shopifyId: string }> {
  const shopify = shopifyId();
  for (let i = 0; i < orders; i++) await deliver(gateway, merchant, 'orders/paid', paidOrder(shopifyId(), shopify, '10.00'));
  await tierSettled(merchant);
  return { id: await customerIdOf(gateway, merchant, shopify), shopifyId: shopify };
}

/** The flow_action_run rows of the merchant's customer. */
async function runsOf(merchant: TestMerchant, customerId: string): Promise<{ run_id: string; answer: Record<string, unknown> | null }[]> {
  const { rows } = await withOwnerDb('tier', (db) => db.query('select run_id, answer from flow_action_run where merchant_id = $1 and customer_id = $2 order by created_at', [merchant.id, customerId]));
  return rows;
}

describe('Flow action change-tier', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  let tiersA: Record<string, string>;
  let tiersB: Record<string, string>;
  let secret: string;

  /** Bronze (0), Silver (2 orders), Gold (5), named in English and French. */
  async function program(merchant: TestMerchant): Promise<Record<string, string>> {
    const names: [string, string, number][] = [['Bronze', 'Bronze', 0], ['Silver', 'Argent', 2], ['Gold', 'Or', 5]];
    const saved = await updateTierProgram(gateway, merchant.auth, {
      metric: 'ORDERS_COUNT',
      tiers: names.map(([en, fr, threshold]) => tierInput(en, threshold, { names: [{ locale: 'EN', text: en }, { locale: 'FR', text: fr }] })),
    });
    if (saved.__typename !== 'TierProgram') throw new Error(`program refused: ${JSON.stringify(saved)}`);
    return Object.fromEntries((saved as TierProgramNode).tiers.map((t) => [t.name, t.id]));
  }

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', TIER_EVENTS_ENV);
    secret = gateway.config.kit.shopify.apiSecret;
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    [tiersA, tiersB] = await Promise.all([program(a), program(b)]);
  });
  afterAll(() => gateway.stop());

  const origin = () => new URL(gateway.url).origin;
  const run = (body: ReturnType<typeof flowAction> | string, options?: { hmac?: string | null }) => postFlowAction(origin(), secret, 'change-tier', body, options);
  const change = (merchant: TestMerchant, customer: { shopifyId: string }, tier: unknown, until?: unknown, runId?: string) =>
    flowAction(merchant.shop, 'change-tier', { customer_id: customer.shopifyId, tier, ...(until !== undefined && { until }) }, runId);
  const membership = async (merchant: TestMerchant, customerId: string): Promise<Membership> => {
    const result = await gateway.gql<{ customer: { tier: Membership } }>(TIER_OF, { id: customerId }, merchant.auth);
    if (result.errors?.length || !result.data?.customer) throw new Error(`Customer.tier failed: ${JSON.stringify(result)}`);
    return result.data.customer.tier;
  };

  it('assigns the tier named in any language, whatever the case; the same run sent again, several times at once, applies once', async () => {
    // given a Bronze customer of A
    const customer = await customerWithOrders(gateway, a, 1);
    expect((await membership(a, customer.id)).current?.id).toBe(tiersA.Bronze);

    // when Flow runs change-tier with Gold's French name, then sends the same run three more times at once (a race between the redeliveries)
    const body = change(a, customer, '  oR ');
    const first = await run(body);
    const again = await Promise.all([run(body), run(body), run(body)]);

    // then the first applied it, the others found it applied and answered the same
    expect(first).toEqual({ status: 200, body: { status: 'applied', customerId: customer.id, tierId: tiersA.Gold, tierName: 'Gold', assignedTierId: tiersA.Gold, assignedUntil: null } });
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(again.map((r) => r.body)).toEqual(Array(3).fill({ ...first.body, status: 'duplicate' }));
    // and the customer's tier, read through the supergraph, is Gold, assigned with no end
    expect(await membership(a, customer.id)).toMatchObject({ current: { id: tiersA.Gold, name: 'Gold' }, assigned: { tier: { id: tiersA.Gold }, until: null } });
    // once: one change, one recorded run, made by that run
    expect((await changesOf(a, customer.id)).filter((c) => c.reason === 'assigned')).toEqual([expect.objectContaining({ from_tier_id: tiersA.Bronze, to_tier_id: tiersA.Gold, direction: 'up' })]);
    expect(await runsOf(a, customer.id)).toEqual([{ run_id: body.action_run_id, answer: first.body }]);
    expect((await memberOf(a, customer.id)) as unknown).toMatchObject({ manual_by: `flow:${body.action_run_id}` });
  });

  it("assigns by the tier's id until a date or a date and time, and lifting (an empty tier) hands the customer back to the metric", async () => {
    const customer = await customerWithOrders(gateway, a, 2);
    expect((await membership(a, customer.id)).current?.id).toBe(tiersA.Silver);

    // a date holds through that whole day, UTC
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const byDate = await run(change(a, customer, tiersA.Bronze, day));
    expect(byDate).toMatchObject({ status: 200, body: { status: 'applied', tierId: tiersA.Bronze, assignedUntil: new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString() } });

    const at = new Date(Date.now() + 3 * 86_400_000);
    const byTime = await run(change(a, customer, tiersA.Gold.toUpperCase(), at.toISOString().replace('Z', '+00:00')));
    expect(byTime).toMatchObject({ status: 200, body: { tierId: tiersA.Gold, assignedTierId: tiersA.Gold, assignedUntil: at.toISOString() } });
    expect(await membership(a, customer.id)).toMatchObject({ current: { id: tiersA.Gold }, assigned: { tier: { id: tiersA.Gold }, until: at.toISOString() } });

    // when Flow lifts the assignment: an empty tier, or none at all
    const lifted = await run(change(a, customer, ''));
    expect(lifted).toMatchObject({ status: 200, body: { status: 'applied', tierId: tiersA.Silver, assignedTierId: null, assignedUntil: null } });
    expect(await membership(a, customer.id)).toMatchObject({ current: { id: tiersA.Silver }, assigned: null });
    expect((await changesOf(a, customer.id)).at(-1)).toMatchObject({ from_tier_id: tiersA.Gold, to_tier_id: tiersA.Silver, direction: 'down', reason: 'assignment_ended' });
    const liftedAgain = await run(flowAction(a.shop, 'change-tier', { customer_id: `gid://shopify/Customer/${customer.shopifyId}` }));
    expect(liftedAgain).toMatchObject({ status: 200, body: { tierId: tiersA.Silver, assignedTierId: null } });
  });

  it('refuses a wrong, missing or stale signature with 401, and changes nothing', async () => {
    const customer = await customerWithOrders(gateway, a, 1);
    const before = await memberOf(a, customer.id);
    const body = change(a, customer, 'Gold');

    const forged = await run(body, { hmac: Buffer.from('not the signature').toString('base64') });
    const otherSecret = await postFlowAction(origin(), 'another-apps-secret', 'change-tier', body);
    const unsigned = await run(body, { hmac: null });
    const tampered = await run(JSON.stringify({ ...body, properties: { ...body.properties, tier: 'Gold' } }), { hmac: signWebhook(JSON.stringify(change(a, customer, 'Bronze')), secret) });

    expect([forged.status, otherSecret.status, unsigned.status, tampered.status]).toEqual([401, 401, 401, 401]);
    expect(forged.body).toEqual({ message: 'HMAC verification failed' });
    expect(await memberOf(a, customer.id)).toEqual(before);
    expect(await runsOf(a, customer.id)).toEqual([]);
  });

  it('refuses an unknown tier or customer and an `until` not in the future with 422 naming the property, malformed properties with 400, and writes nothing', async () => {
    const customer = await customerWithOrders(gateway, a, 1);
    const before = await memberOf(a, customer.id);

    const unknownTier = await run(change(a, customer, 'Platinum'));
    const unknownTierId = await run(change(a, customer, randomUUID()));
    const unknownCustomer = await run(change(a, { shopifyId: '999999999999' }, 'Gold'));
    const past = await run(change(a, customer, 'Gold', new Date(Date.now() - 60_000).toISOString()));
    expect([unknownTier.status, unknownTierId.status, unknownCustomer.status, past.status]).toEqual([422, 422, 422, 422]);
    expect(unknownTier.body.message).toMatch(/^properties\.tier: No tier "Platinum" in the program/);
    expect(unknownTierId.body.message).toMatch(/^properties\.tier: No tier/);
    expect(unknownCustomer.body.message).toBe('properties.customer_id: No customer with Shopify id 999999999999 in this shop');
    expect(past.body.message).toMatch(/^properties\.until: /);

    const malformed = await Promise.all([
      run(change(a, customer, 'Gold', 'next friday')),
      run(change(a, customer, 'Gold', '2030-02-30')),
      run(change(a, customer, 'Gold', '2030-01-01T10:00:00')),
      run(change(a, customer, '', '2030-01-01')),
      run(change(a, customer, 42)),
      run(change(a, { shopifyId: 'someone' }, 'Gold')),
      run(flowAction(a.shop, 'award-points', { customer_id: customer.shopifyId, tier: 'Gold' })),
    ]);
    expect(malformed.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400, 400]);
    expect(malformed.map((r) => String(r.body.message).split(':')[0])).toEqual([
      'properties.until',
      'properties.until',
      'properties.until',
      'properties.until',
      'properties.tier',
      'properties.customer_id',
      'handle',
    ]);

    expect(await memberOf(a, customer.id)).toEqual(before);
    expect((await changesOf(a, customer.id)).filter((c) => c.reason === 'assigned')).toEqual([]);
    expect(await runsOf(a, customer.id)).toEqual([]);
  });

  it('answers 409 when a run id comes back asking for something else, and keeps the first change', async () => {
    const customer = await customerWithOrders(gateway, a, 1);
    const runId = randomUUID();
    expect((await run(change(a, customer, 'Silver', undefined, runId))).status).toBe(200);

    const reused = await run(change(a, customer, 'Gold', undefined, runId));
    expect(reused).toEqual({ status: 409, body: { message: 'This action run was already applied with different properties' } });
    expect((await membership(a, customer.id)).current?.id).toBe(tiersA.Silver);
  });

  it("never crosses merchants: B's shop cannot name A's customer, A's shop cannot name B's tier, and A's member is untouched", async () => {
    const ofA = await customerWithOrders(gateway, a, 1);
    const ofB = await customerWithOrders(gateway, b, 1);
    const beforeA = await memberOf(a, ofA.id);
    const beforeB = await memberOf(b, ofB.id);

    // B's shop naming A's customer: no such customer at B
    const fromB = await run(change(b, ofA, tiersB.Gold));
    expect(fromB).toEqual({ status: 422, body: { message: `properties.customer_id: No customer with Shopify id ${ofA.shopifyId} in this shop` } });
    // A's shop naming B's tier by id: no such tier in A's program
    const foreignTier = await run(change(a, ofA, tiersB.Gold));
    expect(foreignTier.status).toBe(422);
    expect(foreignTier.body.message).toMatch(/^properties\.tier: No tier/);
    // A's shop naming B's customer
    expect((await run(change(a, ofB, 'Gold'))).status).toBe(422);

    expect(await memberOf(a, ofA.id)).toEqual(beforeA);
    expect(await memberOf(b, ofB.id)).toEqual(beforeB);
    expect(await runsOf(a, ofA.id)).toEqual([]);
    expect(await runsOf(b, ofB.id)).toEqual([]);

    // the same name at B is B's own tier
    const atB = await run(change(b, ofB, 'gold'));
    expect(atB).toMatchObject({ status: 200, body: { tierId: tiersB.Gold } });
    expect((await membership(a, ofA.id)).current?.id).toBe(tiersA.Bronze);
  });

  it('forgets a recorded run once the dedupe window (longer than the day Flow retries for) has passed, not before', async () => {
    const customer = await customerWithOrders(gateway, a, 1);
    const old = change(a, customer, 'Silver');
    const fresh = change(a, customer, 'Gold');
    expect((await run(old)).status).toBe(200);
    expect((await run(fresh)).status).toBe(200);
    await withOwnerDb('tier', (db) => db.query("update flow_action_run set created_at = created_at - interval '2 hours' where merchant_id = $1 and run_id = $2", [a.id, old.action_run_id]));

    // when the tier store is pruned as its runtime prunes it, through the service role, on a one-hour window
    const { module } = runtime(gateway, 'tier');
    const pool = new pg.Pool({ ...serviceConnection(gateway.config.kit, module.store), max: 1 });
    try {
      await pruneEvents(pool, { outboxRetentionMs: 3_600_000, dedupeRetentionMs: 3_600_000, batch: 1000, dedupeTables: module.dedupeTables });
    } finally {
      await pool.end();
    }

    expect((await runsOf(a, customer.id)).map((r) => r.run_id)).toEqual([fresh.action_run_id]);
  });

  it('sends each action to the subgraph that owns it: award-points still reaches points, an unknown handle is a 404', async () => {
    const customer = await customerWithOrders(gateway, a, 1);
    const awarded = await postFlowAction(origin(), secret, 'award-points', flowAction(a.shop, 'award-points', { customer_id: customer.shopifyId, points: 5 }));
    expect(awarded).toMatchObject({ status: 200, body: { status: 'applied', balance: expect.any(Number) } });
    const unknown = await postFlowAction(origin(), secret, 'reset-tier', flowAction(a.shop, 'reset-tier', { customer_id: customer.shopifyId }));
    expect(unknown).toEqual({ status: 404, body: { message: 'Unknown Flow action "reset-tier"' } });
  });
});

describe('Flow actions through a networked gateway', () => {
  let gateway: TestGateway;
  let merchant: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('networked', TIER_EVENTS_ENV);
    merchant = await createMerchant(gateway);
    const saved = await updateTierProgram(gateway, merchant.auth, { metric: 'ORDERS_COUNT', tiers: [tierInput('Bronze', 0), tierInput('Gold', 5)] });
    expect(saved.__typename).toBe('TierProgram');
  });
  afterAll(() => gateway.stop());

  it("forwards each handle to the service that owns it: change-tier to the tier subgraph's, award-points to the points subgraph's; an unknown handle is a 404", async () => {
    const origin = new URL(gateway.url).origin;
    const secret = gateway.config.kit.shopify.apiSecret;
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });

    const changed = await postFlowAction(origin, secret, 'change-tier', flowAction(merchant.shop, 'change-tier', { customer_id: customer.shopifyId, tier: 'gold' }));
    expect(changed).toMatchObject({ status: 200, body: { status: 'applied', customerId: customer.id, tierName: 'Gold', assignedUntil: null } });
    const tier = await gateway.gql<{ customer: { tier: { current: { name: string } | null } } }>(TIER_OF, { id: customer.id }, merchant.auth);
    expect(tier.data?.customer.tier.current).toEqual({ id: changed.body.tierId, name: 'Gold' });

    const awarded = await postFlowAction(origin, secret, 'award-points', flowAction(merchant.shop, 'award-points', { customer_id: customer.shopifyId, points: 7 }));
    expect(awarded).toMatchObject({ status: 200, body: { status: 'applied', balance: 7 } });
    const unknown = await postFlowAction(origin, secret, 'reset-tier', flowAction(merchant.shop, 'reset-tier', { customer_id: customer.shopifyId }));
    expect(unknown).toEqual({ status: 404, body: { message: 'Unknown Flow action "reset-tier"' } });
  });
});
