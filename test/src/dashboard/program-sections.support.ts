import type { DocumentNode } from 'graphql';
import { print } from 'graphql';
import type { Locator, Page } from 'playwright-core';
import type { TestGateway } from '../support/gateway.js';
import type { TestMerchant } from '../support/tenants.js';

/**
 * What a field's accessible description says: Polaris ties a field's error (and help text) to it
 * through aria-describedby, so this is the error shown next to that field, not anywhere on the page.
 */
export async function descriptionOf(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Clicks Save on the save bar a dirty form shows. */
export async function saveForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

/** One of the dashboard's own operations, as its generated document, run as `merchant`'s admin. */
export async function runDashboardOperation<T>(gateway: TestGateway, merchant: TestMerchant, document: DocumentNode, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gateway.gql<T>(print(document), variables, merchant.auth);
  if (result.errors?.length || !result.data) throw new Error(`${JSON.stringify(result.errors)}`);
  return result.data;
}
