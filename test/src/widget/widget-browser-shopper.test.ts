import { describe, expect, it } from '@jest/globals';
import { eventually } from '../support/events.js';
import { award, pointsOf } from '../support/points.js';
import {
  CHEAP_COST,
  DEAR_COST,
  figure,
  fixedOnScreen,
  follow,
  frames,
  gqlFromPage,
  grouped,
  hook,
  launcherShowing,
  openPanel,
  sessionOf,
  shot,
  textMatching,
  TIERS_A,
  visit,
  widgetWorld,
} from '../support/widget-browser.js';
import { originOf } from '../support/browser.js';
import type { Page } from 'playwright-core';

/** What the page's clipboard holds (the context must have been granted clipboard-read). */
const clipboardOf = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Whether a graphql-ws frame the page received carries this balance. */
const liveBalance = (frames: string[], balance: number) =>
  frames.some((frame) => frame.includes('pointsBalanceChanged') && (JSON.parse(frame) as { payload?: { data?: { pointsBalanceChanged?: { balance?: number } } } }).payload?.data?.pointsBalanceChanged?.balance === balance);

const CUSTOMER = `query($id: ID!) { customer(id: $id) { id firstName points { balance } } }`;

/**
 * The widget as a signed-in shopper uses it on the storefront: the launcher with their balance,
 * the panel, a redemption applied to the cart, an admin's award arriving live, and never another
 * shopper's data (of the same shop or another).
 */
