import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { spawnSubgraphServices } from '../../gateway/src/services.js';
import { freePort } from './support/supergraph-process.js';

/** The children run the TypeScript entry as `start:services` does: through tsx, with the repo's tsconfig. */
const childEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) };
  // jest's --experimental-vm-modules is for jest's own module loader, not for the product.
  delete env.NODE_OPTIONS;
  return env;
};
const TSX = ['--import', 'tsx'];

async function entry(name: string) {
  return { name, routingUrl: `http://127.0.0.1:${await freePort()}/graphql`, schemaFile: '' };
}

describe('start:services waiting for its subgraphs', () => {
  it('fails at once, naming the subgraph that exited, with its exit code and last stderr lines, long before the timeout', async () => {
    const started = Date.now();
    const failure = spawnSubgraphServices([await entry('nosuch')], { readyTimeoutMs: 120_000, env: childEnv(), execArgv: TSX });
    await expect(failure).rejects.toThrow(/^the nosuch subgraph exited with code 1 before it was ready; its last stderr lines:\n.*--name must be one of/s);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('fails after SUBGRAPH_READY_TIMEOUT_MS, naming the subgraph and the connection error, and stops it', async () => {
    const merchant = await entry('merchant');
    const started = Date.now();
    const failure = spawnSubgraphServices([merchant], { readyTimeoutMs: 300, env: childEnv(), execArgv: TSX });
    await expect(failure).rejects.toThrow(`the merchant subgraph was not ready at ${new URL('/readyz', merchant.routingUrl)} within 0.3 s (SUBGRAPH_READY_TIMEOUT_MS; last: ECONNREFUSED`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
