import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseDateTime } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import { flowAction, postFlowAction } from './support/flow.js';
import { startTestGateway, type GraphQLResponse, type Mode, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { award } from './support/points.js';
import { POINTS_JOBS_ENV, setRules } from './support/points-jobs.js';
import { CREATE_REWARD, createReward, redeem, REWARDS_ENV } from './support/rewards.js';
import { shopifyId, upsertCustomer, UPSERT_CUSTOMER, type TestMerchant } from './support/tenants.js';
import { bearer } from './support/tokens.js';

/** The edge's answer to input no store can hold: BAD_USER_INPUT naming exactly these fields. */
function expectRefused(result: GraphQLResponse, fields: string[]): void {
  expect(result.status).toBeLessThan(500);
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.extensions?.fields).toEqual(fields);
  for (const field of fields) expect(error.message).toContain(`${field}: `);
}

const CANCEL = `mutation($input: CancelRedemptionInput!) {
  cancelRedemption(input: $input) { __typename ... on Redemption { status } ... on ErrorResult { code } }
}`;
const REDEMPTION = 'query($id: ID!) { redemption(id: $id) { status discountCode } }';
const RULES = `mutation($input: UpdateEarningRulesInput!) { updateEarningRules(input: $input) { pointsPerCurrencyUnit } }`;
const RECORD = `mutation($input: RecordActivityInput!) {
  recordActivity(input: $input) { __typename ... on PointsChange { duplicate entry { points } } ... on ErrorResult { code } }
}`;

describe('strict date-times (parseDateTime)', () => {
  it.each([
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2024-02-29T12:00:00+02:00', '2024-02-29T10:00:00.000Z'],
    ['2026-12-04t15:00:00.123456z', '2026-12-04T15:00:00.123Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2025-02-29T00:00:00Z',
    '2025-02-30T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-00-10T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+01:00',
    '2025-01-01T24:00:00Z',
    '2025-01-01T23:60:00Z',
    '2025-01-01T00:00:00+24:00',
    '2025-01-01',
    '+010000-01-01T00:00:00Z',
    '2025-01-01T00:00:00',
  ])('refuses %s', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });
});

