import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, seriousAxeViolations, type DashboardSession } from '../support/browser.js';
import { formErrorsOf } from '../../../clients/dashboard/src/forms/field-errors.js';
import { checkRewardForm, EMPTY_REWARD_FORM, onRewardFields } from '../../../clients/dashboard/src/pages/program/rewards/reward-form.js';
import { fieldError } from '../support/form-fields.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { ARCHIVE_REWARD, CREATE_REWARD, createReward, REWARD_FIELDS, UPDATE_REWARD } from '../support/rewards.js';
import { createMerchant, type TestMerchant } from '../support/tenants.js';

const CATALOG = `query { rewards { ${REWARD_FIELDS} } }`;

type Reward = Record<string, unknown> & { id: string; names: { en: string | null; fr: string | null; es: string | null } };

/** Program → Rewards in a real browser: the catalog, created, edited, refused, archived, and kept to its merchant. */
describe('the dashboard’s rewards catalog', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let merchantA: TestMerchant;
  let merchantB: TestMerchant;
  let fiveOff: string;

  const catalogOf = async (merchant: TestMerchant): Promise<Reward[]> => {
    const result = await gateway.gql<{ rewards: Reward[] }>(CATALOG, {}, merchant.auth);
    if (!result.data) throw new Error(`reading rewards failed: ${JSON.stringify(result.errors)}`);
    return result.data.rewards;
  };
  const openRewards = async (merchant: TestMerchant): Promise<DashboardSession> => {
    const session = await openDashboard(browser, gateway, merchant.shop, { path: '/program/rewards' });
    await session.page.getByRole('heading', { name: 'Rewards catalog' }).waitFor();
    return session;
  };
  const rowOf = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
  /** A row's cells as the merchant sees them: without the words Polaris adds for screen readers only (a badge's tone). */
  const cellsOf = async (page: Page, name: string): Promise<string[]> => {
    const texts: string[] = [];
    for (const cell of await rowOf(page, name).getByRole('cell').all()) {
      let text = await cell.innerText();
      for (const hidden of await cell.locator('[class*="visuallyHidden"]').allInnerTexts()) text = text.replace(hidden, '');
      texts.push(text.trim());
    }
    return texts;
  };

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    [merchantA, merchantB] = [await createMerchant(gateway), await createMerchant(gateway)];
    fiveOff = await createReward(gateway, merchantA, { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: '5 euros off' }, pointsCost: 100 });
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('lists the catalog with kind, what it gives, cost and status', async () => {
    const session = await openRewards(merchantA);
    const { page } = session;
    await rowOf(page, '5 euros off').waitFor();
    expect(await cellsOf(page, '5 euros off')).toEqual(['5 euros off', 'Amount off', '€5.00 off', '100 points', 'Active', expect.stringContaining('Edit')]);
    await screenshot(page, 'program-rewards-list');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  it('creates a reward of each shape, then edits one, from the modal', async () => {
    const session = await openRewards(merchantA);
    const { page } = session;

    // when: a percentage reward with a per-customer limit and a window is created
    await page.getByRole('button', { name: 'Create reward' }).click();
    let dialog = page.getByRole('dialog', { name: 'Create reward' });
    await dialog.getByLabel('Kind').selectOption('PERCENTAGE');
    await dialog.getByLabel('Name in English').fill('Ten percent off');
    await dialog.getByLabel('Name in French').fill('Dix pour cent');
    await dialog.getByLabel('Percent off').fill('10');
    await dialog.getByLabel('Points cost').fill('500');
    await dialog.getByLabel('Redemptions allowed per customer').fill('2');
    await dialog.getByLabel('Redeemable from (UTC)').fill('2020-01-01');
    await dialog.getByLabel('Redeemable until (UTC)').fill('2099-12-31');
    await screenshot(page, 'program-rewards-create');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Reward created').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // then: the catalog and the API have it
    await rowOf(page, 'Ten percent off').waitFor();
    expect(await cellsOf(page, 'Ten percent off')).toEqual(['Ten percent off', 'Percentage off', '10% off', '500 points', 'Active', expect.stringContaining('Edit')]);
    const created = (await catalogOf(merchantA)).find((r) => r.names.en === 'Ten percent off');
    expect(created).toMatchObject({
      kind: 'PERCENTAGE',
      names: { en: 'Ten percent off', fr: 'Dix pour cent', es: null },
      pointsCost: 500,
      usageLimitPerCustomer: 2,
      usageLimit: null,
      variantId: null,
      startsAt: '2020-01-01T00:00:00.000Z',
      endsAt: '2099-12-31T00:00:00.000Z',
      active: true,
    });
    expect(Number(created?.value)).toBe(10);

    // and: a free product, switched off, by the variant's gid as admin shows it
    await page.getByRole('button', { name: 'Create reward' }).click();
    dialog = page.getByRole('dialog', { name: 'Create reward' });
    await dialog.getByLabel('Kind').selectOption('FREE_PRODUCT');
    await dialog.getByLabel('Name in Spanish').fill('Calcetines gratis');
    await dialog.getByLabel('Product variant id').fill('gid://shopify/ProductVariant/4455667788');
    await dialog.getByLabel('Points cost').fill('900');
    await dialog.getByLabel('Customers can redeem it').uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await rowOf(page, 'Calcetines gratis').waitFor();
    expect(await cellsOf(page, 'Calcetines gratis')).toEqual(['Calcetines gratis', 'Free product', 'Variant 4455667788', '900 points', 'Inactive', expect.stringContaining('Edit')]);

    // when: the percentage reward is edited into free shipping, with a new cost and no window
    await page.getByRole('button', { name: 'Edit Ten percent off' }).click();
    dialog = page.getByRole('dialog', { name: 'Edit reward' });
    expect(await dialog.getByLabel('Percent off').inputValue()).toBe(String(created?.value));
    expect(await dialog.getByLabel('Redeemable until (UTC)').inputValue()).toBe('2099-12-31');
    await dialog.getByLabel('Kind').selectOption('FREE_SHIPPING');
    await dialog.getByLabel('Points cost').fill('450');
    await dialog.getByLabel('Redeemable from (UTC)').fill('');
    await dialog.getByLabel('Redeemable until (UTC)').fill('');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Reward saved').waitFor();

    // then: the row and the API show the change, the old kind's value cleared
    await page.getByText('Free shipping', { exact: true }).first().waitFor();
    expect(await cellsOf(page, 'Ten percent off')).toEqual(['Ten percent off', 'Free shipping', 'Free shipping', '450 points', 'Active', expect.stringContaining('Edit')]);
    expect((await catalogOf(merchantA)).find((r) => r.id === created?.id)).toMatchObject({ kind: 'FREE_SHIPPING', value: null, pointsCost: 450, startsAt: null, endsAt: null, usageLimitPerCustomer: 2 });
    await screenshot(page, 'program-rewards-edited');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.close();
  });

  it('shows bad input next to its field and creates nothing', async () => {
    const before = await catalogOf(merchantA);
    const session = await openRewards(merchantA);
    const { page } = session;
    await page.getByRole('button', { name: 'Create reward' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create reward' });
    await dialog.getByLabel('Kind').selectOption('FREE_PRODUCT');
    await dialog.getByLabel('Product variant id').fill('socks');
    await dialog.getByLabel('Points cost').fill('0');
    await dialog.getByLabel('Redemptions allowed per customer').fill('5000');
    await dialog.getByLabel('Redeemable from (UTC)').fill('2030-06-01');
    await dialog.getByLabel('Redeemable until (UTC)').fill('2030-01-01');
    await dialog.getByRole('button', { name: 'Save' }).click();

    expect(await fieldError(dialog.getByLabel('Name in English'))).toBe('Give the reward a name in at least one language.');
    expect(await fieldError(dialog.getByLabel('Product variant id'))).toBe('Enter the numeric id of a product variant.');
    expect(await fieldError(dialog.getByLabel('Points cost'))).toBe('Enter a number from 1 to 10,000,000.');
    expect(await fieldError(dialog.getByLabel('Redemptions allowed per customer'))).toBe('Enter a number from 1 to 1,000.');
    expect(await fieldError(dialog.getByLabel('Redeemable until (UTC)'))).toBe('The end must be after the start.');
    expect(await fieldError(dialog.getByLabel('Redemptions allowed in all'))).toBeNull();
    await dialog.getByText('The reward was not saved. Fix the fields marked below.').waitFor();
    await screenshot(page, 'program-rewards-errors');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await catalogOf(merchantA)).toEqual(before);
    await session.close();
  });

  it('puts the API’s own refusals on the fields the form checks, by the paths the API names', async () => {
    const shownFor = async (input: Record<string, unknown>) => {
      const refused = await gateway.gql(CREATE_REWARD, { input }, merchantA.auth);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const shown = formErrorsOf({ graphQLErrors: refused.errors, networkError: undefined } as unknown as Parameters<typeof formErrorsOf>[0]);
      expect(shown.form).toBeNull();
      return Object.keys(onRewardFields(shown.fields)).sort();
    };
    // Sent as the page would send them were its own checks missing.
    expect(await shownFor({ kind: 'FIXED_AMOUNT', value: '5.001', names: { en: 'x'.repeat(101) }, pointsCost: 0, usageLimitPerCustomer: 1001 })).toEqual(
      Object.keys(checkRewardForm({ ...EMPTY_REWARD_FORM, value: '5.001', nameEn: 'x'.repeat(101), pointsCost: '0', usageLimitPerCustomer: '1001' }).problems).sort(),
    );
    expect(await shownFor({ kind: 'FREE_SHIPPING', names: {}, pointsCost: 5 })).toEqual(Object.keys(checkRewardForm({ ...EMPTY_REWARD_FORM, kind: 'FREE_SHIPPING', pointsCost: '5' }).problems));
    expect(await shownFor({ kind: 'FREE_SHIPPING', names: { en: 'Window' }, pointsCost: 5, startsAt: '2030-06-01T00:00:00.000Z', endsAt: '2030-01-01T00:00:00.000Z' })).toEqual(
      Object.keys(checkRewardForm({ ...EMPTY_REWARD_FORM, kind: 'FREE_SHIPPING', nameEn: 'Window', pointsCost: '5', startsAt: '2030-06-01', endsAt: '2030-01-01' }).problems),
    );
  });

  it('archives a reward only once the merchant confirms', async () => {
    const session = await openRewards(merchantA);
    const { page } = session;
    await rowOf(page, '5 euros off').waitFor();

    await page.getByRole('button', { name: 'Archive 5 euros off' }).click();
    let confirm = page.getByRole('dialog', { name: 'Archive 5 euros off?' });
    await confirm.getByText('It leaves the catalog for good').waitFor();
    await screenshot(page, 'program-rewards-archive-confirm');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await catalogOf(merchantA)).some((r) => r.id === fiveOff)).toBe(true);

    await page.getByRole('button', { name: 'Archive 5 euros off' }).click();
    confirm = page.getByRole('dialog', { name: 'Archive 5 euros off?' });
    await confirm.getByRole('button', { name: 'Archive' }).click();
    await page.getByText('Reward archived').waitFor();
    await rowOf(page, '5 euros off').waitFor({ state: 'detached' });
    expect((await catalogOf(merchantA)).some((r) => r.id === fiveOff)).toBe(false);
    await session.close();
  });

  it('shows another merchant none of the catalog, and refuses their edits and archiving of its rewards by id', async () => {
    const own = await createReward(gateway, merchantA, { kind: 'FREE_SHIPPING', value: null, names: { en: 'Ship free, A only' }, pointsCost: 300 });
    const catalogA = await catalogOf(merchantA);

    const session = await openRewards(merchantB);
    const { page } = session;
    await page.getByText('No rewards yet').waitFor();
    for (const reward of catalogA) expect(await page.getByText(reward.names.en ?? reward.names.es ?? '', { exact: true }).count()).toBe(0);
    await screenshot(page, 'program-rewards-other-merchant');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await session.close();

    // The mutations the page sends, with A's id, as B's admin.
    const edited = await gateway.gql<{ updateReward: { __typename: string; code?: string } }>(UPDATE_REWARD, { input: { id: own, pointsCost: 1, names: { en: 'Taken by B' } } }, merchantB.auth);
    expect(edited.data?.updateReward).toMatchObject({ __typename: 'RewardNotFoundError', code: 'REWARD_NOT_FOUND' });
    const archived = await gateway.gql<{ archiveReward: { __typename: string; code?: string } }>(ARCHIVE_REWARD, { id: own }, merchantB.auth);
    expect(archived.data?.archiveReward).toMatchObject({ __typename: 'RewardNotFoundError', code: 'REWARD_NOT_FOUND' });
    expect(await catalogOf(merchantA)).toEqual(catalogA);
    expect(await catalogOf(merchantB)).toEqual([]);
  });
});
