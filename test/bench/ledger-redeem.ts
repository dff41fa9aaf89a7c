/**
 * Part (4) of `bench ledger`: `redeemReward` latency with `shoppers` concurrent shoppers, through
 * the gateway, against the local fake Shopify.
 *
 * The product runs in processes of its own, as in `bench ingest` (a gateway with
 * `EVENT_PROCESSING=off` and one `serve-worker`, or with `BENCH_WORKERS_APART=0` one process doing
 * both), so the shoppers' HTTP clients in this process never share their event loops; the fake
 * Shopify runs in this process. The merchant installs the app through the real OAuth flow (`/auth/install`, then the
 * signed callback), so the discount codes are created with its own offline token. Customers, their
 * points and the reward are made through the public API as the merchant's admin; then each shopper,
 * with a shopper token of their own, redeems in a loop with a new idempotency key each time.
 *
 * Two runs, because they answer two questions. The closed loop (each shopper sends the moment their
 * last answer came) is the capacity: its latency is about shoppers ÷ throughput whatever one request
 * costs. The open run then sends the same shoppers' redemptions at a fixed total rate below that
 * capacity, each timed from when it was due (`ledger-open-load.ts`): what one shopper waits.
 */
import { randomBytes } from 'node:crypto';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { withOwnerDb } from '../src/support/db.js';
import { startFakeShopify } from '../src/support/fake-shopify.js';
import { postGraphQL, type GraphQLResponse } from '../src/support/gateway.js';
import { AWARD, VERIFY } from '../src/support/points.js';
import { UPSERT_CUSTOMER } from '../src/support/tenants.js';
import { bearer } from '../src/support/tokens.js';
import { describe, load, round, type Phase } from './load.js';
import { installShop } from '../src/support/install.js';
import { startDeployment, workersApart, type Deployment } from './apart.js';
import { log } from './bench-env.js';
import { openLoad, type OpenLoadFigures } from './ledger-open-load.js';

const CREATE_REWARD = `mutation($input: CreateRewardInput!) { createReward(input: $input) { __typename ... on Reward { id } } }`;
const REDEEM = `mutation($input: RedeemRewardInput!) {
  redeemReward(input: $input) { __typename ... on Redemption { status discountCode } ... on ErrorResult { errorCode: code message } }
}`;

/** Points each shopper starts with: far more than a bounded run can spend at `POINTS_COST` a redemption. */
const STARTING_POINTS = 1_000_000;
const POINTS_COST = 10;

export interface RedeemFigures extends Phase {
  /** How many answers of each kind (`ISSUED`, or the result's typename / error code). */
  outcomes: Record<string, number>;
  /** Discount creations the fake Shopify received during the measured run. */
  shopifyCalls: number;
  /** Transactions committed per issued redemption during the measured run, per store (relays, workers and jobs included). */
  commitsPerRedemption: Record<string, number>;
  /** The same shoppers at a fixed total rate, each redemption timed from when it was due. */
  open: OpenLoadFigures;
}

/** Committed transactions so far in each of the run's databases (PostgreSQL's cumulative statistics). */
async function commits(prefix: string): Promise<Record<string, number>> {
  return withOwnerDb('points', async (db) => {
    const { rows } = await db.query<{ store: string; n: string }>('select substr(datname, $2) as store, xact_commit as n from pg_stat_database where datname like $1', [
      `${prefix}\\_%`,
      prefix.length + 2,
    ]);
    return Object.fromEntries(rows.map((r) => [r.store, Number(r.n)]));
  });
}

/** Backends report their statistics at most once a second. */
const STATS_SETTLE_MS = 1500;
/**
 * Between the closed and the open run the worker relays and consumes what the closed loop's
 * redemptions left (about nine transactions each); the open run waits until the stores together
 * commit fewer than this many a second, so it does not start behind that backlog.
 */
const QUIET_COMMITS_PER_S = 30;
const QUIET_LIMIT_S = 30;

/** Waits, up to `QUIET_LIMIT_S`, until the run's stores commit fewer than `QUIET_COMMITS_PER_S` a second; says how long it took. */
async function waitForQuiet(prefix: string): Promise<void> {
  const total = async () => Object.values(await commits(prefix)).reduce((a, b) => a + b, 0);
  const started = performance.now();
  let last = await total();
  for (let s = 1; s <= QUIET_LIMIT_S; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await total();
    const rate = now - last;
    last = now;
    // The first second's figure may still be the closed loop's (backends report at most once a second).
    if (s > 1 && rate < QUIET_COMMITS_PER_S) {
      log(`redeem open: stores quiet (${rate} commits in the last second) after ${round((performance.now() - started) / 1000, 1)} s`);
      return;
    }
  }
  log(`WARNING redeem open: the stores still committed ${QUIET_COMMITS_PER_S} or more a second after ${QUIET_LIMIT_S} s; the open run starts behind the closed loop's fan-out`);
}

function expectType<T>(result: GraphQLResponse<unknown>, field: string, typename: string): T {
  const value = (result.data as Record<string, ({ __typename: string } & T) | undefined> | null | undefined)?.[field];
  if (value?.__typename !== typename) throw new Error(`${field} did not return ${typename}: ${JSON.stringify(result)}`);
  return value;
}

