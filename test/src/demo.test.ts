import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_MERCHANT, loadKitConfig } from '@loyalnest/kit';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ExecutionResult } from 'graphql-ws';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { REPO_ROOT } from '../../gateway/src/config.js';
import { startDemoShopify } from '../../gateway/src/dev/demo-shop.js';
import type { FakeShopify } from '../../gateway/src/dev/shopify-stand-in.js';
import { seedAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { withOwnerDb } from './support/db.js';
import { startTestGateway, type TestGateway } from './support/gateway.js';
import { connectLive, type LiveConnection, type LiveSubscription } from './support/live.js';
import { eventually } from './support/events.js';
import { award, pointsOf } from './support/points.js';
import { redeem, REWARDS, REWARDS_ENV } from './support/rewards.js';
import type { TestMerchant } from './support/tenants.js';
import { bearer } from './support/tokens.js';

const BALANCE = `subscription($customerId: ID) { pointsBalanceChanged(customerId: $customerId) { balance delta kind } }`;
const ADA = `query { customerByShopifyId(shopifyId: "7001") { id } }`;
const DISTRIBUTION = `query { tierDistribution { tiers { tier { name } members } withoutTier total } }`;
const TIER_BY_SHOPIFY_ID = `query($id: ID!) { customerByShopifyId(shopifyId: $id) { firstName tier { current { name } progress { metric value nextTier { name threshold } deltaToNext deltaToRetain } } } }`;

interface DemoTier {
  firstName: string;
  tier: { current: { name: string } | null; progress: { metric: string; value: number; nextTier: { name: string; threshold: number } | null; deltaToNext: number | null; deltaToRetain: number | null } };
}

/** Events of the subscription until one with `delta`; others (the seeded signup bonus, say) are skipped. */
async function changeOf(subscription: LiveSubscription, delta: number): Promise<{ balance: number; delta: number }> {
  for (;;) {
    const event: ExecutionResult = await subscription.next(15_000);
    const change = (event.data as { pointsBalanceChanged?: { balance: number; delta: number } } | undefined)?.pointsBalanceChanged;
    if (!change) throw new Error(`unexpected live event: ${JSON.stringify(event)}`);
    if (change.delta === delta) return change;
  }
}

/**
 * The newcomer's demo, started the way `npm start` starts it in development: the Shopify stand-in
 * on its own port (SHOPIFY_BASE_URL unset), the demo data seeded, the embedded supergraph, then
 * `npm run demo:webhooks` and a redemption in the demo shop.
 */
describe('the demo shop in development', () => {
  let standIn: FakeShopify;
  let gateway: TestGateway;
  let live: LiveConnection;
  let demo: TestMerchant;
  let adaId: string;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { LOYALNEST_DEV: '1' };
    standIn = (await startDemoShopify(env, loadKitConfig().shopify))!;
    const gatewayEnv = { ...REWARDS_ENV, SHOPIFY_BASE_URL: env.SHOPIFY_BASE_URL! };
    // Seeded before the supergraph starts, as npm start does: the customers' signup bonuses need the program seeded beside them.
    await seedAll(loadKitConfig({ ...process.env, ...gatewayEnv }), subgraphModules, () => {});
    gateway = await startTestGateway('embedded', gatewayEnv);
    const token = await mintDevToken(gateway.config.devTokenSecret, { shop: DEMO_MERCHANT.shopDomain, role: 'admin' });
    demo = { id: DEMO_MERCHANT.id, shop: DEMO_MERCHANT.shopDomain, token, auth: bearer(token) };
    const ada = await gateway.gql<{ customerByShopifyId: { id: string } }>(ADA, {}, demo.auth);
    adaId = ada.data!.customerByShopifyId.id;
    // The seeded signup bonus first, so that the changes below are the demo's own.
    await eventually(async () => (await pointsOf(gateway, demo, adaId)).history.nodes.some((n) => n.source === 'SIGNUP'), 15_000, "Ada's signup bonus");
    live = connectLive(gateway.url, `Bearer ${token}`);
  }, 60_000);
  afterAll(async () => {
    await live?.dispose();
    await gateway?.stop();
    await standIn?.close();
  });

  it('runs the stand-in only in development and only when SHOPIFY_BASE_URL is not set explicitly', async () => {
    const credentials = { apiKey: 'k', apiSecret: 's'.repeat(32) };
    expect(await startDemoShopify({ LOYALNEST_DEV: '0' }, credentials)).toBeNull();
    expect(await startDemoShopify({ LOYALNEST_DEV: '1', SHOPIFY_BASE_URL: 'https://{shop}' }, credentials)).toBeNull();
    expect(standIn.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\{shop\}$/);
    expect(gateway.config.kit.shopify.baseUrl).toBe(standIn.baseUrl);
  });

  it('has a VIP program in the demo shop: Bronze for everyone, then Silver and Gold, named in each language', async () => {
    const result = await gateway.gql<{ tiers: { name: string; threshold: number; earnMultiplier: number }[] }>(`query { tiers { name(locale: ES) threshold earnMultiplier } }`, {}, demo.auth);
    expect(result.errors).toBeUndefined();
    expect(result.data!.tiers).toEqual([
      { name: 'Bronce', threshold: 0, earnMultiplier: 1 },
      { name: 'Plata', threshold: 500, earnMultiplier: 1.25 },
      { name: 'Oro', threshold: 1500, earnMultiplier: 1.5 },
    ]);
  });

  it("has the demo shop in New York's time zone, which the tier domain keeps with its program", async () => {
    const result = await gateway.gql<{ merchant: { timezone: string } }>('{ merchant { timezone } }', {}, demo.auth);
    expect(result.data?.merchant).toEqual({ timezone: 'America/New_York' });
    await eventually(async () => {
      const { rows } = await withOwnerDb('tier', (db) => db.query<{ timezone: string; version: number }>('select timezone, version from tier_program where merchant_id = $1', [DEMO_MERCHANT.id]));
      return rows[0]?.timezone === 'America/New_York' && rows[0].version > 0;
    }, 15_000, "the demo shop's zone kept with its saved tier program");
  });

  it("spreads the demo shop's customers over Bronze, Silver and Gold from their seeded orders (points earned)", async () => {
    // the seeded orders wait in the webhook inbox until the supergraph runs; then every domain applies them
    const distribution = await eventually(
      async () => {
        const result = await gateway.gql<{ tierDistribution: { tiers: { tier: { name: string }; members: number }[]; withoutTier: number; total: number } }>(DISTRIBUTION, {}, demo.auth);
        const found = result.data?.tierDistribution;
        return found && found.tiers.map((t) => t.members).join() === '18,12,6' ? found : undefined;
      },
      90_000,
      'the demo customers spread over the tiers',
    );
    expect(distribution).toEqual({
      tiers: [
        { tier: { name: 'Bronze' }, members: 18 },
        { tier: { name: 'Silver' }, members: 12 },
        { tier: { name: 'Gold' }, members: 6 },
      ],
      withoutTier: 0,
      total: 36,
    });
    const tierOf = async (shopifyId: string) => (await gateway.gql<{ customerByShopifyId: DemoTier }>(TIER_BY_SHOPIFY_ID, { id: shopifyId }, demo.auth)).data!.customerByShopifyId;
    const tiers = await Promise.all(['7001', '7002', '7003', '7004', '7005'].map(tierOf));
    expect(tiers.map((c) => [c.firstName, c.tier.current?.name])).toEqual([
      ['Ada', 'Bronze'],
      ['Grace', 'Silver'],
      ['Alan', 'Gold'],
      ['Katherine', 'Bronze'],
      ['Edsger', 'Silver'],
    ]);
    // Ada, the demo's shopper, is 20 points short of Silver: 100 (signup) + 380 (her order), as the README says
    expect(tiers[0].tier.progress).toEqual({ metric: 'POINTS_EARNED', value: 480, nextTier: { name: 'Silver', threshold: 500 }, deltaToNext: 20, deltaToRetain: 0 });
  }, 120_000);

  it("puts members of the demo shop in each of the eleven default segments once its first recompute has run after its orders", async () => {
    // The orders' facts queue the shop's first run, which starts once they stop arriving.
    const segments = await eventually(
      async () => {
        const result = await gateway.gql<{ segments: { handle: string; members: number }[]; segmentRuns: { trigger: string; status: string }[] }>(
          `query { segments { handle members } segmentRuns(first: 5) { trigger status } }`,
          {},
          demo.auth,
        );
        const runs = result.data?.segmentRuns ?? [];
        return runs.some((r) => r.trigger === 'FIRST' && r.status === 'SUCCEEDED') ? result.data!.segments : undefined;
      },
      120_000,
      "the demo shop's first segment run",
    );
    expect(Object.fromEntries(segments.map((s) => [s.handle, s.members]))).toEqual({
      champions: 3,
      loyal: 4,
      'cant-lose': 3,
      'at-risk': 6,
      new: 2,
      promising: 2,
      'potential-loyalist': 4,
      'needs-attention': 2,
      'about-to-sleep': 3,
      hibernating: 2,
      lost: 4,
    });
    const ada = await gateway.gql<{ customerByShopifyId: { rfm: { recency: number; frequency: number; segment: { handle: string; name: string } } } }>(
      `query { customerByShopifyId(shopifyId: "7001") { rfm { recency frequency segment { handle name } } } }`,
      {},
      demo.auth,
    );
    expect(ada.data!.customerByShopifyId.rfm).toEqual({ recency: 4, frequency: 1, segment: { handle: 'promising', name: 'Promising' } });
  }, 150_000);

  it("has the demo shop's referral program on, and referrals of Ada and Grace in every status, the blocked one with its reason", async () => {
    const program = await gateway.gql<{ referralProgram: { enabled: boolean; advocatePoints: number } }>('{ referralProgram { enabled advocatePoints } }', {}, demo.auth);
    expect(program.data!.referralProgram).toEqual({ enabled: true, advocatePoints: 500 });
    // written as the referral domain meets each advocate (their customer.created), after their code
    const LIST = '{ referrals(first: 100) { nodes { status advocate { id } fraud { verdict reasons { reason action } } } } }';
    type DemoReferral = { status: string; advocate: { id: string }; fraud: { verdict: string; reasons: { reason: string; action: string }[] } };
    const referrals = await eventually(
      async () => {
        const result = await gateway.gql<{ referrals: { nodes: DemoReferral[] } }>(LIST, {}, demo.auth);
        const nodes = result.data?.referrals.nodes ?? [];
        return nodes.length === 7 ? nodes : undefined;
      },
      15_000,
      'the demo referrals',
    );
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(['CLAIMED', 'PENDING', 'COMPLETED', 'BLOCKED', 'VOIDED', 'REJECTED']));
    expect(referrals.find((r) => r.status === 'BLOCKED')!.fraud).toEqual({ verdict: 'BLOCKED', reasons: [{ reason: 'SELF_REFERRAL', action: 'BLOCK' }] });
    expect(referrals.find((r) => r.status === 'REJECTED')!.fraud.reasons.map((r) => r.reason)).toEqual(['IP_CLAIM_BURST']);
    const ada = await gateway.gql<{ customer: { referral: { referred: number; completed: number; pointsEarned: number } } }>(
      'query($id: ID!) { customer(id: $id) { referral { referred completed pointsEarned } } }',
      { id: adaId },
      demo.auth,
    );
    expect(ada.data!.customer.referral).toEqual({ referred: 4, completed: 1, pointsEarned: 500 });
  });

  it('redeems a reward in the demo shop: the stand-in issues the code with the seeded (encrypted) token', async () => {
    await award(gateway, demo, adaId, 100);
    const rewards = await gateway.gql<{ rewards: { id: string; name: string; pointsCost: number }[] }>(REWARDS, { activeOnly: true }, demo.auth);
    const fiveOff = rewards.data!.rewards.find((r) => r.name === '5 off your order')!;
    const redeemed = await redeem(gateway, demo.auth, { customerId: adaId, rewardId: fiveOff.id });
    expect(redeemed).toMatchObject({ __typename: 'Redemption', status: 'ISSUED', discountCode: expect.stringMatching(/^LN-/) });
    expect(standIn.discounts(DEMO_MERCHANT.shopDomain).map((d) => d.code)).toContain(redeemed.discountCode);
    expect(standIn.requestsFor(DEMO_MERCHANT.shopDomain, '/graphql.json').every((r) => r.headers['x-shopify-access-token'] === DEMO_MERCHANT.devAccessToken)).toBe(true);
  }, 30_000);

  it('npm run demo:webhooks: an order paid earns points and lifts Ada to Silver (its entry bonus too), its refund takes some back, all seen live', async () => {
    const balance = live.subscribe(BALANCE, { customerId: adaId });
    const current = await changeOf(balance, 0);
    const origin = new URL(gateway.url).origin;
    // The command itself, as a newcomer runs it (its environment gives it the same dev secrets).
    const { stdout } = await promisify(execFile)(`${REPO_ROOT}gateway/node_modules/.bin/tsx`, ['--tsconfig', '../tsconfig.json', 'src/cli/demo-webhooks.ts', '--url', origin], {
      cwd: `${REPO_ROOT}gateway`,
      env: { ...process.env, NODE_OPTIONS: '' },
      timeout: 45_000,
    });
    // 480 + 42 crosses Silver's 500: Silver's entry bonus (50) follows the earn, before the refund is sent
    const earned = await changeOf(balance, 42);
    const bonus = await changeOf(balance, 50);
    const refunded = await changeOf(balance, -10);
    expect(earned.balance).toBeGreaterThanOrEqual(current.balance + 42);
    expect(bonus.balance).toBe(earned.balance + 50);
    expect(refunded.balance).toBe(bonus.balance - 10);
    expect(stdout).toContain('orders/paid');
    expect(stdout).toContain(`Ada's balance: ${current.balance} points, VIP tier Bronze`);
    expect(stdout).toContain(`Ada's balance: ${bonus.balance} points, VIP tier Silver`);
    expect(stdout).toContain(`Ada's balance: ${refunded.balance} points, VIP tier Silver`);
    balance.stop();
  }, 60_000);
});
