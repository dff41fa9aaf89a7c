import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const GATEWAY_DIR = fileURLToPath(new URL('../../../gateway/', import.meta.url));

/** A port the kernel handed out for port 0 and that is free again. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The embedded supergraph (`gateway/src/cli/serve-embedded.ts`, the production entry) in a child
 * process: gateway, subgraphs, relays and workers (or, `startWorker`, a `serve-worker` process:
 * event processing only). Node itself is spawned with tsx as an `--import` loader, not the `tsx`
 * CLI, which would run the program in a grandchild: a signal sent to `child` reaches the process
 * doing the work.
 */
export class SupergraphProcess {
  readonly origin: string;
  private output = '';
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.origin = `http://127.0.0.1:${port}`;
    const keep = (chunk: Buffer) => {
      // The tail is what explains a failure; a long run must not grow without bound.
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** What the process printed (its last 20 kB), for failure messages. */
  get log(): string {
    return this.output;
  }

  // A cold start compiles every subgraph through tsx and opens seven stores: on a loaded machine
  // (a full suite beside other work) that has taken more than 45 s; waiting costs nothing when it is fast.
  static async start(port: number, env: Record<string, string>, readyTimeoutMs = 90_000, entry: string[] = ['src/cli/serve-embedded.ts']): Promise<SupergraphProcess> {
    // As in startTestGateway: no nightly segment ticks at an hour's turn unless a test asks for them.
    const childEnv: NodeJS.ProcessEnv = { ...process.env, SEGMENT_NIGHTLY: 'off', ...env, PORT: String(port), HOST: '127.0.0.1', TSX_TSCONFIG_PATH: '../tsconfig.json' };
    // jest's --experimental-vm-modules is for jest's own module loader, not for the product.
    delete childEnv.NODE_OPTIONS;
    // SUPERGRAPH_CPU_PROF=<dir>: a V8 CPU profile of the supergraph, written when it exits (for benches).
    const profile = process.env.SUPERGRAPH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SUPERGRAPH_CPU_PROF}`] : [];
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', ...entry], { cwd: GATEWAY_DIR, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const running = new SupergraphProcess(child, port);
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`${entry[0]} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${running.log}`);
      }
      if (await running.answers('/readyz')) return running;
      await new Promise((r) => setTimeout(r, 100));
    }
    await running.kill('SIGKILL');
    throw new Error(`${entry[0]} was not ready within ${readyTimeoutMs} ms:\n${running.log}`);
  }

  /**
   * A worker process (`serve-worker`, `args` e.g. `['--subgraphs', 'customer']`) answering its
   * probes on `port`; ready once its event processing runs.
   */
  static startWorker(port: number, env: Record<string, string>, args: string[] = [], readyTimeoutMs = 90_000): Promise<SupergraphProcess> {
    return SupergraphProcess.start(port, env, readyTimeoutMs, ['src/cli/serve-worker.ts', ...args]);
  }

  /** Whether something answers `path` on this process's port with a 2xx. */
  async answers(path = '/healthz'): Promise<boolean> {
    try {
      const response = await fetch(`${this.origin}${path}`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  /** Sends `signal` and resolves once the process has exited, with how it ended. */
  async kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const { child } = this;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await exited;
    }
    return { code: child.exitCode, signal: child.signalCode };
  }
}

/** Whether a process with this pid still exists (signal 0 checks without sending anything). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
