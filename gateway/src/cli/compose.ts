import { DEV_OPT_IN, loadKitConfig } from '@loyalnest/kit';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { composeSupergraph } from '../compose.js';
import { REPO_ROOT, SUPERGRAPH_GRAPHQL } from '../config.js';
import { subgraphModules } from '../subgraphs.js';
import { CliError, runCli } from './preflight.js';

/** Writes each subgraph's SDL and supergraph.graphql; with `--check`, fails if any committed file is stale. */
runCli(async () => {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  // Composing only builds schemas and reads no secret: the development stand-ins fill the config.
  const { subgraphs, supergraphSdl } = await composeSupergraph(subgraphModules, loadKitConfig({ [DEV_OPT_IN]: '1' }));
  const files = new Map([...subgraphs, [SUPERGRAPH_GRAPHQL, supergraphSdl]]);
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  };
  if (values.check) {
    const stale = [...files].filter(([path, content]) => read(path) !== content).map(([path]) => relative(REPO_ROOT, path));
    if (stale.length) throw new CliError(`compose --check: stale, run \`npm run compose\` and commit: ${stale.join(', ')}`);
    console.log('compose --check: supergraph.graphql and subgraph schemas are fresh');
    return;
  }
  for (const [path, content] of files) writeFileSync(path, content);
  console.log(`compose: wrote ${[...files.keys()].map((p) => relative(REPO_ROOT, p)).join(', ')}`);
});
