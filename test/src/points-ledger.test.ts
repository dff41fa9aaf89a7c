import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { liveChannel, type BalanceChangedMessage } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { AWARD, DEDUCT, POINTS, award, pointsOf, shopperAuth, VERIFY } from './support/points.js';
import { createMerchant, upsertCustomer, shopifyId, type TestMerchant } from './support/tenants.js';

const EVENTS_ENV = { EVENTS_BACKOFF_MS: '100', EVENTS_POLL_MS: '100' };

type Change = { awardPoints?: Record<string, any>; deductPoints?: Record<string, any> };

describe('points ledger', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', EVENTS_ENV);
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  const newCustomer = (merchant: TestMerchant) => upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com`, firstName: 'Ada' });

  it('awards points, read back through the supergraph beside fields of the customer subgraph', async () => {
    const customer = await newCustomer(a);
    const result = await gateway.gql<Change>(AWARD, { input: { customerId: customer.id, points: 120, reason: 'Welcome gift' } }, a.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.awardPoints).toMatchObject({
      __typename: 'PointsChange',
      duplicate: false,
      entry: { kind: 'ADJUST', source: 'ADMIN', status: 'POSTED', points: 120, reason: 'Welcome gift' },
      account: { balance: 120, pending: 0, lifetimeEarned: 0 },
    });
    const read = await gateway.gql<{ customer: { firstName: string; points: { balance: number } } }>(POINTS, { id: customer.id }, a.auth);
    expect(read.errors).toBeUndefined();
    expect(read.data!.customer).toMatchObject({ firstName: 'Ada', points: { balance: 120 } });
  });

  it('applies the same award with the same idempotency key once, however many times it arrives at once', async () => {
    const customer = await newCustomer(a);
    const key = `gift-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => gateway.gql<Change>(AWARD, { input: { customerId: customer.id, points: 50, idempotencyKey: key } }, a.auth)));
    const changes = results.map((r) => r.data!.awardPoints!);
    expect(changes.every((c) => c.__typename === 'PointsChange')).toBe(true);
    expect(changes.filter((c) => !c.duplicate)).toHaveLength(1);
    expect(new Set(changes.map((c) => c.entry.id)).size).toBe(1);
    const account = await pointsOf(gateway, a, customer.id);
    expect(account.balance).toBe(50);
    expect(account.history.nodes).toHaveLength(1);
    const reused = await gateway.gql<Change>(AWARD, { input: { customerId: customer.id, points: 51, idempotencyKey: key } }, a.auth);
    expect(reused.data!.awardPoints).toMatchObject({ __typename: 'IdempotencyKeyReusedError', code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('lets 200 concurrent deductions spend exactly what the balance affords and never below zero', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 500);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => gateway.gql<Change>(DEDUCT, { input: { customerId: customer.id, points: 10, idempotencyKey: `spend-${customer.id}-${i}` } }, a.auth)),
    );
    const outcomes = results.map((r) => r.data!.deductPoints!.__typename);
    expect(outcomes.filter((t) => t === 'PointsChange')).toHaveLength(50);
    expect(outcomes.filter((t) => t === 'InsufficientPointsError')).toHaveLength(150);
    expect(results.every((r) => r.data!.deductPoints!.account?.balance === undefined || r.data!.deductPoints!.account.balance >= 0)).toBe(true);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(0);
    const verified = await gateway.gql<{ verifyLedger: { ok: boolean; mismatches: unknown[] } }>(VERIFY, {}, a.auth);
    expect(verified.data!.verifyLedger).toMatchObject({ ok: true, mismatches: [] });
  });

  it('refuses a deduction beyond the balance with a typed error and writes nothing', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 30);
    const result = await gateway.gql<Change>(DEDUCT, { input: { customerId: customer.id, points: 31 } }, a.auth);
    expect(result.data!.deductPoints).toMatchObject({ __typename: 'InsufficientPointsError', code: 'INSUFFICIENT_POINTS', balance: 30, required: 31 });
    const account = await pointsOf(gateway, a, customer.id);
    expect(account.balance).toBe(30);
    expect(account.history.nodes).toHaveLength(1);
  });

  it('rejects bad input naming the field, writing nothing', async () => {
    const customer = await newCustomer(a);
    for (const input of [{ points: 0 }, { points: 1_000_001 }, { points: 5, idempotencyKey: 'has space' }, { points: 5, reason: 'x'.repeat(256) }]) {
      const result = await gateway.gql(AWARD, { input: { customerId: customer.id, ...input } }, a.auth);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/points|idempotencyKey|reason/);
    }
    const unknown = await gateway.gql<Change>(AWARD, { input: { customerId: randomUUID(), points: 5 } }, a.auth);
    expect(unknown.data!.awardPoints).toMatchObject({ __typename: 'CustomerNotFoundError', code: 'CUSTOMER_NOT_FOUND' });
    const { rows } = await withOwnerDb('points', (db) => db.query('select 1 from points_entry where customer_id = $1', [customer.id]));
    expect(rows).toHaveLength(0);
  });

  it('keeps merchants apart: another merchant can neither award to nor read a customer of this one', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 70);
    const cross = await gateway.gql<Change>(AWARD, { input: { customerId: customer.id, points: 5 } }, b.auth);
    expect(cross.data!.awardPoints).toMatchObject({ __typename: 'CustomerNotFoundError' });
    const crossDeduct = await gateway.gql<Change>(DEDUCT, { input: { customerId: customer.id, points: 5 } }, b.auth);
    expect(crossDeduct.data!.deductPoints).toMatchObject({ __typename: 'CustomerNotFoundError' });
    const read = await gateway.gql<{ customer: unknown }>(POINTS, { id: customer.id }, b.auth);
    expect(read.data!.customer).toBeNull();
    // Through the points subgraph's own federated entity resolver, as merchant B: no account, zero points.
    const entities = await gateway.gql<{ _entities: unknown }>(`query { _entities(representations: [{ __typename: "Customer", id: "${customer.id}" }]) { __typename } }`, {}, b.auth);
    expect(entities.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const [seen] = await withOwnerDb('points', async (db) => (await db.query<{ balance: number }>('select balance from points_account where customer_id = $1', [customer.id])).rows);
    expect(seen.balance).toBe(70);
    const { ADMIN_SCOPES, systemCaller } = await import('@loyalnest/kit');
    const asB = gateway.runtimes.get('points')!.createContext(systemCaller(ADMIN_SCOPES, b.id));
    const [visible] = await asB.em.execute<{ n: number }[]>('select count(*)::int as n from points_account where customer_id = ?', [customer.id]);
    expect(visible.n).toBe(0);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(70);
    const liability = await gateway.gql<{ pointsLiability: { outstandingPoints: number } }>(`{ pointsLiability { outstandingPoints } }`, {}, b.auth);
    expect(liability.data!.pointsLiability.outstandingPoints).toBe(0);
  });

  it('lets a shopper read their own points and nobody else\'s, and not award any', async () => {
    const self = await newCustomer(a);
    const other = await newCustomer(a);
    await award(gateway, a, self.id, 15);
    const auth = await shopperAuth(gateway, a, self.id);
    const own = await gateway.gql<{ customer: { points: { balance: number } } }>(`query($id: ID!) { customer(id: $id) { points { balance } } }`, { id: self.id }, auth);
    expect(own.data!.customer.points.balance).toBe(15);
    const theirs = await gateway.gql(`query($id: ID!) { customer(id: $id) { points { balance } } }`, { id: other.id }, auth);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const awarded = await gateway.gql(AWARD, { input: { customerId: self.id, points: 1000 } }, auth);
    expect(awarded.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes the committed balance on Redis for live updates', async () => {
    const customer = await newCustomer(a);
    const redis = new Redis(gateway.config.kit.redisUrl);
    const seen: BalanceChangedMessage[] = [];
    try {
      await redis.subscribe(liveChannel(gateway.config.kit, 'balance.changed'));
      redis.on('message', (_channel, text) => seen.push(JSON.parse(text)));
      await award(gateway, a, customer.id, 42);
      const message = await eventually(async () => seen.find((m) => m.customerId === customer.id), 5_000, 'a balance.changed message');
      expect(message).toMatchObject({ merchantId: a.id, customerId: customer.id, balance: 42, delta: 42, kind: 'adjust' });
      expect(Date.parse(message.committedAt)).not.toBeNaN();
    } finally {
      redis.disconnect();
    }
  });
});
