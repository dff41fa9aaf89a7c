import { describe, expect, it } from '@jest/globals';
import { newReferralCode } from '../../../subgraphs/referral/src/domain/referral-code.js';
import { seriousAxeViolations } from '../support/browser.js';
import { follow, hook, openPanel, sessionOf, settled, shot, textMatching, visit, widgetWorld } from '../support/widget-browser.js';

/**
 * The widget for visitors who are not signed in: the program and a way to sign in, no balance;
 * and a friend's referral link landing in the storefront's theme, where the panel opens on the
 * offer and a claim gives the friend a discount code.
 */
describe('the widget for a visitor who is not signed in', () => {
  const world = widgetWorld();

  it('shows no balance, how the program works and a sign-in link', async () => {
    const { page, pageErrors, graphqlBodies, close } = await visit(world, world.storeA, '/');
    try {
      // given: a guest session (no customer)
      const session = await sessionOf(page);
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({ customerId: null, loggedIn: false, token: expect.any(String) });

      const launcher = hook(page, 'loyalnest-launcher');
      await launcher.waitFor();
      await shot(page, 'guest-launcher');
      // then: no figure on the launcher, and none in the panel
      expect((await hook(page, 'loyalnest-launcher-balance').allTextContents()).join('')).not.toMatch(/\d/);
      await openPanel(page);
      await hook(page, 'loyalnest-how-it-works').waitFor();
      expect(await hook(page, 'loyalnest-balance').count()).toBe(0);
      expect(await hook(page, 'loyalnest-redeem').count()).toBe(0);
      expect(await hook(page, 'loyalnest-referral-url').count()).toBe(0);
      const signIn = hook(page, 'loyalnest-sign-in');
      expect(new URL((await signIn.getAttribute('href'))!, world.storeA.origin).pathname).toBe('/account/login');
      for (const body of graphqlBodies) for (const id of [world.ana.id, world.ben.id, world.cai.id]) expect(body).not.toContain(id);
      await shot(page, 'guest-panel');
      expect((await seriousAxeViolations(page, '#loyalnest-widget')).map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      // when: the visitor follows the sign-in link; then: the storefront's account login
      await signIn.click();
      await page.waitForURL((url) => url.pathname === '/account/login');
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('opens a referral link on the offer; a claim gives the friend a code Shopify knows, with a link to the cart', async () => {
    const { page, pageErrors, close } = await visit(world, world.storeA, `/apps/loyalnest/r/${world.anaCode}`);
    try {
      // then: the theme's page with the landing element, and the panel open on the offer by itself
      const landing = page.locator('#loyalnest-referral');
      expect(await landing.getAttribute('data-code')).toBe(world.anaCode);
      expect(JSON.parse((await landing.getAttribute('data-offer'))!)).toBeTruthy();
      await hook(page, 'loyalnest-panel').waitFor();
      expect(await textMatching(hook(page, 'loyalnest-referral-offer'), /10\s?%/)).toBeTruthy();
      await settled(page);
      await shot(page, 'referral-landing');
      expect((await seriousAxeViolations(page, '#loyalnest-widget')).map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      // when: the friend claims with their email
      await hook(page, 'loyalnest-claim-email').fill(`friend-${Date.now()}@example.com`);
      await hook(page, 'loyalnest-claim').click();

      // then: the friend's code, created at Shopify, and the link that applies it to the cart
      const code = /REF-[0-9A-Z]{10}/.exec(await textMatching(hook(page, 'loyalnest-friend-code'), /REF-[0-9A-Z]{10}/, 20_000))![0];
      expect(world.fake.discounts(world.a.shop).map((d) => d.code)).toContain(code);
      const href = (await hook(page, 'loyalnest-apply-code').getAttribute('href'))!;
      const url = new URL(href, world.storeA.origin);
      expect(`${url.pathname}${url.search}`).toBe(`/discount/${code}?redirect=/cart`);
      await shot(page, 'referral-claimed');
      const cart = await follow(page, hook(page, 'loyalnest-apply-code'), (u) => u.pathname === '/cart');
      expect(await cart.locator('body').textContent()).toContain(code);
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says in the shopper’s words that an unknown referral code, another shop’s or a malformed one leads nowhere', async () => {
    // Ana's code is shop A's: on shop B's storefront it is as unknown as a well-formed code nobody has.
    for (const [store, code, expected, name] of [
      [world.storeA, newReferralCode(), 'REFERRAL_CODE_NOT_FOUND', 'referral-unknown-code'],
      [world.storeB, world.anaCode, 'REFERRAL_CODE_NOT_FOUND', 'referral-other-shops-code'],
      [world.storeA, 'not-a-code!', 'REFERRAL_CODE_MALFORMED', 'referral-malformed-code'],
    ] as const) {
      const { page, close } = await visit(world, store, `/apps/loyalnest/r/${encodeURIComponent(code)}`);
      try {
        const landing = page.locator('#loyalnest-referral');
        expect(await landing.getAttribute('data-error')).toBe(expected);
        expect(await landing.getAttribute('data-offer')).toBeNull();
        const error = hook(page, 'loyalnest-error');
        await error.waitFor();
        expect(await error.getAttribute('role')).toBe('alert');
        expect(await error.textContent()).not.toMatch(/REFERRAL_CODE|GraphQL|undefined|null/);
        expect(await hook(page, 'loyalnest-claim').count()).toBe(0);
        await shot(page, name);
      } finally {
        await close();
      }
    }
  });
});
