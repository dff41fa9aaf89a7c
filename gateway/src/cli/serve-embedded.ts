import { loadGatewayConfig } from '../config.js';
import { startEmbeddedGateway } from '../modes.js';
import { subgraphModules } from '../subgraphs.js';
import { preflight, runCli } from './preflight.js';

/**
 * The embedded supergraph alone: the gateway, every subgraph, each store's outbox relay and each
 * consumer's worker in this one process (or none of those with `EVENT_PROCESSING=off`, where
 * `serve-worker` processes run them), without `start`'s migrations and demo seed, for a
 * deployment whose migrate job runs first (as docker-compose's does). SIGTERM stops it gracefully:
 * the workers finish the jobs they hold. After a crash, the next process republishes what was not
 * acknowledged and BullMQ hands the dead worker's jobs to a live one once their locks expire.
 */
runCli(async () => {
  const config = loadGatewayConfig();
  await preflight(config.kit);
  const gateway = await startEmbeddedGateway(config, subgraphModules);
  console.log(`LoyalNest supergraph (embedded) listening on ${gateway.url}/graphql (pid ${process.pid})`);
  const shutdown = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
