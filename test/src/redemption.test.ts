import { beforeAll, describe, expect, it } from '@jest/globals';
import points from '@loyalnest/points';
import { FieldCipher, liveChannel, ShopifyDiscounts, type RedemptionUpdatedMessage, type RequestContext } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { CustomerDirectory } from '../../subgraphs/points/src/services/customer-directory.js';
import { LedgerService } from '../../subgraphs/points/src/services/ledger.service.js';
import { PointsProgramService } from '../../subgraphs/points/src/services/points-program.service.js';
import { RedemptionSettlement } from '../../subgraphs/points/src/services/redemption-settlement.service.js';
import { RedemptionService } from '../../subgraphs/points/src/services/redemption.service.js';
import { withOwnerDb } from './support/db.js';
import { eventually } from './support/events.js';
import { type FakeShopify } from './support/fake-shopify.js';
import { type TestGateway } from './support/gateway.js';
import { award, pointsOf, shopperAuth } from './support/points.js';
import { createReward, redeem } from './support/rewards.js';
import { createMerchant, runtime, type TestMerchant } from './support/tenants.js';
import { adminCaller } from './support/tokens.js';
import { REDEMPTION, redemptionFixture } from './support/redemption-fixture.js';

const CUSTOMER_REDEMPTIONS = `query($id: ID!, $after: String) {
  customer(id: $id) { redemptions(first: 2, after: $after) { nodes { id status discountCode reward { id name } } pageInfo { endCursor hasNextPage } } }
}`;

