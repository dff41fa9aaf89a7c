import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { ProgramTiersDocument, type ProgramTiersQuery } from '../../../clients/dashboard/src/generated/graphql.js';
import { launchBrowser, openDashboard, screenshot, seriousAxeViolations } from '../support/browser.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createMerchant, type TestMerchant } from '../support/tenants.js';
import { tierInput, tierProgramOf, updateTierProgram } from '../support/tiers.js';
import { descriptionOf, runDashboardOperation, saveForm } from './program-sections.support.js';

/** Program → VIP tiers in a real browser: edits persist, bad values show their field's error, tenants stay apart. */
describe('the dashboard’s VIP tiers section', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let a: TestMerchant;
  let b: TestMerchant;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  beforeEach(async () => {
    await updateTierProgram(gateway, a.auth, { tiers: [tierInput('Bronze', 0), tierInput('Gold', 1000, { earnMultiplier: 1.5 })] });
  });

  it('adds and edits tiers and the qualification; the program persists, read back through the API and after a reload', async () => {
    const { page, pageErrors, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/tiers' });
    const gold = page.getByRole('group', { name: 'Tier 2' });
    await gold.getByLabel('Name (English)').waitFor();
    expect(await gold.getByLabel('Name (English)').inputValue()).toBe('Gold');
    await page.getByRole('row', { name: /^Gold/ }).waitFor();
    await screenshot(page, 'program-tiers-loaded');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Counted over').selectOption('ROLLING_MONTHS');
    await page.getByLabel('Months in the window').fill('6');
    await page.getByLabel('Grace days before a downgrade').fill('14');
    await gold.getByLabel('Threshold').fill('1500');
    await gold.getByLabel('Name (French)').fill('Or');
    await page.getByRole('button', { name: 'Add tier' }).click();
    const platinum = page.getByRole('group', { name: 'Tier 3' });
    await platinum.getByLabel('Name (English)').fill('Platinum');
    await platinum.getByLabel('Threshold').fill('5000');
    await platinum.getByLabel('Earn multiplier').fill('2');
    await platinum.getByLabel('Entry bonus (points)').fill('300');
    await screenshot(page, 'program-tiers-edited');
    await saveForm(page);
    await page.getByText('VIP tiers saved').waitFor();

    const program = await tierProgramOf(gateway, a);
    expect(program).toMatchObject({ period: 'ROLLING_MONTHS', rollingMonths: 6, graceDays: 14 });
    expect(program.tiers.map((tier) => [tier.names, tier.threshold, tier.earnMultiplier, tier.entryBonusPoints])).toEqual([
      [[{ locale: 'EN', text: 'Bronze' }], 0, 1, null],
      [[{ locale: 'EN', text: 'Gold' }, { locale: 'FR', text: 'Or' }], 1500, 1.5, null],
      [[{ locale: 'EN', text: 'Platinum' }], 5000, 2, 300],
    ]);

    await page.reload();
    await platinum.getByLabel('Name (English)').waitFor();
    expect(await platinum.getByLabel('Entry bonus (points)').inputValue()).toBe('300');
    expect(await page.getByLabel('Months in the window').inputValue()).toBe('6');
    await page.getByRole('row', { name: /^Platinum/ }).waitFor();
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('reorders and removes tiers', async () => {
    const { page, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/tiers' });
    const first = page.getByRole('group', { name: 'Tier 1' });
    await first.getByLabel('Name (English)').waitFor();
    await page.getByRole('group', { name: 'Tier 2' }).getByRole('button', { name: 'Move up' }).click();
    expect(await first.getByLabel('Name (English)').inputValue()).toBe('Gold');
    // Gold (1000) now comes first: the thresholds no longer increase, caught before anything is sent.
    await saveForm(page);
    expect(await descriptionOf(page.getByRole('group', { name: 'Tier 2' }).getByLabel('Threshold'))).toContain('Must be above the previous one (1,000)');
    await page.getByRole('group', { name: 'Tier 2' }).getByRole('button', { name: 'Remove' }).click();
    await saveForm(page);
    await page.getByText('VIP tiers saved').waitFor();
    expect((await tierProgramOf(gateway, a)).tiers.map((tier) => [tier.names[0].text, tier.threshold])).toEqual([['Gold', 1000]]);
    await close();
  });

  it('shows a bad value’s error next to its field and saves nothing, whether the form or the server finds it', async () => {
    const before = await tierProgramOf(gateway, a);
    const { page, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/tiers' });
    const gold = page.getByRole('group', { name: 'Tier 2' });
    await gold.getByLabel('Threshold').waitFor();
    await gold.getByLabel('Earn multiplier').fill('12');
    await saveForm(page);
    expect(await descriptionOf(gold.getByLabel('Earn multiplier'))).toContain('Enter a number from 1 to 10');
    await screenshot(page, 'program-tiers-field-error');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Meanwhile another admin ends Gold: the tier the form still holds is gone, which only the server knows.
    await updateTierProgram(gateway, a.auth, { tiers: [tierInput('Bronze', 0)] });
    const changed = await tierProgramOf(gateway, a);
    await gold.getByLabel('Earn multiplier').fill('1.75');
    await saveForm(page);
    await gold.getByText(`No tier ${before.tiers[1].id} in this program`).waitFor();
    await screenshot(page, 'program-tiers-server-error');
    expect(await tierProgramOf(gateway, a)).toEqual(changed);
    await close();
  });

  it('discards unsaved edits back to the saved program, and asks before another tab leaves them', async () => {
    const { page, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/tiers' });
    const gold = page.getByRole('group', { name: 'Tier 2' });
    await gold.getByLabel('Threshold').waitFor();
    await gold.getByLabel('Threshold').fill('4321');
    await page.getByRole('button', { name: 'Remove' }).first().click();
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole('tab', { name: 'Referrals' }).click();
    expect(asked).toBe('You have unsaved changes. Leave this page and lose them?');
    expect(new URL(page.url()).pathname).toBe('/app/program/tiers');
    await page.getByRole('button', { name: 'Discard' }).click();
    expect(await gold.getByLabel('Threshold').inputValue()).toBe('1000');
    expect(await page.getByRole('group', { name: 'Tier 1' }).getByLabel('Name (English)').inputValue()).toBe('Bronze');
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await close();
  });

  it('never shows another merchant’s tiers, and their distribution stays theirs', async () => {
    const { page, close } = await openDashboard(browser, gateway, b.shop, { path: '/program/tiers' });
    await page.getByText('No tiers yet: add one to start the VIP program.').waitFor();
    expect(await page.getByText('Gold').count()).toBe(0);
    expect(await page.getByText('Bronze').count()).toBe(0);
    await screenshot(page, 'program-tiers-other-merchant');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await close();

    const seen = await runDashboardOperation<ProgramTiersQuery>(gateway, b, ProgramTiersDocument, { locale: 'EN' });
    expect(seen.tierProgram.tiers).toEqual([]);
    expect(seen.tierDistribution.tiers).toEqual([]);
  });
});
