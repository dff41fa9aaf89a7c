import { configureLogs, startEventProcessing, startSubgraph, type EventProcessing, type SubgraphModule, type SubgraphRuntime } from '@loyalnest/kit';
import type { RequestHandler } from 'express';
import { readSupergraphConfig, type GatewayConfig } from './config.js';
import { AuthenticatedRemoteDataSource, EmbeddedDataSource } from './data-sources.js';
import { startGateway, type RunningGateway } from './gateway.js';
import { EmbeddedSubgraphClient, peerClient, RemoteSubgraphClient } from './subgraph-client.js';
import { proxyRoutes } from './proxy.js';

export interface EmbeddedGateway extends RunningGateway {
  runtimes: SubgraphRuntime[];
}

/**
 * Embedded (the default): the gateway and every subgraph in this one process, no HTTP hop between
 * them, with each store's outbox relay and each consumer's worker unless `EVENT_PROCESSING=off`.
 * Closing a runtime stops them.
 */
export async function startEmbeddedGateway(config: GatewayConfig, modules: SubgraphModule[]): Promise<EmbeddedGateway> {
  const clients = new Map<string, EmbeddedSubgraphClient>();
  const peers = peerClient(clients);
  const runtimes = await Promise.all(modules.map((m) => startSubgraph(m, config.kit, { peers, modules })));
  for (const runtime of runtimes) clients.set(runtime.name, new EmbeddedSubgraphClient(runtime));
  const processings: EventProcessing[] = [];
  try {
    // Off where `serve-worker` processes do the background work apart.
    if (config.kit.events.processing) processings.push(...(await Promise.all(runtimes.map((r) => startEventProcessing(r, modules)))));
  } catch (error) {
    await Promise.all(runtimes.map((r) => r.close()));
    throw error;
  }
  const routes: RequestHandler[] = runtimes.flatMap((r) => (r.module.routes ? [r.module.routes(r)] : []));
  const gateway = await startGateway({
    config,
    clients,
    dataSource: (name) => new EmbeddedDataSource(clients.get(name)!),
    routes,
    onStop: async () => {
      // Every runtime's jobs end before any store closes: a job in hand may still read from a peer
      // runtime of this process, and one whose peer's store had closed would never finish.
      await Promise.all(processings.map((p) => p.stop()));
      await Promise.all(runtimes.map((r) => r.close()));
    },
  });
  return { ...gateway, runtimes };
}

/**
 * Networked: each subgraph is its own HTTP service (see `serve-subgraph`), reached at the routing
 * URL from supergraph.yaml (or `<NAME>_SUBGRAPH_URL`), with keep-alive pools and internal tokens.
 */
export async function startNetworkedGateway(config: GatewayConfig, modules: SubgraphModule[], urls: Record<string, string> = {}): Promise<RunningGateway> {
  configureLogs(config.kit.logs, config.kit.development);
  const entries = readSupergraphConfig();
  const clients = new Map(
    entries.map((e) => [e.name, new RemoteSubgraphClient(e.name, urls[e.name] ?? e.routingUrl, config.kit.internalTokenSecret)]),
  );
  const routes = modules.filter((m) => m.routePrefixes?.length).map((m) => proxyRoutes(m.routePrefixes!, new URL(clients.get(m.name)!.url).origin));
  return startGateway({
    config,
    clients,
    dataSource: (name) => new AuthenticatedRemoteDataSource(clients.get(name)!),
    routes,
    onStop: async () => {
      await Promise.all([...clients.values()].map((c) => c.close()));
    },
  });
}
