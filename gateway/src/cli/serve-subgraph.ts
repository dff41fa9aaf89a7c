import { createSubgraphHttpApp, loadKitConfig, startEventProcessing, startSubgraph } from '@loyalnest/kit';
import { parseArgs } from 'node:util';
import { readSupergraphConfig } from '../config.js';
import { peerClient, RemoteSubgraphClient } from '../subgraph-client.js';
import { subgraphModules } from '../subgraphs.js';
import { CliError, runCli } from './preflight.js';

/**
 * One subgraph as its own HTTP service (networked mode): `serve-subgraph --name customer --port 4002`,
 * with its store's outbox relay and, if it consumes events, its worker (unless `EVENT_PROCESSING=off`). Routing needs every
 * module's declarations, since this process publishes to the other subgraphs' queues.
 */
runCli(async () => {
  const { values } = parseArgs({ options: { name: { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
  const module = subgraphModules.find((m) => m.name === values.name);
  if (!module) throw new CliError(`--name must be one of: ${subgraphModules.map((m) => m.name).join(', ')}`);
  const config = loadKitConfig();
  // Its event handlers read from other subgraphs the way the gateway does: over HTTP, with internal tokens.
  const peers = new Map(readSupergraphConfig().map((e) => [e.name, new RemoteSubgraphClient(e.name, e.routingUrl, config.internalTokenSecret)]));
  const runtime = await startSubgraph(module, config, { peers: peerClient(peers), modules: subgraphModules });
  // Off where `serve-worker` processes do the background work apart.
  if (config.events.processing) await startEventProcessing(runtime, subgraphModules);
  const { app, stop } = await createSubgraphHttpApp(runtime);
  if (module.routes) app.use(module.routes(runtime));
  const server = app.listen(Number(values.port ?? 0), values.host!, () => {
    console.log(`${module.name} subgraph listening on http://${values.host}:${(server.address() as { port: number }).port}/graphql`);
  });
  const shutdown = async () => {
    server.close();
    await stop();
    // Stops the worker (waiting for the jobs in progress) and the relay, then closes the store.
    await runtime.close();
    await Promise.all([...peers.values()].map((c) => c.close()));
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
});
