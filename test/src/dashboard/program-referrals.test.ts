import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  ProgramReferralApproveDocument,
  ProgramReferralsDocument,
  ProgramReferralsListDocument,
  type ProgramReferralApproveMutation,
  type ProgramReferralsListQuery,
  type ProgramReferralsQuery,
} from '../../../clients/dashboard/src/generated/graphql.js';
import { launchBrowser, openDashboard, screenshot, seriousAxeViolations } from '../support/browser.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { referralRow, seedReferral, type SeededReferral } from '../support/referral-seed.js';
import { PROGRAM_ON, REFERRAL_PROGRAM, storedReferralProgram, updateReferralProgram } from '../support/referrals.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from '../support/tenants.js';
import { descriptionOf, runDashboardOperation, saveForm } from './program-sections.support.js';

const BLOCKED = { status: 'BLOCKED', fraud: { verdict: 'BLOCKED', reasons: [{ reason: 'SELF_REFERRAL', action: 'BLOCK', stage: 'CLAIM', explanation: 'The friend is the advocate.' }] } };

/** Program → Referrals in a real browser: the program's edits persist, referrals are reviewed, tenants stay apart. */
describe('the dashboard’s Referrals section', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let a: TestMerchant;
  let b: TestMerchant;
  let blocked: SeededReferral;
  let claimed: SeededReferral;

  async function programOf(merchant: TestMerchant): Promise<Record<string, unknown>> {
    const result = await gateway.gql<{ referralProgram: Record<string, unknown> }>(REFERRAL_PROGRAM, {}, merchant.auth);
    return result.data!.referralProgram;
  }

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    await updateReferralProgram(gateway, a.auth, { ...PROGRAM_ON, lifetimeCap: 10 });
    const [ann, bob] = await Promise.all([
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'ann@example.com' }),
      upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'bob@example.com' }),
    ]);
    blocked = await seedReferral(gateway, a, { ...BLOCKED, advocateId: ann.id });
    claimed = await seedReferral(gateway, a, { advocateId: bob.id, claimedAt: new Date(Date.now() - 7_200_000) });
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('edits every kind of setting; the program persists, read back through the API and after a reload', async () => {
    const { page, pageErrors, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/referrals' });
    await page.getByLabel('Points for the referrer').waitFor();
    expect(await page.getByLabel('Referrals are on').isChecked()).toBe(true);
    await page.getByRole('row', { name: /ann@example\.com/ }).waitFor();
    await screenshot(page, 'program-referrals-loaded');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Points for the referrer').fill('750');
    await page.getByLabel('Discount', { exact: true }).selectOption('FIXED_AMOUNT');
    await page.getByLabel('Amount off (EUR)').fill('5');
    await page.getByLabel('Code valid for (days)').fill('');
    await page.getByLabel('The code works for one order only').uncheck();
    await page.getByLabel('The friend’s first order counts once').selectOption('ORDER_FULFILLED');
    await page.getByLabel('Minimum qualifying order (EUR)').fill('20.50');
    await page.getByLabel('Days before the referrer is paid').fill('7');
    await page.getByLabel('Rewarded referrals per referrer per month').fill('2');
    await page.getByLabel('Same IP address as the referrer').selectOption('BLOCK');
    await page.getByLabel('Claims from one IP address in 7 days that count as a burst').fill('25');
    await saveForm(page);
    await page.getByText('Referral program saved').waitFor();

    expect(await programOf(a)).toMatchObject({
      enabled: true,
      advocatePoints: 750,
      friendReward: { kind: 'FIXED_AMOUNT', value: '5.00', minimumOrderAmount: null, expiryDays: null, singleUse: false, oncePerCustomer: true },
      conversionRule: 'ORDER_FULFILLED',
      minimumOrderValue: '20.50',
      holdDays: 7,
      monthlyCap: 2,
      lifetimeCap: 10,
      claimBurstPerWeek: 25,
    });
    expect((await programOf(a)).fraudChecks).toContainEqual({ check: 'SAME_IP_AS_ADVOCATE', action: 'BLOCK' });

    await page.reload();
    await page.getByLabel('Points for the referrer').waitFor();
    expect(await page.getByLabel('Points for the referrer').inputValue()).toBe('750');
    expect(await page.getByLabel('Amount off (EUR)').inputValue()).toBe('5.00');
    expect(await page.getByLabel('Same IP address as the referrer').inputValue()).toBe('BLOCK');
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('shows a bad value’s error next to its field and saves nothing', async () => {
    const before = await storedReferralProgram(a.id);
    const { page, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/referrals' });
    const monthly = page.getByLabel('Rewarded referrals per referrer per month');
    await monthly.waitFor();
    await monthly.fill('11');
    await page.getByLabel('Points for the referrer').fill('0');
    await saveForm(page);
    expect(await descriptionOf(monthly)).toContain('Must not be above the lifetime cap (10)');
    expect(await descriptionOf(page.getByLabel('Points for the referrer'))).toContain('Enter a whole number from 1 to 1,000,000');
    await screenshot(page, 'program-referrals-field-error');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await storedReferralProgram(a.id)).toBe(before);
    await close();
  });

  it('approves a blocked referral and rejects a claimed one with a note, where their status allows', async () => {
    const { page, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/referrals' });
    const annRow = page.getByRole('row', { name: /ann@example\.com/ });
    const bobRow = page.getByRole('row', { name: /bob@example\.com/ });
    await annRow.waitFor();
    expect(await bobRow.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    await annRow.getByRole('button', { name: /Approve/ }).click();
    await page.getByText('Referral approved').waitFor();
    expect((await referralRow(a, blocked.id)).status).toBe('CLAIMED');

    await bobRow.getByRole('button', { name: /Reject/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Note (optional)').fill('Same household');
    await screenshot(page, 'program-referrals-reject');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await page.getByText('Referral rejected').waitFor();
    expect(await referralRow(a, claimed.id)).toMatchObject({ status: 'REJECTED', rejection_reason: 'Same household' });
    await bobRow.getByText('Rejected').waitFor();
    expect(await bobRow.getByRole('button', { name: /Reject/ }).count()).toBe(0);
    await close();
  });

  it('pages through the referrals by cursor and filters them by status', async () => {
    const c = await createMerchant(gateway);
    const advocate = await upsertCustomer(gateway, c, { shopifyId: shopifyId(), email: 'cleo@example.com' });
    // 21 claims an hour apart, the newest first: a page of 20, then the oldest alone.
    for (let i = 0; i < 21; i++) {
      await seedReferral(gateway, c, { advocateId: advocate.id, claimedAt: new Date(Date.now() - (i + 1) * 3_600_000), ...(i === 20 ? BLOCKED : {}) });
    }
    const { page, close } = await openDashboard(browser, gateway, c.shop, { path: '/program/referrals' });
    const rows = page.getByRole('row', { name: /cleo@example\.com/ });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    expect(await page.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: /Approve/ }).waitFor();
    expect(await rows.count()).toBe(1);
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 20");

    await page.getByLabel('Status').selectOption('BLOCKED');
    await page.waitForFunction("document.querySelectorAll('tbody tr').length === 1");
    expect(await rows.first().getByText('Blocked').count()).toBe(1);
    await close();
  });

  it('never shows another merchant’s program or referrals, and cannot approve theirs', async () => {
    const { page, close } = await openDashboard(browser, gateway, b.shop, { path: '/program/referrals' });
    await page.getByText('No referrals yet').waitFor();
    expect(await page.getByLabel('Referrals are on').isChecked()).toBe(false);
    expect(await page.getByText('ann@example.com').count()).toBe(0);
    await screenshot(page, 'program-referrals-other-merchant');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await close();

    const program = await runDashboardOperation<ProgramReferralsQuery>(gateway, b, ProgramReferralsDocument);
    expect(program.referralProgram).toMatchObject({ enabled: false, version: 0 });
    expect(program.referralStats.claims).toBe(0);
    const list = await runDashboardOperation<ProgramReferralsListQuery>(gateway, b, ProgramReferralsListDocument, { status: 'BLOCKED' });
    expect(list.referrals.nodes).toEqual([]);
    const seeded = await seedReferral(gateway, a, BLOCKED);
    const approve = await runDashboardOperation<ProgramReferralApproveMutation>(gateway, b, ProgramReferralApproveDocument, { id: seeded.id });
    expect(approve.approveReferral).toMatchObject({ __typename: 'ReferralNotFoundError', code: 'REFERRAL_NOT_FOUND' });
    expect((await referralRow(a, seeded.id)).status).toBe('BLOCKED');
  });
});
