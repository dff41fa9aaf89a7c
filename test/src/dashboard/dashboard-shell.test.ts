import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_MERCHANT, loadKitConfig } from '@loyalnest/kit';
import express from 'express';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { APP_BRIDGE_SRC, dashboardRoutes } from '../../../gateway/src/dashboard/dashboard-routes.js';
import { seedAll } from '../../../gateway/src/operations.js';
import { subgraphModules } from '../../../gateway/src/subgraphs.js';
import { launchBrowser, openDashboard, originOf, screenshot, seriousAxeViolations } from '../support/browser.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createMerchant, type TestMerchant } from '../support/tenants.js';

/**
 * The dashboard's frame as the gateway serves it (/app): the page and its assets, App Bridge and
 * the embedded app's headers, the dev session outside Shopify admin, in a real browser.
 */
describe('the dashboard at /app', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let merchant: TestMerchant;
  let origin: string;

  beforeAll(async () => {
    // The dev session is the demo shop's, as under npm start.
    await seedAll(loadKitConfig(process.env), subgraphModules, () => {});
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    origin = originOf(gateway);
    merchant = await createMerchant(gateway);
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('serves the page for every client-side route, framed only by the shop’s admin, with App Bridge when Shopify admin opens it', async () => {
    const embedded = await fetch(`${origin}/app/customers/123?embedded=1&shop=${merchant.shop}&host=abc`);
    expect(embedded.status).toBe(200);
    expect(embedded.headers.get('content-security-policy')).toBe(`frame-ancestors https://${merchant.shop} https://admin.shopify.com;`);
    expect(embedded.headers.get('cache-control')).toBe('no-store');
    const html = await embedded.text();
    expect(html).toContain(`<script src="${APP_BRIDGE_SRC}"></script>`);
    expect(html).toContain(`<meta name="shopify-api-key" content="${gateway.config.kit.shopify.apiKey}" />`);
    // App Bridge must come before the app's own module script.
    expect(html.indexOf(APP_BRIDGE_SRC)).toBeLessThan(html.indexOf('type="module"'));

    const outside = await fetch(`${origin}/app/?shop=evil.example.com`);
    expect(outside.headers.get('content-security-policy')).toBe('frame-ancestors https://admin.shopify.com;');
    expect(await outside.text()).not.toContain(APP_BRIDGE_SRC);
  });

  it('serves the built scripts gzipped and immutable, and nothing outside the build', async () => {
    const html = await (await fetch(`${origin}/app/`)).text();
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const gz = await fetch(`${origin}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('content-type')).toMatch(/javascript/);
    expect(gz.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const plain = await fetch(`${origin}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBeGreaterThan(1000);

    // An encoded slash reaches the route as part of the file name, not as a path step.
    for (const path of ['/app/assets/..%2f..%2fpackage.json', '/app/assets/..%2f..%2f..%2f..%2fpackage.json', '/app/assets/missing.js']) {
      expect((await fetch(`${origin}${path}`)).status).toBe(404);
    }
  });

  it('outside Shopify admin, in development, runs on the demo shop’s dev session and says so on screen', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/app/`);
    await page.getByText(`signed in with a dev token for ${DEMO_MERCHANT.shopDomain}`).waitFor();
    await screenshot(page, 'shell-dev-session');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  it('hands the dev session only to a page on this machine, not to a DNS-rebound name', async () => {
    const devSession = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${origin}/app/dev-session`, { headers: { host } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const local = await devSession(new URL(origin).host);
    expect(local.status).toBe(200);
    expect(JSON.parse(local.body)).toMatchObject({ shop: DEMO_MERCHANT.shopDomain, token: expect.any(String) });
    const rebound = await devSession('attacker.example:4000');
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toMatch(/token"/);
  });

  it('inside Shopify admin, runs on App Bridge’s session tokens and shows no dev banner', async () => {
    const session = await openDashboard(browser, gateway, merchant.shop);
    await session.page.locator('#root').getByRole('main').waitFor();
    expect(session.tokensIssued()).toBeGreaterThan(0);
    expect(await session.page.getByText('dev token').count()).toBe(0);
    expect(await session.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await session.close();
  });

  it('moves between pages from Shopify admin’s app menu without reloading the app, and asks first when a form has unsaved changes', async () => {
    // App Bridge answers a click in admin's menu by clicking the matching link of the app's ui-nav-menu.
    const session = await openDashboard(browser, gateway, merchant.shop, { path: '/program/earning' });
    const { page } = session;
    try {
      const adminMenu = (name: string) => page.locator('ui-nav-menu a', { hasText: name });
      const pointsPerUnit = page.getByLabel('Points per EUR spent');
      await pointsPerUnit.waitFor();
      await pointsPerUnit.fill('7');
      const asked = new Promise<string>((resolve) =>
        page.once('dialog', (dialog) => {
          resolve(dialog.message());
          void dialog.dismiss();
        }),
      );
      await adminMenu('Customers').dispatchEvent('click');
      expect(await asked).toBe('You have unsaved changes. Leave this page and lose them?');
      expect(new URL(page.url()).pathname).toBe('/app/program/earning');

      await page.getByRole('button', { name: 'Discard' }).click();
      await adminMenu('Customers').dispatchEvent('click');
      await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/app/customers');
      expect(session.documentsLoaded()).toBe(1);
      expect(session.tokensIssued()).toBe(1);
    } finally {
      await session.close();
    }
  });

  it('has no dev session and always loads App Bridge in production', async () => {
    const app = express().use(dashboardRoutes({ ...gateway.config, development: false }));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const devSession = await fetch(`${base}/app/dev-session`);
      expect(devSession.status).toBe(404);
      expect(await devSession.text()).not.toMatch(/token"/);
      expect(await (await fetch(`${base}/app/`)).text()).toContain(APP_BRIDGE_SRC);
    } finally {
      server.close();
    }
  });
});
