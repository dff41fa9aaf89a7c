import { loadGatewayConfig } from '../config.js';
import { startNetworkedGateway } from '../modes.js';
import { subgraphModules } from '../subgraphs.js';
import { preflight, runCli } from './preflight.js';

/**
 * The gateway alone, in front of subgraph services that already run elsewhere (docker-compose,
 * replicas behind a load balancer): routing URLs from supergraph.yaml or `<NAME>_SUBGRAPH_URL`.
 */
runCli(async () => {
  const config = loadGatewayConfig();
  await preflight(config.kit);
  const gateway = await startNetworkedGateway(config, subgraphModules);
  console.log(`LoyalNest gateway (networked) listening on ${gateway.url}/graphql`);
  const shutdown = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
