/**
 * `bench referral`: referral link clicks through the gateway's app proxy route, beside `/healthz`
 * of the same process (the reference: what the process answers with no work at all).
 *
 * One embedded gateway (every subgraph in this process), its own databases, one merchant with the
 * program on and `BENCH_CODES` codes (written as the store's owner: the clicks need codes, not
 * customers). Each request is `GET /proxy/r/<code>` signed as Shopify's app proxy signs it, the
 * codes taken in turn: signature and shop check, the code and offer from Redis, the click counted
 * (one script). After the run the counts are flushed and compared with the answers: every 200 is
 * one click in PostgreSQL, none lost or doubled. The load generator (autocannon) runs in a worker
 * thread so it never shares an event loop with the gateway.
 *
 * Claims: `POST /proxy/r/<code>/claim` as a guest friend's storefront sends it through the app
 * proxy, a new friend (email) each request, at the same concurrency, against the local fake
 * Shopify (the shop is installed through OAuth there, so the merchant subgraph creates each
 * friend's discount code over HTTP as in production). Every claim comes from the loopback address,
 * so the bench's program flags IP_CLAIM_BURST instead of blocking it. After the run, every 200 must
 * be one issued referral and one discount at the fake Shopify.
 */
import autocannon, { type Result } from 'autocannon';
import { ADMIN_SCOPES, databaseName, systemCaller } from '@loyalnest/kit';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { loadGatewayConfig, type GatewayConfig } from '../../gateway/src/config.js';
import { startEmbeddedGateway } from '../../gateway/src/modes.js';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { newReferralCode } from '../../subgraphs/referral/src/domain/referral-code.js';
import { flushClicks } from '../../subgraphs/referral/src/jobs/click-flush.job.js';
import { ClickStore } from '../../subgraphs/referral/src/clicks/click-store.js';
import { log, positiveInt } from './bench-env.js';
import { startFakeShopify } from '../src/support/fake-shopify.js';
import { installShop } from '../src/support/install.js';
import { describe, load, round } from './load.js';

const DATABASE_PREFIX = 'loyalnest_bench_referral';
const WARMUP_SECONDS = 2;
/** A signed proxy request is fresh for APP_PROXY_MAX_AGE_SECONDS (120 by default); the run stays well inside it. */
const MAX_SECONDS = 60;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  /** Answered 200, warm-up included. */
  ok: number;
  /** Sent, warm-up included: those in flight when a run stops are served but not counted by autocannon. */
  sent: number;
  non2xx: number;
  errors: number;
}

