import type { Locator, Page } from 'playwright-core';

/**
 * The error Polaris shows next to a field (its InlineError, `<input id>Error`, which the input
 * names in aria-describedby), or null when the field shows none.
 */
export async function fieldError(field: Locator): Promise<string | null> {
  const id = await field.getAttribute('id');
  if (!id) throw new Error('the field has no id, so Polaris gave it no error element');
  const described = (await field.getAttribute('aria-describedby')) ?? '';
  if (!described.split(' ').includes(`${id}Error`)) return null;
  return (await field.page().locator(`[id="${id}Error"]`).innerText()).trim();
}

/**
 * Answers the next dialog the page opens (window.confirm) and returns its message; `accept`
 * false declines it, as a merchant who wants to stay would.
 */
export function nextDialog(page: Page, accept: boolean): Promise<string> {
  return new Promise((resolve) => {
    page.once('dialog', (dialog) => {
      const message = dialog.message();
      void (accept ? dialog.accept() : dialog.dismiss()).then(() => resolve(message));
    });
  });
}
