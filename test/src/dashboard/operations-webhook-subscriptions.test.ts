import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, originOf, screenshot, seriousAxeViolations, type DashboardSession } from '../support/browser.js';
import { withOwnerDb } from '../support/db.js';
import { eventually } from '../support/events.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from '../support/tenants.js';
import { deleteWebhookSubscriptions } from '../support/webhook-receiver.js';
import { NOWHERE as NOBODY_LISTENS } from '../support/webhook-subscriptions.js';

/**
 * Nobody listens there: every attempt of a delivery to it is refused, so it stays waiting. Neither
 * URL is a prefix of the other: the tests find rows and buttons by them.
 */
const NOWHERE = `${NOBODY_LISTENS}/loyalnest`;
const FLAKY = `${NOBODY_LISTENS}/flaky`;

const SUBSCRIPTIONS = `query { webhookSubscriptions { id url topics description status disabledReason secretPrefix } }`;
const DELIVERIES = `query($filter: WebhookSubscriptionDeliveryFilter) {
  webhookSubscriptionDeliveries(first: 50, filter: $filter) { nodes { id subscriptionId topic status replayedAt nextAttemptAt } }
}`;
const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { __typename ... on WebhookSubscriptionCreated { secret subscription { id } } }
}`;

interface Subscription {
  id: string;
  url: string;
  topics: string[];
  description: string | null;
  status: string;
  disabledReason: string | null;
  secretPrefix: string;
}
interface Delivery {
  id: string;
  subscriptionId: string;
  topic: string;
  status: string;
  replayedAt: string | null;
  nextAttemptAt: string | null;
}

/** Operations → Webhook subscriptions in a real browser: subscribing, the secret shown once, the banner for an endpoint failures turned off, deliveries and Replay. */
describe('the dashboard’s webhook subscriptions', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let a: TestMerchant;
  let b: TestMerchant;
  let session: DashboardSession | undefined;
  const others: DashboardSession[] = [];

  const subscriptionsOf = async (merchant: TestMerchant) => (await gateway.gql<{ webhookSubscriptions: Subscription[] }>(SUBSCRIPTIONS, {}, merchant.auth)).data!.webhookSubscriptions;
  const deliveriesOf = async (merchant: TestMerchant, subscriptionId: string) =>
    (await gateway.gql<{ webhookSubscriptionDeliveries: { nodes: Delivery[] } }>(DELIVERIES, { filter: { subscriptionId } }, merchant.auth)).data!.webhookSubscriptionDeliveries.nodes;
  const openOther = async (merchant: TestMerchant, path: string): Promise<Page> => {
    const other = await openDashboard(browser, gateway, merchant.shop, { path });
    others.push(other);
    return other.page;
  };
  const subscriptionRow = (page: Page, url: string) => page.getByRole('row').filter({ hasText: url });

  beforeAll(async () => {
    // Development: the endpoint policy is `local`, so receivers on this machine (http, loopback) are accepted.
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    for (const other of others) await other.close();
    await session?.close();
    await browser?.close();
    // After the gateway stopped: no drain is recording while the rows go.
    await gateway?.stop();
    if (a && b) await deleteWebhookSubscriptions([a.id, b.id]);
  });

  it('checks the form before sending it, and shows the API’s refusal of an endpoint next to the URL', async () => {
    session = await openDashboard(browser, gateway, a.shop, { path: '/operations/webhook-subscriptions' });
    const { page } = session;
    await page.getByText('No webhook subscriptions yet.').waitFor();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Enter the endpoint’s URL.').waitFor();
    await page.getByText('Choose at least one event.').waitFor();
    await screenshot(page, 'operations-webhook-subscriptions-invalid');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Endpoint URL').fill('ftp://example.com/hooks');
    await page.getByLabel('A customer joined').check({ force: true });
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Enter a full web address, starting with https://.').waitFor();

    // Only the API can judge the endpoint: this one carries credentials.
    await page.getByLabel('Endpoint URL').fill('http://user:secret@127.0.0.1:9/hooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Leave the user name and password out of the address.').waitFor();
    expect(await subscriptionsOf(a)).toEqual([]);
  });

  it('adds an endpoint and shows its secret once: copied from the dialog, gone once it closes and after a reload', async () => {
    const { page, context } = session!;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: originOf(gateway) });
    await page.getByLabel('Endpoint URL').fill(NOWHERE);
    await page.getByLabel('Description').fill('Reviews app');
    // Still checked from the refused attempt: the form keeps what was entered.
    expect(await page.getByLabel('A customer joined').isChecked()).toBe(true);
    await page.getByLabel('Points earned').check({ force: true });
    await page.getByRole('button', { name: 'Add endpoint' }).click();

    const dialog = page.getByRole('dialog', { name: 'The endpoint’s signing secret' });
    await dialog.waitFor();
    await dialog.getByText('You will not see it again').waitFor();
    const secret = await dialog.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole('button', { name: 'Copy secret' }).click();
    await dialog.getByText('Copied').waitFor();
    // A string, not a function: the test package compiles without the DOM's types.
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await screenshot(page, 'operations-webhook-subscriptions-secret');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [subscription] = await subscriptionsOf(a);
    expect(subscription).toMatchObject({ url: NOWHERE, topics: ['CUSTOMER_CREATED', 'POINTS_EARNED'], description: 'Reviews app', status: 'ACTIVE' });
    expect(secret.startsWith(subscription.secretPrefix)).toBe(true);
    const row = subscriptionRow(page, NOWHERE);
    await row.getByText('Active').waitFor();
    await row.getByText('Reviews app').waitFor();
    await row.getByText(`Secret ${subscription.secretPrefix}…`).waitFor();
    await row.getByText('customer.created').waitFor();
    expect(await page.content()).not.toContain(secret);
    await screenshot(page, 'operations-webhook-subscriptions-list');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.reload();
    await subscriptionRow(page, NOWHERE).getByText('Active').waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('lists the deliveries an event made, with the last answer, and replays a failed one with the same id', async () => {
    const { page } = session!;
    const [subscription] = await subscriptionsOf(a);
    await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `hooks${Math.random().toString(36).slice(2)}@example.com` });
    const [delivery] = await eventually(async () => {
      const found = await deliveriesOf(a, subscription.id);
      return found.length ? found : undefined;
    }, 15_000, 'the customer.created delivery');
    // The dispatcher's first attempt (refused: nobody listens) is recorded and its lease released
    // before the row is set as it leaves one whose retry window ran out: an attempt still in flight
    // would otherwise record over it. Its next try is 30 s away (the backoff), past this test.
    await eventually(
      () =>
        withOwnerDb('merchant', async (db) => {
          const { rows } = await db.query<{ attempts: number; lease_owner: string | null }>(
            'select d.attempts, s.lease_owner from webhook_subscription_delivery d join webhook_subscription s on s.id = d.subscription_id where d.id = $1',
            [delivery.id],
          );
          return rows[0]?.attempts > 0 && rows[0].lease_owner === null;
        }),
      15_000,
      'the first attempt recorded',
    );
    await withOwnerDb('merchant', (db) =>
      db.query(
        `update webhook_subscription_delivery set status = 'failed', attempts = 12, next_attempt_at = now() + interval '1 day',
           last_attempt_at = now() - interval '1 hour', last_status_code = 503, last_error = 'HTTP 503', last_response_excerpt = 'upstream unavailable'
         where id = $1`,
        [delivery.id],
      ),
    );

    await page.getByRole('button', { name: 'Refresh' }).click();
    const deliveryRow = page.getByRole('row').filter({ hasText: delivery.id });
    await deliveryRow.getByText('Failed').waitFor();
    await deliveryRow.getByText('HTTP 503').waitFor();
    await deliveryRow.getByText('upstream unavailable').waitFor();
    await deliveryRow.getByText('customer.created').waitFor();
    await screenshot(page, 'operations-webhook-subscriptions-deliveries');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('replayWebhookSubscriptionDelivery'));
    await deliveryRow.getByRole('button', { name: `Replay customer.created ${delivery.id}` }).click();
    // The API's answer, before the dispatcher tries it again (and fails again: nobody listens):
    // pending, the same delivery (receivers dedupe on its id), due at once rather than tomorrow.
    const { data } = (await (await answered).json()) as { data: { replayWebhookSubscriptionDelivery: Delivery } };
    expect(data.replayWebhookSubscriptionDelivery).toMatchObject({ id: delivery.id, status: 'PENDING', replayedAt: expect.any(String) });
    expect(Date.parse(data.replayWebhookSubscriptionDelivery.nextAttemptAt!)).toBeLessThan(Date.now() + 60_000);
    await page.getByText('customer.created is being sent again.').waitFor();
    await deliveryRow.getByText('Waiting').waitFor();
    await deliveryRow.getByText(/^Replayed /).waitFor();
    expect((await deliveriesOf(a, subscription.id)).find((d) => d.id === delivery.id)).toMatchObject({ status: 'PENDING', replayedAt: data.replayWebhookSubscriptionDelivery.replayedAt });
    await screenshot(page, 'operations-webhook-subscriptions-replayed');
    expect(session!.pageErrors).toEqual([]);
  });

  it('warns on every operations tab when failures turned a subscription off, links to the tab, and turning it on clears the warning', async () => {
    const created = await gateway.gql<{ createWebhookSubscription: { subscription: { id: string } } }>(CREATE, { input: { url: FLAKY, topics: ['TIER_CHANGED'] } }, a.auth);
    const id = created.data!.createWebhookSubscription.subscription.id;
    // As the dispatcher leaves a subscription after 20 failed attempts over 3 days.
    await withOwnerDb('merchant', (db) =>
      db.query(
        `update webhook_subscription set status = 'disabled', disabled_reason = 'failures', disabled_at = '2026-12-04T12:00:00Z',
           consecutive_failures = 20, failing_since = '2026-12-01T12:00:00Z', last_failure_at = '2026-12-04T12:00:00Z' where id = $1`,
        [id],
      ),
    );

    const page = await openOther(a, '/operations/audit');
    const banner = page.getByRole('alert').filter({ hasText: `Webhooks to ${FLAKY} are turned off` });
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('failed from Dec 1, 2026');
    expect(text).toContain('stopped sending to it on Dec 4, 2026');
    // Only the one failures turned off: the active one is not named.
    expect(text).not.toContain(NOWHERE);
    await screenshot(page, 'operations-webhook-subscriptions-banner-audit');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Dead letters' }).click();
    await page.getByText(`Webhooks to ${FLAKY} are turned off`).waitFor();

    await page.getByRole('link', { name: 'Open webhook subscriptions' }).click();
    await page.waitForURL(/\/app\/operations\/webhook-subscriptions/);
    const row = subscriptionRow(page, FLAKY);
    await row.getByText('Turned off after failures').waitFor();
    // Still warned here, without a link to where it already is.
    await page.getByText(`Webhooks to ${FLAKY} are turned off`).waitFor();
    expect(await page.getByRole('link', { name: 'Open webhook subscriptions' }).count()).toBe(0);
    await screenshot(page, 'operations-webhook-subscriptions-disabled');

    // Its deliveries, from its row: none, while the other endpoint's are left out.
    await row.getByRole('button', { name: `Deliveries to ${FLAKY}` }).click();
    await page.getByText('No deliveries match.').waitFor();
    expect(await page.getByLabel('Endpoint', { exact: true }).inputValue()).toBe(id);

    await row.getByRole('button', { name: `Turn on ${FLAKY}` }).click();
    await page.getByText(`Webhooks to ${FLAKY} are on again`).waitFor();
    await page.getByText(`Webhooks to ${FLAKY} are turned off`).waitFor({ state: 'detached' });
    await row.getByText('Active').waitFor();
    expect((await subscriptionsOf(a)).find((s) => s.id === id)).toMatchObject({ status: 'ACTIVE', disabledReason: null });

    // Paused by hand: no warning, since the merchant chose it.
    await row.getByRole('button', { name: `Pause ${FLAKY}` }).click();
    await row.getByText('Paused').waitFor();
    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await page.getByRole('tab', { name: 'Audit trail', selected: true }).waitFor();
    expect(await page.getByText(`Webhooks to ${FLAKY} are turned off`).count()).toBe(0);
    expect((await subscriptionsOf(a)).find((s) => s.id === id)).toMatchObject({ status: 'DISABLED', disabledReason: 'MERCHANT' });
  });

  it('rotates a secret after a confirmation, showing the new one once; deletes only once confirmed', async () => {
    const page = await openOther(a, '/operations/webhook-subscriptions');
    const [before] = (await subscriptionsOf(a)).filter((s) => s.url === NOWHERE);
    await page.getByRole('button', { name: `Rotate secret of ${NOWHERE}` }).click();
    const confirm = page.getByRole('dialog', { name: `Rotate the secret of ${NOWHERE}?` });
    await confirm.getByText('The current one stops working at once').waitFor();
    await screenshot(page, 'operations-webhook-subscriptions-rotate');
    await confirm.getByRole('button', { name: 'Rotate secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'The endpoint’s signing secret' });
    const secret = await dialog.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole('button', { name: 'I have stored it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const [after] = (await subscriptionsOf(a)).filter((s) => s.url === NOWHERE);
    expect(secret.startsWith(after.secretPrefix)).toBe(true);
    expect(after.secretPrefix).not.toBe(before.secretPrefix);
    await subscriptionRow(page, NOWHERE).getByText(`Secret ${after.secretPrefix}…`).waitFor();
    expect(await page.content()).not.toContain(secret);

    await page.getByRole('button', { name: `Delete ${FLAKY}` }).click();
    await page.getByRole('dialog', { name: `Delete the subscription of ${FLAKY}?` }).getByRole('button', { name: 'Cancel' }).click();
    expect((await subscriptionsOf(a)).map((s) => s.url)).toContain(FLAKY);
    await page.getByRole('button', { name: `Delete ${FLAKY}` }).click();
    const remove = page.getByRole('dialog', { name: `Delete the subscription of ${FLAKY}?` });
    await remove.getByText('This cannot be undone.').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await remove.getByRole('button', { name: 'Delete subscription' }).click();
    await page.getByText(`The subscription of ${FLAKY} is deleted.`).waitFor();
    await subscriptionRow(page, FLAKY).waitFor({ state: 'detached' });
    expect((await subscriptionsOf(a)).map((s) => s.url)).toEqual([NOWHERE]);
  });

  it('says in the row why a subscription is off (a revoked key, an uninstall) with no failures banner, and counts one failed attempt in the singular', async () => {
    const urls = { revoked: `${NOBODY_LISTENS}/revoked`, uninstalled: `${NOBODY_LISTENS}/uninstalled`, retrying: `${NOBODY_LISTENS}/retrying` };
    const ids: Record<string, string> = {};
    for (const [name, url] of Object.entries(urls)) {
      const created = await gateway.gql<{ createWebhookSubscription: { subscription: { id: string } } }>(CREATE, { input: { url, topics: ['TIER_CHANGED'] } }, a.auth);
      ids[name] = created.data!.createWebhookSubscription.subscription.id;
    }
    // As the API leaves them when a key is revoked or the app uninstalled, and the dispatcher after one failed attempt.
    await withOwnerDb('merchant', async (db) => {
      await db.query(`update webhook_subscription set status = 'disabled', disabled_reason = 'api_key_revoked', disabled_at = now() where id = $1`, [ids.revoked]);
      await db.query(`update webhook_subscription set status = 'disabled', disabled_reason = 'app_uninstalled', disabled_at = now() where id = $1`, [ids.uninstalled]);
      await db.query(`update webhook_subscription set consecutive_failures = 1, failing_since = now(), last_failure_at = now() where id = $1`, [ids.retrying]);
    });

    const page = await openOther(a, '/operations/webhook-subscriptions');
    await subscriptionRow(page, urls.revoked).getByText('Off: its API key was revoked').waitFor();
    await subscriptionRow(page, urls.uninstalled).getByText('Off: the app was uninstalled').waitFor();
    await subscriptionRow(page, urls.retrying).getByText(/^Failing since .*, 1 attempt$/).waitFor();
    // Every query of the page answered (the banner's included): still no banner, which only failures raise.
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(/are turned off/).count()).toBe(0);
    await screenshot(page, 'operations-webhook-subscriptions-off-reasons');
  });

  it('shows another merchant none of it, and speaks the merchant’s language', async () => {
    await withOwnerDb('merchant', (db) => db.query(`update merchant set primary_locale = 'fr' where id = $1`, [b.id]));
    const page = await openOther(b, '/operations/webhook-subscriptions');
    await page.getByText('Aucun abonnement webhook pour l’instant.').waitFor();
    await page.getByRole('tab', { name: 'Abonnements webhooks', selected: true }).waitFor();
    await page.getByText('Aucune livraison ne correspond.').waitFor();
    expect(await page.getByText(NOWHERE).count()).toBe(0);
    expect(await page.getByText('sont désactivés').count()).toBe(0);
    await page.getByRole('button', { name: 'Ajouter l’endpoint' }).click();
    await page.getByText('Saisissez l’URL de l’endpoint.').waitFor();
    await screenshot(page, 'operations-webhook-subscriptions-fr');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await subscriptionsOf(b)).toEqual([]);
  });
});
