import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { KitConfig, SubgraphModule } from '@loyalnest/kit';
import { parse } from 'graphql';
import { readSupergraphConfig } from './config.js';
import { LIVE_ROUTING_URL, LIVE_SDL, LIVE_SUBGRAPH } from './live/live-schema.js';

export interface Composition {
  /** SDL per subgraph file path. */
  subgraphs: Map<string, string>;
  supergraphSdl: string;
}

/**
 * Prints each subgraph's SDL from code and composes them as supergraph.yaml lists them, with the
 * gateway's own subscription schema (`live`), which no service serves over HTTP.
 */
export async function composeSupergraph(modules: SubgraphModule[], config: KitConfig): Promise<Composition> {
  const entries = readSupergraphConfig({});
  const subgraphs = new Map<string, string>();
  const services = [];
  for (const entry of entries) {
    const module = modules.find((m) => m.name === entry.name);
    if (!module) throw new Error(`supergraph.yaml lists "${entry.name}" but no such subgraph module is registered`);
    const sdl = printSubgraphSchema(await module.buildSchema(config));
    subgraphs.set(entry.schemaFile, `${sdl}\n`);
    services.push({ name: entry.name, url: entry.routingUrl, typeDefs: parse(sdl) });
  }
  services.push({ name: LIVE_SUBGRAPH, url: LIVE_ROUTING_URL, typeDefs: parse(LIVE_SDL) });
  const result = composeServices(services);
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return { subgraphs, supergraphSdl: result.supergraphSdl! };
}
