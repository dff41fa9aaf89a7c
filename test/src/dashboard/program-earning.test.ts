import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, seriousAxeViolations, type DashboardSession } from '../support/browser.js';
import { formErrorsOf } from '../../../clients/dashboard/src/forms/field-errors.js';
import { checkEarningForm, earningFormOf } from '../../../clients/dashboard/src/pages/program/earning/earning-form.js';
import type { ProgramEarningRulesFieldsFragment } from '../../../clients/dashboard/src/generated/graphql.js';
import { fieldError, nextDialog } from '../support/form-fields.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createMerchant, type TestMerchant } from '../support/tenants.js';

const EARNING_RULES = `query { earningRules { pointsPerCurrencyUnit signupBonus expiryPolicy expiryMonths activities { key name points limit } } }`;
const ALL_RULES = `query { earningRules { enabled earnOn pointsPerCurrencyUnit excludeShipping excludeTaxes excludeDiscounts rounding signupBonus birthdayBonus pendingDays allowNegativeBalance expiryPolicy expiryMonths expiryWarningDays pointValue activities { key name points limit } } }`;
const UPDATE_EARNING_RULES = `mutation($input: UpdateEarningRulesInput!) { updateEarningRules(input: $input) { pointsPerCurrencyUnit } }`;

interface Rules {
  pointsPerCurrencyUnit: number;
  signupBonus: number;
  expiryPolicy: string;
  expiryMonths: number;
  activities: { key: string; name: string; points: number; limit: string }[];
}

