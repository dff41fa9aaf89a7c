import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { ClickStore } from '../../../subgraphs/referral/src/clicks/click-store.js';
import { launchBrowser } from '../support/browser.js';
import { startTestGateway, type Mode, type TestGateway } from '../support/gateway.js';
import { signAppProxyQuery } from '../support/live.js';
import { flushReferralClicks, PROGRAM_ON, referralOf, storedClicks, updateReferralProgram } from '../support/referrals.js';
import { createMerchant, shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from '../support/tenants.js';

/** What Chromium sends when a person follows a link. */
const NAVIGATION_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8';

interface LinkAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Follows `https://<shop>/apps/loyalnest/r/<code>` as Shopify's app proxy forwards it, with the visitor's `Accept`. */
async function followLink(gateway: TestGateway, shop: string, code: string, accept: string | null): Promise<LinkAnswer> {
  const query = new URLSearchParams([['shop', shop], ['logged_in_customer_id', ''], ['path_prefix', '/apps/loyalnest'], ['timestamp', String(Math.floor(Date.now() / 1000))]]);
  query.append('signature', signAppProxyQuery(query, gateway.config.kit.shopify.apiSecret));
  const headers: Record<string, string> = { 'x-forwarded-for': '203.0.113.9', 'user-agent': 'landing-test/1.0' };
  if (accept !== null) headers.accept = accept;
  const response = await fetch(`${new URL(gateway.url).origin}/proxy/r/${encodeURIComponent(code)}?${query}`, { headers });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** What a browser makes of the page: every `#loyalnest-referral` and its data attributes, and whether anything ran. */
interface Parsed {
  elements: number;
  dataset: Record<string, string>;
  heading: string | null;
  text: string | null;
  /** Elements besides the one div, its heading and its paragraph (a script, an image slipped in). */
  others: string[];
  pwned: boolean;
}

async function parseInBrowser(page: Page, html: string): Promise<Parsed> {
  await page.setContent(`<!doctype html><html><head><title>Landing</title></head><body>${html}</body></html>`);
  return page.evaluate(() => {
    const all = document.querySelectorAll('#loyalnest-referral');
    const element = all[0] as HTMLElement | undefined;
    const others = Array.from(document.body.querySelectorAll('*')).map((e) => e.tagName.toLowerCase()).filter((tag) => !['div', 'h1', 'p'].includes(tag));
    return {
      elements: all.length,
      dataset: { ...(element?.dataset ?? {}) } as Record<string, string>,
      heading: element?.querySelector('h1')?.textContent ?? null,
      text: element?.querySelector('p')?.textContent ?? null,
      others,
      pwned: (window as unknown as { pwned?: boolean }).pwned === true,
    };
  });
}

describe.each<Mode>(['embedded', 'networked'])('the referral landing page: a browser following a referral link (%s)', (mode) => {
  let gateway: TestGateway;
  let browser: Browser;
  let page: Page;
  let a: TestMerchant;
  let b: TestMerchant;
  let noor: CreatedCustomer;
  let noorCode: string;
  let beaCode: string;

  beforeAll(async () => {
    // The test flushes the clicks itself, so no scheduled flush comes between a click and its check.
    gateway = await startTestGateway(mode, { REFERRAL_CLICK_FLUSH_MS: '3600000' });
    browser = await launchBrowser();
    page = await browser.newPage();
    [a, b] = await Promise.all([createMerchant(gateway, { currency: 'CAD' }), createMerchant(gateway)]);
    noor = await upsertCustomer(gateway, a, { shopifyId: shopifyId(), email: 'noor@example.com' });
    const bea = await upsertCustomer(gateway, b, { shopifyId: shopifyId(), email: 'bea@example.com' });
    await Promise.all([
      updateReferralProgram(gateway, a.auth, { ...PROGRAM_ON, friendReward: { kind: 'FIXED_AMOUNT', value: '15', minimumOrderAmount: '50', expiryDays: 14 } }),
      updateReferralProgram(gateway, b.auth, PROGRAM_ON),
    ]);
    noorCode = (await referralOf(gateway, a.auth, noor.id))!.code;
    beaCode = (await referralOf(gateway, b.auth, bea.id))!.code;
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.stop();
  });

  it("answers a navigation with Liquid for the shop's theme: #loyalnest-referral holding the code and the JSON answer as the offer", async () => {
    const json = await followLink(gateway, a.shop, noorCode, 'application/json');
    const html = await followLink(gateway, a.shop, noorCode, NAVIGATION_ACCEPT);
    expect(html.status).toBe(200);
    expect(html.contentType).toMatch(/^application\/liquid/);
    // Shopify renders the page as Liquid first: not one brace reaches it unescaped.
    expect(html.body).not.toMatch(/[{}]/);
    const parsed = await parseInBrowser(page, html.body);
    expect(parsed).toMatchObject({ elements: 1, others: [], pwned: false, heading: expect.any(String), text: expect.any(String) });
    expect(parsed.dataset.code).toBe(noorCode);
    expect(parsed.dataset.error).toBeUndefined();
    expect(JSON.parse(parsed.dataset.offer)).toEqual(JSON.parse(json.body));
    expect(JSON.parse(parsed.dataset.offer)).toEqual({ code: noorCode, enabled: true, offer: { kind: 'FIXED_AMOUNT', value: '15.00', minimumOrderAmount: '50.00', expiryDays: 14, currency: 'CAD' } });
  });

  it('keeps the JSON answer for a client that asks for JSON or states no preference', async () => {
    for (const accept of ['application/json', '*/*', null]) {
      const answer = await followLink(gateway, a.shop, noorCode, accept);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toMatchObject({ code: noorCode, enabled: true });
    }
  });

  it('counts a click once whichever answer it gets', async () => {
    await flushReferralClicks(gateway);
    const before = (await storedClicks(a, noor.id))!;
    expect((await followLink(gateway, a.shop, noorCode, NAVIGATION_ACCEPT)).status).toBe(200);
    expect((await followLink(gateway, a.shop, noorCode, 'application/json')).status).toBe(200);
    await flushReferralClicks(gateway);
    expect((await storedClicks(a, noor.id))!.clicks).toBe(before.clicks + 2);
  });

  it('answers a code nobody holds with the element, its error and no offer (404)', async () => {
    const unknown = noorCode === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ';
    const answer = await followLink(gateway, a.shop, unknown, NAVIGATION_ACCEPT);
    expect(answer.status).toBe(404);
    expect(answer.contentType).toMatch(/^application\/liquid/);
    const parsed = await parseInBrowser(page, answer.body);
    expect(parsed).toMatchObject({ elements: 1, others: [], pwned: false });
    expect(parsed.dataset).toEqual({ code: unknown, error: 'REFERRAL_CODE_NOT_FOUND' });
  });

  it("keeps shops apart: B's code followed through A's shop is a code nobody holds there", async () => {
    const answer = await followLink(gateway, a.shop, beaCode, NAVIGATION_ACCEPT);
    expect(answer.status).toBe(404);
    const parsed = await parseInBrowser(page, answer.body);
    expect(parsed.dataset).toEqual({ code: beaCode, error: 'REFERRAL_CODE_NOT_FOUND' });
    expect(answer.body).not.toContain('offer');
  });

  it('keeps a hostile code inside its attribute: no markup, no script, no Liquid gets out', async () => {
    const hostile = `'"><script>window.pwned=true</script><img src=x onerror="window.pwned=true">{{ shop.name }}{% comment %}`;
    const answer = await followLink(gateway, a.shop, hostile, NAVIGATION_ACCEPT);
    expect(answer.status).toBe(404);
    expect(answer.contentType).toMatch(/^application\/liquid/);
    expect(answer.body).not.toContain('<script');
    expect(answer.body).not.toMatch(/[{}]/);
    const parsed = await parseInBrowser(page, answer.body);
    expect(parsed).toMatchObject({ elements: 1, others: [], pwned: false });
    expect(parsed.dataset).toEqual({ code: hostile, error: 'REFERRAL_CODE_MALFORMED' });
  });

  it('tells a visitor when the program is off: the offer in the page says so', async () => {
    const merchant = await createMerchant(gateway);
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'off@example.com' });
    const { code } = (await referralOf(gateway, merchant.auth, customer.id))!;
    const parsed = await parseInBrowser(page, (await followLink(gateway, merchant.shop, code, NAVIGATION_ACCEPT)).body);
    expect(JSON.parse(parsed.dataset.offer)).toEqual({ code, enabled: false, offer: null });
  });
});

