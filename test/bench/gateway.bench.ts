/**
 * `bench gateway`: what the federation gateway costs on one cross-subgraph read.
 *
 * Four targets on loopback, measured one after another in the same run with the same load:
 *  - embedded:  the gateway with every subgraph inside its own process (no HTTP hop between them);
 *  - networked: the gateway reaching each subgraph as a separate process over HTTP with internal tokens;
 *  - hive:      Hive Gateway in a process of its own, in front of the same subgraph processes, with
 *               the same caller check and internal tokens (`hive-gateway.ts`): the peer reference;
 *  - direct:    the customer subgraph's own HTTP service answering its part alone (the floor).
 *
 * The gateway query spans merchant and customer (customers from one, `currency` from the other);
 * the direct query is the customer subgraph's share of it. The load generator (autocannon) runs
 * in a worker thread so it never shares an event loop with the in-process gateway.
 */
import autocannon, { type Result } from 'autocannon';
import { ADMIN_SCOPES, databaseName, DEMO_MERCHANT, INTERNAL_TOKEN_HEADER, signInternalToken, type Caller } from '@loyalnest/kit';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { loadGatewayConfig, readSupergraphConfig, type GatewayConfig } from '../../gateway/src/config.js';
import { startEmbeddedGateway, startNetworkedGateway } from '../../gateway/src/modes.js';
import { migrateAll, seedAll } from '../../gateway/src/operations.js';
import { spawnSubgraphServices } from '../../gateway/src/services.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { log, positiveInt } from './bench-env.js';

const DATABASE_PREFIX = 'loyalnest_bench';
const SHOP = 'demo.myshopify.com';
const PAGE = 20;
const WARMUP_SECONDS = 2;
/** The direct target's internal token lives 60 s and is signed just before each load run. */
const MAX_SECONDS = 50;
/** Migrations, seed, 20 upserts, the subgraph processes and three gateways. */
const SETUP_BUDGET_SECONDS = 300;
const TARGETS = 4;
const HIVE_GATEWAY = fileURLToPath(new URL('./hive-gateway.ts', import.meta.url));
const HIVE_READY_MS = 90_000;
/** A second merchant with no customers, for the check that concurrent callers each get their own data. */
const PEER = { id: '01937a6e-0000-7000-8000-0000000be2c0', shop: 'bench-peer.myshopify.com', currency: 'EUR' };
/** Concurrent pairs (one caller of each merchant) in that check. */
const ISOLATION_PAIRS = 50;
const ISOLATION_QUERY = `{ customers(first: ${PAGE}) { nodes { id merchant { id currency } } } }`;

const GATEWAY_QUERY = `{ customers(first: ${PAGE}) { nodes { id email firstName merchant { currency } } } }`;
const DIRECT_QUERY = `{ customers(first: ${PAGE}) { nodes { id email merchant { id } } } }`;
const UPSERT = 'mutation($i: UpsertCustomerInput!) { upsertCustomer(input: $i) { __typename } }';
const BENCH_CUSTOMERS = 20;
const BENCH_SHOPIFY_ID_BASE = 900_000;

interface Figures {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
  /** CPU ms of the gateway's main thread per request answered, where the bench can read it (Linux). */
  cpuMsPerRequest: number | null;
}

/** Linux's USER_HZ, the unit of the tick counts in /proc/<pid>/stat: 100 on every Linux ABI. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (ms) one thread has used so far, from /proc: the gateway's own cost, apart from the
 * subgraphs and PostgreSQL that share the machine. A process's main thread has the process's id.
 * Null where /proc is not there.
 */
function threadCpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name in parentheses; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

interface GraphQLBody {
  data?: { customers?: { nodes?: Array<Record<string, unknown>> } } | null;
  errors?: Array<{ message: string }>;
}

async function post(url: string, query: string, headers: Record<string, string>, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    throw new Error(`${url} answered HTTP ${response.status} with a non-JSON body: ${text.slice(0, 300)}`);
  }
  return { status: response.status, body };
}

/** One request must succeed with a full page before the target is measured; anything else stops the run. */
async function verify(target: string, url: string, query: string, headers: Record<string, string>, check: (node: Record<string, unknown>) => boolean): Promise<Array<Record<string, unknown>>> {
  const { status, body } = await post(url, query, headers);
  const nodes = body.data?.customers?.nodes;
  if (status !== 200 || body.errors?.length || !Array.isArray(nodes) || nodes.length !== PAGE || !nodes.every(check)) {
    throw new Error(`${target}: the check request did not return ${PAGE} good nodes without errors (HTTP ${status}): ${JSON.stringify(body).slice(0, 600)}`);
  }
  return nodes;
}

