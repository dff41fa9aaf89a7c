import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SubgraphEntry } from './config.js';

// The compiled gateway (dist/services.js) starts the compiled subgraph CLI, the source one the source CLI.
const SERVE_SUBGRAPH = fileURLToPath(new URL(`./cli/serve-subgraph${import.meta.url.endsWith('.js') ? '.js' : '.ts'}`, import.meta.url));

export interface SubgraphProcesses {
  urls: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts each subgraph as its own Node process on the port of its routing URL and waits until
 * every one is ready. The children run with this process's flags (tsx's loader, or the compiled
 * build's `--conditions`) and environment.
 */
export async function spawnSubgraphServices(entries: SubgraphEntry[], env: NodeJS.ProcessEnv = process.env): Promise<SubgraphProcesses> {
  const children: ChildProcess[] = [];
  const urls: Record<string, string> = {};
  for (const entry of entries) {
    const url = new URL(entry.routingUrl);
    const child = spawn(process.execPath, [...process.execArgv, SERVE_SUBGRAPH, '--name', entry.name, '--port', url.port, '--host', url.hostname], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    urls[entry.name] = entry.routingUrl;
  }
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    await Promise.all(entries.map((e, i) => waitReady(e.name, new URL('/readyz', e.routingUrl).toString(), children[i])));
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}

async function waitReady(name: string, url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} subgraph exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} subgraph was not ready at ${url} within ${timeoutMs / 1000} s`);
}
