/**
 * How the benches run the product: serving processes (`serve-embedded` with `EVENT_PROCESSING=off`)
 * and `serve-worker` processes apart, as production does, on loopback against the same stores.
 * `BENCH_WORKERS_APART=0` runs the one process with everything instead (the figures before
 * workers apart, for comparison).
 */
import { freePort, SupergraphProcess } from '../src/support/supergraph-process.js';

/**
 * How long each process may take to answer `/readyz`. Processes start side by side, each loading
 * the whole product through tsx: four workers at once on a busy 2-core machine took over 45 s.
 */
const READY_TIMEOUT_MS = 180_000;

/** `BENCH_WORKERS_APART`: 1 (the default) or 0. */
export function workersApart(): boolean {
  const raw = process.env.BENCH_WORKERS_APART;
  if (raw === undefined || raw === '' || raw === '1') return true;
  if (raw === '0') return false;
  throw new Error(`BENCH_WORKERS_APART must be 0 or 1, got "${raw}"`);
}

export interface Deployment {
  /** Each serving process's origin; a load alternates between them. */
  origins: string[];
  gateways: SupergraphProcess[];
  workers: SupergraphProcess[];
  /** One line saying what runs, with pids, for the bench's log. */
  describe(): string;
  /**
   * Starts `count` more workers with `extra` settings beside the deployment's, each running the
   * event processing of `subgraphs` (all of them when left out).
   */
  addWorkers(count: number, extra?: Record<string, string>, subgraphs?: string[]): Promise<void>;
  /** SIGTERMs every worker; each finishes the jobs it holds first. */
  stopWorkers(): Promise<void>;
  /** The last output of every process, for a failure message. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * `gateways` serving processes and `workers` worker processes with `env`, or, `apart: false`, one
 * process that serves and processes (then `gateways` must be 1 and `workers` 0).
 */
export async function startDeployment(env: Record<string, string>, options: { gateways: number; workers: number; apart?: boolean }): Promise<Deployment> {
  const apart = options.apart ?? true;
  if (!apart && (options.gateways !== 1 || options.workers !== 0)) throw new Error('one process without workers apart serves and processes alone');
  const gateways: SupergraphProcess[] = [];
  const workers: SupergraphProcess[] = [];
  const startWorkers = async (count: number, extra: Record<string, string> = {}, subgraphs?: string[]) => {
    const args = subgraphs ? ['--subgraphs', subgraphs.join(',')] : [];
    const started = await Promise.allSettled(Array.from({ length: count }, async () => SupergraphProcess.startWorker(await freePort(), { ...env, ...extra }, args, READY_TIMEOUT_MS)));
    for (const s of started) if (s.status === 'fulfilled') workers.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  };
  const deployment: Deployment = {
    get origins() {
      return gateways.map((g) => g.origin);
    },
    gateways,
    workers,
    describe: () =>
      apart
        ? `${gateways.length} gateway(s) with EVENT_PROCESSING=off (pid ${gateways.map((g) => `${g.pid} on ${g.origin}`).join(', ')}), ${workers.length} serve-worker(s) (pid ${workers.map((w) => w.pid).join(', ') || 'none'})`
        : `one process serving and processing (BENCH_WORKERS_APART=0), pid ${gateways[0]?.pid} on ${gateways[0]?.origin}`,
    addWorkers: startWorkers,
    async stopWorkers() {
      await Promise.all(workers.splice(0).map((w) => w.kill('SIGTERM')));
    },
    log: () => [...gateways, ...workers].map((p) => `--- pid ${p.pid}:\n${p.log}`).join('\n'),
    async stop() {
      await Promise.all([...gateways.splice(0), ...workers.splice(0)].map((p) => p.kill('SIGTERM')));
    },
  };
  try {
    const serving = { ...env, ...(apart && { EVENT_PROCESSING: 'off' }) };
    const started = await Promise.allSettled(Array.from({ length: options.gateways }, async () => SupergraphProcess.start(await freePort(), serving, READY_TIMEOUT_MS)));
    for (const s of started) if (s.status === 'fulfilled') gateways.push(s.value);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    await startWorkers(options.workers);
  } catch (error) {
    await deployment.stop();
    throw error;
  }
  return deployment;
}
