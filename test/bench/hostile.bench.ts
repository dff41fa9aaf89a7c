/**
 * `bench hostile`: hostile GraphQL documents (issue 10) against the embedded supergraph, run as its
 * own process (`serve-embedded`), while `/healthz` is measured beside them. On loopback, one after
 * another:
 *
 *  (a) reference: GET /healthz alone, `BENCH_SECONDS` from `HEALTHZ_CONNECTIONS` connections.
 *  (b) for each size (1 MB: over the GraphQL body limit; 120 KB: under it, so the parser's token
 *      limit and the selection width are what refuse it): the six shapes of
 *      `hostileDocuments` posted round-robin by `BENCH_CONNECTIONS` keep-alive connections for
 *      `BENCH_SECONDS`, with an admin's dev token, and /healthz measured as in (a) at the same time.
 *      Figures: refusal p50/p99, refusals per second, /healthz p99 during the attack and its ratio
 *      to (a). Before measuring, each document must be refused once with the expected status.
 */
import autocannon, { type Result } from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { hostileDocuments } from '../src/support/hostile.js';
import { deleteQueuePrefix } from '../src/support/queue-keys.js';
import { freePort, SupergraphProcess } from '../src/support/supergraph-process.js';
import { insertMerchant } from '../src/support/webhooks.js';
import { round } from './load.js';
import { log, positiveInt } from './bench-env.js';

const DATABASE_PREFIX = 'loyalnest_bench_hostile';
const HEALTHZ_CONNECTIONS = 4;
const SIZES = [
  { name: '1mb', bytes: 1024 * 1024, status: 413 },
  { name: '120kb', bytes: 120 * 1024, status: 400 },
];

function healthz(origin: string, seconds: number): PromiseLike<Result> {
  return autocannon({ url: `${origin}/healthz`, connections: HEALTHZ_CONNECTIONS, duration: seconds, timeout: 10 });
}

export async function run(): Promise<void> {
  const seconds = positiveInt('BENCH_SECONDS', 5, 60);
  const connections = positiveInt('BENCH_CONNECTIONS', 4, 100);
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  const config = loadGatewayConfig();
  const queuePrefix = `loyalnest-bench-hostile-${randomBytes(6).toString('hex')}`;
  let supergraph: SupergraphProcess | null = null;
  try {
    log(`databases ${DATABASE_PREFIX}_*; migrating`);
    await migrateAll(config.kit, subgraphModules, log);
    supergraph = await SupergraphProcess.start(await freePort(), { DATABASE_PREFIX, EVENTS_QUEUE_PREFIX: queuePrefix });
    const origin = supergraph.origin;
    const merchant = await insertMerchant();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await mintDevToken(config.devTokenSecret, { shop: merchant.shop, role: 'admin' })}` };
    log(`embedded supergraph pid ${supergraph.pid} on ${origin}`);

    log(`reference: GET /healthz alone, ${seconds} s, ${HEALTHZ_CONNECTIONS} connections`);
    const reference = await healthz(origin, seconds);

    const figures: Record<string, number> = {};
    const lines: string[] = [];
    for (const size of SIZES) {
      const bodies = hostileDocuments(size.bytes).map((d) => ({ shape: d.shape, body: JSON.stringify({ query: d.query }) }));
      for (const { shape, body } of bodies) {
        const response = await fetch(`${origin}/graphql`, { method: 'POST', headers, body });
        await response.arrayBuffer();
        if (response.status !== size.status) throw new Error(`${size.name} ${shape}: answered ${response.status}, expected ${size.status}`);
      }
      log(`attack ${size.name}: six shapes round-robin, ${seconds} s, ${connections} connections, /healthz measured beside`);
      const [attack, health] = await Promise.all([
        autocannon({ url: `${origin}/graphql`, connections, duration: seconds, timeout: 10, requests: bodies.map(({ body }) => ({ method: 'POST', headers, body })) }),
        healthz(origin, seconds),
      ]);
      const refusedPerS = round(attack.non2xx / attack.duration, 1);
      figures[`refused_${size.name}_p50_ms`] = attack.latency.p50;
      figures[`refused_${size.name}_p99_ms`] = attack.latency.p99;
      figures[`refused_${size.name}_per_s`] = refusedPerS;
      figures[`healthz_during_${size.name}_p99_ms`] = health.latency.p99;
      lines.push(
        `  ${size.name.padEnd(6)} refused p50 ${attack.latency.p50} ms   p99 ${attack.latency.p99} ms   ${refusedPerS}/s (${attack['2xx']} answered 2xx, ${attack.errors} errors)` +
          `   /healthz during: p99 ${health.latency.p99} ms (÷ alone ${round(health.latency.p99 / Math.max(reference.latency.p99, 1), 2)})`,
      );
    }
    console.log('');
    console.log(`hostile: ${seconds} s per phase, ${connections} attacking connections, loopback (Node ${process.version})`);
    console.log(`  /healthz alone: p50 ${reference.latency.p50} ms   p99 ${reference.latency.p99} ms   (reference)`);
    for (const line of lines) console.log(line);
    console.log(JSON.stringify({ bench: 'hostile', ...figures, healthz_alone_p99_ms: reference.latency.p99, connections, seconds }));
  } catch (error) {
    if (supergraph) console.error(`[bench] the supergraph process's last output:\n${supergraph.log}`);
    throw error;
  } finally {
    await supergraph?.kill('SIGTERM');
    // The run's queues and buckets.
    await deleteQueuePrefix(config.kit.redisUrl, queuePrefix);
  }
}
