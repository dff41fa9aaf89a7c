import { afterAll, beforeAll } from '@jest/globals';
import { FieldCipher } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { codeAad } from '../../../subgraphs/points/src/services/redemption-code.js';
import { withOwnerDb } from './db.js';
import { eventually } from './events.js';
import { startFakeShopify, type FakeShopify } from './fake-shopify.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { pointsOf, VERIFY } from './points.js';
import { runPointsJob } from './points-jobs.js';
import { installMerchant } from './install.js';
import { REWARDS_ENV } from './rewards.js';
import { runtime, shopifyId, upsertCustomer, type TestMerchant } from './tenants.js';

const AUDIT = `query($filter: AuditEntryFilter) { auditEntries(first: 100, filter: $filter) { nodes { entityType entityId action summary } } }`;
export const REDEMPTION = `query($id: ID!) { redemption(id: $id) { id status discountCode pointsSpent errorCode refundEntryId compensatedAt } }`;

export type AuditNode = { entityType: string; entityId: string; action: string; summary: Record<string, unknown> };

export interface RedemptionWorld {
  fake: FakeShopify;
  gateway: TestGateway;
  /** Two merchants installed through OAuth against the fake Shopify. */
  a: TestMerchant;
  b: TestMerchant;
}

/**
 * The supergraph with a fake Shopify and two installed merchants, started before a redemption
 * test file's tests and stopped after them, with the helpers those tests share. Call it inside
 * the file's `describe`; `world` is filled in before the first test runs.
 */
export function redemptionFixture() {
  const world = {} as RedemptionWorld;
  beforeAll(async () => {
    world.fake = await startFakeShopify();
    world.gateway = await startTestGateway('embedded', { ...world.fake.env, ...REWARDS_ENV, REDEMPTION_MAX_ATTEMPTS: '2' });
    world.a = await installMerchant(world.gateway, world.fake, 'redeem-a');
    world.b = await installMerchant(world.gateway, world.fake, 'redeem-b');
  });
  afterAll(async () => {
    await world.gateway?.stop();
    await world.fake?.close();
  });

  const readRedemption = async (merchant: TestMerchant, id: string) =>
    (await world.gateway.gql<{ redemption: Record<string, any> }>(REDEMPTION, { id }, merchant.auth)).data!.redemption;
  return {
    world,
    newCustomer: (merchant: TestMerchant) => upsertCustomer(world.gateway, merchant, { shopifyId: shopifyId(), email: `${randomUUID()}@example.com` }),
    history: async (merchant: TestMerchant, customerId: string) => (await pointsOf(world.gateway, merchant, customerId)).history.nodes.map((e) => [e.kind, e.source, e.points]),
    verify: async (merchant: TestMerchant) => (await world.gateway.gql<{ verifyLedger: { ok: boolean } }>(VERIFY, {}, merchant.auth)).data!.verifyLedger.ok,
    codesAt: (merchant: TestMerchant) => world.fake.discounts(merchant.shop).map((d) => d.code),
    /**
     * The shop's Admin GraphQL requests naming `code` (creating it, looking it up). Flow triggers and
     * the compensations of earlier failed redemptions reach the same endpoint at any time, so
     * failures are injected for one operation only and requests are counted per code.
     */
    requestsForCode: (merchant: TestMerchant, code: string) =>
      world.fake.requestsFor(merchant.shop, '/graphql.json').filter((r) => {
        const variables = ((r.body as { variables?: Record<string, any> } | undefined)?.variables ?? {}) as Record<string, any>;
        return [variables.code, variables.basicCodeDiscount?.code, variables.freeShippingCodeDiscount?.code].includes(code);
      }),
    /** A redemption's code, which the API never shows for a failed one. */
    codeOf: async (merchant: TestMerchant, redemptionId: string) => {
      const [row] = await withOwnerDb('points', async (db) => (await db.query<{ code_encrypted: string }>('select code_encrypted from redemption where id = $1', [redemptionId])).rows);
      return new FieldCipher(world.gateway.config.kit.encryptionKeys).decrypt(row.code_encrypted, codeAad(merchant.id, redemptionId));
    },
    readRedemption,
    /** Waits for the compensation of a failed redemption to have marked it. */
    compensated: (merchant: TestMerchant, id: string) =>
      eventually(async () => {
        const read = await readRedemption(merchant, id);
        return read.compensatedAt ? read : undefined;
      }, 20_000, `redemption ${id} compensated`),
    /** Injected failures aimed at the discount mutation only. */
    CREATE: { operation: 'discountCodeBasicCreate' },
    job: (name: 'redemption recovery' | 'redemption expiry') => ({ run: () => runPointsJob(world.gateway, name) }),
    /** Waits until `count` of the merchant's newest audit entries matching `filter` (and `where`) are recorded. */
    audit: async (merchant: TestMerchant, filter: Record<string, unknown>, count: number, where: (e: AuditNode) => boolean = () => true) =>
      eventually(async () => {
        const result = await world.gateway.gql<{ auditEntries: { nodes: AuditNode[] } }>(AUDIT, { filter }, merchant.auth);
        const nodes = (result.data?.auditEntries.nodes ?? []).filter(where);
        return nodes.length >= count ? nodes : undefined;
      }, 15_000, `${count} audit entries ${JSON.stringify(filter)}`),
  };
}