describe('the widget for a signed-in shopper', () => {
  const world = widgetWorld();

  it('draws the launcher bottom-right with the seeded balance, and the panel with the shopper’s program', async () => {
    const { page, pageErrors, close } = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      // given: the storefront's session for the cookie it set at sign-in
      const session = await sessionOf(page);
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({ customerId: world.ana.id, loggedIn: true, token: expect.any(String) });

      // then: the launcher, fixed bottom-right, closed, with the balance the locale's way
      const launcher = hook(page, 'loyalnest-launcher');
      expect(await launcherShowing(page, figure(world.ana.seeded))).toContain(grouped(world.ana.seeded));
      expect(await launcher.getAttribute('aria-expanded')).toBe('false');
      const box = (await launcher.boundingBox())!;
      const viewport = page.viewportSize()!;
      expect(box.x + box.width).toBeGreaterThan(viewport.width - 80);
      expect(box.y + box.height).toBeGreaterThan(viewport.height - 80);
      expect(await fixedOnScreen(launcher)).toBe(true);
      await shot(page, 'shopper-launcher');

      // when: the shopper opens it
      const panel = await openPanel(page);
      expect(await launcher.getAttribute('aria-expanded')).toBe('true');
      expect(await panel.getAttribute('role')).toBe('dialog');
      expect(await panel.getAttribute('aria-modal')).toBe('true');
      expect((await panel.getAttribute('aria-label')) ?? (await panel.getAttribute('aria-labelledby'))).toBeTruthy();

      // then: balance, ways to earn, what each reward needs, history, the referral link
      expect(await textMatching(hook(page, 'loyalnest-balance'), figure(world.ana.seeded))).toContain(grouped(world.ana.seeded));
      expect(await hook(page, 'loyalnest-earn-rule').count()).toBeGreaterThan(0);
      const cheap = page.locator(`[data-testid="loyalnest-reward"][data-reward-id="${world.cheapReward}"]`);
      const dear = page.locator(`[data-testid="loyalnest-reward"][data-reward-id="${world.dearReward}"]`);
      await cheap.waitFor();
      expect(await cheap.getByTestId('loyalnest-redeem').count()).toBe(1);
      expect(await dear.getByTestId('loyalnest-redeem').count()).toBe(0);
      expect(await dear.getByTestId('loyalnest-reward-missing').textContent()).toContain(grouped(DEAR_COST - world.ana.seeded));
      expect(await hook(page, 'loyalnest-history-entry').count()).toBeGreaterThan(0);
      const referralUrl = await hook(page, 'loyalnest-referral-url').inputValue();
      expect(referralUrl).toContain(`/apps/loyalnest/r/${world.anaCode}`);
      // her tier (assigned Silver; her points were awarded, not earned) and the way to Gold: 0 of 4,000
      const [silver, gold] = [TIERS_A[1], TIERS_A[2]];
      expect(await hook(page, 'loyalnest-tier').textContent()).toBe(silver.name);
      const progress = hook(page, 'loyalnest-tier-progress');
      expect(await progress.getAttribute('role')).toBe('progressbar');
      expect(await progress.getAttribute('aria-valuenow')).toBe('0');
      expect(await progress.getAttribute('aria-valuemax')).toBe(String(gold.threshold - silver.threshold));
      expect(await hook(page, 'loyalnest-error').count()).toBe(0);
      await shot(page, 'shopper-panel');

      // when: she copies her referral link; then: the clipboard holds it
      await hook(page, 'loyalnest-copy-referral').click();
      await eventually(async () => (await clipboardOf(page)) === referralUrl || undefined, 5000, 'the referral link on the clipboard');
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('honours the block’s placement setting', async () => {
    const { page, close } = await visit(world, world.storeA, '/?placement=bottom-left', { signIn: world.ana.shopifyId });
    try {
      await hook(page, 'loyalnest-launcher').waitFor();
      const box = (await hook(page, 'loyalnest-launcher').boundingBox())!;
      expect(box.x).toBeLessThan(80);
      await shot(page, 'shopper-launcher-bottom-left');
    } finally {
      await close();
    }
  });

  it('redeems a reward: shows the code, drops the balance, and the apply link puts the code on the cart', async () => {
    const before = (await pointsOf(world.gateway, world.a, world.ana.id)).balance;
    const { page, pageErrors, liveFrames, close } = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      await launcherShowing(page, figure(before));
      await openPanel(page);
      // when: the shopper redeems the reward they can afford
      await page.locator(`[data-testid="loyalnest-reward"][data-reward-id="${world.cheapReward}"]`).getByTestId('loyalnest-redeem').click();

      // then: the code Shopify created, on screen, copyable, and the balance less the cost
      const code = (await textMatching(hook(page, 'loyalnest-discount-code'), /\S{6,}/, 20_000)).trim();
      expect(world.fake.discounts(world.a.shop).map((d) => d.code)).toContain(code);
      expect(await hook(page, 'loyalnest-copy-code').isVisible()).toBe(true);
      const after = before - CHEAP_COST;
      expect((await pointsOf(world.gateway, world.a, world.ana.id)).balance).toBe(after);
      // Both the mutation's answer and the live subscription report the spend: counted once.
      await textMatching(hook(page, 'loyalnest-balance'), figure(after));
      await textMatching(hook(page, 'loyalnest-launcher-balance'), figure(after));
      // Once the live event for the spend has arrived too, the balance still shows it once.
      await eventually(async () => liveBalance(liveFrames, after) || undefined, 15_000, 'the live event of the spend');
      await frames(page);
      expect(await hook(page, 'loyalnest-balance').textContent()).toMatch(figure(after));
      expect(await hook(page, 'loyalnest-launcher-balance').textContent()).toMatch(figure(after));
      // The copy button puts the code on the clipboard.
      await hook(page, 'loyalnest-copy-code').click();
      await eventually(async () => (await clipboardOf(page)) === code || undefined, 5000, 'the code on the clipboard');
      const apply = hook(page, 'loyalnest-apply-code');
      const href = await apply.getAttribute('href');
      expect(new URL(href!, world.storeA.origin).pathname + new URL(href!, world.storeA.origin).search).toBe(`/discount/${encodeURIComponent(code)}?redirect=/cart`);
      await shot(page, 'shopper-redeemed');

      // when: they follow the apply link; then: the storefront's cart has the code applied
      const cart = await follow(page, apply, (url) => url.pathname === '/cart');
      expect(await cart.locator('body').textContent()).toContain(code);
      await shot(cart, 'shopper-cart-with-code');
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('asks again with the same key after a lost answer, by a tap or after a reload, and spends once each time', async () => {
    // Two redemptions' worth more for Ana, so the first test's spend does not matter here.
    await award(world.gateway, world.a, world.ana.id, 2 * CHEAP_COST);
    const start = (await pointsOf(world.gateway, world.a, world.ana.id)).balance;
    const { page, pageErrors, close } = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId });
    try {
      // The gateway gets the shopper's redeemReward and spends, but its answer never reaches the page
      // (a dropped connection) whenever `lose` is set: the worst case for a retry, which must not spend again.
      const keys: string[] = [];
      let lose = true;
      await page.route(`${originOf(world.gateway)}/graphql`, async (route) => {
        const body = route.request().method() === 'POST' ? route.request().postData() ?? '' : '';
        if (!body.includes('redeemReward')) return route.continue();
        keys.push((JSON.parse(body) as { variables: { input: { idempotencyKey: string } } }).variables.input.idempotencyKey);
        if (!lose) return route.continue();
        lose = false;
        await route.fetch();
        return route.abort('connectionreset');
      });
      const redeemButton = () => page.locator(`[data-testid="loyalnest-reward"][data-reward-id="${world.cheapReward}"]`).getByTestId('loyalnest-redeem');
      const codes = () => world.fake.discounts(world.a.shop).map((d) => d.code);
      const spent = async () => start - (await pointsOf(world.gateway, world.a, world.ana.id)).balance;

      // when: the first answer is lost, and the shopper taps Redeem again
      await launcherShowing(page, figure(start));
      await openPanel(page);
      const codesBefore = codes().length;
      await redeemButton().click();
      await hook(page, 'loyalnest-error').waitFor();
      expect(await spent()).toBe(CHEAP_COST);
      await redeemButton().click();

      // then: the retry carried the same key, the code shows, and the points were spent once
      const first = (await textMatching(hook(page, 'loyalnest-discount-code'), /\S{6,}/, 20_000)).trim();
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      expect(codes()).toHaveLength(codesBefore + 1);
      expect(codes()).toContain(first);
      expect(await spent()).toBe(CHEAP_COST);

      // when: another redemption's answer is lost and the shopper reloads the page instead
      lose = true;
      await redeemButton().click();
      await hook(page, 'loyalnest-error').waitFor();
      expect(await spent()).toBe(2 * CHEAP_COST);
      await page.reload();
      await launcherShowing(page, figure(start - 2 * CHEAP_COST));
      await openPanel(page);

      // then: the reopened panel resumed that draft with its key (no tap), showed its code, spent nothing more
      const second = (await textMatching(hook(page, 'loyalnest-discount-code'), /\S{6,}/, 20_000)).trim();
      expect(second).not.toBe(first);
      expect(keys).toHaveLength(4);
      expect(keys[3]).toBe(keys[2]);
      expect(keys[2]).not.toBe(keys[0]);
      expect(codes()).toHaveLength(codesBefore + 2);
      expect(codes()).toContain(second);
      expect(await spent()).toBe(2 * CHEAP_COST);
      // and the settled draft is gone: the stored drafts are empty
      expect(await page.evaluate(() => Object.keys(sessionStorage).filter((name) => name.startsWith('loyalnest:')))).toEqual([]);
      await shot(page, 'shopper-redeem-resumed');
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows an admin’s award live in the open panel, without a reload', async () => {
    const { page, liveFrames, pageErrors, close } = await visit(world, world.storeA, '/', { signIn: world.ben.shopifyId });
    try {
      await launcherShowing(page, figure(world.ben.seeded));
      await openPanel(page);
      await textMatching(hook(page, 'loyalnest-balance'), figure(world.ben.seeded));
      // The subscription's first event is the balance as it stands: from then on, changes arrive.
      await eventually(async () => liveFrames.some((f) => f.includes('pointsBalanceChanged')), 15_000, 'the live balance subscription');
      const loads: string[] = [];
      page.on('load', () => loads.push(page.url()));

      // when: the merchant's admin awards points through the API
      await award(world.gateway, world.a, world.ben.id, 1000);

      // then: the open panel and the launcher show the new balance
      await textMatching(hook(page, 'loyalnest-balance'), figure(world.ben.seeded + 1000));
      await textMatching(hook(page, 'loyalnest-launcher-balance'), figure(world.ben.seeded + 1000));
      // and its history gains the award as its newest line, read again after the live change
      await textMatching(hook(page, 'loyalnest-history-entry'), /\+1,000/);
      expect(await hook(page, 'loyalnest-panel').isVisible()).toBe(true);
      expect(loads).toEqual([]);
      await shot(page, 'shopper-live-award');
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows a shopper only their own data; their token reads nobody else’s, in this shop or another', async () => {
    const { page, graphqlBodies, liveFrames, close } = await visit(world, world.storeA, '/', { signIn: world.ben.shopifyId });
    try {
      const benBalance = (await pointsOf(world.gateway, world.a, world.ben.id)).balance;
      const anaBalance = (await pointsOf(world.gateway, world.a, world.ana.id)).balance;
      await launcherShowing(page, figure(benBalance));
      const panel = await openPanel(page);
      await textMatching(hook(page, 'loyalnest-balance'), figure(benBalance));
      await hook(page, 'loyalnest-history-entry').first().waitFor();
      const text = (await panel.textContent()) ?? '';
      expect(text).not.toMatch(figure(anaBalance));
      expect(text).not.toContain('B-only reward');
      // Nothing of Ana's or of shop B's came over the wire either.
      const wire = [...graphqlBodies, ...liveFrames].join('\n');
      for (const foreign of [world.ana.id, world.ana.email, world.cai.id, world.cai.email, 'B-only reward']) expect(wire).not.toContain(foreign);

      // when: Ben's own session token asks, as the widget would, for Ana's and for Cai's customer
      const { token, graphqlUrl } = (await sessionOf(page)).body as { token: string; graphqlUrl: string };
      const own = await gqlFromPage(page, graphqlUrl, token, CUSTOMER, { id: world.ben.id });
      expect(own.data.customer).toMatchObject({ id: world.ben.id, points: { balance: benBalance } });
      for (const other of [world.ana.id, world.cai.id]) {
        const answer = await gqlFromPage(page, graphqlUrl, token, CUSTOMER, { id: other });
        // then: refused, not merely empty (a 500, a CORS failure or a throttle would also have no
        // customer): a shopper's token reads a customer only through its own fields, in either shop
        expect(answer.status).toBe(200);
        expect(answer.data).toEqual({ customer: null });
        expect(answer.errors).toHaveLength(1);
        expect(answer.errors[0]).toMatchObject({ path: ['customer'], extensions: { code: 'FORBIDDEN' } });
        expect(JSON.stringify(answer)).not.toContain(String(anaBalance));
      }
      await shot(page, 'shopper-own-data-only');
    } finally {
      await close();
    }
  });

  it('on shop B’s storefront, shows B’s shopper B’s balance and rewards, nothing of shop A', async () => {
    const { page, close } = await visit(world, world.storeB, '/', { signIn: world.cai.shopifyId });
    try {
      await launcherShowing(page, figure(world.cai.seeded));
      const panel = await openPanel(page);
      await page.getByTestId('loyalnest-reward').first().waitFor();
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('B-only reward');
      expect(text).not.toContain('Canvas tote');
      expect((await sessionOf(page)).body.customerId).toBe(world.cai.id);
      await shot(page, 'shop-b-panel');
    } finally {
      await close();
    }
  });
});
