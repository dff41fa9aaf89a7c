import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { withOwnerDb } from './support/db.js';
import { startFakeShopify, type FakeShopify } from './support/fake-shopify.js';
import {
  argumentsFor,
  brokenRule,
  hostileValues,
  inBatches,
  INTROSPECTION,
  leavesOf,
  literalOperationFor,
  notRefusedAt,
  operationFor,
  readSchema,
  type ApiSchema,
  type Fixture,
  type Hostile,
  type Leaf,
} from './support/fuzz.js';
import { startTestGateway, type Mode, type TestGateway } from './support/gateway.js';
import { installMerchant } from './support/install.js';
import { award, shopperAuth } from './support/points.js';
import { POINTS_JOBS_ENV, setRules } from './support/points-jobs.js';
import { createReward, redeem, REWARDS_ENV } from './support/rewards.js';
import { shopifyId, upsertCustomer, type TestMerchant } from './support/tenants.js';

/** One merchant's valid things for the fuzz's otherwise valid arguments. */
interface Seeded {
  merchant: TestMerchant;
  customerId: string;
  customerShopifyId: string;
  rewardId: string;
  redemptionId: string;
  apiKeyId: string;
}

async function seed(gateway: TestGateway, fake: FakeShopify, label: string): Promise<Seeded> {
  const merchant = await installMerchant(gateway, fake, label);
  const customerShopifyId = shopifyId();
  const customer = await upsertCustomer(gateway, merchant, { shopifyId: customerShopifyId, email: `${label}-${randomBytes(4).toString('hex')}@example.com` });
  await award(gateway, merchant, customer.id, 100_000);
  await setRules(gateway, merchant, { activities: [{ key: 'visit', name: 'Visit the store', points: 1, limit: 'UNLIMITED' }] });
  const rewardId = await createReward(gateway, merchant, { pointsCost: 10 });
  const redemption = await redeem(gateway, merchant.auth, { customerId: customer.id, rewardId });
  if (redemption.status !== 'ISSUED') throw new Error(`seeding ${label}: redemption ${JSON.stringify(redemption)}`);
  const key = await gateway.gql<{ createApiKey: { apiKey: { id: string } } }>(
    'mutation { createApiKey(input: { name: "fuzz", scopes: ["points:read"] }) { ... on ApiKeyCreated { apiKey { id } } } }',
    {},
    merchant.auth,
  );
  return { merchant, customerId: customer.id, customerShopifyId, rewardId, redemptionId: redemption.id, apiKeyId: key.data!.createApiKey.apiKey.id };
}

function fixtureOf(s: Seeded): Fixture {
  return {
    values: {
      customerId: s.customerId,
      rewardId: s.rewardId,
      redemptionId: s.redemptionId,
      'customer.id': s.customerId,
      'updateCustomer.input.id': s.customerId,
      'customerByShopifyId.shopifyId': s.customerShopifyId,
      'upsertCustomer.input.shopifyId': () => shopifyId(),
      'redemption.id': s.redemptionId,
      'updateReward.input.id': s.rewardId,
      'archiveReward.id': s.rewardId,
      'revokeApiKey.id': s.apiKeyId,
      'createApiKey.input.scopes': 'points:read',
      activityKey: 'visit',
      idempotencyKey: () => `fuzz-${randomBytes(8).toString('hex')}`,
      points: 1,
      month: 5,
      day: 5,
      first: 5,
    },
    extras: (field, target) => {
      if (field !== 'createReward' && field !== 'updateReward') return {};
      // A variant id is only read for FREE_PRODUCT rewards: name that kind so it reaches the store.
      if (target?.path[target.path.length - 1] === 'variantId') return { input: { kind: 'FREE_PRODUCT', value: undefined, names: { en: 'Fuzz' } } };
      return { input: { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: 'Fuzz' } } };
    },
  };
}

