import { afterAll, describe, expect, it } from '@jest/globals';
import { DEMO_MERCHANT } from '@loyalnest/kit';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WORKER_DEFAULT_PORT } from '../../../gateway/src/config.js';
import { startDemoStorefront, STOREFRONT_DEFAULT_PORT, storefrontPort, type DemoStorefront } from '../../../gateway/src/dev/storefront/demo-storefront.js';
import { StorefrontVisitor } from '../support/storefront.js';

/** `npm start`'s storefront for the demo shop: its seeded shoppers at sign-in, on a port it can get. */
describe('the demo storefront of npm start', () => {
  const started: DemoStorefront[] = [];
  afterAll(() => Promise.all(started.map((s) => s.close())));

  it('listens on 4010 by default, clear of the gateway (4000), the networked subgraphs (4001–4007) and the worker (4100); STOREFRONT_PORT chooses another, checked by name', () => {
    expect(STOREFRONT_DEFAULT_PORT).toBe(4010);
    const subgraphPorts = [...readFileSync(new URL('../../../supergraph.yaml', import.meta.url), 'utf8').matchAll(/routing_url: http:\/\/[^:]+:(\d+)\//g)].map((m) => Number(m[1]));
    expect(subgraphPorts).toHaveLength(7);
    expect([4000, WORKER_DEFAULT_PORT, ...subgraphPorts]).not.toContain(STOREFRONT_DEFAULT_PORT);
    expect(storefrontPort({})).toBe(4010);
    expect(storefrontPort({ STOREFRONT_PORT: '' })).toBe(4010);
    expect(storefrontPort({ STOREFRONT_PORT: '4321' })).toBe(4321);
    expect(storefrontPort({ STOREFRONT_PORT: '0' })).toBe(0);
    expect(() => storefrontPort({ STOREFRONT_PORT: '4001x' })).toThrow("STOREFRONT_PORT must be a port number (0 to 65535), got '4001x'");
    expect(() => storefrontPort({ STOREFRONT_PORT: '70000' })).toThrow("STOREFRONT_PORT must be a port number (0 to 65535), got '70000'");
  });

  it('offers the demo shop’s seeded shoppers at sign-in, and takes another port when its own is taken', async () => {
    // given: the port it prefers is in use (another npm start, a test)
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as AddressInfo).port;
    try {
      // when
      const storefront = await startDemoStorefront({ gatewayUrl: 'http://127.0.0.1:9', apiSecret: 'demo-secret', port: taken });
      started.push(storefront);
      // then
      expect(new URL(storefront.origin).port).not.toBe(String(taken));
      expect(storefront.examples[0]).toEqual({ shopifyId: '7001', name: 'Ada Lovelace' });
      const login = await new StorefrontVisitor(storefront.origin).get('/account/login');
      expect(login.text).toContain('href="/account/login?customer=7001&amp;return_to=%2F"');
      expect(login.text).toContain('Grace Hopper');
      expect(login.text).toContain(DEMO_MERCHANT.name);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
