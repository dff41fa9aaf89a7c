import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot } from '../support/browser.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { award, pointsOf } from '../support/points.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from '../support/tenants.js';

/**
 * Shopify's session tokens live a minute; these live six seconds, so the test outlasts the first
 * and then acts well inside the second: the feed's socket, closed when its token expires and open
 * again at once, is not between connections when the award is published.
 */
const TOKEN_SECONDS = 6;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function markLoaded(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as Record<string, unknown>).loadedOnce = true;
  });
}

const stillLoadedOnce = (page: Page) => page.evaluate(() => (globalThis as Record<string, unknown>).loadedOnce === true);

/**
 * A merchant leaves the dashboard open in Shopify admin for longer than a session token lives:
 * requests take fresh tokens from App Bridge, the live feed's socket (closed by the gateway when
 * its token expires) comes back with a fresh one, and nothing reloads the page.
 */
describe('a dashboard left open past its session tokens', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let merchant: TestMerchant;
  let other: TestMerchant;
  let customer: CreatedCustomer;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    [merchant, other] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `lena-${Date.now()}@example.com`, firstName: 'Lena', lastName: 'Long' });
    await award(gateway, merchant, customer.id, 100);
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('sends a request again with a new token when the gateway refuses one as expired (401), without a reload', async () => {
    const session = await openDashboard(browser, gateway, merchant.shop, { path: `/customers/${customer.id}`, staleTokens: 1 });
    try {
      await session.page.getByRole('group', { name: 'Balance', exact: true }).getByText(/^\d+$/).waitFor();
      // the first token was refused once, the second taken, and the page never left
      expect(session.unauthorizedResponses()).toBe(1);
      expect(session.tokensIssued()).toBeGreaterThanOrEqual(2);
      expect(session.documentsLoaded()).toBe(1);
      expect(await session.page.getByText('Customer not found').count()).toBe(0);
    } finally {
      await session.close();
    }
  });

  it('awards points on the customer page and shows them in the overview’s live feed after every token expired, without a reload', async () => {
    const overview = await openDashboard(browser, gateway, merchant.shop, { tokenLifetimeSeconds: TOKEN_SECONDS });
    const customerPage = await openDashboard(browser, gateway, merchant.shop, { path: `/customers/${customer.id}`, tokenLifetimeSeconds: TOKEN_SECONDS });
    // The other merchant's feed is open too, and must stay empty.
    const otherOverview = await openDashboard(browser, gateway, other.shop);
    try {
      const feed = (page: Page) => page.getByRole('region', { name: 'Live activity' });
      await feed(overview.page).getByText('Nothing yet since you opened this page.').waitFor();
      await feed(otherOverview.page).getByText('Nothing yet since you opened this page.').waitFor();
      await customerPage.page.getByRole('group', { name: 'Balance', exact: true }).getByText('100', { exact: true }).waitFor();
      await markLoaded(overview.page);
      await markLoaded(customerPage.page);
      const issued = { overview: overview.tokensIssued(), customer: customerPage.tokensIssued() };

      // given every token either page holds has expired, and the gateway closed the feed's socket
      await sleep((TOKEN_SECONDS + 1.5) * 1000);

      // when the merchant awards points through the page's form
      const { page } = customerPage;
      await page.getByLabel('Points', { exact: true }).fill('25');
      await page.getByLabel('Reason').fill('Left open');
      await page.getByRole('button', { name: 'Award', exact: true }).click();

      // then the balance, and the other page's live feed, show it
      await page.getByText('25 points awarded.').waitFor();
      await page.getByRole('group', { name: 'Balance', exact: true }).getByText('125', { exact: true }).waitFor();
      await feed(overview.page).getByRole('listitem').filter({ hasText: 'Lena Long was awarded 25 points' }).waitFor({ timeout: 20_000 });
      expect((await pointsOf(gateway, merchant, customer.id)).balance).toBe(125);
      expect(customerPage.tokensIssued()).toBeGreaterThan(issued.customer);
      expect(overview.tokensIssued()).toBeGreaterThan(issued.overview);
      expect(await stillLoadedOnce(page)).toBe(true);
      expect(await stillLoadedOnce(overview.page)).toBe(true);
      expect(customerPage.documentsLoaded()).toBe(1);
      expect(overview.documentsLoaded()).toBe(1);
      await screenshot(overview.page, 'session-feed-after-token-expiry');

      expect(await feed(otherOverview.page).getByRole('listitem').count()).toBe(0);
      expect(await otherOverview.page.getByText('Lena').count()).toBe(0);
    } finally {
      await Promise.all([overview.close(), customerPage.close(), otherOverview.close()]);
    }
  });
});