/** Another merchant's id of the kind a leaf names, for the wrong-merchant case. */
function wrongMerchantId(other: Seeded, field: string, leaf: Leaf): string | undefined {
  const name = leaf.path[leaf.path.length - 1];
  if (name === 'customerId') return other.customerId;
  if (name === 'rewardId') return other.rewardId;
  if (name === 'redemptionId') return other.redemptionId;
  if (name !== 'id') return undefined;
  return ({ customer: other.customerId, updateCustomer: other.customerId, redemption: other.redemptionId, updateReward: other.rewardId, archiveReward: other.rewardId, revokeApiKey: other.apiKeyId } as Record<string, string>)[field];
}

/** Every row of the merchant's in each store, as one digest per table: a refused request changes none. */
async function snapshot(merchantId: string): Promise<Record<string, string>> {
  const tables: Record<string, Record<string, string>> = {
    merchant: { merchant: 'id = $1', api_key: 'merchant_id = $1' },
    customer: { customer: 'merchant_id = $1' },
    points: Object.fromEntries(['points_account', 'points_entry', 'points_program', 'redemption', 'reward'].map((t) => [t, 'merchant_id = $1'])),
    tier: { tier_program: 'merchant_id = $1', tier: 'merchant_id = $1' },
  };
  const digests: Record<string, string> = {};
  // One connection at a time: the machine's PostgreSQL serves many test runs at once.
  for (const [store, wheres] of Object.entries(tables)) {
    await withOwnerDb(store, async (db) => {
      for (const [table, where] of Object.entries(wheres)) {
        const { rows } = await db.query<{ d: string }>(`select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as d from ${table} t where ${where}`, [merchantId]);
        digests[`${store}.${table}`] = rows[0].d;
      }
    });
  }
  return digests;
}

/** The Shopify side of a merchant: codes alive and deleted. */
function shopifySide(fake: FakeShopify, shop: string) {
  return { alive: fake.discounts(shop).map((d) => d.code).sort(), deleted: fake.deletedDiscounts(shop).map((d) => d.code).sort() };
}

interface Case {
  field: string;
  kind: 'query' | 'mutation';
  leaf: Leaf;
  hostile: Hostile;
  literal: boolean;
}

function casesOf(schema: ApiSchema, every: boolean, kinds?: (h: Hostile) => boolean, other?: Seeded): Case[] {
  const cases: Case[] = [];
  for (const [kind, fields] of [['query', schema.query], ['mutation', schema.mutation]] as const) {
    for (const field of fields) {
      for (const leaf of leavesOf(schema, field)) {
        const wrong = other ? wrongMerchantId(other, field.name, leaf) : undefined;
        for (const hostile of hostileValues(leaf.scalar, wrong, every).filter(kinds ?? (() => true))) {
          cases.push({ field: field.name, kind, leaf, hostile, literal: false });
          if (leaf.scalar === 'DateTimeISO') cases.push({ field: field.name, kind, leaf, hostile, literal: true });
        }
      }
    }
  }
  return cases;
}

/** Sends each case; returns one line per case that broke a rule. */
async function send(gateway: TestGateway, schema: ApiSchema, fixture: Fixture, cases: Case[], auth: Record<string, string>, requireRefusal: boolean): Promise<string[]> {
  const fields = new Map([...schema.query, ...schema.mutation].map((f) => [f.name, f]));
  const problems = await inBatches(cases, 8, async (c) => {
    const field = fields.get(c.field)!;
    const args = argumentsFor(schema, fixture, field, { leaf: c.leaf, value: c.hostile.value });
    const response = c.literal ? await gateway.gql(literalOperationFor(schema, c.kind, field, args), {}, auth) : await gateway.gql(operationFor(schema, c.kind, field, args), args, auth);
    const where = `${c.field}(${c.leaf.path.join('.')}) ${c.hostile.kind}${c.literal ? ' (literal)' : ''}`;
    const broken = brokenRule(response);
    if (broken) return `${where}: ${broken}`;
    if (requireRefusal && c.hostile.refused) {
      const refusal = notRefusedAt(response, c.leaf.path.join('.'));
      if (refusal) return `${where}: ${refusal}`;
    }
    return null;
  });
  return problems.filter((p): p is string => p !== null);
}

