import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_MERCHANT, loadKitConfig } from '@loyalnest/kit';
import type { Browser, Locator, Page } from 'playwright-core';
import { mintDevToken } from '../../../gateway/src/auth/dev-token.js';
import { seedAll } from '../../../gateway/src/operations.js';
import { subgraphModules } from '../../../gateway/src/subgraphs.js';
import { periodOf } from '../../../clients/dashboard/src/pages/overview/overview-kpis.js';
import { launchBrowser, openDashboard, screenshot, seriousAxeViolations, type DashboardSession } from '../support/browser.js';
import { eventually } from '../support/events.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { award } from '../support/points.js';
import { createMerchant, upsertCustomer, shopifyId, type TestMerchant } from '../support/tenants.js';
import { bearer } from '../support/tokens.js';

/** What the overview shows, asked of the API as the page asks it. */
const FIGURES = `query($from: DateTimeISO!, $to: DateTimeISO!) {
  merchant { customerCount currency timezone }
  pointsSummary(from: $from, to: $to) { issued redeemed }
  pointsLiability { outstandingPoints outstandingValue }
  memberRevenue(from: $from, to: $to) { currency orders net }
  tierDistribution { tiers { tier { name } members } withoutTier total }
}`;

interface Figures {
  merchant: { customerCount: number; currency: string; timezone: string };
  pointsSummary: { issued: number; redeemed: number };
  pointsLiability: { outstandingPoints: number; outstandingValue: string };
  memberRevenue: { currency: string | null; orders: number; net: string }[];
  tierDistribution: { tiers: { tier: { name: string }; members: number }[]; withoutTier: number; total: number };
}

const number = (n: number) => new Intl.NumberFormat('en').format(n);
const money = (amount: string, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(Number(amount));
const percent = (ratio: number) => new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);

/** A figure's card on the page, by its label. */
const kpi = (page: Page, label: string): Locator => page.getByRole('group', { name: label, exact: true });

/**
 * The overview a merchant lands on, in a real browser against the supergraph with the demo shop
 * seeded: the figures the API gives, its charts, the live feed, and nothing of another merchant's.
 */
