import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDashboard, screenshot, seriousAxeViolations, type DashboardSession } from '../support/browser.js';
import { withOwnerDb } from '../support/db.js';
import { eventually } from '../support/events.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { completedRequest, requestIds } from '../support/gdpr-requests.js';
import { createMerchant, shopifyId, upsertCustomer, type TestMerchant } from '../support/tenants.js';
import { postWebhook } from '../support/webhooks.js';

const AUDIT = `query($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 100) { nodes { id entityId } } }`;
const RETRY = `mutation($id: ID!) { retryPointsDeadLetterEvent(id: $id) { __typename ... on ErrorResult { code } } }`;

/**
 * Operations → dead letters, GDPR requests, webhooks and the audit trail in a real browser, on one
 * merchant's data, and another merchant who sees none of it.
 */
describe('the dashboard’s operations page', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let a: TestMerchant;
  let b: TestMerchant;
  const sessions: DashboardSession[] = [];
  const deadLetter = { id: randomUUID(), eventId: randomUUID() };
  const webhookEvents = { customer: randomUUID(), ignored: randomUUID() };
  let keyId: string;

  const open = async (merchant: TestMerchant, path: string): Promise<Page> => {
    const session = await openDashboard(browser, gateway, merchant.shop, { path });
    sessions.push(session);
    return session.page;
  };
  const deliver = (merchant: TestMerchant, topic: string, eventId: string, body: Record<string, unknown>) =>
    postWebhook(new URL(gateway.url).origin, merchant.shop, gateway.config.kit.shopify.apiSecret, { topic, eventId, body });
  const deadLetterStatus = async () =>
    withOwnerDb('points', async (db) => (await db.query<{ status: string }>('select status from dead_letter_event where id = $1', [deadLetter.id])).rows[0]?.status);
  const dataRows = (page: Page) => page.locator('tbody tr');

  beforeAll(async () => {
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1' });
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    browser = await launchBrowser();

    // A points event that failed every attempt (its customer is unknown, which a retry treats as done).
    await withOwnerDb('points', (db) =>
      db.query(
        `insert into dead_letter_event (id, merchant_id, consumer, event_id, topic, version, occurred_at, payload, error, attempts, status, failed_at)
         values ($1, $2, 'points', $3, 'customer.created', 1, now(), $4::jsonb, 'Error: simulated outage', 5, 'dead', now())`,
        [deadLetter.id, a.id, deadLetter.eventId, JSON.stringify({ customerId: randomUUID() })],
      ),
    );

    expect(await deliver(a, 'customers/create', webhookEvents.customer, { id: Number(shopifyId()), email: `ops-${randomUUID()}@example.com` })).toBe(200);
    expect(await deliver(a, 'products/update', webhookEvents.ignored, { id: 1 })).toBe(200);

    const shopper = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: `gdpr-${randomUUID()}@example.com` });
    const known = await requestIds(gateway, a);
    expect(await deliver(a, 'customers/data_request', randomUUID(), { shop_domain: a.shop, customer: { id: Number(shopper.shopifyId), email: shopper.email }, orders_requested: [], data_request: { id: 1 } })).toBe(200);
    await completedRequest(gateway, a, 'CUSTOMER_DATA_REQUEST', known);

    const created = await gateway.gql<{ createApiKey: { apiKey: { id: string } } }>(
      `mutation { createApiKey(input: { name: "Audited key", scopes: ["points:read"] }) { ... on ApiKeyCreated { apiKey { id } } } }`,
      {},
      a.auth,
    );
    keyId = created.data!.createApiKey.apiKey.id;
    await eventually(async () => {
      const entries = await gateway.gql<{ auditEntries: { nodes: { entityId: string | null }[] } }>(AUDIT, { filter: { entityType: 'ApiKey' } }, a.auth);
      return entries.data?.auditEntries.nodes.some((n) => n.entityId === keyId);
    }, 20_000, 'the key’s audit entry');
  }, 120_000);
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.close()));
    await browser?.close();
    await gateway?.stop();
    await withOwnerDb('points', (db) => db.query('delete from dead_letter_event where id = $1', [deadLetter.id]));
  });

  describe('dead letters', () => {
    it('opens on the domain with an event waiting, and filters by status', async () => {
      const page = await open(a, '/operations/dead-letters');
      const row = dataRows(page).filter({ hasText: deadLetter.eventId });
      await row.getByText('Error: simulated outage').waitFor();
      await row.getByText('Failed', { exact: true }).waitFor();
      expect(await page.getByLabel('Domain').inputValue()).toBe('points');
      expect(await page.getByRole('option', { name: 'Points (waiting for a retry)' }).count()).toBe(1);
      await screenshot(page, 'operations-dead-letters');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel('Status').selectOption('RESOLVED');
      await page.getByText('No dead-lettered events here.').waitFor();
      await page.getByLabel('Status').selectOption('DEAD');
      await row.waitFor();
    });

    it('another merchant sees none of them and cannot retry one', async () => {
      const page = await open(b, '/operations/dead-letters');
      await page.getByLabel('Domain').selectOption('points');
      await page.getByText('No dead-lettered events here.').waitFor();
      expect(await page.getByText(deadLetter.eventId).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      const attempt = await gateway.gql<{ retryPointsDeadLetterEvent: { __typename: string; code: string } }>(RETRY, { id: deadLetter.id }, b.auth);
      expect(attempt.data!.retryPointsDeadLetterEvent).toEqual({ __typename: 'DeadLetterEventNotFoundError', code: 'DEAD_LETTER_EVENT_NOT_FOUND' });
      expect(await deadLetterStatus()).toBe('dead');
    });

    it('retries one, says so, and lists it as applied once the consumer has', async () => {
      const page = sessions[0].page;
      await page.getByRole('button', { name: `Retry customer.created event ${deadLetter.eventId}` }).click();
      await page.getByText('Retry requested for customer.created: the event is back on its queue.').waitFor();
      await screenshot(page, 'operations-dead-letters-retried');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await eventually(async () => (await deadLetterStatus()) === 'resolved', 20_000, 'the retried event to be applied');
      await page.getByLabel('Status').selectOption('RESOLVED');
      await dataRows(page).filter({ hasText: deadLetter.eventId }).getByText('Applied').waitFor();
      expect(await page.getByRole('button', { name: /^Retry / }).count()).toBe(0);
    });
  });

  describe('webhook deliveries', () => {
    it('lists what Shopify delivered with how far it got, and filters by topic and status', async () => {
      const page = await open(a, '/operations/webhooks');
      await dataRows(page).filter({ hasText: webhookEvents.customer }).getByText('Applied').waitFor();
      await dataRows(page).filter({ hasText: webhookEvents.ignored }).getByText('Not used').waitFor();
      await screenshot(page, 'operations-webhooks');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel('Topic').fill('products/update');
      await page.getByRole('button', { name: 'Filter' }).click();
      await expectOnly(page, webhookEvents.ignored, webhookEvents.customer);
      await page.getByLabel('Topic').fill('');
      await page.getByLabel('Status').selectOption('PROCESSED');
      await expectOnly(page, webhookEvents.customer, webhookEvents.ignored);
      await page.getByLabel('Topic').fill('x'.repeat(101));
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.getByText('Use at most 100 characters.').waitFor();
    });

    it('another merchant sees none of them', async () => {
      const page = await open(b, '/operations/webhooks');
      await page.getByText('No webhook deliveries match.').waitFor();
      expect(await page.getByText('customers/create').count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  describe('GDPR requests', () => {
    it('shows each request’s kind, status and the parts carried out', async () => {
      const page = await open(a, '/operations/gdpr');
      const row = dataRows(page).filter({ hasText: 'Customer data export' });
      await row.getByText('Completed', { exact: true }).first().waitFor();
      const progress = await row.getByText(/^\d+ of \d+ parts$/).textContent();
      const [done, total] = progress!.match(/\d+/g)!.map(Number);
      expect(total).toBeGreaterThan(0);
      expect(done).toBe(total);
      await row.getByText('customer: Completed').waitFor();
      await screenshot(page, 'operations-gdpr');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('another merchant sees none of them', async () => {
      const page = await open(b, '/operations/gdpr');
      await page.getByText('Shopify has sent no GDPR requests for this shop.').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  describe('audit trail', () => {
    it('filters by kind of record, who did it and dates, and verifies the chain', async () => {
      const page = await open(a, '/operations/audit');
      await dataRows(page).filter({ hasText: keyId }).waitFor();
      expect(await dataRows(page).filter({ hasText: 'Customer' }).count()).toBeGreaterThan(0);

      await page.getByLabel('Kind of record').fill('ApiKey');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await eventually(
        async () => (await dataRows(page).filter({ hasNotText: 'ApiKey' }).count()) === 0 && (await dataRows(page).filter({ hasText: keyId }).count()) > 0,
        10_000,
        'only ApiKey entries',
      );
      await screenshot(page, 'operations-audit-filtered');
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByLabel('Done by').selectOption('PARTNER');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('No audit entries match.').waitFor();

      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Done by').selectOption('ADMIN');
      await page.getByLabel('From (UTC)').fill(tomorrow);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('No audit entries match.').waitFor();
      await page.getByLabel('From (UTC)').fill(today);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await dataRows(page).filter({ hasText: keyId }).waitFor();
      await page.getByLabel('To (UTC)').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('The end date must not be before the start date.').waitFor();

      await page.getByRole('button', { name: 'Clear filters' }).click();
      await dataRows(page).filter({ hasText: 'Customer' }).first().waitFor();
      await page.getByRole('button', { name: 'Verify the chain' }).click();
      await page.getByText(/^The chain holds: \d+ entries checked\.$/).waitFor();
      await screenshot(page, 'operations-audit-verified');
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    it('another merchant sees none of the entries', async () => {
      const page = await open(b, '/operations/audit');
      await page.getByRole('button', { name: 'Verify the chain' }).click();
      await page.getByText(/^The chain holds: \d+ entries checked\.$/).waitFor();
      await page.getByLabel('Kind of record').fill('ApiKey');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByText('No audit entries match.').waitFor();
      expect(await page.getByText(keyId).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      for (const session of sessions) expect(session.pageErrors).toEqual([]);
    });
  });

  /** The list shows the row of `shown` and not that of `hidden`: both hold only once the filtered page has loaded. */
  async function expectOnly(page: Page, shown: string, hidden: string) {
    await eventually(
      async () => (await dataRows(page).filter({ hasText: hidden }).count()) === 0 && (await dataRows(page).filter({ hasText: shown }).count()) > 0,
      10_000,
      `${hidden} filtered out`,
    );
  }
});