/** Ports the kernel hands out for port 0, all held at once so they differ, then released for the children. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function load(url: string, headers: Record<string, string>, query: string, seconds: number, connections: number): Promise<Result> {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
    connections,
    duration: seconds,
    timeout: 10,
    workers: 1,
  });
}

/**
 * Warm-up, then the measured run; `headers` is called before each so short-lived tokens are fresh.
 * `gatewayPid`: the process whose main thread is the gateway, for its CPU per request.
 */
async function measure(target: string, url: string, headers: () => Promise<Record<string, string>>, query: string, seconds: number, connections: number, gatewayPid?: number): Promise<Figures> {
  log(`${target}: warm-up ${WARMUP_SECONDS} s, then ${seconds} s with ${connections} connections on ${url}`);
  await load(url, await headers(), query, WARMUP_SECONDS, connections);
  const cpuBefore = gatewayPid === undefined ? null : threadCpuMs(gatewayPid);
  const result = await load(url, await headers(), query, seconds, connections);
  const cpuAfter = gatewayPid === undefined ? null : threadCpuMs(gatewayPid);
  const answered = result['2xx'];
  const figures: Figures = {
    target,
    rps: round(result.requests.average, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result['2xx'] + result.non2xx,
    cpuMsPerRequest: cpuBefore === null || cpuAfter === null || answered === 0 ? null : round((cpuAfter - cpuBefore) / answered, 3),
  };
  if (figures.non2xx || figures.errors) {
    log(`${target}: WARNING ${figures.non2xx} non-2xx and ${figures.errors} errors (${result.timeouts} timeouts); status codes ${JSON.stringify(result.statusCodeStats)}`);
  }
  return figures;
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function table(rows: Figures[]): string {
  const header = ['target', 'req/s (mean)', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'requests', 'gateway CPU ms/req'];
  const cells = rows.map((r) => [r.target, r.rps.toFixed(1), String(r.p50), String(r.p99), String(r.non2xx), String(r.errors), String(r.requests), r.cpuMsPerRequest === null ? '-' : r.cpuMsPerRequest.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (cols: string[]) => cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Inserted as the store's owner, as `npm start`'s seed would: the bench has no Shopify to install it through. */
async function seedPeerMerchant(config: GatewayConfig): Promise<void> {
  const client = new pg.Client({ connectionString: config.kit.databaseUrl.replace(/\/[^/]*$/, `/${databaseName(config.kit, 'merchant')}`) });
  await client.connect();
  try {
    await client.query(
      `insert into merchant (id, shop_domain, name, currency, status, installed_at, settings, created_at, updated_at)
       select $1, $2, 'Bench peer', $3, 'installed', now(), settings, now(), now() from merchant where id = $4
       on conflict (id) do nothing`,
      [PEER.id, PEER.shop, PEER.currency, DEMO_MERCHANT.id],
    );
  } finally {
    await client.end();
  }
}

/**
 * Callers of two merchants ask the same query at the same moment, in pairs: each must see only its
 * own merchant's customers (the peer has none). A gateway that deduplicated identical subgraph
 * fetches regardless of the internal token would hand one caller the other's answer.
 */
async function callersKeepTheirOwnData(target: string, url: string, demo: Record<string, string>, peer: Record<string, string>, demoId: string): Promise<void> {
  const pairs = await Promise.all(
    Array.from({ length: ISOLATION_PAIRS }, () => Promise.all([post(url, ISOLATION_QUERY, demo), post(url, ISOLATION_QUERY, peer)])),
  );
  const merchantIds = (body: GraphQLBody) => (body.data?.customers?.nodes ?? []).map((n) => (n.merchant as { id?: string } | null)?.id);
  for (const [own, other] of pairs) {
    const mine = merchantIds(own.body);
    const theirs = merchantIds(other.body);
    if (own.body.errors?.length || other.body.errors?.length || mine.length !== PAGE || mine.some((id) => id !== demoId) || theirs.length !== 0) {
      throw new Error(`${target}: concurrent callers of two merchants did not each get their own data: ${JSON.stringify({ demo: own.body, peer: other.body }).slice(0, 800)}`);
    }
  }
  log(`${target}: ${ISOLATION_PAIRS} concurrent pairs of callers of two merchants each got their own data`);
}

/** Hive Gateway as a child process with this process's flags (tsx's loader) and environment. */
async function spawnHiveGateway(port: number, subgraphs: Record<string, string>): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, HIVE_GATEWAY], {
    env: { ...process.env, HIVE_PORT: String(port), HIVE_SUBGRAPHS: JSON.stringify(subgraphs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `was killed by ${signal}` : `exited with code ${code}`)));
  const ready = new Promise<void>((resolve) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes('ready\n')) resolve();
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    ready.then(() => null),
    exited.then((how) => `Hive Gateway ${how} before it was ready`),
    new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`Hive Gateway was not ready within ${HIVE_READY_MS} ms`), HIVE_READY_MS);
    }),
  ]);
  clearTimeout(timer);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };
  if (outcome) {
    await stop();
    throw new Error(outcome);
  }
  return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid!, stop };
}

