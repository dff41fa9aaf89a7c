/**
 * `bench idle`: what the embedded supergraph costs with no traffic. It runs as its own process
 * (`serve-embedded`, the production entry) on freshly migrated databases; after `BENCH_SETTLE_SECONDS`
 * (default 20: start-up passes, the jobs' first runs) its CPU time (user + system, from
 * /proc/<pid>/stat) is measured over `BENCH_SECONDS` (default 30), in `BENCH_SLICE_SECONDS` slices
 * (default 5) so that a periodic poller shows as the busiest slice.
 *
 * The reference, measured over the same window: a bare Node process holding one PostgreSQL and one
 * Redis connection and doing nothing, so the ratio is what the supergraph's idle work adds to a
 * connected runtime. `SUPERGRAPH_CPU_PROF=<dir>` writes a V8 profile of the supergraph (to find
 * what runs).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { deleteQueuePrefix } from '../src/support/queue-keys.js';
import { freePort, SupergraphProcess } from '../src/support/supergraph-process.js';
import { round } from './load.js';
import { log, positiveInt } from './bench-env.js';

const DATABASE_PREFIX = 'loyalnest_bench_idle';
const TEST_DIR = fileURLToPath(new URL('../', import.meta.url));
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

/** CPU seconds (user + system) a process has used so far: fields 14 and 15 of /proc/<pid>/stat, after the command's parentheses. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** A bare Node process with one PostgreSQL and one Redis connection open, idle; resolves once both answered. */
async function startReference(databaseUrl: string, redisUrl: string): Promise<ChildProcess> {
  const script = `
    const { Client } = require('pg');
    const Redis = require('ioredis');
    const db = new Client({ connectionString: process.env.REF_DATABASE_URL });
    const redis = new Redis(process.env.REF_REDIS_URL);
    Promise.all([db.connect().then(() => db.query('select 1')), redis.ping()]).then(() => console.log('ready'), (e) => { console.error(e); process.exit(1); });
    process.on('SIGTERM', () => Promise.all([db.end(), redis.quit()]).finally(() => process.exit(0)));
  `;
  // CommonJS from the test package's directory, so pg and ioredis resolve as the product's do.
  const child = spawn(process.execPath, ['-e', script], { cwd: TEST_DIR, env: { ...process.env, NODE_OPTIONS: '', REF_DATABASE_URL: databaseUrl, REF_REDIS_URL: redisUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the reference process exited (${code}) before it was ready`)));
  });
  return child;
}

/** % of one core each pid used per slice, measured together over `seconds`. */
async function measure(pids: number[], seconds: number, sliceSeconds: number): Promise<{ total: number[]; slices: number[][] }> {
  const start = pids.map(cpuSeconds);
  const startedAt = performance.now();
  const slices: number[][] = pids.map(() => []);
  let previous = start;
  let previousAt = startedAt;
  for (let elapsed = 0; elapsed < seconds; elapsed += sliceSeconds) {
    await new Promise((r) => setTimeout(r, Math.min(sliceSeconds, seconds - elapsed) * 1000));
    const now = pids.map(cpuSeconds);
    const at = performance.now();
    now.forEach((used, i) => slices[i].push((100 * (used - previous[i])) / ((at - previousAt) / 1000)));
    previous = now;
    previousAt = at;
  }
  const wall = (previousAt - startedAt) / 1000;
  return { total: previous.map((used, i) => (100 * (used - start[i])) / wall), slices };
}

export async function run(): Promise<void> {
  const seconds = positiveInt('BENCH_SECONDS', 30, 600);
  const settleSeconds = positiveInt('BENCH_SETTLE_SECONDS', 20, 600);
  const sliceSeconds = positiveInt('BENCH_SLICE_SECONDS', 5, 60);
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  const config = loadGatewayConfig();
  const queuePrefix = `loyalnest-bench-idle-${randomBytes(6).toString('hex')}`;
  let supergraph: SupergraphProcess | null = null;
  let reference: ChildProcess | null = null;
  try {
    log(`databases ${DATABASE_PREFIX}_*; migrating`);
    await migrateAll(config.kit, subgraphModules, log);
    supergraph = await SupergraphProcess.start(await freePort(), { DATABASE_PREFIX, EVENTS_QUEUE_PREFIX: queuePrefix });
    reference = await startReference(config.kit.databaseUrl, config.kit.redisUrl);
    log(`embedded supergraph pid ${supergraph.pid}, reference pid ${reference.pid}; settling ${settleSeconds} s, then measuring both ${seconds} s`);
    await new Promise((r) => setTimeout(r, settleSeconds * 1000));
    if (!(await supergraph.answers('/readyz'))) throw new Error('the supergraph stopped being ready while settling');
    const { total, slices } = await measure([supergraph.pid, reference.pid!], seconds, sliceSeconds);
    const [supergraphPct, referencePct] = total.map((pct) => round(pct, 2));
    const busiest = round(Math.max(...slices[0]), 2);
    // /proc counts whole clock ticks: a reference that used none is below one tick over the window,
    // so the ratio is then a lower bound.
    const resolutionPct = 100 / CLOCK_TICKS / seconds;
    const referenceBelowTick = total[1] < resolutionPct;
    const ratio = round(total[0] / Math.max(total[1], resolutionPct), 1);

    console.log('');
    console.log(`idle: CPU over ${seconds} s with no traffic, % of one core (Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)})`);
    console.log(`  embedded supergraph: ${supergraphPct} %   (per ${sliceSeconds} s: ${slices[0].map((p) => round(p, 1)).join(', ')})`);
    console.log(`  bare Node + one PG and one Redis connection: ${referencePct} %   (reference${referenceBelowTick ? `, under one clock tick: < ${round(resolutionPct, 3)} %` : ''})`);
    console.log(`  ratio: ${referenceBelowTick ? '≥ ' : ''}${ratio}`);
    console.log(
      JSON.stringify({ bench: 'idle', supergraph_cpu_pct: supergraphPct, busiest_slice_pct: busiest, reference_cpu_pct: referencePct, ratio, ratio_is_lower_bound: referenceBelowTick, seconds, slice_seconds: sliceSeconds }),
    );
  } catch (error) {
    if (supergraph) console.error(`[bench] the supergraph process's last output:\n${supergraph.log}`);
    throw error;
  } finally {
    await supergraph?.kill('SIGTERM');
    if (reference && reference.exitCode === null) {
      const exited = new Promise((r) => reference!.once('exit', r));
      reference.kill('SIGTERM');
      await exited;
    }
    // The run's queues.
    await deleteQueuePrefix(config.kit.redisUrl, queuePrefix);
  }
}
