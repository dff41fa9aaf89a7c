import { loadKitConfig } from '@loyalnest/kit';
import { seedAll } from '../operations.js';
import { subgraphModules } from '../subgraphs.js';
import { preflight, runCli } from './preflight.js';

/** Run `migrate` first. */
runCli(async () => {
  const config = loadKitConfig();
  await preflight(config);
  await seedAll(config, subgraphModules);
});