describe('the overview page', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let demo: TestMerchant;
  let other: TestMerchant;

  async function figures(merchant: TestMerchant, days: number): Promise<Figures> {
    const zone = (await gateway.gql<{ merchant: { timezone: string } }>('{ merchant { timezone } }', {}, merchant.auth)).data!.merchant.timezone;
    const { from, to } = periodOf(days, new Date(Date.now() + 60_000), zone);
    const result = await gateway.gql<Figures>(FIGURES, { from, to }, merchant.auth);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  /** Waits until two reads of the merchant's figures a second apart agree: its events have settled. */
  async function settled(merchant: TestMerchant): Promise<void> {
    await eventually(
      async () => {
        const first = JSON.stringify(await figures(merchant, 30));
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return first === JSON.stringify(await figures(merchant, 30));
      },
      60_000,
      `the figures of ${merchant.shop} to settle`,
    );
  }

  /** The tier card against the API's distribution: a bar per tier and one for no tier, or the empty state. */
  async function expectTiers(page: Page, distribution: Figures['tierDistribution']): Promise<void> {
    const card = page.getByRole('region', { name: 'Tier distribution' });
    if (distribution.total === 0) {
      await card.getByText('No customer has been placed in a tier yet.').waitFor();
      return;
    }
    const chart = card.getByRole('img', { name: new RegExp(`^${number(distribution.total)} customers: `) });
    await chart.waitFor();
    const label = await chart.getAttribute('aria-label');
    for (const row of distribution.tiers) expect(label).toContain(`${row.tier.name} ${number(row.members)} (`);
    expect(label).toContain(`No tier ${number(distribution.withoutTier)} (`);
  }

  /** Checks every figure card against the API's answer for the same period. */
  async function expectFigures(page: Page, expected: Figures): Promise<void> {
    const { currency } = expected.merchant;
    const { issued, redeemed } = expected.pointsSummary;
    const revenue = expected.memberRevenue.find((line) => line.currency === currency);
    await kpi(page, 'Members').getByText(number(expected.merchant.customerCount), { exact: true }).waitFor();
    await kpi(page, 'Points issued').getByText(number(issued), { exact: true }).waitFor();
    await kpi(page, 'Points redeemed').getByText(number(redeemed), { exact: true }).waitFor();
    await kpi(page, 'Redemption rate').getByText(issued > 0 ? percent(Math.max(0, redeemed) / issued) : '—', { exact: true }).waitFor();
    await kpi(page, 'Redemption rate').getByText(issued > 0 ? 'Points redeemed ÷ points issued over the period' : 'No points issued in the period').waitFor();
    await kpi(page, 'Outstanding liability').getByText(money(expected.pointsLiability.outstandingValue, currency), { exact: true }).waitFor();
    await kpi(page, 'Outstanding liability').getByText(`${number(expected.pointsLiability.outstandingPoints)} spendable points`).waitFor();
    await kpi(page, "Revenue from members' orders").getByText(money(revenue?.net ?? '0', currency), { exact: true }).waitFor();
    await kpi(page, "Revenue from members' orders").getByText(`${number(revenue?.orders ?? 0)} orders in the period`).waitFor();
  }

  beforeAll(async () => {
    await seedAll(loadKitConfig(process.env), subgraphModules, () => {});
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    const token = await mintDevToken(gateway.config.devTokenSecret, { shop: DEMO_MERCHANT.shopDomain, role: 'admin' });
    demo = { id: DEMO_MERCHANT.id, shop: DEMO_MERCHANT.shopDomain, token, auth: bearer(token) };
    other = await createMerchant(gateway, { currency: 'EUR' });
    browser = await launchBrowser();
    // The demo's events settle: its orders placed every customer in a tier, and its first segment run is done.
    await eventually(
      async () => {
        const result = await gateway.gql<{ tierDistribution: { total: number }; segmentRuns: { trigger: string; status: string }[] }>(
          '{ tierDistribution { total } segmentRuns(first: 5) { trigger status } }',
          {},
          demo.auth,
        );
        return (result.data?.tierDistribution.total ?? 0) >= 36 && result.data!.segmentRuns.some((r) => r.trigger === 'FIRST' && r.status === 'SUCCEEDED');
      },
      150_000,
      "the demo shop's orders, tiers and first segment run",
    );
    // …and nothing moves any more.
    await settled(demo);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it("shows the demo shop's figures for the last 30 days, then for the last 7, its tiers and its segments over time", async () => {
    const session = await openDashboard(browser, gateway, demo.shop);
    const { page } = session;
    try {
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      const month = await figures(demo, 30);
      // what the demo seeds (README, "Start it, test it"): 36 customers, each in a tier; demo.test.ts,
      // which may run first in the same process, moves customers between tiers but adds none
      expect(month.merchant.customerCount).toBe(36);
      expect(month.tierDistribution.total).toBe(36);
      expect(month.pointsSummary.issued).toBeGreaterThan(0);
      await expectFigures(page, month);

      // the tiers, as the API spreads them
      expect(month.tierDistribution.total).toBeGreaterThan(0);
      await expectTiers(page, month.tierDistribution);

      // the segment chart, with its table alternative
      const segmentChart = page.getByRole('img', { name: /^Members per segment, daily from / });
      await segmentChart.waitFor();
      const segments = (await gateway.gql<{ segments: { name: string; members: number }[] }>('{ segments { name members } }', {}, demo.auth)).data!.segments;
      const summary = (await segmentChart.getAttribute('aria-label'))!;
      for (const segment of segments.filter((s) => s.members > 0)) expect(summary).toContain(`${segment.name} ${number(segment.members)}`);
      await screenshot(page, 'overview-demo-30-days');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Show as a table' }).click();
      const table = page.getByRole('region', { name: 'Segment members over time' }).getByRole('table');
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(31);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // a shorter period: the page asks again and shows the API's 7-day figures
      await page.getByLabel('Period').selectOption('7');
      await expectFigures(page, await figures(demo, 7));
      await page.getByRole('region', { name: 'Segment members over time' }).getByRole('table').getByRole('row').nth(7).waitFor();
      expect(await page.getByRole('region', { name: 'Segment members over time' }).getByRole('table').getByRole('row').count()).toBe(8);
      await screenshot(page, 'overview-demo-7-days-table');
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 60_000);

  it("shows points awarded through the API as a new line of the open page's feed, without a reload, and only to that merchant", async () => {
    // A merchant of its own, not the demo shop: demo.test.ts reads the demo's balances and tiers exactly,
    // and may run after this file in the same jest process.
    const shop = await createMerchant(gateway, { currency: 'EUR' });
    const ada = { ...(await upsertCustomer(gateway, shop, { shopifyId: shopifyId(), firstName: 'Ada', lastName: 'Feedwell' })), firstName: 'Ada', lastName: 'Feedwell' };
    const mine = await openDashboard(browser, gateway, shop.shop);
    const theirs = await openDashboard(browser, gateway, other.shop);
    let navigations = 0;
    mine.page.on('framenavigated', (frame) => frame === mine.page.mainFrame() && navigations++);
    try {
      const feed = (page: Page) => page.getByRole('region', { name: 'Live activity' });
      await feed(mine.page).getByText('Nothing yet since you opened this page.').waitFor();
      await feed(theirs.page).getByText('Nothing yet since you opened this page.').waitFor();

      const points = 20 + Math.floor(Math.random() * 70);
      const line = feed(mine.page).getByRole('listitem').filter({ hasText: `${ada.firstName} ${ada.lastName} was awarded ${points} points` });
      // Awarded until the line shows: the first award may land before the page's socket has subscribed.
      await eventually(
        async () => {
          await award(gateway, shop, ada.id, points);
          return line
            .first()
            .waitFor({ timeout: 3000 })
            .then(() => true)
            .catch(() => false);
        },
        30_000,
        'the awarded points in the feed',
      );
      expect(navigations).toBe(0);
      // newest first: it is the feed's first line, and links to Ada's page
      await expect(feed(mine.page).getByRole('listitem').first().textContent()).resolves.toContain(`was awarded ${points} points`);
      expect(await feed(mine.page).getByRole('listitem').first().getByRole('link').getAttribute('href')).toBe(`/app/customers/${ada.id}`);
      await screenshot(mine.page, 'overview-live-feed');
      expect(await seriousAxeViolations(mine.page)).toEqual([]);

      // another merchant's open page heard nothing of it
      const ownCustomer = await upsertCustomer(gateway, other, { shopifyId: shopifyId(), firstName: 'Otto', lastName: 'Other' });
      await award(gateway, other, ownCustomer.id, 7);
      await feed(theirs.page).getByText('Otto Other was awarded 7 points').waitFor();
      expect(await feed(theirs.page).getByRole('listitem').count()).toBe(1);
      expect(await feed(theirs.page).getByText(ada.firstName).count()).toBe(0);
      expect(mine.pageErrors).toEqual([]);
    } finally {
      await mine.close();
      await theirs.close();
    }
  }, 60_000);

  it("shows another merchant its own figures only: none of the demo shop's", async () => {
    // given a merchant of its own with one customer and some points
    const third = await createMerchant(gateway, { currency: 'EUR' });
    const customer = await upsertCustomer(gateway, third, { shopifyId: shopifyId(), firstName: 'Tess', lastName: 'Third' });
    await award(gateway, third, customer.id, 40);
    await settled(third);
    const session = await openDashboard(browser, gateway, third.shop);
    const { page } = session;
    try {
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      const own = await figures(third, 30);
      const demoFigures = await figures(demo, 30);
      expect(own.merchant.customerCount).toBe(1);
      expect(own.pointsSummary.issued).toBe(40);
      await expectFigures(page, own);
      await expectTiers(page, own.tierDistribution);
      await page.getByText('No segment counts in this period yet', { exact: false }).waitFor();
      for (const name of demoFigures.tierDistribution.tiers.map((row) => row.tier.name)) expect(await page.getByText(name, { exact: false }).count()).toBe(0);
      expect(await kpi(page, 'Points issued').getByText(number(demoFigures.pointsSummary.issued), { exact: true }).count()).toBe(0);
      await screenshot(page, 'overview-other-merchant');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 90_000);
});