describe('the referral landing page: hostile offer values', () => {
  let gateway: TestGateway;
  let browser: Browser;

  beforeAll(async () => {
    gateway = await startTestGateway('embedded');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway.stop();
  });

  it('keeps every value of the offer inside data-offer, whatever it holds, and the offer reads back exactly', async () => {
    // given: an offer holding markup, quotes and Liquid, cached where the click reads it (no
    // merchant setting can hold these; the page must not depend on that)
    const merchant = await createMerchant(gateway);
    await updateReferralProgram(gateway, merchant.auth, PROGRAM_ON);
    const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: 'hostile@example.com' });
    const { code } = (await referralOf(gateway, merchant.auth, customer.id))!;
    const hostile = `'"></div><script>window.pwned=true</script><img src=x onerror=window.pwned=true>{{ customer.email }}{% raw %}&amp;`;
    const store = ClickStore.of(gateway.config.kit);
    try {
      await store.fill(merchant.id, code, customer.id, { enabled: true, reward: { kind: 'PERCENTAGE', value: hostile, minimumOrderAmount: null, expiryDays: null }, currency: hostile });
    } finally {
      await store.close();
    }
    // when
    const answer = await followLink(gateway, merchant.shop, code, NAVIGATION_ACCEPT);
    // then
    expect(answer.status).toBe(200);
    expect(answer.body).not.toMatch(/[{}]/);
    const page = await browser.newPage();
    try {
      const parsed = await parseInBrowser(page, answer.body);
      expect(parsed).toMatchObject({ elements: 1, others: [], pwned: false });
      expect(JSON.parse(parsed.dataset.offer)).toEqual({ code, enabled: true, offer: { kind: 'PERCENTAGE', value: hostile, minimumOrderAmount: null, expiryDays: null, currency: hostile } });
    } finally {
      await page.close();
    }
  });
});
