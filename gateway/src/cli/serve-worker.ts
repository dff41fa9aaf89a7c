import { logger } from '@loyalnest/kit';
import { parseArgs } from 'node:util';
import { loadWorkerConfig } from '../config.js';
import { subgraphModules } from '../subgraphs.js';
import { startWorker } from '../worker.js';
import { CliError, preflight, runCli } from './preflight.js';

/**
 * A worker: `serve-worker [--subgraphs merchant,points] [--port 4100]`. Runs the event processing
 * (outbox relays, consumers, module jobs, pruning) of the subgraphs named, every one by default,
 * with no GraphQL API: its port answers `/healthz` and `/readyz` only. Serving processes then run
 * with `EVENT_PROCESSING=off`; add workers for throughput, each takes jobs from the same queues.
 * SIGTERM stops it gracefully: the jobs in hand finish and are acknowledged. After a crash, BullMQ
 * hands its jobs to another worker once their locks expire.
 */
runCli(async () => {
  const { values } = parseArgs({ options: { subgraphs: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } } });
  const known = subgraphModules.map((m) => m.name);
  const names = values.subgraphs === undefined ? known : values.subgraphs.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !known.includes(n));
  if (!names.length || unknown.length) {
    throw new CliError(`--subgraphs must list some of: ${known.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  }
  const config = loadWorkerConfig({ ...process.env, ...(values.port !== undefined && { PORT: values.port }), ...(values.host !== undefined && { HOST: values.host }) });
  await preflight(config.kit);
  if (!config.kit.events.processing) {
    // A setting shared with the serving processes: a worker that obeyed it would do nothing at all.
    logger('worker').warn('EVENT_PROCESSING=off applies to serving processes; a worker always processes events');
  }
  const worker = await startWorker(config, subgraphModules, names);
  console.log(`LoyalNest worker for ${names.join(', ')}: /healthz and /readyz on ${worker.url} (pid ${process.pid})`);
  const shutdown = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
});