describe.each<Mode>(['embedded', 'networked'])('hostile input reaching the store (%s)', (mode) => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let merchant: TestMerchant;
  let customerId: string;
  let customerShopifyId: string;
  const gql = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, auth = merchant.auth) => gateway.gql<T>(query, variables, auth);

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway(mode, { ...fake.env, ...REWARDS_ENV, ...POINTS_JOBS_ENV });
    merchant = await installMerchant(gateway, fake, 'hostile');
    customerShopifyId = shopifyId();
    customerId = (await upsertCustomer(gateway, merchant, { shopifyId: customerShopifyId })).id;
    await award(gateway, merchant, customerId, 10_000);
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  it('refuses a cancellation whose reason holds a NUL before deleting the code in Shopify: the redemption stays ISSUED with a working code', async () => {
    const rewardId = await createReward(gateway, merchant, { pointsCost: 10 });
    const redemption = await redeem(gateway, merchant.auth, { customerId, rewardId });
    const code = redemption.discountCode as string;

    const result = await gql(CANCEL, { input: { redemptionId: redemption.id, reason: 'changed my mind\u0000' } });

    expect(fake.deletedDiscounts(merchant.shop).map((d) => d.code)).not.toContain(code);
    expect(fake.discounts(merchant.shop).map((d) => d.code)).toContain(code);
    expect((await gql(REDEMPTION, { id: redemption.id })).data).toEqual({ redemption: { status: 'ISSUED', discountCode: code } });
    expectRefused(result, ['input.reason']);
  });

  it('refuses impossible reward windows, written inline or as variables, naming the field', async () => {
    const input = { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: 'Window' }, pointsCost: 10 };

    expectRefused(await gql(CREATE_REWARD, { input: { ...input, startsAt: '2026-02-30T00:00:00Z' } }), ['input.startsAt']);
    expectRefused(await gql(CREATE_REWARD, { input: { ...input, endsAt: 20260101 } }), ['input.endsAt']);
    expectRefused(
      await gql(`mutation { createReward(input: { kind: FIXED_AMOUNT, value: "5.00", names: { en: "Window" }, pointsCost: 10, endsAt: "2026-13-01T00:00:00Z" }) { __typename } }`),
      ['input.endsAt'],
    );
    expectRefused(await gql('{ auditEntries(filter: { from: "0000-01-01T00:00:00Z" }) { nodes { id } } }'), ['filter.from']);
  });

  it('still reads real date-times, offsets and leap days included', async () => {
    const result = await gql(CREATE_REWARD, { input: { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: 'Leap' }, pointsCost: 10, startsAt: '2028-02-29T12:00:00+02:00' } });

    expect(result.data?.createReward).toMatchObject({ __typename: 'Reward', startsAt: '2028-02-29T10:00:00.000Z' });
  });

  it('names every unstorable field of one input at once, nested lists included, and writes nothing', async () => {
    const shopify = shopifyId();

    const result = await gql(UPSERT_CUSTOMER, { input: { shopifyId: shopify, firstName: 'Ada\u0000', tags: ['fine', 'bad\ud800'] } });

    expectRefused(result, ['input.firstName', 'input.tags.1']);
    expect((await gql('query($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }', { id: shopify })).data).toEqual({ customerByShopifyId: null });
  });

  it('checks the arguments of nested fields too, before their resolver reads them', async () => {
    const result = await gql('query($id: ID!) { customer(id: $id) { points { history(after: "\\u0000") { nodes { id } } } } }', { id: customerId });

    expect(result.errors?.[0]).toMatchObject({ message: 'after: must not contain NUL characters', extensions: { code: 'BAD_USER_INPUT', fields: ['after'] } });
  });

  it('refuses a variant id past the bigint range, and takes the largest one', async () => {
    const input = { kind: 'FREE_PRODUCT', names: { en: 'Free' }, pointsCost: 10 };

    const past = await gql(CREATE_REWARD, { input: { ...input, variantId: '9223372036854775808' } });
    const largest = await gql(CREATE_REWARD, { input: { ...input, variantId: '9223372036854775807' } });

    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['variantId'] });
    expect(largest.data?.createReward).toMatchObject({ __typename: 'Reward', variantId: '9223372036854775807' });
  });

  it("takes a partner's 200-character idempotency key for an unlimited activity, once", async () => {
    await setRules(gateway, merchant, { activities: [{ key: 'a'.repeat(64), name: 'Visit', points: 3, limit: 'UNLIMITED' }] });
    const created = await gql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "long keys", scopes: ["points:write"] }) { ... on ApiKeyCreated { secret } } }',
    );
    const partner = bearer(created.data!.createApiKey.secret);
    const input = { customerId, activityKey: 'a'.repeat(64), idempotencyKey: randomBytes(100).toString('hex') };

    const first = await gql(RECORD, { input }, partner);
    const again = await gql(RECORD, { input }, partner);

    expect(first.data?.recordActivity).toEqual({ __typename: 'PointsChange', duplicate: false, entry: { points: 3 } });
    expect(again.data?.recordActivity).toEqual({ __typename: 'PointsChange', duplicate: true, entry: { points: 3 } });
  });

  it('refuses a Flow action whose reason holds an unpaired surrogate as 400 naming it, awarding nothing', async () => {
    const before = (await gql<{ customer: { points: { balance: number } } }>('query($id: ID!) { customer(id: $id) { points { balance } } }', { id: customerId })).data!.customer.points.balance;
    const body = flowAction(merchant.shop, 'award-points', { customer_id: customerShopifyId, points: 5, reason: 'bonus \udc00' });

    const result = await postFlowAction(gateway.url.replace(/\/graphql$/, ''), gateway.config.kit.shopify.apiSecret, 'award-points', body);

    expect(result).toEqual({ status: 400, body: { message: 'properties.reason: must not contain unpaired UTF-16 surrogates' } });
    const after = await gql<{ customer: { points: { balance: number } } }>('query($id: ID!) { customer(id: $id) { points { balance } } }', { id: customerId });
    expect(after.data!.customer.points.balance).toBe(before);
  });

  it('takes points per currency unit with two decimals that binary floating point cannot hold exactly (1.1, 0.29), and refuses three', async () => {
    for (const value of [1.1, 0.29, 2.55]) {
      const result = await gql(RULES, { input: { pointsPerCurrencyUnit: value } });
      expect(result.data).toEqual({ updateEarningRules: { pointsPerCurrencyUnit: value } });
    }
    const three = await gql(RULES, { input: { pointsPerCurrencyUnit: 1.005 } });
    expect(three.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['pointsPerCurrencyUnit'] });
  });
});