describe.each<[Mode, boolean]>([
  ['embedded', true],
  ['networked', false],
])('schema-wide fuzz of every argument (%s)', (mode, everything) => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let schema: ApiSchema;
  let a: Seeded;
  let b: Seeded;

  beforeAll(async () => {
    fake = await startFakeShopify();
    gateway = await startTestGateway(mode, { ...fake.env, ...REWARDS_ENV, ...POINTS_JOBS_ENV });
    [a, b] = await Promise.all([seed(gateway, fake, 'fuzz-a'), seed(gateway, fake, 'fuzz-b')]);
    const introspected = await gateway.gql<Parameters<typeof readSchema>[0]>(INTROSPECTION, {}, a.merchant.auth);
    schema = readSchema(introspected.data!);
  });
  afterAll(async () => {
    await gateway?.stop();
    await fake?.close();
  });

  it('reaches every argument of every query and mutation', () => {
    const fields = [...schema.query, ...schema.mutation].filter((f) => f.args.length);
    expect(fields.length).toBeGreaterThan(20);
    for (const field of fields) expect(leavesOf(schema, field).length).toBeGreaterThan(0);
  });

  it('refuses NUL, lone surrogates and impossible dates at the edge as BAD_USER_INPUT naming the field, writing nothing anywhere', async () => {
    const beforeA = await snapshot(a.merchant.id);
    const beforeB = await snapshot(b.merchant.id);
    const shopifyBefore = shopifySide(fake, a.merchant.shop);
    // Networked mode runs the same cases with one kind of string, to keep its time modest.
    const cases = casesOf(schema, false, everything ? undefined : (h) => h.kind !== 'lone surrogate');

    const problems = await send(gateway, schema, fixtureOf(a), cases, a.merchant.auth, true);

    expect(problems).toEqual([]);
    expect(cases.length).toBeGreaterThan(100);
    expect(await snapshot(a.merchant.id)).toEqual(beforeA);
    expect(await snapshot(b.merchant.id)).toEqual(beforeB);
    expect(shopifySide(fake, a.merchant.shop)).toEqual(shopifyBefore);
  });

  if (!everything) return;

  it('refuses the same as a shopper, without INTERNAL and writing nothing', async () => {
    const before = await snapshot(a.merchant.id);
    const shopifyBefore = shopifySide(fake, a.merchant.shop);
    const shopper = await shopperAuth(gateway, a.merchant, a.customerId);

    // Most fields are not a shopper's to call: one kind of string and one date show the edge answers first.
    const cases = casesOf(schema, false, (h) => h.kind === 'NUL' || h.kind === 'impossible date 2025-02-30');

    const problems = await send(gateway, schema, fixtureOf(a), cases, shopper, false);

    expect(problems).toEqual([]);
    expect(await snapshot(a.merchant.id)).toEqual(before);
    expect(shopifySide(fake, a.merchant.shop)).toEqual(shopifyBefore);
  });

  it('answers long, empty, out-of-range and other merchants\' values without INTERNAL, stack or SQL, and leaves the other merchant untouched', async () => {
    const beforeB = await snapshot(b.merchant.id);
    const shopifyB = shopifySide(fake, b.merchant.shop);
    const cases = casesOf(schema, true, (h) => !h.refused, b);

    const problems = await send(gateway, schema, fixtureOf(a), cases, a.merchant.auth, false);

    expect(problems).toEqual([]);
    expect(await snapshot(b.merchant.id)).toEqual(beforeB);
    expect(shopifySide(fake, b.merchant.shop)).toEqual(shopifyB);
  });
});
