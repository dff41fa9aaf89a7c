import { configureLogs, startEventProcessing, startSubgraph, type EventProcessing, type SubgraphModule, type SubgraphRuntime } from '@loyalnest/kit';
import { Redis } from 'ioredis';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readSupergraphConfig, type WorkerConfig } from './config.js';
import { EmbeddedSubgraphClient, peerClient, RemoteSubgraphClient, type SubgraphClient } from './subgraph-client.js';
import { createWorkerApp } from './worker-app.js';

export interface RunningWorker {
  server: Server;
  /** Where `/healthz` and `/readyz` answer. */
  url: string;
  runtimes: SubgraphRuntime[];
  /** Stops taking jobs, waits for the jobs in hand, then closes the stores. */
  stop(): Promise<void>;
}

/**
 * A worker process (`serve-worker`): the relays, consumers, module jobs and pruning of the
 * subgraphs named (`names`, each a module of `modules`), with no GraphQL API. Routing comes from
 * every module's declarations, as in any process that publishes.
 *
 * Peers: the subgraphs it runs are reached in-process (`EmbeddedSubgraphClient`), the others over
 * HTTP at their routing URLs (supergraph.yaml or `<NAME>_SUBGRAPH_URL`). In-process costs no HTTP
 * hop and no token, and a worker running every subgraph (the default) depends on no other service
 * at all, so workers scale and restart independently of the serving processes; a worker given a
 * subset needs the serving processes of the others only when a handler reads from them.
 */
export async function startWorker(config: WorkerConfig, modules: SubgraphModule[], names: string[]): Promise<RunningWorker> {
  configureLogs(config.kit.logs, config.kit.development);
  const chosen = modules.filter((m) => names.includes(m.name));
  const clients = new Map<string, SubgraphClient>();
  const remotes = readSupergraphConfig()
    .filter((e) => !names.includes(e.name))
    .map((e) => new RemoteSubgraphClient(e.name, e.routingUrl, config.kit.internalTokenSecret));
  for (const remote of remotes) clients.set(remote.name, remote);
  const peers = peerClient(clients);
  const redis = new Redis(config.kit.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => {
    // Readiness reports Redis trouble; the connection retries on its own.
  });
  const runtimes: SubgraphRuntime[] = [];
  const processings: EventProcessing[] = [];
  let processing = false;
  const close = async () => {
    processing = false;
    // Every runtime's jobs end before any store closes: a job in hand may still read from a peer
    // runtime of this process, and one whose peer's store had closed would never finish.
    await Promise.all(processings.map((p) => p.stop()));
    await Promise.all(runtimes.map((r) => r.close()));
    await Promise.all(remotes.map((c) => c.close()));
    redis.disconnect();
  };
  try {
    await redis.connect();
    keep(await Promise.allSettled(chosen.map((m) => startSubgraph(m, config.kit, { peers, modules }))), runtimes);
    for (const runtime of runtimes) clients.set(runtime.name, new EmbeddedSubgraphClient(runtime));
    keep(await Promise.allSettled(runtimes.map((r) => startEventProcessing(r, modules))), processings);
    processing = true;
  } catch (error) {
    await close();
    throw error;
  }

  const app = createWorkerApp(async () => {
    if (!processing) throw new Error('event processing is not running');
    await Promise.all(runtimes.map((r) => r.orm.em.fork().execute('select 1')));
    if ((await redis.ping()) !== 'PONG') throw new Error('Redis did not answer PING');
  }, config.kit);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${config.host}:${port}`,
    runtimes,
    async stop() {
      // Not ready from here on, but still answering while the workers finish their jobs.
      processing = false;
      await close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Adds what `Promise.allSettled` started to `into`, so it can be closed, then throws the first failure. */
function keep<T>(results: PromiseSettledResult<T>[], into: T[]): void {
  for (const r of results) if (r.status === 'fulfilled') into.push(r.value);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