export async function measureRedeem(options: { shoppers: number; seconds: number; warmupSeconds: number; openRate: number; env: { DATABASE_PREFIX: string; EVENTS_QUEUE_PREFIX: string } }): Promise<RedeemFigures> {
  const fake = await startFakeShopify();
  let deployment: Deployment | null = null;
  try {
    // As production runs it: the gateway without event processing and a worker apart (BENCH_WORKERS_APART=0: one process).
    const apart = workersApart();
    deployment = await startDeployment({ ...options.env, ...fake.env }, { gateways: 1, workers: apart ? 1 : 0, apart });
    const origin = deployment.origins[0];
    const url = `${origin}/graphql`;
    const devTokenSecret = loadGatewayConfig({ ...process.env, ...fake.env }).devTokenSecret;
    const shop = `bench-redeem-${randomBytes(6).toString('hex')}.myshopify.com`;
    await installShop(origin, fake, shop);
    const admin = bearer(await mintDevToken(devTokenSecret, { shop, role: 'admin' }));
    log(`redeem: ${deployment.describe()}; ${shop} installed against the fake Shopify at ${fake.origin}`);

    const reward = expectType<{ id: string }>(
      await postGraphQL(url, CREATE_REWARD, { input: { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: 'Five off' }, pointsCost: POINTS_COST } }, admin),
      'createReward',
      'Reward',
    );
    const shoppers: { customerId: string; auth: Record<string, string> }[] = [];
    for (let i = 0; i < options.shoppers; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, options.shoppers - i) }, async (_, j) => {
          const input = { shopifyId: String(8_000_000 + i + j), email: `shopper-${i + j}@example.com`, firstName: 'Bench' };
          const upserted = await postGraphQL<{ upsertCustomer: { customer: { id: string } } }>(url, UPSERT_CUSTOMER, { input }, admin);
          const customerId = upserted.data?.upsertCustomer.customer.id;
          if (!customerId) throw new Error(`upsertCustomer failed: ${JSON.stringify(upserted)}`);
          expectType(await postGraphQL(url, AWARD, { input: { customerId, points: STARTING_POINTS, idempotencyKey: `bench-start-${customerId}` } }, admin), 'awardPoints', 'PointsChange');
          return { customerId, auth: bearer(await mintDevToken(devTokenSecret, { shop, role: 'shopper', customerId })) };
        }),
      );
      shoppers.push(...batch);
    }
    log(`redeem: reward ${reward.id} (${POINTS_COST} points), ${shoppers.length} shoppers with ${STARTING_POINTS} points each, made through the API`);

    // A shopper redeems for themselves with their own token, a new idempotency key each time.
    const redeem = async (shopper: (typeof shoppers)[number], idempotencyKey: string) => {
      const result = await postGraphQL<{ redeemReward: { __typename: string; status?: string; errorCode?: string } }>(
        url,
        REDEEM,
        { input: { customerId: shopper.customerId, rewardId: reward.id, idempotencyKey } },
        shopper.auth,
      );
      const answer = result.data?.redeemReward;
      return answer?.status ?? answer?.errorCode ?? answer?.__typename ?? `HTTP ${result.status} ${result.errors?.[0]?.extensions?.code ?? ''}`.trim();
    };
    let nextShopper = 0;
    let n = 0;
    const outcomes: Record<string, number> = {};
    // Each closed-loop worker is one shopper.
    const closedRedeem = async (count: boolean) => {
      const outcome = await redeem(shoppers[nextShopper++ % shoppers.length], `bench-${n++}`);
      if (count) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      return outcome === 'ISSUED';
    };
    describe('redeem warm-up', await load(options.shoppers, options.warmupSeconds, () => closedRedeem(false)));
    const before = fake.requestsFor(shop, '/graphql.json').length;
    await new Promise((r) => setTimeout(r, STATS_SETTLE_MS));
    const commitsBefore = await commits(options.env.DATABASE_PREFIX);
    const phase = await load(options.shoppers, options.seconds, () => closedRedeem(true));
    const shopifyCalls = fake.requestsFor(shop, '/graphql.json').length - before;
    await new Promise((r) => setTimeout(r, STATS_SETTLE_MS));
    const commitsAfter = await commits(options.env.DATABASE_PREFIX);
    const commitsPerRedemption = Object.fromEntries(
      Object.entries(commitsAfter).map(([store, n]) => [store, Math.round(((n - (commitsBefore[store] ?? 0)) / Math.max(phase.done, 1)) * 10) / 10]),
    );

    // A latency of failed redemptions measures nothing: the figure is reported only when every one was issued.
    const failed = Object.entries(outcomes).filter(([outcome]) => outcome !== 'ISSUED');
    if (failed.length || phase.done === 0) throw new Error(`redemptions did not all issue: ${JSON.stringify(outcomes)}`);

    await waitForQuiet(options.env.DATABASE_PREFIX);
    log(`redeem open: ${options.openRate}/s in total for ${options.seconds} s, the i-th arrival from shopper i mod ${shoppers.length} (one every ${round(shoppers.length / options.openRate, 2)} s each); closed-loop capacity just measured ${phase.perSecond}/s, so ${round(options.openRate / phase.perSecond)} of it`);
    if (options.openRate >= phase.perSecond) log(`WARNING the open rate ${options.openRate}/s is not below the capacity measured in this run (${phase.perSecond}/s): queues grow for the whole run and the latency says so`);
    const open = await openLoad(options.openRate, options.seconds, (i) => redeem(shoppers[i % shoppers.length], `bench-open-${i}`));
    if (Object.keys(open.outcomes).some((outcome) => outcome !== 'ISSUED')) throw new Error(`open-load redemptions did not all issue: ${JSON.stringify(open.outcomes)}`);
    const verified = await postGraphQL<{ verifyLedger: { ok: boolean; accountsChecked: number; entriesChecked: number } }>(url, VERIFY, {}, admin);
    log(`redeem: verifyLedger ${JSON.stringify(verified.data?.verifyLedger ?? verified.errors)}`);
    if (!verified.data?.verifyLedger.ok) throw new Error('the ledger does not verify after the redemptions');
    return { ...phase, outcomes, shopifyCalls, commitsPerRedemption, open };
  } finally {
    await deployment?.stop();
    await fake.close();
  }
}
