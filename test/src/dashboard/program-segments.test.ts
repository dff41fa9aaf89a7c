import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { ProgramSegmentRunDocument, ProgramSegmentsDocument, type ProgramSegmentRunQuery, type ProgramSegmentsQuery } from '../../../clients/dashboard/src/generated/graphql.js';
import { launchBrowser, openDashboard, screenshot, seriousAxeViolations } from '../support/browser.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { insertOrders, ordersOf } from '../support/segment-recompute.js';
import { SEGMENT_SETTINGS, SEGMENTS } from '../support/segments.js';
import { createMerchant, type TestMerchant } from '../support/tenants.js';
import { descriptionOf, runDashboardOperation, saveForm } from './program-sections.support.js';

const CUSTOMERS = 6;

interface SegmentNode {
  handle: string;
  kind: string;
  names: { en: string };
  monetary: { min: number; max: number };
  pointsMin: number | null;
  members: number;
}

/** Program → Segments in a real browser: recompute with its progress, edits persist, errors where they belong, tenants apart. */
describe('the dashboard’s Segments section', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let a: TestMerchant;
  let b: TestMerchant;
  let aRunId: string;

  async function read<T>(merchant: TestMerchant, query: string): Promise<T> {
    const result = await gateway.gql<T>(query, {}, merchant.auth);
    if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }
  const segmentsOf = async (merchant: TestMerchant) => (await read<{ segments: SegmentNode[] }>(merchant, SEGMENTS)).segments;
  const settingsOf = async (merchant: TestMerchant) => (await read<{ segmentSettings: Record<string, unknown> }>(merchant, SEGMENT_SETTINGS)).segmentSettings;

  beforeAll(async () => {
    // Quick polls: the runs are worked by the gateway's own recompute job, woken by their insert.
    gateway = await startTestGateway('embedded', { LOYALNEST_DEV: '1', EVENTS_POLL_MS: '200', EVENTS_BACKOFF_MS: '100' });
    [a, b] = await Promise.all([createMerchant(gateway), createMerchant(gateway)]);
    const customers = Array.from({ length: CUSTOMERS }, () => randomUUID());
    await insertOrders(a, new Date(), customers.flatMap((customer, i) => ordersOf(customer, 1 + (i % 3), 1 + i * 20, (i + 1) * 25_00)));
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('recomputes on demand, follows the run to its end and shows the new member counts', async () => {
    const { page, pageErrors, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/segments' });
    await page.getByRole('group', { name: 'Champions (champions)' }).waitFor();
    await page.getByRole('button', { name: 'Recompute now' }).click();
    await page.getByText('Succeeded').waitFor({ timeout: 60_000 });
    await page.getByText(`${CUSTOMERS} of ${CUSTOMERS} customers`).waitFor();

    const segments = await segmentsOf(a);
    expect(segments.reduce((sum, s) => sum + s.members, 0)).toBe(CUSTOMERS);
    for (const segment of segments.filter((s) => s.members > 0)) {
      await page.getByRole('group', { name: `${segment.names.en} (${segment.handle})` }).getByText(`Members: ${segment.members}`).waitFor();
    }
    aRunId = (await runDashboardOperation<ProgramSegmentsQuery>(gateway, a, ProgramSegmentsDocument)).segmentRuns[0].id;
    await screenshot(page, 'program-segments-recomputed');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await close();
  });

  it('edits the settings, a segment’s name and a new custom segment’s rules; they persist, read back through the API and after a reload', async () => {
    const { page, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/segments' });
    const champions = page.getByRole('group', { name: 'Champions (champions)' });
    await champions.getByLabel('Name (English)').waitFor();
    await page.getByLabel('Orders count from the last (days)').fill('180');
    await page.getByLabel(/Write each customer’s segment/).check();
    await champions.getByLabel('Name (English)').fill('Top fans');
    await page.getByRole('button', { name: 'Add custom segment' }).click();
    const added = page.getByRole('group', { name: 'New segment' });
    await added.getByLabel('Handle').fill('big-spenders');
    await added.getByLabel('Points balance at least').fill('100');
    await added.getByLabel('Monetary from').selectOption('4');
    await added.getByLabel('Name (English)').fill('Big spenders');
    await screenshot(page, 'program-segments-edited');
    await saveForm(page);
    await page.getByText('Segments saved; they are being recomputed').waitFor();

    expect(await settingsOf(a)).toMatchObject({ windowDays: 180, syncMetafield: true, scoring: 'QUINTILE' });
    const segments = await segmentsOf(a);
    expect(segments.find((s) => s.handle === 'champions')?.names.en).toBe('Top fans');
    expect(segments.find((s) => s.handle === 'big-spenders')).toMatchObject({ kind: 'CUSTOM', names: { en: 'Big spenders' }, monetary: { min: 4, max: 5 }, pointsMin: 100 });

    await page.reload();
    await page.getByRole('group', { name: 'Top fans (champions)' }).waitFor();
    const saved = page.getByRole('group', { name: 'Big spenders (big-spenders)' });
    expect(await saved.getByLabel('Points balance at least').inputValue()).toBe('100');
    expect(await saved.getByLabel('Monetary from').inputValue()).toBe('4');
    expect(await page.getByLabel('Orders count from the last (days)').inputValue()).toBe('180');
    await close();
  });

  it('shows a rule’s error on its field, and an uncovered score combination on the list, saving nothing', async () => {
    const before = await settingsOf(a);
    const { page, close } = await openDashboard(browser, gateway, a.shop, { path: '/program/segments' });
    const champions = page.getByRole('group', { name: /\(champions\)$/ });
    await champions.getByLabel('Recency from').waitFor();
    await champions.getByLabel('Recency from').selectOption('5');
    await champions.getByLabel('Recency to').selectOption('4');
    await saveForm(page);
    expect(await descriptionOf(champions.getByLabel('Recency from'))).toContain('The lowest must not be above the highest');
    await champions.getByLabel('Recency to').selectOption('5');

    // Lost (recency 1) moved to recency 2 leaves recency 1 with low frequency to no RFM segment: only the server checks the whole set.
    const lost = page.getByRole('group', { name: 'Lost (lost)' });
    await lost.getByLabel('Recency to').selectOption('2');
    await lost.getByLabel('Recency from').selectOption('2');
    await saveForm(page);
    await page.getByText(/No RFM segment covers recency 1, frequency 1, monetary 1/).waitFor();
    await screenshot(page, 'program-segments-uncovered');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await settingsOf(a)).toEqual(before);
    expect((await segmentsOf(a)).find((s) => s.handle === 'lost')).toMatchObject({ names: { en: 'Lost' } });
    await close();
  });

  it('never shows another merchant’s segments, members or runs', async () => {
    const { page, close } = await openDashboard(browser, gateway, b.shop, { path: '/program/segments' });
    await page.getByRole('group', { name: 'Champions (champions)' }).waitFor();
    expect(await page.getByText('Top fans').count()).toBe(0);
    expect(await page.getByText('big-spenders').count()).toBe(0);
    await page.getByText('No recompute yet.').waitFor();
    await screenshot(page, 'program-segments-other-merchant');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await close();

    const seen = await runDashboardOperation<ProgramSegmentsQuery>(gateway, b, ProgramSegmentsDocument);
    expect(seen.segments.every((s) => s.members === 0)).toBe(true);
    expect(seen.segmentSettings.version).toBe(0);
    const run = await runDashboardOperation<ProgramSegmentRunQuery>(gateway, b, ProgramSegmentRunDocument, { id: aRunId });
    expect(run.segmentRun).toBeNull();
  });
});