async function ownerQuery(config: GatewayConfig, store: string, sql: string, params: unknown[]): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: config.kit.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config.kit, store)}`) });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function signedQuery(config: GatewayConfig, shop: string): string {
  const query = new URLSearchParams([['shop', shop], ['logged_in_customer_id', ''], ['path_prefix', config.kit.shopify.appProxy.path], ['timestamp', String(Math.floor(Date.now() / 1000))]]);
  const message = [...new Set(query.keys())].sort().map((k) => `${k}=${query.getAll(k).join(',')}`).join('');
  query.append('signature', createHmac('sha256', config.kit.shopify.apiSecret).update(message).digest('hex'));
  return query.toString();
}

async function measure(name: string, origin: string, paths: string[], seconds: number, connections: number): Promise<Figures> {
  const load = async (duration: number): Promise<Result> =>
    autocannon({ url: origin, requests: paths.map((path) => ({ method: 'GET', path })), connections, duration, timeout: 10, workers: 1 });
  log(`${name}: warm-up ${WARMUP_SECONDS} s, then ${seconds} s with ${connections} connections`);
  const warm = await load(WARMUP_SECONDS);
  const result = await load(seconds);
  if (result.non2xx || result.errors) log(`${name}: WARNING ${result.non2xx} non-2xx and ${result.errors} errors; status codes ${JSON.stringify(result.statusCodeStats)}`);
  return {
    rps: round(result.requests.average, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'] + warm['2xx'],
    sent: result.requests.sent + warm.requests.sent,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export async function run(): Promise<void> {
  const seconds = positiveInt('BENCH_SECONDS', 10, MAX_SECONDS);
  const connections = positiveInt('BENCH_CONNECTIONS', 50, 1000);
  const codeCount = positiveInt('BENCH_CODES', 100, 10_000);
  // Before any config is read: the bench has databases (and Redis keys) of its own. The flush runs
  // only when the bench calls it, so the run measures the click path alone.
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  process.env.REFERRAL_CLICK_FLUSH_MS = '3600000';
  const fake = await startFakeShopify();
  Object.assign(process.env, fake.env);
  const config = loadGatewayConfig();
  config.port = 0;
  config.host = '127.0.0.1';

  log(`databases ${config.kit.databasePrefix}_*; migrating`);
  await migrateAll(config.kit, subgraphModules, log);
  const gateway = await startEmbeddedGateway(config, subgraphModules);
  try {
    const origin = new URL(gateway.url).origin;
    const shop = `bench-referral-${randomBytes(4).toString('hex')}.myshopify.com`;
    const merchantId = await installShop(origin, fake, shop);
    const codes = Array.from({ length: codeCount }, () => newReferralCode());
    await ownerQuery(
      config,
      'referral',
      `insert into referral_code (merchant_id, customer_id, code, created_at) select $1, gen_random_uuid(), c, now() from unnest($2::text[]) as c on conflict do nothing`,
      [merchantId, codes],
    );
    const admin = { authorization: `Bearer ${await mintDevToken(config.devTokenSecret, { shop, role: 'admin' })}`, 'content-type': 'application/json' };
    const saved = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        query: 'mutation($i: UpdateReferralProgramInput!) { updateReferralProgram(input: $i) { __typename } }',
        variables: { i: { enabled: true, advocatePoints: 500, friendReward: { kind: 'PERCENTAGE', value: '10' }, fraudChecks: [{ check: 'IP_CLAIM_BURST', action: 'FLAG' }] } },
      }),
    });
    const answer = (await saved.json()) as { data?: { updateReferralProgram?: { __typename: string } } };
    if (answer.data?.updateReferralProgram?.__typename !== 'ReferralProgram') throw new Error(`switching the program on failed: ${JSON.stringify(answer)}`);

    const query = signedQuery(config, shop);
    const clicks = await measure('clicks', origin, codes.map((code) => `/proxy/r/${code}?${query}`), seconds, connections);
    const healthz = await measure('healthz', origin, ['/healthz'], seconds, connections);

    // Every 200 was one click: after a flush, the store holds exactly that many.
    const referral = gateway.runtimes.find((r) => r.name === 'referral')!;
    const store = ClickStore.of(config.kit);
    let flushed = 0;
    try {
      for (;;) {
        const pass = await flushClicks(referral, store);
        if (!pass.batches) break;
        flushed += pass.clicks;
      }
    } finally {
      await store.close();
    }
    const ctx = referral.createContext(systemCaller(ADMIN_SCOPES, merchantId));
    const [{ total }] = await ctx.em.execute<{ total: string }[]>('select coalesce(sum(clicks), 0)::text as total from referral_code where merchant_id = ?', [merchantId]);
    // Requests in flight when autocannon stops are served (and counted) but their answers are not read.
    const exact = Number(total) >= clicks.ok && Number(total) <= clicks.sent;
    log(`clicks answered 200: ${clicks.ok} of ${clicks.sent} sent; flushed now ${flushed}; in the store ${total}${exact ? ' (within)' : ' (MISMATCH)'}`);
    log(`clicks: ${clicks.rps}/s, p50 ${clicks.p50} ms, p99 ${clicks.p99} ms; healthz: ${healthz.rps}/s, p99 ${healthz.p99} ms; clicks/healthz ${round(clicks.rps / healthz.rps, 2)}`);
    const claimed = await measureClaims(config, origin, shop, codes[0], seconds, connections);
    const [issued] = (
      await ownerQuery(config, 'referral', `select count(*)::int as n from referral where merchant_id = $1 and discount_status = 'ISSUED'`, [merchantId])
    ).rows as { n: number }[];
    const discounts = fake.discounts(shop).length;
    const claimsExact = issued.n >= claimed.ok && issued.n <= claimed.sent && discounts === issued.n;
    log(`claims answered 200: ${claimed.ok} of ${claimed.sent} sent; issued referrals ${issued.n}; discounts created at the fake Shopify ${discounts}${claimsExact ? ' (exact)' : ' (MISMATCH)'}`);
    log(`claims: ${claimed.rps}/s, p50 ${claimed.p50} ms, p99 ${claimed.p99} ms`);
    console.log(
      JSON.stringify({
        bench: 'referral',
        clicks_per_s: clicks.rps,
        click_p99_ms: clicks.p99,
        claim_p99_ms: claimed.p99,
        claims_per_s: claimed.rps,
        claims_issued_exactly: claimsExact,
        healthz_per_s: healthz.rps,
        healthz_p99_ms: healthz.p99,
        clicks_counted_exactly: exact,
        connections,
        seconds,
      }),
    );
  } finally {
    await gateway.stop();
    await fake.close();
  }
}

/**
 * Claims by new guest friends, a new email each. The friends are a closed loop in this process
 * (`load`), not autocannon: autocannon's per-request ids in a body come with a wrong
 * Content-Length (the server then waits for bytes that never come). A claim costs far more than
 * the client's share, so the loop skews the figure little; `cpuUsPerOp` in the log says how much.
 */
async function measureClaims(config: GatewayConfig, origin: string, shop: string, code: string, seconds: number, connections: number): Promise<Figures> {
  const url = `${origin}/proxy/r/${code}/claim?${signedQuery(config, shop)}`;
  let n = 0;
  let sent = 0;
  const statuses: Record<string, number> = {};
  const claim = async (): Promise<boolean> => {
    sent++;
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `friend-${n++}-${randomBytes(3).toString('hex')}@example.com` }) });
    await response.arrayBuffer();
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    return response.status === 200;
  };
  log(`claims: warm-up ${WARMUP_SECONDS} s, then ${seconds} s with ${connections} friends at once`);
  const warm = await load(connections, WARMUP_SECONDS, claim);
  const phase = await load(connections, seconds, claim);
  describe('claims', phase);
  if (phase.failed || warm.failed) log(`claims: WARNING status codes ${JSON.stringify(statuses)}`);
  return { rps: phase.perSecond, p50: phase.p50Ms, p99: phase.p99Ms, ok: phase.done + warm.done, sent, non2xx: phase.failed, errors: 0 };
}
