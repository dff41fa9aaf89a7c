import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { consumeEvent, signWebhook, type DomainEvent } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { flowAction, postFlowAction, triggersFor } from './support/flow.js';
import { installMerchant } from './support/install.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { award, pointsOf, VERIFY } from './support/points.js';
import { createMerchant, runtime, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };
/** Two quick tries per trigger inside the merchant subgraph; the event's own retries come after. */
const SHOPIFY_ADMIN_ENV = { SHOPIFY_ADMIN_ATTEMPTS: '2', SHOPIFY_ADMIN_TIMEOUT_MS: '300', SHOPIFY_ADMIN_DEADLINE_MS: '1000', SHOPIFY_ADMIN_BACKOFF_MS: '20' };

const originOf = (gateway: TestGateway) => gateway.url.replace(/\/graphql$/, '');

describe('Shopify Flow', () => {
  let gateway: TestGateway;
  let fake: FakeShopify;
  let a: TestMerchant;
  let b: TestMerchant;
  let secret: string;
  let createdRewardTable = false;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...EVENTS_ENV, ...SHOPIFY_ADMIN_ENV, ...fake.env });
    secret = gateway.config.kit.shopify.apiSecret;
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'flow-a'), installMerchant(gateway, fake, 'flow-b')]);
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
    if (createdRewardTable) await withOwnerDb('points', (db) => db.query('drop table reward'));
  });

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

  /** The points store's events of `topic` for the customer, as the relay publishes them. */
  const pointsEvent = (merchant: TestMerchant, customerId: string, topic: string) =>
    eventually(
      () =>
        withOwnerDb('points', async (db) => {
          const { rows } = await db.query<{ id: string; merchant_id: string; topic: string; version: number; occurred_at: Date; payload: Record<string, unknown> }>(
            `select id, merchant_id, topic, version, occurred_at, payload from outbox_event where merchant_id = $1 and topic = $2 and payload->>'customerId' = $3 order by id`,
            [merchant.id, topic, customerId],
          );
          return rows.length ? rows.map((r): DomainEvent => ({ id: r.id, merchantId: r.merchant_id, topic: r.topic, version: r.version, occurredAt: r.occurred_at.toISOString(), payload: r.payload })) : undefined;
        }),
      10_000,
      `${topic} of ${customerId}`,
    );
  const consumed = (eventId: string) =>
    eventually(
      () => withOwnerDb('points', async (db) => (await db.query(`select 1 from consumed_event where consumer = 'points' and event_id = $1`, [eventId])).rowCount === 1),
      10_000,
      `points consuming ${eventId}`,
    );
  const triggersOf = (merchant: TestMerchant, customer: CreatedCustomer, handle: string) => triggersFor(fake, merchant.shop, customer.shopifyId).filter((t) => t.handle === handle);
  const received = (merchant: TestMerchant, customer: CreatedCustomer, handle: string, count = 1) =>
    eventually(async () => triggersOf(merchant, customer, handle).length >= count && triggersOf(merchant, customer, handle), 10_000, `${handle} for ${customer.shopifyId}`);

  describe('triggers', () => {
    it('sends points-earned once per award, naming the Shopify customer; a redelivered event sends nothing more', async () => {
      const customer = await newCustomer(a);
      await award(gateway, a, customer.id, 120);

      const triggers = await received(a, customer, 'points-earned');
      expect(triggers).toEqual([{ handle: 'points-earned', payload: { customer_id: Number(customer.shopifyId), points: 120, balance: 120, pending: 0 } }]);

      // when the event is delivered again, twice at once
      const [event] = await pointsEvent(a, customer.id, 'points.adjusted');
      await consumed(event.id);
      const points = runtime(gateway, 'points');
      const handler = points.module.consumes!['points.adjusted'];
      expect(await Promise.all([consumeEvent(points, handler, event), consumeEvent(points, handler, event)])).toEqual(['duplicate', 'duplicate']);
      // then Shopify still received it once, and only in A's shop
      expect(triggersOf(a, customer, 'points-earned')).toHaveLength(1);
      expect(fake.flowTriggers(b.shop)).toEqual([]);
    });

    it("starts no points-earned workflow for Flow's own awards, which could otherwise start themselves for ever", async () => {
      const customer = await newCustomer(a);
      expect((await run('award-points', awardRun(a, customer, 30))).status).toBe(200);
      const [event] = await pointsEvent(a, customer.id, 'points.adjusted');
      await consumed(event.id);
      expect(triggersFor(fake, a.shop, customer.shopifyId)).toEqual([]);
    });

    it('sends reward-redeemed for a redemption of the rewards domain, with ids and numbers only', async () => {
      const customer = await newCustomer(a);
      await award(gateway, a, customer.id, 500);
      await received(a, customer, 'points-earned');
      const redemption = { redemptionId: randomUUID(), rewardId: randomUUID(), customerId: customer.id, points: 300 };

      // when the rewards domain reports a redemption through the points store's outbox
      const ctx = runtime(gateway, 'points').createContext({ merchantId: a.id, actor: { kind: 'shopper', id: customer.id }, scopes: [], requestId: randomUUID() });
      ctx.emit('reward.redeemed', redemption);
      await ctx.em.flush();

      expect(await received(a, customer, 'reward-redeemed')).toEqual([
        { handle: 'reward-redeemed', payload: { customer_id: Number(customer.shopifyId), redemption_id: redemption.redemptionId, reward_id: redemption.rewardId, points: 300 } },
      ]);
    });

    it("retries a trigger Shopify turned away unprocessed (429) through the event's backoff, and sends it once", async () => {
      const c = await installMerchant(gateway, fake, 'flow-c');
      const customer = await newCustomer(c);
      // both of the merchant subgraph's quick tries are rate-limited, so the first delivery of the event fails
      fake.failNext(c.shop, 429, 2);
      await award(gateway, c, customer.id, 60);

      expect(await received(c, customer, 'points-earned')).toHaveLength(1);
      const calls = fake.requestsFor(c.shop, '/graphql.json').filter((r) => JSON.stringify(r.body).includes('flowTriggerReceive'));
      expect(calls.length).toBe(3);
      expect(triggersOf(c, customer, 'points-earned')).toHaveLength(1);
    });

    it('sends a trigger once when the consumer fails to commit after the send (send racing commit), and never again on redelivery', async () => {
      const customer = await newCustomer(a);
      await award(gateway, a, customer.id, 10);
      await received(a, customer, 'points-earned');
      const event: DomainEvent = {
        id: randomUUID(),
        merchantId: a.id,
        topic: 'reward.redeemed',
        version: 1,
        occurredAt: new Date().toISOString(),
        payload: { redemptionId: randomUUID(), rewardId: randomUUID(), customerId: customer.id, points: 10 },
      };
      const points = runtime(gateway, 'points');
      const handler = points.module.consumes!['reward.redeemed'];

      // when the trigger goes out and then the consumer's transaction fails
      const failing: typeof handler = async (ctx, e, rt) => {
        await handler(ctx, e, rt);
        throw new Error('the commit failed');
      };
      await expect(consumeEvent(points, failing, event)).rejects.toThrow('the commit failed');
      expect(triggersOf(a, customer, 'reward-redeemed')).toHaveLength(1);

      // then the event redelivered is applied without sending it again: after the failure, twice at
      // once, and once its consumed record is gone (pruned)
      expect(await consumeEvent(points, handler, event)).toBe('applied');
      expect(await Promise.all([consumeEvent(points, handler, event), consumeEvent(points, handler, event)])).toEqual(['duplicate', 'duplicate']);
      await withOwnerDb('points', (db) => db.query(`delete from consumed_event where consumer = 'points' and event_id = $1`, [event.id]));
      expect(await consumeEvent(points, handler, event)).toBe('applied');
      expect(triggersOf(a, customer, 'reward-redeemed')).toHaveLength(1);
    });

    it('sends every trigger of more events consumed at once than the store pool has connections (claims racing consumers for connections)', async () => {
      const customer = await newCustomer(a);
      await award(gateway, a, customer.id, 10);
      await received(a, customer, 'points-earned');
      const points = runtime(gateway, 'points');
      const handler = points.module.consumes!['reward.redeemed'];
      const events: DomainEvent[] = Array.from({ length: 25 }, () => ({
        id: randomUUID(),
        merchantId: a.id,
        topic: 'reward.redeemed',
        version: 1,
        occurredAt: new Date().toISOString(),
        payload: { redemptionId: randomUUID(), rewardId: randomUUID(), customerId: customer.id, points: 10 },
      }));
      // Each consumer holds a store connection for its transaction while its trigger's claim needs
      // one of its own: with every pooled connection held by a consumer, none may wait for ever.
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('hung'), 8000)));
      const outcomes = await Promise.race([Promise.all(events.map((event) => consumeEvent(points, handler, event))), hung]).finally(() => clearTimeout(timer));
      expect(outcomes).toEqual(events.map(() => 'applied'));
      expect(triggersOf(a, customer, 'reward-redeemed').filter((t) => events.some((e) => e.payload.redemptionId === (t.payload as { redemption_id?: string }).redemption_id))).toHaveLength(25);
    });

    it('does not send again a trigger that may have reached Shopify: a timed-out answer, a 5xx', async () => {
      const d = await installMerchant(gateway, fake, 'flow-d');
      const customer = await newCustomer(d);
      const sends = () => fake.requestsFor(d.shop, '/graphql.json').filter((r) => r.operation === 'flowTriggerReceive');
      const settled = async (count: number) => {
        const rises = await pointsEvent(d, customer.id, 'points.adjusted');
        expect(rises).toHaveLength(count);
        for (const rise of rises) await consumed(rise.id);
      };

      // Shopify applies the trigger but its answer never arrives: the one attempt is all there is.
      fake.failNext(d.shop, 'lost-timeout', 1, { operation: 'flowTriggerReceive' });
      await award(gateway, d, customer.id, 60);
      await settled(1);
      expect(sends()).toHaveLength(1);
      expect(triggersOf(d, customer, 'points-earned')).toHaveLength(1);

      // A 503 may come after Shopify did the work too: not sent again; this workflow run is missed.
      fake.failNext(d.shop, 503, 1, { operation: 'flowTriggerReceive' });
      await award(gateway, d, customer.id, 5);
      await settled(2);
      expect(sends()).toHaveLength(2);
      expect(triggersOf(d, customer, 'points-earned')).toHaveLength(1);
      const letters = await withOwnerDb('points', async (db) => (await db.query('select 1 from dead_letter_event where merchant_id = $1', [d.id])).rowCount);
      expect(letters).toBe(0);
    });

    it('drops a trigger Shopify refuses for good (here: a merchant without a token) instead of retrying it into a dead letter', async () => {
      const tokenless = await createMerchant(gateway);
      const customer = await newCustomer(tokenless);
      await award(gateway, tokenless, customer.id, 25);
      const [event] = await pointsEvent(tokenless, customer.id, 'points.adjusted');
      await consumed(event.id);
      const letters = await withOwnerDb('points', async (db) => (await db.query('select 1 from dead_letter_event where event_id = $1', [event.id])).rowCount);
      expect(letters).toBe(0);
      expect(fake.flowTriggers(tokenless.shop)).toEqual([]);
    });

    it('sends enough-points-for-reward once when a rise in balance reaches a reward: the dearest one reached, of the merchant only', async () => {
      // given A's catalog (in the table the rewards migration creates; a stand-in of its columns until then)
      createdRewardTable = await withOwnerDb('points', async (db) => {
        const { rows } = await db.query<{ present: boolean }>(`select to_regclass('reward') is not null as present`);
        if (rows[0].present) return false;
        await db.query(`create table reward (
          id uuid primary key, merchant_id uuid not null, kind text not null, points_cost int not null, names jsonb not null,
          usage_limit int null, redemption_count int not null default 0, starts_at timestamptz null, ends_at timestamptz null,
          active boolean not null default true, archived_at timestamptz null, created_at timestamptz not null, updated_at timestamptz not null)`);
        await db.query(`alter table reward enable row level security`);
        await db.query(`alter table reward force row level security`);
        await db.query(`create policy reward_tenant on reward using (merchant_id = nullif(current_setting('app.merchant_id', true), '')::uuid)`);
        await db.query(`grant select on reward to loyalnest_service`);
        return true;
      });
      const rewards = { small: randomUUID(), large: randomUUID(), inactive: randomUUID(), ended: randomUUID(), othersMerchant: randomUUID() };
      await withOwnerDb('points', (db) =>
        db.query(
          `insert into reward (id, merchant_id, kind, points_cost, active, ends_at, names, created_at, updated_at) values
             ($1, $6, 'free_shipping', 50, true, null, '{}', now(), now()),
             ($2, $6, 'free_shipping', 100, true, null, '{}', now(), now()),
             ($3, $6, 'free_shipping', 105, false, null, '{}', now(), now()),
             ($4, $6, 'free_shipping', 106, true, now() - interval '1 day', '{}', now(), now()),
             ($5, $7, 'free_shipping', 107, true, null, '{}', now(), now())`,
          [rewards.small, rewards.large, rewards.inactive, rewards.ended, rewards.othersMerchant, a.id, b.id],
        ),
      );
      const customer = await newCustomer(a);

      // when the balance rises to 40 (below every reward), then to 110 (past 50 and 100), then to 115
      await award(gateway, a, customer.id, 40);
      await award(gateway, a, customer.id, 70);
      await award(gateway, a, customer.id, 5);

      // then one trigger, for the dearest reward reached: not the inactive, ended or other merchant's ones
      expect(await received(a, customer, 'enough-points-for-reward')).toEqual([
        { handle: 'enough-points-for-reward', payload: { customer_id: Number(customer.shopifyId), reward_id: rewards.large, points_cost: 100, balance: 110 } },
      ]);
      const rises = await pointsEvent(a, customer.id, 'points.adjusted');
      expect(rises).toHaveLength(3);
      for (const rise of rises) await consumed(rise.id);
      const [affordable] = await pointsEvent(a, customer.id, 'points.reward_affordable');
      await consumed(affordable.id);
      expect(await pointsEvent(a, customer.id, 'points.reward_affordable')).toHaveLength(1);
      expect(triggersOf(a, customer, 'enough-points-for-reward')).toHaveLength(1);
      expect(await received(a, customer, 'points-earned', 3)).toHaveLength(3);
    });
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
