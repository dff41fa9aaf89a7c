import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import WebSocket from 'ws';
import { launchBrowser } from '../support/browser.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { connectLive, type LiveConnection } from '../support/live.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from '../support/tenants.js';
import { sessionToken } from '../support/proxy-session.js';

/** The shop's storefront, where the widget runs: another origin than the API's. */
const STOREFRONT = 'https://cors-test.myshopify.com';

const BALANCE = 'subscription { pointsBalanceChanged { kind balance customer { id } } }';

/** graphql-ws over `ws`, sending the `Origin` header a browser on the storefront sends. */
class StorefrontWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { origin: STOREFRONT });
  }
}

describe('CORS on /graphql for the storefront widget', () => {
  let gateway: TestGateway;
  let a: TestMerchant;
  let noor: CreatedCustomer;
  const open: LiveConnection[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    a = await createMerchant(gateway);
    noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com', firstName: 'Noor' });
  });

  afterAll(async () => {
    await Promise.all(open.map((c) => c.dispose()));
    await gateway.stop();
  });

  it('answers the preflight of a bearer-token JSON POST from any origin: 204, the methods and headers, a day of max-age, no credentials', async () => {
    const response = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: STOREFRONT, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(response.headers.get('access-control-max-age')).toBe('86400');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the storefront read the answer of a POST, and of a refusal (a 401 tells the widget to renew its session)', async () => {
    const token = await sessionToken(gateway, a.shop, '');
    const ok = await fetch(gateway.url, {
      method: 'POST',
      headers: { origin: STOREFRONT, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ earningRules { enabled } }' }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(await ok.json()).toMatchObject({ data: { earningRules: { enabled: true } } });
    const refused = await fetch(gateway.url, {
      method: 'POST',
      headers: { origin: STOREFRONT, authorization: 'Bearer not-a-token', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ earningRules { enabled } }' }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it("still refuses a cross-origin simple request (a form's POST, a plain GET): Apollo Server's CSRF prevention", async () => {
    const token = await sessionToken(gateway, a.shop, '');
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const form = await fetch(gateway.url, {
        method: 'POST',
        headers: { origin: STOREFRONT, 'content-type': contentType, authorization: `Bearer ${token}` },
        body: 'query=%7B%20earningRules%20%7B%20enabled%20%7D%20%7D',
      });
      expect(form.status).toBe(400);
      expect(await form.text()).not.toContain('earningRules');
    }
    const get = await fetch(`${gateway.url}?query=${encodeURIComponent('{ earningRules { enabled } }')}`, { headers: { origin: STOREFRONT, authorization: `Bearer ${token}` } });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
  });

  it("accepts the live socket from the storefront's origin with a shopper token, and serves the shopper's own balance", async () => {
    const token = await sessionToken(gateway, a.shop, noor.shopifyId);
    const connection = connectLive(gateway.url, `Bearer ${token}`, StorefrontWebSocket);
    open.push(connection);
    expect(await connection.subscribe(BALANCE).next()).toEqual({ data: { pointsBalanceChanged: { kind: 'CURRENT', balance: 0, customer: { id: noor.id } } } });
  });

  describe('in a real browser (Chromium), from a page of another origin', () => {
    let browser: Browser;
    let page: Server;
    let pageOrigin: string;

    beforeAll(async () => {
      browser = await launchBrowser();
      // Another port of the loopback is another origin: the browser applies CORS to every call.
      page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Storefront</title>'));
      await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
      pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => page.close(resolve));
    });

    it('fetches with the bearer token and JSON (preflighted), and follows the balance over graphql-ws', async () => {
      const token = await sessionToken(gateway, a.shop, noor.shopifyId);
      const tab = await browser.newPage();
      try {
        await tab.goto(`${pageOrigin}/`);
        const answer = await tab.evaluate(
          async ({ url, token: bearer }) => {
            const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ earningRules { enabled } }' }) });
            return { status: response.status, body: await response.json() };
          },
          { url: gateway.url, token },
        );
        expect(answer).toMatchObject({ status: 200, body: { data: { earningRules: { enabled: true } } } });
        // graphql-ws's protocol by hand: connection_init with the token, then one subscribe.
        const first = await tab.evaluate(
          ({ url, token: bearer, query }) =>
            new Promise<unknown>((resolve, reject) => {
              const socket = new WebSocket(url, 'graphql-transport-ws');
              const timer = setTimeout(() => reject(new Error('no event within 10 s')), 10_000);
              socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${bearer}` } }));
              socket.onclose = (event) => reject(new Error(`closed ${event.code} ${event.reason}`));
              socket.onmessage = (event) => {
                const message = JSON.parse(String(event.data)) as { type: string; payload?: unknown };
                if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
                if (message.type === 'next' || message.type === 'error') {
                  clearTimeout(timer);
                  socket.onclose = null;
                  socket.close();
                  resolve(message.payload);
                }
              };
            }),
          { url: gateway.url.replace(/^http/, 'ws'), token, query: BALANCE },
        );
        expect(first).toEqual({ data: { pointsBalanceChanged: { kind: 'CURRENT', balance: 0, customer: { id: noor.id } } } });
      } finally {
        await tab.close();
      }
    });
  });
});