export async function run(): Promise<void> {
  const seconds = positiveInt('BENCH_SECONDS', 10, MAX_SECONDS);
  const connections = positiveInt('BENCH_CONNECTIONS', 20, 1000);

  // Before any config is read: the bench has databases of its own, and the spawned subgraph
  // processes inherit process.env, so they open the same ones.
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  // One admin's token drives the whole load: its bucket must never empty, or the run would measure
  // 429s. Each request is still priced and charged in Redis, as in production.
  process.env.RATE_LIMIT_ADMIN_SIZE ??= '1000000000';
  process.env.RATE_LIMIT_ADMIN_RESTORE ??= '1000000000';
  const config = loadGatewayConfig();
  config.port = 0;
  config.host = '127.0.0.1';

  const cleanups: Array<{ name: string; stop: () => Promise<void> }> = [];
  const stopAll = async () => {
    for (const { name, stop } of cleanups.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error(`[bench] stopping ${name} failed:`, error);
      }
    }
  };

  // The run is bounded: setup, then each target's warm-up + measurement (+ slack for timeouts).
  const budgetSeconds = SETUP_BUDGET_SECONDS + TARGETS * (WARMUP_SECONDS + seconds + 25);
  const watchdog = setTimeout(() => {
    console.error(`[bench] gateway: gave up after ${budgetSeconds} s; stopping what was started`);
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    void stopAll().finally(() => process.exit(1));
  }, budgetSeconds * 1000);
  watchdog.unref();

  try {
    log(`databases ${config.kit.databasePrefix}_*; migrating and seeding`);
    await migrateAll(config.kit, subgraphModules, log);
    await seedAll(config.kit, subgraphModules, log);
    await seedPeerMerchant(config);
    const devToken = await mintDevToken(config.devTokenSecret, { shop: SHOP, role: 'admin' });
    const bearer = { authorization: `Bearer ${devToken}` };
    const peerBearer = { authorization: `Bearer ${await mintDevToken(config.devTokenSecret, { shop: PEER.shop, role: 'admin' })}` };

    const embedded = await startEmbeddedGateway(config, subgraphModules);
    cleanups.push({ name: 'embedded gateway', stop: () => embedded.stop() });
    const embeddedUrl = `${embedded.url}/graphql`;

    // The seed gives the demo shop 5 customers; a full page needs 20. Upserts are idempotent.
    for (let n = 1; n <= BENCH_CUSTOMERS; n++) {
      const input = { shopifyId: String(BENCH_SHOPIFY_ID_BASE + n), email: `bench+${n}@example.com`, firstName: `Bench${n}`, lastName: 'Load' };
      const { status, body } = await post(embeddedUrl, UPSERT, bearer, { i: input });
      if (status !== 200 || body.errors?.length) throw new Error(`upsertCustomer ${input.shopifyId} failed (HTTP ${status}): ${JSON.stringify(body).slice(0, 600)}`);
    }
    log(`${SHOP}: ${BENCH_CUSTOMERS} bench customers upserted`);

    const ids = await post(embeddedUrl, `{ customers(first: 1) { nodes { merchant { id } } } }`, bearer);
    const merchantId = (ids.body.data?.customers?.nodes?.[0]?.merchant as { id?: string } | undefined)?.id;
    if (!merchantId) throw new Error(`could not read the bench merchant's id: ${JSON.stringify(ids.body).slice(0, 600)}`);

    const ports = await freePorts(readSupergraphConfig().length + 1);
    const entries = readSupergraphConfig().map((entry, i) => ({ ...entry, routingUrl: `http://127.0.0.1:${ports[i]}/graphql` }));
    log(`spawning subgraph services: ${entries.map((e) => `${e.name} ${e.routingUrl}`).join(', ')}`);
    const services = await spawnSubgraphServices(entries, { readyTimeoutMs: config.subgraphReadyTimeoutMs });
    cleanups.push({ name: 'subgraph services', stop: () => services.stop() });
    const networked = await startNetworkedGateway(config, subgraphModules, services.urls);
    cleanups.push({ name: 'networked gateway', stop: () => networked.stop() });
    const networkedUrl = `${networked.url}/graphql`;
    const hive = await spawnHiveGateway(ports[ports.length - 1], services.urls);
    cleanups.push({ name: 'Hive Gateway', stop: hive.stop });

    const directUrl = services.urls.customer;
    if (!directUrl) throw new Error('supergraph.yaml has no customer subgraph');
    const caller: Caller = { merchantId, actor: { kind: 'admin', id: 'bench' }, scopes: ADMIN_SCOPES, requestId: 'bench' };
    const internalHeaders = async () => ({ [INTERNAL_TOKEN_HEADER]: signInternalToken(config.kit.internalTokenSecret, caller) });

    const fromGateway = (node: Record<string, unknown>) => typeof node.id === 'string' && typeof (node.merchant as { currency?: unknown } | null)?.currency === 'string';
    await verify('embedded', embeddedUrl, GATEWAY_QUERY, bearer, fromGateway);
    await verify('networked', networkedUrl, GATEWAY_QUERY, bearer, fromGateway);
    await verify('hive', hive.url, GATEWAY_QUERY, bearer, fromGateway);
    await verify('direct', directUrl, DIRECT_QUERY, await internalHeaders(), (node) => typeof node.id === 'string' && (node.merchant as { id?: unknown } | null)?.id === merchantId);
    log('all four targets return a full page without errors');
    await callersKeepTheirOwnData('networked', networkedUrl, bearer, peerBearer, merchantId);
    await callersKeepTheirOwnData('hive', hive.url, bearer, peerBearer, merchantId);

    const results: Figures[] = [];
    results.push(await measure('embedded', embeddedUrl, async () => bearer, GATEWAY_QUERY, seconds, connections));
    results.push(await measure('networked', networkedUrl, async () => bearer, GATEWAY_QUERY, seconds, connections, process.pid));
    results.push(await measure('hive', hive.url, async () => bearer, GATEWAY_QUERY, seconds, connections, hive.pid));
    results.push(await measure('direct', directUrl, internalHeaders, DIRECT_QUERY, seconds, connections));

    await stopAll();

    const [e, n, h, d] = results;
    console.log('');
    console.log(`gateway: ${seconds} s per target, ${connections} connections, POST on 127.0.0.1 (Node ${process.version})`);
    console.log(table(results));
    console.log(`embedded/direct  req/s ${round(e.rps / d.rps, 3)}  p99 ${round(e.p99 / d.p99, 3)}`);
    console.log(`networked/direct req/s ${round(n.rps / d.rps, 3)}  p99 ${round(n.p99 / d.p99, 3)}`);
    console.log(`embedded/hive    req/s ${round(e.rps / h.rps, 3)}  p99 ${round(e.p99 / h.p99, 3)}`);
    console.log(`networked/hive   req/s ${round(n.rps / h.rps, 3)}  p99 ${round(n.p99 / h.p99, 3)}  (target: req/s >= 2)`);
    const cpuRatio = n.cpuMsPerRequest && h.cpuMsPerRequest ? round(h.cpuMsPerRequest / n.cpuMsPerRequest, 3) : null;
    console.log(`hive/networked   gateway CPU per request ${cpuRatio ?? 'n/a'} (requests one gateway core serves, LoyalNest ÷ Hive)`);
    console.log(
      JSON.stringify({
        bench: 'gateway',
        embedded_rps: e.rps,
        embedded_p99_ms: e.p99,
        networked_rps: n.rps,
        networked_p99_ms: n.p99,
        hive_rps: h.rps,
        hive_p99_ms: h.p99,
        networked_vs_hive: round(n.rps / h.rps, 3),
        embedded_vs_hive: round(e.rps / h.rps, 3),
        networked_cpu_ms_per_req: n.cpuMsPerRequest,
        hive_cpu_ms_per_req: h.cpuMsPerRequest,
        hive_vs_networked_cpu_per_req: cpuRatio,
        direct_rps: d.rps,
        direct_p99_ms: d.p99,
        connections,
        seconds,
      }),
    );
  } finally {
    await stopAll();
    clearTimeout(watchdog);
  }
}
