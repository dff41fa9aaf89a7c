import { describe, expect, it } from '@jest/globals';
import { loadKitConfig } from '@loyalnest/kit';
import { readFileSync } from 'node:fs';
import { composeSupergraph } from '../../gateway/src/compose.js';
import { SUPERGRAPH_GRAPHQL } from '../../gateway/src/config.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';

describe('composition', () => {
  it('composes the subgraphs listed in supergraph.yaml, and the committed files are fresh', async () => {
    const { subgraphs, supergraphSdl } = await composeSupergraph(subgraphModules, loadKitConfig({ LOYALNEST_DEV: '1' }));

    expect(supergraphSdl).toContain('join__Graph');
    expect(supergraphSdl).toContain('MERCHANT @join__graph(name: "merchant"');
    expect(supergraphSdl).toContain('CUSTOMER @join__graph(name: "customer"');
    expect(readFileSync(SUPERGRAPH_GRAPHQL, 'utf8')).toBe(supergraphSdl);
    for (const [file, sdl] of subgraphs) expect(readFileSync(file, 'utf8')).toBe(sdl);
  });
});
