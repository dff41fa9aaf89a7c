import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from '../support/browser.js';
import { pointsOf } from '../support/points.js';
import { figure, focused, focusInsidePanel, frames, hook, launcherShowing, motionOnReopen, openPanel, settled, shot, visit, widgetWorld } from '../support/widget-browser.js';

/** Properties a theme's CSS could change on an element: typography, colours, box, display. */
const STYLE_PROPERTIES = [
  'display', 'position', 'box-sizing', 'visibility', 'opacity', 'z-index',
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'text-transform', 'text-align', 'text-decoration-line', 'white-space',
  'color', 'background-color', 'background-image', 'box-shadow', 'outline-style', 'cursor',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width', 'border-top-style', 'border-top-color', 'border-top-left-radius',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'width', 'height', 'min-height', 'max-width', 'transform',
];

/** Computed styles of the widget's own elements (inside its shadow root) that carry these test ids. */
function widgetStyles(page: Page, testIds: string[]): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(
    ({ testIds, properties }) => {
      const root = document.getElementById('loyalnest-widget')?.shadowRoot;
      const out: Record<string, Record<string, string>> = {};
      for (const id of testIds) {
        const element = root?.querySelector(`[data-testid="${id}"]`);
        if (!element) continue;
        const style = getComputedStyle(element);
        out[id] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
      }
      return out;
    },
    { testIds, properties: STYLE_PROPERTIES },
  );
}

/** Computed styles of the first few theme elements of each kind, outside the widget. */
function themeStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate((properties) => {
    const out: Record<string, Record<string, string>> = {};
    const tags = ['html', 'body', 'header', 'nav', 'main', 'footer', 'h1', 'h2', 'p', 'a', 'button', 'input', 'img', 'ul', 'li', 'div', 'span', 'section', 'article'];
    for (const tag of tags) {
      const elements = Array.from(document.querySelectorAll(tag)).filter((e) => !e.closest('#loyalnest-widget, #loyalnest-referral')).slice(0, 3);
      elements.forEach((element, i) => {
        const style = getComputedStyle(element);
        // Sizes that follow the viewport's width are compared too: a widget that changed them would have moved the page.
        out[`${tag}[${i}]`] = Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]));
      });
    }
    return out;
  }, STYLE_PROPERTIES);
}