/** Program → Earning in a real browser: the earning rules and activities, saved, refused, guarded, and kept to their merchant. */
describe('the dashboard’s earning rules', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let merchantA: TestMerchant;
  let merchantB: TestMerchant;

  const rulesOf = async (merchant: TestMerchant): Promise<Rules> => {
    const result = await gateway.gql<{ earningRules: Rules }>(EARNING_RULES, {}, merchant.auth);
    if (!result.data) throw new Error(`reading earning rules failed: ${JSON.stringify(result.errors)}`);
    return result.data.earningRules;
  };

  const openEarning = async (merchant: TestMerchant): Promise<DashboardSession> => {
    const session = await openDashboard(browser, gateway, merchant.shop, { path: '/program/earning' });
    await pointsPerEuro(session.page).waitFor();
    return session;
  };
  const pointsPerEuro = (page: Page) => page.getByLabel('Points per EUR spent');
  const saveBar = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    [merchantA, merchantB] = [await createMerchant(gateway), await createMerchant(gateway)];
    const seeded = await gateway.gql(
      UPDATE_EARNING_RULES,
      { input: { pointsPerCurrencyUnit: 2, signupBonus: 250, activities: [{ key: 'instagram_follow', name: 'Follow us on Instagram', points: 50, limit: 'ONCE' }] } },
      merchantA.auth,
    );
    expect(seeded.errors).toBeUndefined();
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('shows the merchant’s rules, and an edit saved from the save bar persists across a reload and through the API', async () => {
    const session = await openEarning(merchantA);
    const { page } = session;
    expect(await pointsPerEuro(page).inputValue()).toBe('2');
    expect(await page.getByLabel('Points for creating an account').inputValue()).toBe('250');
    const instagram = page.getByRole('group', { name: 'Activity 1' });
    expect(await instagram.getByLabel('Key').inputValue()).toBe('instagram_follow');
    expect(await saveBar(page).count()).toBe(0);
    await screenshot(page, 'program-earning-loaded');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // when: the merchant changes the rate, lets points expire, and adds an activity
    await pointsPerEuro(page).fill('3,5');
    await page.getByLabel('Points expire').selectOption('AFTER_EARNING');
    await page.getByLabel('Months before points expire').fill('18');
    await page.getByRole('button', { name: 'Add activity' }).click();
    const review = page.getByRole('group', { name: 'Activity 2' });
    await review.getByLabel('Key').fill('product_review');
    await review.getByLabel('Name').fill('Review a product');
    await review.getByLabel('Points').fill('20');
    await review.getByLabel('How often').selectOption('DAILY');
    await instagram.getByLabel('Points').fill('75');
    await screenshot(page, 'program-earning-dirty');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveBar(page).click();
    await page.getByText('Earning rules saved').waitFor();
    await saveBar(page).waitFor({ state: 'detached' });
    await screenshot(page, 'program-earning-saved');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // then: the API has it, and so does the page after a reload
    const rules = await rulesOf(merchantA);
    expect(rules).toMatchObject({ pointsPerCurrencyUnit: 3.5, signupBonus: 250, expiryPolicy: 'AFTER_EARNING', expiryMonths: 18 });
    expect(rules.activities).toEqual([
      { key: 'instagram_follow', name: 'Follow us on Instagram', points: 75, limit: 'ONCE' },
      { key: 'product_review', name: 'Review a product', points: 20, limit: 'DAILY' },
    ]);
    await page.reload();
    await pointsPerEuro(page).waitFor();
    expect(await pointsPerEuro(page).inputValue()).toBe('3.5');
    expect(await page.getByLabel('Months before points expire').inputValue()).toBe('18');
    expect(await page.getByRole('group', { name: 'Activity 2' }).getByLabel('Name').inputValue()).toBe('Review a product');

    // and: removing an activity saves the shorter list
    await page.getByRole('button', { name: 'Remove activity 1' }).click();
    await saveBar(page).click();
    await page.getByText('Earning rules saved').waitFor();
    expect((await rulesOf(merchantA)).activities.map((a) => a.key)).toEqual(['product_review']);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  it('shows bad input next to its field and saves nothing', async () => {
    const before = await rulesOf(merchantA);
    const session = await openEarning(merchantA);
    const { page } = session;

    await pointsPerEuro(page).fill('-1');
    await page.getByLabel('Points for creating an account').fill('12.5');
    await page.getByRole('button', { name: 'Add activity' }).click();
    const added = page.getByRole('group', { name: `Activity ${before.activities.length + 1}` });
    await added.getByLabel('Key').fill(before.activities[0].key);
    await added.getByLabel('Name').fill('Again');
    await added.getByLabel('Points').fill('0');
    await saveBar(page).click();

    expect(await fieldError(pointsPerEuro(page))).toBe('Enter a number from 0 to 1,000.');
    expect(await fieldError(page.getByLabel('Points for creating an account'))).toBe('Enter a whole number.');
    expect(await fieldError(added.getByLabel('Key'))).toBe('Another activity already has this key.');
    expect(await fieldError(added.getByLabel('Points'))).toBe('Enter a number from 1 to 100,000.');
    expect(await fieldError(added.getByLabel('Name'))).toBeNull();
    await page.getByText('The earning rules were not saved. Fix the fields marked below.').waitFor();
    await screenshot(page, 'program-earning-errors');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await rulesOf(merchantA)).toEqual(before);

    // Correcting a field takes its error away; the others stay until they are fixed.
    await pointsPerEuro(page).fill('4');
    expect(await fieldError(pointsPerEuro(page))).toBeNull();
    expect(await fieldError(page.getByLabel('Points for creating an account'))).toBe('Enter a whole number.');
    await session.close();
  });

  it('puts the API’s own refusals on the fields the form checks, by the paths the API names', async () => {
    // Sent as the page would send it were its own checks missing: the server's bounds are the same.
    const all = await gateway.gql<{ earningRules: ProgramEarningRulesFieldsFragment }>(ALL_RULES, {}, merchantA.auth);
    const form = { ...earningFormOf(all.data!.earningRules), signupBonus: '100001', activities: [{ key: 'ok_key', name: 'Fine', points: '0', limit: 'ONCE' as const }] };
    const { problems } = checkEarningForm(form);
    const refused = await gateway.gql(UPDATE_EARNING_RULES, { input: { signupBonus: 100_001, activities: [{ key: 'ok_key', name: 'Fine', points: 0, limit: 'ONCE' }] } }, merchantA.auth);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const shown = formErrorsOf({ graphQLErrors: refused.errors, networkError: undefined } as unknown as Parameters<typeof formErrorsOf>[0]);
    expect(shown.form).toBeNull();
    expect(Object.keys(shown.fields).sort()).toEqual(Object.keys(problems).sort());
    expect(Object.keys(problems).sort()).toEqual(['activities.0.points', 'signupBonus']);

    const duplicate = await gateway.gql(UPDATE_EARNING_RULES, { input: { activities: [{ key: 'a', name: 'A', points: 1, limit: 'ONCE' }, { key: 'a', name: 'B', points: 1, limit: 'ONCE' }] } }, merchantA.auth);
    expect(Object.keys(formErrorsOf({ graphQLErrors: duplicate.errors, networkError: undefined } as unknown as Parameters<typeof formErrorsOf>[0]).fields)).toEqual(['activities']);
  });

  it('asks before leaving with unsaved changes, and stays when the merchant declines', async () => {
    const session = await openEarning(merchantA);
    const { page } = session;
    const before = await pointsPerEuro(page).inputValue();
    await pointsPerEuro(page).fill('9');

    // Another tab of the program page moves the router from a button, not a link.
    const asked = nextDialog(page, false);
    await page.getByRole('tab', { name: 'Rewards' }).click();
    expect(await asked).toBe('You have unsaved changes. Leave this page and lose them?');
    expect(new URL(page.url()).pathname).toBe('/app/program/earning');
    expect(await pointsPerEuro(page).inputValue()).toBe('9');

    // Discard puts back what was loaded, and then nothing asks.
    await page.getByRole('button', { name: 'Discard' }).click();
    expect(await pointsPerEuro(page).inputValue()).toBe(before);
    let askedAgain = false;
    page.once('dialog', (dialog) => {
      askedAgain = true;
      void dialog.dismiss();
    });
    await page.getByRole('tab', { name: 'Rewards' }).click();
    await page.waitForURL(/\/app\/program\/rewards/);
    expect(askedAgain).toBe(false);
    expect((await rulesOf(merchantA)).pointsPerCurrencyUnit).toBe(Number(before));
    await session.close();
  });

  it('speaks the merchant’s language, its own checks included', async () => {
    const french = await createMerchant(gateway);
    const switched = await gateway.gql<{ updateMerchantSettings: { __typename: string } }>('mutation { updateMerchantSettings(input: { primaryLocale: FR }) { __typename } }', {}, french.auth);
    expect(switched.data?.updateMerchantSettings.__typename).toBe('Merchant');
    const session = await openDashboard(browser, gateway, french.shop, { path: '/program/earning' });
    const { page } = session;
    const rate = page.getByLabel('Points par EUR dépensé');
    await rate.waitFor();
    await rate.fill('1,234');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    expect(await fieldError(rate)).toBe('Utilisez au plus 2 décimales.');
    await page.getByText('Les règles n’ont pas été enregistrées.', { exact: false }).waitFor();
    await screenshot(page, 'program-earning-french');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await session.close();
  });

  it('shows another merchant only their own rules, and their saves change only their own', async () => {
    const rulesOfA = await rulesOf(merchantA);
    const session = await openEarning(merchantB);
    const { page } = session;
    expect(await pointsPerEuro(page).inputValue()).toBe('1');
    expect(await page.getByLabel('Points for creating an account').inputValue()).toBe('0');
    expect(await page.getByText('No activities yet.').count()).toBe(1);
    expect(await page.getByRole('group', { name: 'Activity 1' }).count()).toBe(0);
    await screenshot(page, 'program-earning-other-merchant');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await pointsPerEuro(page).fill('7');
    await saveBar(page).click();
    await page.getByText('Earning rules saved').waitFor();
    expect((await rulesOf(merchantB)).pointsPerCurrencyUnit).toBe(7);
    expect(await rulesOf(merchantA)).toEqual(rulesOfA);
    await session.close();
  });
});
