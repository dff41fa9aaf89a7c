import { loadKitConfig } from '@loyalnest/kit';
import { migrateAll } from '../operations.js';
import { subgraphModules } from '../subgraphs.js';
import { preflight, runCli } from './preflight.js';

runCli(async () => {
  const config = loadKitConfig();
  await preflight(config);
  await migrateAll(config, subgraphModules);
});