/** Sum of the page's layout shifts so far (those not caused by input), with what shifted. */
const LAYOUT_SHIFT_OBSERVER = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      // A node inside a shadow root is not exposed (null): its rectangles still say what moved.
      const rect = (r) => r.width + 'x' + r.height + '@' + r.x + ',' + r.y;
      window.__shifts.push({ value: entry.value, sources: (entry.sources || []).map((s) => (s.node ? s.node.id || s.node.nodeName : 'a node in a shadow root') + ': ' + rect(s.previousRect) + ' -> ' + rect(s.currentRect)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

function layoutShifts(page: Page): Promise<{ value: number; sources: string[] }[]> {
  return page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
}

/**
 * The widget in the theme: it fits a 320 px phone and works from the keyboard, the theme's hostile
 * CSS does not reach it nor does its CSS reach the theme, it moves nothing on the page, and its
 * panel passes axe.
 */
describe('the widget in the theme', () => {
  const world = widgetWorld();

  it('fits a 320 px wide screen without horizontal scrolling and works from the keyboard alone', async () => {
    const { page, pageErrors, close } = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId, viewport: { width: 320, height: 640 } });
    try {
      const balance = (await pointsOf(world.gateway, world.a, world.ana.id)).balance;
      await launcherShowing(page, figure(balance));
      await shot(page, 'mobile-launcher');

      // when: Tab until the launcher has focus (the theme's links come first), then Enter
      let presses = 0;
      while ((await focused(page)) !== 'loyalnest-launcher') {
        expect(++presses).toBeLessThan(120);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');

      // then: the panel is open, holds the focus, and fits the screen
      const panel = hook(page, 'loyalnest-panel');
      await panel.waitFor();
      await hook(page, 'loyalnest-balance').waitFor();
      expect(await focusInsidePanel(page)).toBe(true);
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(320);
      // The panel scrolls nothing sideways, and the page no more than the theme's own page without the widget.
      const panelOverflow = await panel.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(panelOverflow).toBe(0);
      const pageOverflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const reference = await visit(world, world.storeA, '/?nowidget=1', { signIn: world.ana.shopifyId, viewport: { width: 320, height: 640 } });
      try {
        expect(await pageOverflow(page)).toBe(await pageOverflow(reference.page));
      } finally {
        await reference.close();
      }
      await shot(page, 'mobile-panel');

      // Tab and Shift+Tab past the panel's last and first controls: the focus stays inside
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        expect(await focusInsidePanel(page)).toBe(true);
      }
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Shift+Tab');
        expect(await focusInsidePanel(page)).toBe(true);
      }

      // when: Escape; then: closed, the focus back on the launcher
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      expect(await focused(page)).toBe('loyalnest-launcher');
      expect(await hook(page, 'loyalnest-launcher').getAttribute('aria-expanded')).toBe('false');

      // and the close button does the same
      await page.keyboard.press('Enter');
      await panel.waitFor();
      await hook(page, 'loyalnest-close').click();
      await panel.waitFor({ state: 'hidden' });
      expect(await focused(page)).toBe('loyalnest-launcher');
      expect(pageErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('is not restyled by the theme’s hostile CSS, and its own CSS does not reach the theme', async () => {
    const { page, close } = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId });
    const reference = await visit(world, world.storeA, '/?nowidget=1', { signIn: world.ana.shopifyId });
    try {
      const balance = (await pointsOf(world.gateway, world.a, world.ana.id)).balance;
      await launcherShowing(page, figure(balance));
      await openPanel(page);
      await hook(page, 'loyalnest-balance').waitFor();
      await page.getByTestId('loyalnest-reward').first().waitFor();
      await shot(page, 'isolation-with-theme-css');
      // The page's theme CSS is really hostile to the elements the widget uses.
      expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);

      // The theme's elements with the widget open, and on the same page without the widget: the same
      // styles (the pointer on the same spot of both, so that no :hover rule tells them apart)
      await page.mouse.move(1, 1);
      await reference.page.mouse.move(1, 1);
      const withWidget = await themeStyles(page);
      expect(Object.keys(withWidget).length).toBeGreaterThan(5);
      expect(withWidget).toEqual(await themeStyles(reference.page));

      // The widget's elements, with the theme's style sheets and without them: the same styles
      const ids = ['loyalnest-launcher', 'loyalnest-panel', 'loyalnest-close', 'loyalnest-balance', 'loyalnest-reward', 'loyalnest-redeem', 'loyalnest-earn-rule'];
      const themed = await widgetStyles(page, ids);
      expect(Object.keys(themed)).toEqual(expect.arrayContaining(['loyalnest-launcher', 'loyalnest-panel', 'loyalnest-balance']));
      await page.evaluate(() => {
        for (const sheet of Array.from(document.styleSheets)) sheet.disabled = true;
        for (const element of Array.from(document.querySelectorAll<HTMLElement>('[style]'))) if (element.id !== 'loyalnest-widget') element.removeAttribute('style');
      });
      await shot(page, 'isolation-without-theme-css');
      expect(await widgetStyles(page, ids)).toEqual(themed);
    } finally {
      await close();
      await reference.close();
    }
  });

  it('moves nothing on the page: no layout shift, and the page as tall as without the widget', async () => {
    const { page, close } = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId, initScript: LAYOUT_SHIFT_OBSERVER });
    const reference = await visit(world, world.storeA, '/?nowidget=1', { signIn: world.ana.shopifyId, initScript: LAYOUT_SHIFT_OBSERVER });
    try {
      const balance = (await pointsOf(world.gateway, world.a, world.ana.id)).balance;
      await launcherShowing(page, figure(balance));
      // A shift is reported after the frame that made it: once the page's animations have ended,
      // two more frames, so a shift from the balance's drawing has been reported.
      await settled(page);
      await frames(page);
      const shifts = await layoutShifts(page);
      expect(shifts).toEqual([]);
      expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBe(0);
      const height = (p: Page) => p.evaluate(() => document.documentElement.scrollHeight);
      expect(await height(page)).toBe(await height(reference.page));
      expect(await layoutShifts(reference.page)).toEqual([]);
    } finally {
      await close();
      await reference.close();
    }
  });

  it('animates the panel, and nothing in it when the shopper asks for reduced motion', async () => {
    const moving = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId });
    const still = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId, reducedMotion: 'reduce' });
    try {
      for (const { page } of [moving, still]) {
        await openPanel(page);
        await hook(page, 'loyalnest-tier-progress').waitFor();
      }
      // Without the preference the panel fades in and its progress bar slides: the check sees motion
      // in the computed styles (what is still running one frame later depends on the machine's speed,
      // so only the styles are compared here).
      const usual = await motionOnReopen(moving.page);
      expect(usual.animated.length).toBeGreaterThan(0);
      // With it: nothing runs on opening, and no element of the panel animates or transitions.
      expect(await motionOnReopen(still.page)).toEqual({ running: [], animated: [] });
      expect(await hook(still.page, 'loyalnest-panel').isVisible()).toBe(true);
      expect([...moving.pageErrors, ...still.pageErrors]).toEqual([]);
    } finally {
      await moving.close();
      await still.close();
    }
  });

  it('has no serious or critical axe violations in the open panel', async () => {
    const { page, close } = await visit(world, world.storeA, '/', { signIn: world.ana.shopifyId });
    try {
      const balance = (await pointsOf(world.gateway, world.a, world.ana.id)).balance;
      await launcherShowing(page, figure(balance));
      expect(await seriousAxeViolations(page, '#loyalnest-widget')).toEqual([]);
      await openPanel(page);
      await hook(page, 'loyalnest-balance').waitFor();
      await page.getByTestId('loyalnest-reward').first().waitFor();
      await hook(page, 'loyalnest-history-entry').first().waitFor();
      await settled(page);
      const violations = await seriousAxeViolations(page, '#loyalnest-widget');
      expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => [n.target, n.summary]))}`)).toEqual([]);
      await shot(page, 'axe-panel');
    } finally {
      await close();
    }
  });
});
