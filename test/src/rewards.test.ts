import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { shopperAuth } from './support/points.js';
import { ARCHIVE_REWARD, CREATE_REWARD, createReward, REWARDS, UPDATE_REWARD } from './support/rewards.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';
import { bearer } from './support/tokens.js';
import { sessionToken } from './support/proxy-session.js';

type Reward = Record<string, any>;

describe('the rewards catalog', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    a = await createMerchant(gateway);
    b = await createMerchant(gateway);
  });
  afterAll(() => gateway.stop());

  const create = (merchant: TestMerchant, input: Record<string, unknown>) => gateway.gql<{ createReward: Reward }>(CREATE_REWARD, { input }, merchant.auth);
  const update = (merchant: TestMerchant, input: Record<string, unknown>) => gateway.gql<{ updateReward: Reward }>(UPDATE_REWARD, { input }, merchant.auth);
  const list = async (auth: Record<string, string>, variables: Record<string, unknown> = {}) => {
    const result = await gateway.gql<{ rewards: Reward[] }>(REWARDS, variables, auth);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!.rewards;
  };

  it('creates every kind of reward, with names per locale, and lists them cheapest first', async () => {
    const merchant = await createMerchant(gateway);
    const fixed = await create(merchant, {
      kind: 'FIXED_AMOUNT',
      value: '5.00',
      names: { en: '€5 off', fr: '5 € de remise' },
      pointsCost: 500,
      minimumSubtotal: '20.00',
      usageLimit: 100,
      usageLimitPerCustomer: 2,
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2036-01-01T00:00:00.000Z',
      codeValidityDays: 30,
    });
    expect(fixed.errors).toBeUndefined();
    expect(fixed.data!.createReward).toMatchObject({
      __typename: 'Reward',
      kind: 'FIXED_AMOUNT',
      name: '€5 off',
      names: { en: '€5 off', fr: '5 € de remise', es: null },
      value: '5.00',
      variantId: null,
      pointsCost: 500,
      minimumSubtotal: '20.00',
      usageLimit: 100,
      usageLimitPerCustomer: 2,
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2036-01-01T00:00:00.000Z',
      codeValidityDays: 30,
      active: true,
      archivedAt: null,
    });
    await createReward(gateway, merchant, { kind: 'PERCENTAGE', value: '10', names: { es: '10 %' }, pointsCost: 300 });
    await createReward(gateway, merchant, { kind: 'FREE_SHIPPING', value: null, names: { en: 'Free shipping' }, pointsCost: 200 });
    await createReward(gateway, merchant, { kind: 'FREE_PRODUCT', value: null, variantId: '44001', names: { en: 'Free mug' }, pointsCost: 1000 });
    const rewards = await list(merchant.auth, { locale: 'FR' });
    expect(rewards.map((r) => [r.pointsCost, r.name])).toEqual([
      [200, 'Free shipping'],
      // No French name: the merchant's primary language (en) has none either, so the one it has.
      [300, '10 %'],
      [500, '5 € de remise'],
      [1000, 'Free mug'],
    ]);
  });

  it('lists the whole catalog to an admin, and only what can be redeemed now with activeOnly; shoppers and guests only ever see what can be redeemed now', async () => {
    const merchant = await createMerchant(gateway);
    const live = await createReward(gateway, merchant, { names: { en: 'Live' }, pointsCost: 10 });
    await createReward(gateway, merchant, { names: { en: 'Off' }, pointsCost: 20, active: false });
    await createReward(gateway, merchant, { names: { en: 'Later' }, pointsCost: 30, startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    await createReward(gateway, merchant, { names: { en: 'Over' }, pointsCost: 40, startsAt: '2020-01-01T00:00:00.000Z', endsAt: '2021-01-01T00:00:00.000Z' });
    const archived = await createReward(gateway, merchant, { names: { en: 'Gone' }, pointsCost: 50 });
    expect((await gateway.gql(ARCHIVE_REWARD, { id: archived }, merchant.auth)).errors).toBeUndefined();
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });
    const shopper = await shopperAuth(gateway, merchant, customer.id);
    const guest = bearer(await sessionToken(gateway, merchant.shop, ''));

    expect((await list(merchant.auth, { activeOnly: false })).map((r) => r.name)).toEqual(['Live', 'Off', 'Later', 'Over']);
    expect((await list(merchant.auth)).map((r) => r.name)).toEqual(['Live', 'Off', 'Later', 'Over']);
    expect((await list(merchant.auth, { activeOnly: true })).map((r) => r.id)).toEqual([live]);
    // An inactive reward, and one whose window has not opened, are the merchant's plans: never the storefront's.
    for (const auth of [shopper, guest]) {
      for (const activeOnly of [false, null, true]) expect((await list(auth, { activeOnly })).map((r) => r.id)).toEqual([live]);
    }
    // and another merchant's guest sees none of it
    expect((await list(bearer(await sessionToken(gateway, b.shop, '')), { activeOnly: false })).map((r) => r.id)).not.toContain(live);
  });

  it('changes a reward, keeping omitted fields, clearing what a new kind does not take, and archives it once', async () => {
    const id = await createReward(gateway, a, { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: 'Five' }, pointsCost: 100, usageLimit: 10 });
    const changed = await update(a, { id, pointsCost: 150, names: { en: 'Five off', es: 'Cinco' } });
    expect(changed.data!.updateReward).toMatchObject({ __typename: 'Reward', pointsCost: 150, value: '5.00', usageLimit: 10, names: { en: 'Five off', es: 'Cinco', fr: null } });
    const shipping = await update(a, { id, kind: 'FREE_SHIPPING', usageLimit: null });
    expect(shipping.data!.updateReward).toMatchObject({ kind: 'FREE_SHIPPING', value: null, usageLimit: null, pointsCost: 150 });
    const archived = await gateway.gql<{ archiveReward: Reward }>(ARCHIVE_REWARD, { id }, a.auth);
    expect(archived.data!.archiveReward).toMatchObject({ __typename: 'Reward', id, active: false });
    const archivedAt = archived.data!.archiveReward.archivedAt;
    expect(archivedAt).not.toBeNull();
    const again = await gateway.gql<{ archiveReward: Reward }>(ARCHIVE_REWARD, { id }, a.auth);
    expect(again.data!.archiveReward.archivedAt).toBe(archivedAt);
    expect((await update(a, { id, pointsCost: 1 })).data!.updateReward).toMatchObject({ __typename: 'RewardNotFoundError', code: 'REWARD_NOT_FOUND' });
    expect((await list(a.auth)).map((r) => r.id)).not.toContain(id);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const merchant = await createMerchant(gateway);
    const base = { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: 'Five' }, pointsCost: 100 };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ value: null }, /value/],
      [{ value: '0' }, /value/],
      [{ value: 'five' }, /value/],
      [{ kind: 'PERCENTAGE', value: '150' }, /value/],
      [{ kind: 'FREE_SHIPPING', value: '3' }, /value/],
      [{ kind: 'FREE_PRODUCT', value: null }, /variantId/],
      [{ variantId: '123' }, /variantId/],
      [{ kind: 'FREE_PRODUCT', value: null, variantId: 'gid://x' }, /variantId/],
      [{ names: {} }, /names/],
      [{ names: { en: '' } }, /names/],
      [{ names: { en: 'x'.repeat(101) } }, /names/],
      [{ pointsCost: 0 }, /pointsCost/],
      [{ usageLimit: 0 }, /usageLimit/],
      [{ usageLimitPerCustomer: -1 }, /usageLimitPerCustomer/],
      [{ codeValidityDays: 0 }, /codeValidityDays/],
      [{ minimumSubtotal: '-5' }, /minimumSubtotal/],
      [{ startsAt: '2030-01-02T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' }, /endsAt/],
    ];
    for (const [input, field] of cases) {
      const result = await create(merchant, { ...base, ...input });
      expect({ input, code: result.errors?.[0]?.extensions?.code }).toEqual({ input, code: 'BAD_USER_INPUT' });
      expect(result.errors![0].message).toMatch(field);
    }
    const unknownLocale = await create(merchant, { ...base, names: { de: 'Fünf' } });
    expect(unknownLocale.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownLocale.errors![0].message).toMatch(/"de"/);
    const id = await createReward(gateway, merchant, base);
    const badUpdate = await update(merchant, { id, kind: 'PERCENTAGE', value: '101' });
    expect(badUpdate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const rewards = await list(merchant.auth);
    expect(rewards).toHaveLength(1);
    expect(rewards[0]).toMatchObject({ id, pointsCost: 100 });
    const { rows } = await withOwnerDb('points', (db) => db.query<{ kind: string; value: string }>('select kind, value::text from reward where merchant_id = $1', [merchant.id]));
    expect(rows).toEqual([{ kind: 'fixed_amount', value: '5.00' }]);
  });

  it('lets only callers with points:manage change the catalog', async () => {
    const customer = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` });
    const shopper = await shopperAuth(gateway, a, customer.id);
    const id = await createReward(gateway, a, { names: { en: 'Mine' } });
    const created = await gateway.gql(CREATE_REWARD, { input: { kind: 'FREE_SHIPPING', names: { en: 'x' }, pointsCost: 1 } }, shopper);
    expect(created.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.gql(UPDATE_REWARD, { input: { id, pointsCost: 1 } }, shopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.gql(ARCHIVE_REWARD, { id }, shopper)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("keeps merchants apart: another merchant neither sees nor changes this one's rewards", async () => {
    const id = await createReward(gateway, a, { names: { en: "A's reward" }, pointsCost: 77 });
    expect((await list(b.auth)).map((r) => r.id)).not.toContain(id);
    expect((await update(b, { id, pointsCost: 1 })).data!.updateReward).toMatchObject({ __typename: 'RewardNotFoundError' });
    expect((await gateway.gql<{ archiveReward: Reward }>(ARCHIVE_REWARD, { id }, b.auth)).data!.archiveReward).toMatchObject({ __typename: 'RewardNotFoundError' });
    const mine = (await list(a.auth)).find((r) => r.id === id);
    expect(mine).toMatchObject({ pointsCost: 77, active: true });
  });
});
