import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SubgraphEntry } from './config.js';

// The compiled gateway (dist/services.js) starts the compiled subgraph CLI, the source one the source CLI.
const SERVE_SUBGRAPH = fileURLToPath(new URL(`./cli/serve-subgraph${import.meta.url.endsWith('.js') ? '.js' : '.ts'}`, import.meta.url));

/** Lines of a child's stderr kept to explain why it failed to start. */
const STDERR_TAIL_LINES = 20;

export interface SubgraphProcesses {
  urls: Record<string, string>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** How long each subgraph may take to answer `/readyz` (the gateway's `subgraphReadyTimeoutMs`). */
  readyTimeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** Node flags of the children; this process's own (its tsx loader) by default. */
  execArgv?: string[];
}

/** A spawned subgraph and what explains its failure: its last stderr lines and how it exited. */
class SubgraphChild {
  private stderrTail: string[] = [];
  private partial = '';
  readonly exited: Promise<string>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.stderr!.on('data', (chunk: Buffer) => {
      // Still the operator's to read: each line goes on to this process's stderr as it comes.
      process.stderr.write(chunk);
      const lines = (this.partial + chunk.toString('utf8')).split('\n');
      this.partial = lines.pop()!;
      this.stderrTail = [...this.stderrTail, ...lines].slice(-STDERR_TAIL_LINES);
    });
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve(signal ? `was killed by ${signal}` : `exited with code ${code}`));
      child.once('error', (error) => resolve(`could not be spawned: ${error.message}`));
    });
  }

  /** The child's last stderr lines, indented for an error message, or a note that it wrote none. */
  stderr(): string {
    const lines = [...this.stderrTail, this.partial].filter((l) => l.trim() !== '');
    return lines.length ? `; its last stderr lines:\n${lines.map((l) => `    ${l}`).join('\n')}` : '; it wrote nothing to stderr';
  }
}

/**
 * Starts each subgraph as its own Node process on the port of its routing URL and waits until
 * every one is ready. A subgraph that exits first, or is not ready within `readyTimeoutMs`, fails
 * the start with its name and why: its exit code or the last connection error, and its last
 * stderr lines. The children run with this process's flags (tsx's loader, or the compiled build's
 * `--conditions`) and environment.
 */
export async function spawnSubgraphServices(entries: SubgraphEntry[], options: SpawnOptions): Promise<SubgraphProcesses> {
  const children: SubgraphChild[] = [];
  const urls: Record<string, string> = {};
  for (const entry of entries) {
    const url = new URL(entry.routingUrl);
    const child = spawn(process.execPath, [...(options.execArgv ?? process.execArgv), SERVE_SUBGRAPH, '--name', entry.name, '--port', url.port, '--host', url.hostname], {
      env: options.env ?? process.env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    children.push(new SubgraphChild(entry.name, child));
    urls[entry.name] = entry.routingUrl;
  }
  const stop = async () => {
    await Promise.all(
      children.map(({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        return exited;
      }),
    );
  };
  try {
    await Promise.all(entries.map((e, i) => waitReady(children[i], new URL('/readyz', e.routingUrl).toString(), options.readyTimeoutMs)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}

/** Polls `url` until it answers 2xx; fails as soon as the child exits, or at the deadline. */
async function waitReady(subgraph: SubgraphChild, url: string, timeoutMs: number): Promise<void> {
  let exit: string | undefined;
  void subgraph.exited.then((how) => (exit = how));
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (exit === undefined && Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(1, Math.min(1000, deadline - Date.now()))) });
      await response.arrayBuffer();
      if (response.ok) return;
      lastError = `/readyz answered ${response.status}`;
    } catch (error) {
      lastError = connectionError(error);
    }
    await Promise.race([new Promise((r) => setTimeout(r, 200)), subgraph.exited]);
  }
  if (exit !== undefined) throw new Error(`the ${subgraph.name} subgraph ${exit} before it was ready${subgraph.stderr()}`);
  throw new Error(`the ${subgraph.name} subgraph was not ready at ${url} within ${timeoutMs / 1000} s (SUBGRAPH_READY_TIMEOUT_MS; last: ${lastError})${subgraph.stderr()}`);
}

/** fetch's "fetch failed" hides the reason in its cause: ECONNREFUSED and the like. */
function connectionError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
