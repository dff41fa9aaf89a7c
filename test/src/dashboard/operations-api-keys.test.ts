import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { withOwnerDb } from '../support/db.js';
import { launchBrowser, openDashboard, originOf, screenshot, seriousAxeViolations, type DashboardSession } from '../support/browser.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createMerchant, type TestMerchant } from '../support/tenants.js';

const CUSTOMERS = `query { customers(first: 1) { nodes { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { __typename ... on ErrorResult { code message } } }`;
const KEYS = `query { apiKeys { id name revokedAt } }`;

/** Operations → API keys in a real browser: a partner key is created, its secret shown once, and revoked. */
describe('the dashboard’s API keys', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let a: TestMerchant;
  let b: TestMerchant;
  let session: DashboardSession | undefined;

  const asPartner = (secret: string) => gateway.gql(CUSTOMERS, {}, { authorization: `Bearer ${secret}` });
  const keysOf = async (merchant: TestMerchant) => (await gateway.gql<{ apiKeys: { id: string; name: string; revokedAt: string | null }[] }>(KEYS, {}, merchant.auth)).data!.apiKeys;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await session?.close();
    await browser?.close();
    await gateway?.stop();
  });

  it('checks the form before sending it, naming each field', async () => {
    session = await openDashboard(browser, gateway, a.shop, { path: '/operations/api-keys' });
    const { page } = session;
    await page.getByText('No API keys yet.').waitFor();
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('Enter a name.').waitFor();
    await page.getByText('Choose at least one scope.').waitFor();
    await screenshot(page, 'operations-api-keys-invalid');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await keysOf(a)).toEqual([]);
  });

  it('creates a key and shows its secret once: copied from the modal, gone once it closes and after a reload; the key works as a partner’s', async () => {
    const { page, context } = session!;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: originOf(gateway) });
    await page.getByLabel('Name').fill('Reviews app');
    await page.getByLabel('Read customers').check({ force: true });
    await page.getByRole('button', { name: 'Create key' }).click();

    const dialog = page.getByRole('dialog', { name: 'Your new API key' });
    await dialog.waitFor();
    await dialog.getByText('You will not see it again').waitFor();
    const secret = await dialog.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^lnk_/);
    await dialog.getByRole('button', { name: 'Copy secret' }).click();
    await dialog.getByText('Copied').waitFor();
    // A string, not a function: the test package compiles without the DOM's types.
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await screenshot(page, 'operations-api-keys-secret');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: 'Reviews app' });
    await row.getByText('Active').waitFor();
    await row.getByText(`${secret.slice(0, 12)}…`).waitFor();
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'operations-api-keys-list');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Reviews app' }).waitFor();
    expect(await page.content()).not.toContain(secret);

    const partner = await asPartner(secret);
    expect(partner.errors).toBeUndefined();
    expect(partner.data).toEqual({ customers: { nodes: [] } });
    // Only what it was granted: managing keys is not among a partner's scopes.
    expect((await gateway.gql(KEYS, {}, { authorization: `Bearer ${secret}` })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Revoking it, after a confirmation, makes it fail at once.
    await page.getByRole('button', { name: 'Revoke Reviews app' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke Reviews app?' });
    await confirm.getByText('Apps using this key stop working at once.').waitFor();
    await screenshot(page, 'operations-api-keys-revoke');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('Reviews app is revoked.').waitFor();
    await page.getByRole('row').filter({ hasText: 'Reviews app' }).getByText('Revoked').waitFor();
    expect(await page.getByRole('button', { name: 'Revoke Reviews app' }).count()).toBe(0);
    const refused = await asPartner(secret);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(session!.pageErrors).toEqual([]);
  });

  it('cancelling the confirmation revokes nothing', async () => {
    const { page } = session!;
    await page.getByLabel('Name').fill('Kept key');
    await page.getByLabel('Read points balances and history').check({ force: true });
    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your new API key' });
    const secret = await dialog.getByLabel('Secret').inputValue();
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await page.getByRole('button', { name: 'Revoke Kept key' }).click();
    await page.getByRole('dialog', { name: 'Revoke Kept key?' }).getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('row').filter({ hasText: 'Kept key' }).getByText('Active').waitFor();
    expect((await keysOf(a)).find((k) => k.name === 'Kept key')?.revokedAt).toBeNull();
    const stillWorks = await gateway.gql(`query { pointsLiability { __typename } }`, {}, { authorization: `Bearer ${secret}` });
    expect(stillWorks.errors).toBeUndefined();
  });

  it('another merchant sees none of the keys and cannot revoke one', async () => {
    const other = await openDashboard(browser, gateway, b.shop, { path: '/operations/api-keys' });
    try {
      await other.page.getByText('No API keys yet.').waitFor();
      expect(await other.page.getByText('Reviews app').count()).toBe(0);
      expect(await other.page.getByText('Kept key').count()).toBe(0);
      await screenshot(other.page, 'operations-api-keys-other-merchant');
      expect(await seriousAxeViolations(other.page)).toEqual([]);
    } finally {
      await other.close();
    }
    const kept = (await keysOf(a)).find((k) => k.name === 'Kept key')!;
    const attempt = await gateway.gql<{ revokeApiKey: { __typename: string; code: string } }>(REVOKE, { id: kept.id }, b.auth);
    expect(attempt.data!.revokeApiKey).toMatchObject({ __typename: 'ApiKeyNotFoundError', code: 'API_KEY_NOT_FOUND' });
    expect((await keysOf(a)).find((k) => k.name === 'Kept key')?.revokedAt).toBeNull();
  });

  it('speaks the merchant’s language', async () => {
    await withOwnerDb('merchant', (db) => db.query(`update merchant set primary_locale = 'fr' where id = $1`, [b.id]));
    const french = await openDashboard(browser, gateway, b.shop, { path: '/operations/api-keys' });
    try {
      await french.page.getByText('Aucune clé d’API pour l’instant.').waitFor();
      await french.page.getByRole('tab', { name: 'Journal d’audit' }).waitFor();
      await french.page.getByRole('button', { name: 'Créer la clé' }).click();
      await french.page.getByText('Saisissez un nom.').waitFor();
      await screenshot(french.page, 'operations-api-keys-fr');
      expect(await seriousAxeViolations(french.page)).toEqual([]);
    } finally {
      await french.close();
    }
  });
});
