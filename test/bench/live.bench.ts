/**
 * `bench live`: the gateway's subscriptions under many sockets.
 *
 * The embedded gateway runs in this process; a child process (live-clients.ts) opens
 * `BENCH_SOCKETS` (default 10,000) graphql-ws sockets on loopback, as shoppers of
 * `BENCH_CUSTOMERS` (default 100) customers of the seeded demo shop, each subscribed to
 * `pointsBalanceChanged { balance delta committedAt customer { id } }` (so each subscription's
 * first event, the current balance, is read through the supergraph). Then this process publishes
 * `BENCH_RATE` balance changes per second (default 50, each for a random customer, so each
 * reaches sockets/customers sockets) for `BENCH_SECONDS` (default 10) on the Redis channel, as
 * the points subgraph does after its commit, with `committedAt` set at publish.
 *
 * Figures: commit-to-client latency (p50/p99) over every event every socket received, events
 * per second delivered, and this process's memory growth per socket (RSS, after GC). The
 * reference, in the same run: one plain Redis subscriber on the same channel in the client
 * process, so the ratio is what the gateway adds to the Redis hop.
 */
import { LIVE_TOPICS, liveChannel, type BalanceChangedMessage } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { startEmbeddedGateway } from '../../gateway/src/modes.js';
import { migrateAll, seedAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { log, positiveInt } from './bench-env.js';

const SHOP = 'demo.myshopify.com';
const SHOPIFY_ID_BASE = 910_000;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

function rssAfterGc(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

type ChildMessage = { type: 'up' } | { type: 'ready'; ready: number } | { type: 'failed'; error: string } | { type: 'figures'; latencies: number[]; reference: number[] };

export async function run(): Promise<void> {
  const sockets = positiveInt('BENCH_SOCKETS', 10_000, 15_000);
  const customers = positiveInt('BENCH_CUSTOMERS', 100, 1000);
  const rate = positiveInt('BENCH_RATE', 50, 1000);
  const seconds = positiveInt('BENCH_SECONDS', 10, 60);
  process.env.DATABASE_PREFIX ??= 'loyalnest_bench';
  // Thousands of sockets of a few callers subscribe at once: their buckets must never empty, or the
  // run would measure THROTTLED subscribes. Each subscribe is still priced and charged.
  const unlimited = { SIZE: '1000000000', RESTORE: '1000000000' };
  const limits = Object.fromEntries(['ADMIN', 'SHOPPER'].flatMap((who) => Object.entries(unlimited).map(([k, v]) => [`RATE_LIMIT_${who}_${k}`, process.env[`RATE_LIMIT_${who}_${k}`] ?? v])));
  const config = loadGatewayConfig({ ...process.env, ...limits, PORT: '0' });
  log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.version}`);
  await migrateAll(config.kit, subgraphModules, log);
  await seedAll(config.kit, subgraphModules, log);
  const gateway = await startEmbeddedGateway(config, subgraphModules);
  const redis = new Redis(config.kit.redisUrl);
  const child = fork(fileURLToPath(new URL('./live-clients.ts', import.meta.url)), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    const admin = { authorization: `Bearer ${await mintDevToken(config.devTokenSecret, { shop: SHOP, role: 'admin' })}` };
    const upsert = 'mutation($i: UpsertCustomerInput!) { upsertCustomer(input: $i) { ... on UpsertCustomerSuccess { customer { id } } } }';
    const ids: string[] = [];
    for (let i = 1; i <= customers; i++) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...admin },
        body: JSON.stringify({ query: upsert, variables: { i: { shopifyId: String(SHOPIFY_ID_BASE + i), email: `live-${i}@example.com`, firstName: `Live ${i}` } } }),
      });
      const body = (await response.json()) as { data?: { upsertCustomer: { customer: { id: string } } } };
      if (!body.data) throw new Error(`upsertCustomer failed: ${JSON.stringify(body)}`);
      ids.push(body.data.upsertCustomer.customer.id);
    }
    const merchantId = await merchantOf(gateway.url, admin);
    const tokens = await Promise.all(ids.map((customerId) => mintDevToken(config.devTokenSecret, { shop: SHOP, role: 'shopper', customerId })));

    const messages = new Map<string, (message: ChildMessage) => void>();
    child.on('message', (message: ChildMessage) => messages.get(message.type)?.(message));
    const when = <T extends ChildMessage['type']>(type: T) =>
      new Promise<Extract<ChildMessage, { type: T }>>((resolve, reject) => {
        messages.set(type, resolve as (message: ChildMessage) => void);
        messages.set('failed', (m) => reject(new Error(`clients failed: ${(m as { error: string }).error}`)));
      });
    await when('up');
    const rssBefore = rssAfterGc();
    const opened = Date.now();
    const ready = when('ready');
    child.send({ type: 'start', url: `${gateway.url.replace(/^http/, 'ws')}/graphql`, channel: liveChannel(config.kit, LIVE_TOPICS.balanceChanged), redisUrl: config.kit.redisUrl, tokens, sockets, concurrency: 200 });
    const { ready: subscribed } = await ready;
    log(`${subscribed} sockets subscribed (each had its current balance) in ${((Date.now() - opened) / 1000).toFixed(1)} s; server sockets ${gateway.live.sockets}`);
    const kbPerSocket = (rssAfterGc() - rssBefore) / 1024 / subscribed;

    child.send({ type: 'measure' });
    const figures = when('figures');
    const total = rate * seconds;
    const started = Date.now();
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const customerId = ids[n % ids.length];
      const message: BalanceChangedMessage = { merchantId, customerId, balance: n, pending: 0, lifetimeEarned: n, entryId: randomUUID(), kind: 'earn', delta: 1, committedAt: new Date().toISOString() };
      await redis.publish(liveChannel(config.kit, LIVE_TOPICS.balanceChanged), JSON.stringify(message));
    }
    // Let the last events arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const elapsed = (Date.now() - started) / 1000;
    child.send({ type: 'stop' });
    const { latencies, reference } = await figures;
    latencies.sort((x, y) => x - y);
    reference.sort((x, y) => x - y);
    const expected = total * (sockets / customers);
    const result = {
      bench: 'live',
      sockets: subscribed,
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      events_per_s: Math.round(latencies.length / elapsed),
      kb_per_socket: Math.round(kbPerSocket * 10) / 10,
      delivered: latencies.length,
      expected: Math.round(expected),
      published: total,
      redis_p50_ms: percentile(reference, 50),
      redis_p99_ms: percentile(reference, 99),
    };
    log(`delivered ${result.delivered} of ${result.expected} events in ${elapsed.toFixed(1)} s: p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms, ${result.events_per_s} events/s`);
    log(`reference (plain Redis subscriber, same messages): p50 ${result.redis_p50_ms} ms, p99 ${result.redis_p99_ms} ms; p99 ratio ${(result.p99_ms / Math.max(1, result.redis_p99_ms)).toFixed(1)}`);
    log(`memory: ${result.kb_per_socket} KiB RSS per socket in the gateway process`);
    console.log(JSON.stringify(result));
  } finally {
    child.kill();
    redis.disconnect();
    await gateway.stop();
  }
}

async function merchantOf(url: string, admin: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...admin }, body: JSON.stringify({ query: '{ merchant { id } }' }) });
  const body = (await response.json()) as { data: { merchant: { id: string } } };
  return body.data.merchant.id;
}
