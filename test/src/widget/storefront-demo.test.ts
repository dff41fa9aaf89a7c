import { afterAll, describe, expect, it } from '@jest/globals';
import { DEMO_MERCHANT } from '@loyalnest/kit';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDemoStorefront, type DemoStorefront } from '../../../gateway/src/dev/storefront/demo-storefront.js';
import { StorefrontVisitor } from '../support/storefront.js';

/** `npm start`'s storefront for the demo shop: its seeded shoppers at sign-in, on a port it can get. */
describe('the demo storefront of npm start', () => {
  const started: DemoStorefront[] = [];
  afterAll(() => Promise.all(started.map((s) => s.close())));

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
