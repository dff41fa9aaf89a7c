import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_SCOPES, liveChannel, systemCaller, type BalanceChangedMessage } from '@loyalnest/kit';
import { LedgerService } from '../../subgraphs/points/src/services/ledger.service.js';
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

  it('keeps two partner apps apart: the same idempotency key from two API keys is two awards', async () => {
    const customer = await newCustomer(a);
    const keys = await Promise.all(
      ['app-one', 'app-two'].map(async (name) => {
        const created = await gateway.gql<{ createApiKey: { secret: string } }>(
          `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { ... on ApiKeyCreated { secret } } }`,
          { input: { name, scopes: ['points:read', 'points:write'] } },
          a.auth,
        );
        return { authorization: `Bearer ${created.data!.createApiKey.secret}` };
      }),
    );
    const results = await Promise.all(keys.map((auth) => gateway.gql<Change>(AWARD, { input: { customerId: customer.id, points: 10, idempotencyKey: 'order-1001' } }, auth)));
    expect(results.map((r) => r.data!.awardPoints)).toEqual([
      expect.objectContaining({ __typename: 'PointsChange', duplicate: false, entry: expect.objectContaining({ source: 'PARTNER' }) }),
      expect.objectContaining({ __typename: 'PointsChange', duplicate: false, entry: expect.objectContaining({ source: 'PARTNER' }) }),
    ]);
    const again = await gateway.gql<Change>(AWARD, { input: { customerId: customer.id, points: 10, idempotencyKey: 'order-1001' } }, keys[0]);
    expect(again.data!.awardPoints).toMatchObject({ duplicate: true });
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(20);
  });

  it('posts a reversal by what it reverses as that stands under the account lock, whatever the caller read', async () => {
    const customer = await newCustomer(a);
    const ledger = new LedgerService();
    const ctx = () => gateway.runtimes.get('points')!.createContext(systemCaller(ADMIN_SCOPES, a.id));
    const later = new Date(Date.now() + 86_400_000);
    await award(gateway, a, customer.id, 5);
    // An earning still held, and one already released (posted).
    const held = await ledger.post(ctx(), { customerId: customer.id, kind: 'earn', source: 'order', points: 60, idempotencyKey: `test:${randomUUID()}`, availableAt: later });
    const released = await ledger.post(ctx(), { customerId: customer.id, kind: 'earn', source: 'order', points: 40, idempotencyKey: `test:${randomUUID()}` });
    if (held.outcome !== 'posted' || released.outcome !== 'posted') throw new Error('setup failed');
    // A caller that thinks the released earning is still held: the reversal comes out of the balance.
    await ledger.post(ctx(), { customerId: customer.id, kind: 'reverse', source: 'order', points: -30, idempotencyKey: `test:${randomUUID()}`, reversesEntryId: released.entryId, availableAt: later, clamp: true });
    // A caller that thinks the held one is released: it comes out of that earning's pending points, never more than it holds.
    await ledger.post(ctx(), { customerId: customer.id, kind: 'reverse', source: 'order', points: -100, idempotencyKey: `test:${randomUUID()}`, reversesEntryId: held.entryId, clamp: true });
    const account = await pointsOf(gateway, a, customer.id);
    expect(account).toMatchObject({ balance: 15, pending: 0, lifetimeEarned: 10 });
    expect(account.history.nodes.slice(0, 2).map((n) => [n.kind, n.status, n.points])).toEqual([
      ['REVERSE', 'PENDING', -60],
      ['REVERSE', 'POSTED', -30],
    ]);
    const verified = await gateway.gql<{ verifyLedger: { ok: boolean } }>(VERIFY, {}, a.auth);
    expect(verified.data!.verifyLedger.ok).toBe(true);
  });
});
