import { createSubgraphHttpApp, loadKitConfig, startSubgraph } from '@loyalnest/kit';
import { parseArgs } from 'node:util';
import { subgraphModules } from '../subgraphs.js';
import { CliError, runCli } from './preflight.js';

/** One subgraph as its own HTTP service (networked mode): `serve-subgraph --name customer --port 4002`. */
runCli(async () => {
  const { values } = parseArgs({ options: { name: { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
  const module = subgraphModules.find((m) => m.name === values.name);
  if (!module) throw new CliError(`--name must be one of: ${subgraphModules.map((m) => m.name).join(', ')}`);
  const runtime = await startSubgraph(module, loadKitConfig());
  const { app, stop } = await createSubgraphHttpApp(runtime);
  if (module.routes) app.use(module.routes(runtime));
  const server = app.listen(Number(values.port ?? 0), values.host!, () => {
    console.log(`${module.name} subgraph listening on http://${values.host}:${(server.address() as { port: number }).port}/graphql`);
  });
  const shutdown = async () => {
    server.close();
    await stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
});