describe('redeeming rewards', () => {
  const fx = redemptionFixture();
  const { newCustomer, history, verify, codesAt, job } = fx;
  let fake: FakeShopify;
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;
  beforeAll(() => {
    ({ fake, gateway, a, b } = fx.world);
  });

  it('lets a shopper redeem for themselves: points debited, a code issued in Shopify for that customer, replays spend once', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 250);
    const rewardId = await createReward(gateway, a, { kind: 'PERCENTAGE', value: '10', names: { en: '10% off' }, pointsCost: 100, minimumSubtotal: '30.00', codeValidityDays: 7 });
    const shopper = await shopperAuth(gateway, a, customer.id);
    const redis = new Redis(gateway.config.kit.redisUrl);
    const live: RedemptionUpdatedMessage[] = [];
    await redis.subscribe(liveChannel(gateway.config.kit, 'redemption.updated'));
    redis.on('message', (_channel, text) => live.push(JSON.parse(text)));
    try {
      const key = `widget-${randomUUID()}`;
      const redeemed = await redeem(gateway, shopper, { customerId: customer.id, rewardId, idempotencyKey: key });
      expect(redeemed).toMatchObject({ __typename: 'Redemption', status: 'ISSUED', pointsSpent: 100, customerId: customer.id, rewardId, reward: { id: rewardId }, refundEntryId: null });
      expect(redeemed.discountCode).toMatch(/^LN-[A-Z2-7]{10}$/);
      const days = (Date.parse(redeemed.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);
      const [discount] = fake.discounts(a.shop).filter((d) => d.code === redeemed.discountCode);
      expect(discount.id).toBe(redeemed.shopifyDiscountId);
      expect(discount.input).toMatchObject({
        context: { customers: { add: [`gid://shopify/Customer/${customer.shopifyId}`] } },
        minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: '30.00' } },
        customerGets: { value: { percentage: 0.1 } },
        endsAt: new Date(redeemed.expiresAt).toISOString(),
      });

      const again = await redeem(gateway, shopper, { customerId: customer.id, rewardId, idempotencyKey: key });
      expect(again).toMatchObject({ __typename: 'Redemption', id: redeemed.id, discountCode: redeemed.discountCode });
      const reused = await redeem(gateway, shopper, { customerId: customer.id, rewardId: await createReward(gateway, a, {}), idempotencyKey: key });
      expect(reused).toMatchObject({ __typename: 'IdempotencyKeyReusedError' });
      expect((await pointsOf(gateway, a, customer.id)).balance).toBe(150);
      expect(await history(a, customer.id)).toEqual([
        ['REDEEM', 'REWARD', -100],
        ['ADJUST', 'ADMIN', 250],
      ]);
      expect(codesAt(a).filter((c) => c === redeemed.discountCode)).toHaveLength(1);

      const read = await gateway.gql<{ redemption: Record<string, unknown> }>(REDEMPTION, { id: redeemed.id }, shopper);
      expect(read.data!.redemption).toMatchObject({ id: redeemed.id, status: 'ISSUED', discountCode: redeemed.discountCode });
      const listed = await gateway.gql<{ customer: { redemptions: { nodes: { id: string; reward: { name: string } }[] } } }>(CUSTOMER_REDEMPTIONS, { id: customer.id }, shopper);
      expect(listed.data!.customer.redemptions.nodes).toEqual([expect.objectContaining({ id: redeemed.id, status: 'ISSUED', reward: { id: rewardId, name: '10% off' } })]);
      const statuses = await eventually(async () => {
        const mine = live.filter((m) => m.redemptionId === redeemed.id).map((m) => m.status);
        return mine.length >= 2 ? mine : undefined;
      }, 5_000, 'redemption.updated messages');
      expect(statuses).toEqual(['pending', 'issued']);
    } finally {
      redis.disconnect();
    }
  });

  it('spends once when the same idempotency key arrives many times at once', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 10 });
    const idempotencyKey = `same-${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 10 }, () => redeem(gateway, a.auth, { customerId: customer.id, rewardId, idempotencyKey })));
    expect(results.map((r) => r.__typename)).toEqual(Array(10).fill('Redemption'));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(90);
    expect(codesAt(a).filter((c) => c === results.find((r) => r.discountCode)?.discountCode)).toHaveLength(1);
  });

  it('lets 200 concurrent redemptions on an account that affords 50 issue exactly 50 codes, never below zero', async () => {
    const customer = await newCustomer(a);
    const rewardId = await createReward(gateway, a, { kind: 'FREE_SHIPPING', value: null, names: { en: 'Ship free' }, pointsCost: 20 });
    await award(gateway, a, customer.id, 50 * 20);
    const before = new Set(codesAt(a));
    const results = await Promise.all(Array.from({ length: 200 }, () => redeem(gateway, a.auth, { customerId: customer.id, rewardId })));
    const issued = results.filter((r) => r.__typename === 'Redemption');
    expect(results.filter((r) => !['Redemption', 'InsufficientPointsError'].includes(r.__typename))).toEqual([]);
    expect(issued).toHaveLength(50);
    expect(issued.every((r) => r.status === 'ISSUED')).toBe(true);
    const refused = results.filter((r) => r.__typename === 'InsufficientPointsError');
    expect(refused).toHaveLength(150);
    expect(refused.every((r) => r.balance >= 0 && r.balance < 20)).toBe(true);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(0);
    expect(await verify(a)).toBe(true);
    const created = codesAt(a).filter((c) => !before.has(c));
    expect(created).toHaveLength(50);
    expect(new Set(created)).toEqual(new Set(issued.map((r) => r.discountCode)));
  }, 60_000);

  it('refuses what cannot be redeemed, spending nothing: unavailable rewards, a negative balance, a disabled program', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 1000);
    const reasons: [Record<string, unknown>, string][] = [
      [{ active: false }, 'INACTIVE'],
      [{ startsAt: new Date(Date.now() + 3_600_000).toISOString() }, 'NOT_STARTED'],
      [{ startsAt: '2020-01-01T00:00:00Z', endsAt: '2021-01-01T00:00:00Z' }, 'ENDED'],
    ];
    for (const [input, reason] of reasons) {
      const result = await redeem(gateway, a.auth, { customerId: customer.id, rewardId: await createReward(gateway, a, input) });
      expect(result).toMatchObject({ __typename: 'RewardUnavailableError', code: 'REWARD_UNAVAILABLE', reason });
    }
    const archived = await createReward(gateway, a, {});
    await gateway.gql(`mutation($id: ID!) { archiveReward(id: $id) { __typename } }`, { id: archived }, a.auth);
    expect(await redeem(gateway, a.auth, { customerId: customer.id, rewardId: archived })).toMatchObject({ reason: 'ARCHIVED' });
    expect(await redeem(gateway, a.auth, { customerId: customer.id, rewardId: randomUUID() })).toMatchObject({ __typename: 'RewardNotFoundError', code: 'REWARD_NOT_FOUND' });
    expect(await redeem(gateway, a.auth, { customerId: randomUUID(), rewardId: archived })).toMatchObject({ __typename: 'CustomerNotFoundError' });
    const costly = await createReward(gateway, a, { pointsCost: 1001 });
    expect(await redeem(gateway, a.auth, { customerId: customer.id, rewardId: costly })).toMatchObject({ __typename: 'InsufficientPointsError', balance: 1000, required: 1001 });
    expect(await history(a, customer.id)).toEqual([['ADJUST', 'ADMIN', 1000]]);

    // On a merchant of its own, whose ledger the balance edit below would break for verifyLedger.
    const c = await createMerchant(gateway);
    const owing = await newCustomer(c);
    await award(gateway, c, owing.id, 5);
    const cheap = await createReward(gateway, c, { pointsCost: 1 });
    // As a refund taking back spent points leaves it, with negative balances allowed.
    await withOwnerDb('points', (db) => db.query('update points_account set balance = -10 where customer_id = $1', [owing.id]));
    expect(await redeem(gateway, c.auth, { customerId: owing.id, rewardId: cheap })).toMatchObject({ reason: 'NEGATIVE_BALANCE' });
    await withOwnerDb('points', (db) => db.query('update points_account set balance = 5 where customer_id = $1', [owing.id]));
    const disabled = await gateway.gql(`mutation { updateEarningRules(input: { enabled: false }) { enabled } }`, {}, c.auth);
    expect(disabled.errors).toBeUndefined();
    expect(await redeem(gateway, c.auth, { customerId: owing.id, rewardId: cheap })).toMatchObject({ reason: 'PROGRAM_DISABLED' });
    expect((await pointsOf(gateway, c, owing.id)).history.nodes).toHaveLength(1);
  });

  it('lets a shopper redeem for nobody else, and keeps merchants apart: no debit crosses either line', async () => {
    const self = await newCustomer(a);
    const other = await newCustomer(a);
    await award(gateway, a, self.id, 500);
    await award(gateway, a, other.id, 500);
    const rewardId = await createReward(gateway, a, { pointsCost: 100 });
    const shopper = await shopperAuth(gateway, a, self.id);
    const forOther = await gateway.gql(`mutation($input: RedeemRewardInput!) { redeemReward(input: $input) { __typename } }`, { input: { customerId: other.id, rewardId, idempotencyKey: 'x' } }, shopper);
    expect(forOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await redeem(gateway, shopper, { customerId: self.id, rewardId });
    expect(mine.__typename).toBe('Redemption');
    const otherShopper = await shopperAuth(gateway, a, other.id);
    expect((await gateway.gql(REDEMPTION, { id: mine.id }, otherShopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.gql(CUSTOMER_REDEMPTIONS, { id: self.id }, otherShopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Merchant B: A's reward for B's customer, B's reward for A's customer, A's redemption by id.
    const bCustomer = await newCustomer(b);
    await award(gateway, b, bCustomer.id, 500);
    const bReward = await createReward(gateway, b, { pointsCost: 100 });
    expect(await redeem(gateway, b.auth, { customerId: bCustomer.id, rewardId })).toMatchObject({ __typename: 'RewardNotFoundError' });
    expect(await redeem(gateway, b.auth, { customerId: other.id, rewardId: bReward })).toMatchObject({ __typename: 'CustomerNotFoundError' });
    expect(await redeem(gateway, b.auth, { customerId: other.id, rewardId })).toMatchObject({ __typename: 'CustomerNotFoundError' });
    expect((await gateway.gql<{ redemption: unknown }>(REDEMPTION, { id: mine.id }, b.auth)).data!.redemption).toBeNull();
    const bShopper = await shopperAuth(gateway, b, bCustomer.id);
    expect(await redeem(gateway, bShopper, { customerId: bCustomer.id, rewardId })).toMatchObject({ __typename: 'RewardNotFoundError' });
    expect((await pointsOf(gateway, a, other.id)).balance).toBe(500);
    expect((await pointsOf(gateway, a, self.id)).balance).toBe(400);
    expect((await pointsOf(gateway, b, bCustomer.id)).balance).toBe(500);
    expect(fake.discounts(b.shop)).toHaveLength(0);
  });

  it('holds usage limits under concurrency: across customers and per customer', async () => {
    const total = await createReward(gateway, a, { pointsCost: 10, usageLimit: 5 });
    const customers = await Promise.all(Array.from({ length: 12 }, () => newCustomer(a)));
    await Promise.all(customers.map((c) => award(gateway, a, c.id, 10)));
    const results = await Promise.all(customers.map((c) => redeem(gateway, a.auth, { customerId: c.id, rewardId: total })));
    expect(results.filter((r) => r.__typename === 'Redemption')).toHaveLength(5);
    expect(results.filter((r) => r.reason === 'USAGE_LIMIT_REACHED')).toHaveLength(7);
    const [row] = await withOwnerDb('points', async (db) => (await db.query<{ redemption_count: number }>('select redemption_count from reward where id = $1', [total])).rows);
    expect(row.redemption_count).toBe(5);

    const perCustomer = await createReward(gateway, a, { pointsCost: 10, usageLimitPerCustomer: 2 });
    const one = await newCustomer(a);
    await award(gateway, a, one.id, 100);
    const mine = await Promise.all(Array.from({ length: 10 }, () => redeem(gateway, a.auth, { customerId: one.id, rewardId: perCustomer })));
    expect(mine.filter((r) => r.__typename === 'Redemption')).toHaveLength(2);
    expect(mine.filter((r) => r.reason === 'CUSTOMER_LIMIT_REACHED')).toHaveLength(8);
    expect((await pointsOf(gateway, a, one.id)).balance).toBe(80);
    expect(await verify(a)).toBe(true);
  }, 60_000);

  it('stores the code encrypted: the owner reads no plaintext in any column', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 10);
    const redeemed = await redeem(gateway, a.auth, { customerId: customer.id, rewardId: await createReward(gateway, a, { pointsCost: 10 }) });
    const [row] = await withOwnerDb('points', async (db) => (await db.query<Record<string, unknown>>('select * from redemption where id = $1', [redeemed.id])).rows);
    expect(JSON.stringify(row)).not.toContain(redeemed.discountCode);
    expect(JSON.stringify(row).toLowerCase()).not.toContain(String(redeemed.discountCode).toLowerCase());
    expect(row.code_encrypted).toMatch(/^[^:]+:[A-Za-z0-9+/=]+$/);
    const cipher = new FieldCipher(gateway.config.kit.encryptionKeys);
    expect(() => cipher.decrypt(String(row.code_encrypted), `${b.id}/redemption/${redeemed.id}/code`)).toThrow();
  });

  it('recovers redemptions left pending: the same code issued when Shopify answers, the points given back when attempts run out', async () => {
    // The request's call to the merchant subgraph fails in a way that leaves Shopify's answer unknown (as a crash would).
    const points = runtime(gateway, 'points');
    const cipher = new FieldCipher(gateway.config.kit.encryptionKeys);
    const service = new RedemptionService(
      new LedgerService(),
      new CustomerDirectory(),
      new PointsProgramService(),
      new RedemptionSettlement(new LedgerService(), new ShopifyDiscounts(), cipher),
      cipher,
      gateway.config.kit.blindIndexKey,
    );
    const cutOff = (): RequestContext => {
      const ctx = points.createContext(adminCaller(a.id));
      return { ...ctx, peers: { query: (subgraph, query, variables, caller) => (subgraph === 'merchant' ? Promise.reject(new Error('socket hang up')) : ctx.peers.query(subgraph, query, variables, caller)) } };
    };
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 100);
    const rewardId = await createReward(gateway, a, { pointsCost: 30, usageLimit: 10 });
    const first = (await service.redeem(cutOff(), { customerId: customer.id, rewardId, idempotencyKey: randomUUID() })) as { id: string; status: string };
    const second = (await service.redeem(cutOff(), { customerId: customer.id, rewardId, idempotencyKey: randomUUID() })) as { id: string; status: string };
    expect([first.status, second.status]).toEqual(['pending', 'pending']);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(40);

    // The job takes up only redemptions pending past the timeout.
    await job('redemption recovery').run();
    expect((await gateway.gql<{ redemption: { status: string } }>(REDEMPTION, { id: first.id }, a.auth)).data!.redemption.status).toBe('PENDING');
    const backdate = (id: string) => withOwnerDb('points', (db) => db.query(`update redemption set updated_at = now() - interval '1 hour' where id = $1`, [id]));
    // Shopify answers the first one's retry.
    await backdate(first.id);
    await job('redemption recovery').run();
    // The second's retry fails too, and it was its last attempt (REDEMPTION_MAX_ATTEMPTS=2).
    await backdate(second.id);
    fake.failRequests(a.shop, 502, '/graphql.json');
    await job('redemption recovery').run();
    fake.failRequests(a.shop, null);

    const read = async (id: string) => (await gateway.gql<{ redemption: Record<string, any> }>(REDEMPTION, { id }, a.auth)).data!.redemption;
    const issued = await read(first.id);
    const gaveBack = await read(second.id);
    expect(issued).toMatchObject({ status: 'ISSUED' });
    expect(codesAt(a)).toContain(issued.discountCode);
    expect(gaveBack).toMatchObject({ status: 'FAILED', errorCode: 'SHOPIFY_UNAVAILABLE', discountCode: null, refundEntryId: expect.any(String) });
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(70);
    const [row] = await withOwnerDb('points', async (db) => (await db.query<{ redemption_count: number }>('select redemption_count from reward where id = $1', [rewardId])).rows);
    expect(row.redemption_count).toBe(1);
    expect(await verify(a)).toBe(true);
  }, 60_000);

  it('pages a customer\'s redemptions newest first', async () => {
    const customer = await newCustomer(a);
    await award(gateway, a, customer.id, 3);
    const rewardId = await createReward(gateway, a, { pointsCost: 1 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await redeem(gateway, a.auth, { customerId: customer.id, rewardId })).id);
    type Page = { customer: { redemptions: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } } };
    const first = (await gateway.gql<Page>(CUSTOMER_REDEMPTIONS, { id: customer.id }, a.auth)).data!.customer.redemptions;
    expect(first.nodes.map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await gateway.gql<Page>(CUSTOMER_REDEMPTIONS, { id: customer.id, after: first.pageInfo.endCursor }, a.auth)).data!.customer.redemptions;
    expect(next.nodes.map((n) => n.id)).toEqual([ids[0]]);
    expect(next.pageInfo.hasNextPage).toBe(false);
  });
});
