import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { print, type DocumentNode } from 'graphql';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  CustomerAwardPointsDocument,
  CustomerDeductPointsDocument,
  CustomerDetailDocument,
  CustomerPointsHistoryDocument,
  CustomerRedemptionsDocument,
  CustomersListDocument,
} from '../../../clients/dashboard/src/generated/graphql.js';
import { launchBrowser, openDashboard, screenshot, seriousAxeViolations, type DashboardSession } from '../support/browser.js';
import { startFakeShopify, type FakeShopify } from '../support/fake-shopify.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { installMerchant } from '../support/install.js';
import { award, AWARD, DEDUCT, pointsOf } from '../support/points.js';
import { createReward, redeem, REWARDS_ENV } from '../support/rewards.js';
import { writeSegmentCustomers } from '../support/segments.js';
import { tierInput, updateTierProgram } from '../support/tiers.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from '../support/tenants.js';

/** More than one page of the list (20 a page). */
const A_CUSTOMERS = 23;

/**
 * The customers pages in a real browser, as Shopify admin opens them: merchant A's list, search
 * and paging, a customer's page and its points form; merchant B sees none of A's customers.
 */
describe('the dashboard’s customers pages', () => {
  let fake: FakeShopify;
  let gateway: TestGateway;
  let browser: Browser;
  let a: TestMerchant;
  let b: TestMerchant;
  const aCustomers: CreatedCustomer[] = [];
  let bCustomer: CreatedCustomer;
  let redeemed: { __typename: string; status?: string; discountCode?: string };
  const run = randomUUID().slice(0, 8);
  const emailOf = (i: number) => `member${i}-${run}@example.com`;

  beforeAll(async () => {
    // A is installed against a fake Shopify, which issues the discount codes of its redemptions.
    fake = await startFakeShopify();
    gateway = await startTestGateway('embedded', { ...fake.env, ...REWARDS_ENV, LOYALNEST_DEV: '1' });
    [a, b] = await Promise.all([installMerchant(gateway, fake, 'customers-a'), createMerchant(gateway)]);
    // One at a time: the list is oldest first, and the test reads the pages in that order.
    for (let i = 0; i < A_CUSTOMERS; i++) {
      aCustomers.push(await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: emailOf(i), firstName: `Member${i}`, lastName: 'Alpha' }));
    }
    bCustomer = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: `bravo-${run}@example.com`, firstName: 'Bravo', lastName: 'Only' });
    await updateTierProgram(gateway, a.auth, { tiers: [tierInput('Bronze', 0), tierInput('Silver', 1000)] });
    await award(gateway, a, aCustomers[0].id, 400);
    await award(gateway, a, aCustomers[2].id, 300);
    const reward = await createReward(gateway, a, { names: { en: 'Five euros off' }, pointsCost: 100 });
    redeemed = await redeem(gateway, a.auth, { customerId: aCustomers[2].id, rewardId: reward });
    await writeSegmentCustomers(a.id, [{ customerId: aCustomers[0].id, recency: 5, frequency: 4, monetary: 3, segment: 'champions' }]);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await fake?.close();
  });

  async function open(merchant: TestMerchant, path: string): Promise<DashboardSession> {
    const session = await openDashboard(browser, gateway, merchant.shop, { path });
    await session.page.getByRole('heading', { level: 1 }).first().waitFor();
    return session;
  }

  /** The names in the list's rows, in order, once the list shows `first`. */
  async function rowNames(page: Page, first: string): Promise<string[]> {
    await page.getByRole('link', { name: first, exact: true }).waitFor();
    return page.locator('tbody tr a').allTextContents();
  }

  it('lists the merchant’s customers a page at a time, forward and back', async () => {
    const session = await open(a, '/customers');
    const { page } = session;
    const firstPage = await rowNames(page, 'Member0 Alpha');
    expect(firstPage).toEqual(Array.from({ length: 20 }, (_, i) => `Member${i} Alpha`));
    await expect(page.getByRole('row', { name: /Member0 Alpha/ }).textContent()).resolves.toContain('400');
    await screenshot(page, 'customers-list');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Next' }).click();
    expect(await rowNames(page, 'Member20 Alpha')).toEqual(['Member20 Alpha', 'Member21 Alpha', 'Member22 Alpha']);
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await rowNames(page, 'Member0 Alpha')).toEqual(firstPage);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  it('finds a customer by email, in any case, and says so when none has it', async () => {
    const session = await open(a, '/customers');
    const { page } = session;
    // Member21 is on the second page: seen on the first, it was found.
    await page.getByLabel('Search by email').fill(emailOf(21).toUpperCase());
    expect(await rowNames(page, 'Member21 Alpha')).toEqual(['Member21 Alpha']);
    await screenshot(page, 'customers-search');

    await page.getByLabel('Search by email').fill(`nobody-${run}@example.com`);
    await page.getByText('No customer with that email').waitFor();
    expect(await page.locator('tbody tr a').count()).toBe(0);
    await screenshot(page, 'customers-search-empty');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The row leads to the customer's page.
    await page.getByLabel('Search by email').fill(emailOf(21));
    await page.getByRole('link', { name: 'Member21 Alpha' }).click();
    await page.getByRole('heading', { name: 'Member21 Alpha', level: 1 }).waitFor();
    expect(page.url()).toContain(`/app/customers/${aCustomers[21].id}`);
    await session.close();
  });

  /** The figure a labelled stat shows, once it shows `expected`. */
  async function statShows(page: Page, label: string, expected: string): Promise<void> {
    await page.getByRole('group', { name: label, exact: true }).getByText(expected, { exact: true }).waitFor();
  }

  /** The texts that describe a field (help text and error), by its aria-describedby. */
  async function descriptionOf(page: Page, field: Locator): Promise<string> {
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
    return texts.join(' ');
  }

  it('awards points on a customer’s page and shows the new balance and history without a reload', async () => {
    const customer = aCustomers[0];
    const session = await open(a, `/customers/${customer.id}`);
    const { page } = session;
    await statShows(page, 'Balance', '400');
    await page.evaluate(() => {
      (globalThis as Record<string, unknown>).loadedOnce = true;
    });

    // given what the form refuses before sending
    await page.getByRole('button', { name: 'Award', exact: true }).click();
    await page.getByText('Enter a number of points.').waitFor();
    expect(await descriptionOf(page, page.getByLabel('Points', { exact: true }))).toContain('Enter a number of points.');
    expect(await descriptionOf(page, page.getByLabel('Reason'))).toContain('Enter a reason.');
    await page.getByLabel('Points', { exact: true }).fill('2.5');
    await page.getByLabel('Reason').fill('Thanks for the review');
    await page.getByRole('button', { name: 'Award', exact: true }).click();
    await page.getByText('Enter a whole number of points.').waitFor();
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(400);

    // when
    await page.getByLabel('Points', { exact: true }).fill('750');
    await page.getByRole('button', { name: 'Award', exact: true }).click();

    // then
    await statShows(page, 'Balance', '1,150');
    await page.getByText('750 points awarded.').waitFor();
    await page.getByRole('row', { name: /Thanks for the review/ }).waitFor();
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).loadedOnce)).toBe(true);
    expect((await pointsOf(gateway, a, customer.id)).balance).toBe(1150);
    expect(await page.getByLabel('Points', { exact: true }).inputValue()).toBe('');
    await screenshot(page, 'customer-awarded');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  it('shows a deduction larger than the balance refused next to the amount, and changes nothing', async () => {
    const customer = aCustomers[1];
    await award(gateway, a, customer.id, 120);
    const session = await open(a, `/customers/${customer.id}`);
    const { page } = session;
    await statShows(page, 'Balance', '120');

    await page.getByLabel('Action').selectOption('deduct');
    await page.getByLabel('Points', { exact: true }).fill('5000');
    await page.getByLabel('Reason').fill('Returned goods');
    await page.getByRole('button', { name: 'Deduct', exact: true }).click();

    // The API's own words for it, asked the same way (it is refused there too, so nothing changes).
    const refused = await gateway.gql<{ deductPoints: { __typename: string; message: string } }>(DEDUCT, { input: { customerId: customer.id, points: 5000, reason: 'Returned goods' } }, a.auth);
    expect(refused.data?.deductPoints.__typename).toBe('InsufficientPointsError');
    const message = refused.data!.deductPoints.message;
    await page.getByText(message).waitFor();
    expect(await descriptionOf(page, page.getByLabel('Points', { exact: true }))).toContain(message);
    await statShows(page, 'Balance', '120');
    const account = await pointsOf(gateway, a, customer.id);
    expect(account.balance).toBe(120);
    expect(account.history.nodes.map((entry) => entry.points)).toEqual([120]);
    await screenshot(page, 'customer-deduct-refused');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A deduction the balance covers goes through.
    await page.getByLabel('Points', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Deduct', exact: true }).click();
    await statShows(page, 'Balance', '100');
    await session.close();
  });

  it('shows another merchant’s customer, or an id that is none, as not found, with none of its data', async () => {
    const aCustomer = aCustomers[0];
    for (const id of [aCustomer.id, 'not-a-uuid', randomUUID()]) {
      const session = await open(b, `/customers/${id}`);
      const { page } = session;
      await page.getByRole('heading', { name: 'Customer not found', level: 1 }).waitFor();
      const text = (await page.locator('#root').textContent()) ?? '';
      expect(text).not.toContain('Member0');
      expect(text).not.toContain(aCustomer.email!);
      expect(text).not.toMatch(/extensions|graphQLErrors|\{"/);
      expect(await page.getByLabel('Points', { exact: true }).count()).toBe(0);
      if (id === aCustomer.id) {
        await screenshot(page, 'customer-not-found');
        expect(await seriousAxeViolations(page)).toEqual([]);
      }
      expect(session.pageErrors).toEqual([]);
      await session.close();
    }
  });

  it('lists only the merchant’s own customers, even searching for another’s email', async () => {
    const session = await open(b, '/customers');
    const { page } = session;
    expect(await rowNames(page, 'Bravo Only')).toEqual(['Bravo Only']);
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await page.getByLabel('Search by email').fill(emailOf(0));
    await page.getByText('No customer with that email').waitFor();
    expect(await page.locator('#root').textContent()).not.toContain('Member0');
    expect(bCustomer.id).not.toBe(aCustomers[0].id);
    await session.close();
  });

  it('shows the customer’s tier, referral code and RFM segment', async () => {
    const customer = aCustomers[0];
    const session = await open(a, `/customers/${customer.id}`);
    const { page } = session;
    await page.getByRole('heading', { name: 'RFM segment' }).waitFor();
    await statShows(page, 'Recency', '5 / 5');
    await statShows(page, 'Frequency', '4 / 5');
    await statShows(page, 'Monetary', '3 / 5');
    const code = page.getByRole('group', { name: 'Code', exact: true });
    expect(await code.textContent()).toMatch(/[0-9A-HJKMNP-TV-Z]{8}/);
    await statShows(page, 'Friends referred', '0');
    await page.getByRole('heading', { name: 'VIP tier' }).waitFor();
    await screenshot(page, 'customer-page');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await session.close();
  });

  it('lists a customer’s redemptions with their status and code', async () => {
    expect(redeemed).toMatchObject({ __typename: 'Redemption', status: 'ISSUED' });
    const session = await open(a, `/customers/${aCustomers[2].id}`);
    const { page } = session;
    const row = page.getByRole('row', { name: /Five euros off.*Issued/ });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('Issued');
    expect(text).toContain(redeemed.discountCode);
    await statShows(page, 'Balance', '200');
    await page.getByRole('row', { name: /Redeemed/ }).waitFor();
    await screenshot(page, 'customer-redemptions');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await session.close();
  });

  it('pages through a customer’s points history, newest first', async () => {
    const customer = aCustomers[3];
    for (let i = 1; i <= 12; i++) {
      const result = await gateway.gql<{ awardPoints: { __typename: string } }>(AWARD, { input: { customerId: customer.id, points: i, reason: `Gift ${i}` } }, a.auth);
      expect(result.data?.awardPoints.__typename).toBe('PointsChange');
    }
    const session = await open(a, `/customers/${customer.id}`);
    const { page } = session;
    const history = page.getByRole('region', { name: 'Points history' });
    const reasons = async (last: string) => {
      await history.getByRole('cell', { name: last, exact: true }).waitFor();
      return (await history.locator('tbody tr').allTextContents()).map((row) => /Gift \d+/.exec(row)?.[0]);
    };
    expect(await reasons('Gift 3')).toEqual(Array.from({ length: 10 }, (_, i) => `Gift ${12 - i}`));
    await history.getByRole('button', { name: 'Next' }).click();
    expect(await reasons('Gift 1')).toEqual(['Gift 2', 'Gift 1']);
    await history.getByRole('button', { name: 'Previous' }).click();
    expect(await reasons('Gift 12')).toHaveLength(10);
    await session.close();
  });

  /** One of the dashboard's own operations, as merchant B would send it. */
  async function asB<T>(document: DocumentNode, variables: Record<string, unknown>): Promise<T> {
    const result = await gateway.gql<T>(print(document), variables, b.auth);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  it('answers the pages’ own operations for another merchant’s customer with nothing of it, and changes nothing', async () => {
    const id = aCustomers[0].id;
    const before = await pointsOf(gateway, a, id);
    for (const document of [CustomerDetailDocument, CustomerPointsHistoryDocument, CustomerRedemptionsDocument]) {
      expect(await asB(document, { id, first: 10, locale: 'EN' })).toEqual({ customer: null });
    }
    const list = await asB<{ customers: { nodes: { id: string }[] } }>(CustomersListDocument, { email: aCustomers[0].email, first: 20 });
    expect(list.customers.nodes).toEqual([]);
    const awarded = await asB<{ awardPoints: { __typename: string } }>(CustomerAwardPointsDocument, { input: { customerId: id, points: 5, reason: 'not mine' } });
    expect(awarded.awardPoints.__typename).toBe('CustomerNotFoundError');
    const deducted = await asB<{ deductPoints: { __typename: string } }>(CustomerDeductPointsDocument, { input: { customerId: id, points: 5, reason: 'not mine' } });
    expect(deducted.deductPoints.__typename).toBe('CustomerNotFoundError');
    expect(await pointsOf(gateway, a, id)).toEqual(before);
  });
});
