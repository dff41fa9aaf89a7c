import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, originOf, screenshot } from './browser.js';
import { eventually } from './events.js';
import { startFakeShopify, type FakeShopify } from './fake-shopify.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { installMerchant } from './install.js';
import { award } from './points.js';
import { PROGRAM_ON, referralOf, updateReferralProgram } from './referrals.js';
import { createReward, REWARDS_ENV } from './rewards.js';
import { startTestStorefront, type Storefront } from './storefront.js';
import { TIER_EVENTS_ENV } from './tier-members.js';
import { tierInput, updateTierProgram, type UpdateTierProgramResult } from './tiers.js';
import { shopifyId, upsertCustomer, type CreatedCustomer, type TestMerchant } from './tenants.js';

export interface Shopper extends CreatedCustomer {
  name: string;
  /** The balance seeded before any test runs. */
  seeded: number;
}

export interface WidgetWorld {
  fake: FakeShopify;
  gateway: TestGateway;
  browser: Browser;
  /** The shop every test looks at, installed through OAuth against the fake Shopify. */
  a: TestMerchant;
  /** Another merchant on the same deployment: nothing of it may ever reach a page of A. */
  b: TestMerchant;
  /** A's storefront (Ana and Ben can sign in) and B's (Cai). */
  storeA: Storefront;
  storeB: Storefront;
  ana: Shopper;
  ben: Shopper;
  cai: Shopper;
  /** A's rewards: one Ana can afford, one nobody can. */
  cheapReward: string;
  dearReward: string;
  /** Ana's referral code (A's program is on, 10 % for the friend). */
  anaCode: string;
}

/**
 * A's tier program, on points earned from orders (an admin's award is not earned, so the seeded
 * shoppers earned nothing): Ana is assigned Silver by the merchant, 0 of the 4,000 points to Gold.
 * B has no tiers (its panel has no tier section).
 */
export const TIERS_A = [
  { name: 'Bronze', threshold: 0 },
  { name: 'Silver', threshold: 1000 },
  { name: 'Gold', threshold: 5000 },
] as const;

const TIER_NOW = `query($id: ID!) { customer(id: $id) { tier { current { name } } } }`;
const ASSIGN_TIER = `mutation($input: AssignTierInput!) { assignTier(input: $input) { __typename } }`;

/** What a tote costs: far above any seeded balance, so the panel says how many points are missing. */
export const DEAR_COST = 5000;
export const CHEAP_COST = 500;

/**
 * The supergraph with a fake Shopify (redemptions and referral claims create discount codes
 * there), two installed merchants with customers, balances, rewards and a referral program, a
 * storefront stand-in for each shop, and one headless Chromium: what every widget browser file
 * shares, started before its tests and stopped after them. Call it inside the file's `describe`.
 */
export function widgetWorld(): WidgetWorld {
  const world = {} as WidgetWorld;
  beforeAll(async () => {
    world.fake = await startFakeShopify();
    world.gateway = await startTestGateway('embedded', { ...world.fake.env, ...REWARDS_ENV, ...TIER_EVENTS_ENV });
    const { gateway } = world;
    [world.a, world.b] = await Promise.all([installMerchant(gateway, world.fake, 'widget-a'), installMerchant(gateway, world.fake, 'widget-b')]);
    // Before any points: the tier engine then places each award as it comes.
    const tiers = (await updateTierProgram(gateway, world.a.auth, { metric: 'POINTS_EARNED', tiers: TIERS_A.map((t) => tierInput(t.name, t.threshold)) })) as UpdateTierProgramResult;
    if (tiers.__typename !== 'TierProgram') throw new Error(`A's tier program refused: ${JSON.stringify(tiers)}`);
    const shopper = async (merchant: TestMerchant, name: string, points: number): Promise<Shopper> => {
      const customer = await upsertCustomer(gateway, merchant, { shopifyId: shopifyId(), email: `${name.toLowerCase()}-${Date.now()}@example.com`, firstName: name });
      await award(gateway, merchant, customer.id, points);
      return { ...customer, name, seeded: points };
    };
    // Ana's and Cai's balances above 999, so the figures on screen show the locale's grouping.
    [world.ana, world.ben, world.cai] = await Promise.all([shopper(world.a, 'Ana', 1200), shopper(world.a, 'Ben', 40), shopper(world.b, 'Cai', 2750)]);
    [world.cheapReward, world.dearReward] = await Promise.all([
      createReward(gateway, world.a, { names: { en: '5 off your order' }, pointsCost: CHEAP_COST }),
      createReward(gateway, world.a, { names: { en: 'Canvas tote' }, pointsCost: DEAR_COST, value: '30.00' }),
      createReward(gateway, world.b, { names: { en: 'B-only reward' }, pointsCost: 100 }),
    ]);
    await Promise.all([updateReferralProgram(gateway, world.a.auth, PROGRAM_ON), updateReferralProgram(gateway, world.b.auth, PROGRAM_ON)]);
    world.anaCode = (await referralOf(gateway, world.a.auth, world.ana.id))!.code;
    const silver = tiers.tiers.find((t) => t.name === 'Silver')!.id;
    const assigned = await gateway.gql<{ assignTier: { __typename: string } }>(ASSIGN_TIER, { input: { customerId: world.ana.id, tierId: silver } }, world.a.auth);
    if (assigned.data?.assignTier.__typename !== 'AssignTierSuccess') throw new Error(`assignTier refused: ${JSON.stringify(assigned)}`);
    // The tier engine works from the points events: the panel shows Ana's tier once it has placed her.
    await eventually(async () => {
      const answer = await gateway.gql<{ customer: { tier: { current: { name: string } | null } } | null }>(TIER_NOW, { id: world.ana.id }, world.a.auth);
      return answer.data?.customer?.tier.current?.name === 'Silver' || undefined;
    }, 30_000, 'Ana placed in Silver');
    const store = (merchant: TestMerchant, shoppers: Shopper[]) => startTestStorefront(gateway, merchant, { customers: shoppers.map((s) => ({ shopifyId: s.shopifyId, name: s.name })) });
    [world.storeA, world.storeB] = await Promise.all([store(world.a, [world.ana, world.ben]), store(world.b, [world.cai])]);
    world.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await world.browser?.close();
    await Promise.all([world.storeA?.close(), world.storeB?.close()]);
    await world.gateway?.stop();
    await world.fake?.close();
  });
  return world;
}

export interface StorefrontVisit {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions in the page: a widget that throws fails the test that saw it. */
  pageErrors: string[];
  /** Every GraphQL answer the page received from the gateway, as text (for isolation checks). */
  graphqlBodies: string[];
  /** Every WebSocket frame the page received (graphql-ws), as text. */
  liveFrames: string[];
  close(): Promise<void>;
}

export interface VisitOptions {
  /** A customer's Shopify id to sign in as first, through the storefront's account login. */
  signIn?: string;
  viewport?: { width: number; height: number };
  /** A page script that runs before the page's own (e.g. a PerformanceObserver). */
  initScript?: string;
  /** Browser permissions granted to the page's origin (e.g. clipboard-read, clipboard-write). */
  permissions?: string[];
  /** The `prefers-reduced-motion` the page sees. */
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * Opens `path` of a storefront in a fresh browser context (its own cookies), signed in as a
 * customer when asked: through the storefront's `/account/login`, as a shopper would.
 */
export async function visit(world: WidgetWorld, store: Storefront, path: string, options: VisitOptions = {}): Promise<StorefrontVisit> {
  const context = await world.browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, reducedMotion: options.reducedMotion ?? 'no-preference' });
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: store.origin });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const graphqlBodies: string[] = [];
  const liveFrames: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const gatewayOrigin = originOf(world.gateway);
  page.on('response', (response) => {
    if (response.url().startsWith(`${gatewayOrigin}/graphql`) && response.request().method() === 'POST') {
      response.text().then((text) => graphqlBodies.push(text), () => {});
    }
  });
  page.on('websocket', (socket) => socket.on('framereceived', (frame) => liveFrames.push(String(frame.payload))));
  const target = `${store.origin}${path}`;
  if (options.signIn) {
    await page.goto(`${store.origin}/account/login?customer=${encodeURIComponent(options.signIn)}&return_to=${encodeURIComponent(path)}`);
    if (page.url() !== target) await page.goto(target);
  } else {
    await page.goto(target);
  }
  return { context, page, pageErrors, graphqlBodies, liveFrames, close: () => context.close() };
}

/** A test hook of the widget (`data-testid`); Playwright's locators pierce the open shadow root. */
export function hook(page: Page, testId: string): Locator {
  return page.getByTestId(testId);
}

/** Waits until the locator's text matches, and returns that text. */
export async function textMatching(locator: Locator, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  let last: string | null = null;
  try {
    return await eventually(async () => {
      last = await locator.first().textContent({ timeout: 1000 }).catch(() => null);
      return last !== null && pattern.test(last) ? last : undefined;
    }, timeoutMs, `text matching ${pattern}`);
  } catch (error) {
    // Say what was there instead: a wrong figure and a missing element are different bugs.
    throw new Error(`${(error as Error).message} in ${locator}; it showed ${last === null ? 'no such element' : JSON.stringify(last)}`);
  }
}

/** The launcher with the shopper's balance on it, once the session and balance have arrived. */
export async function launcherShowing(page: Page, balance: RegExp): Promise<string> {
  await hook(page, 'loyalnest-launcher').waitFor();
  return textMatching(hook(page, 'loyalnest-launcher-balance'), balance);
}

/**
 * Waits for the page's running animations and transitions (the shadow tree's included) to end: a
 * panel halfway through fading in has neither its final colours (axe's contrast) nor its styles.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Two frames first, so that a style just applied has started its animation; the document's
    // list leaves out those inside shadow roots, so the widget's root is asked too.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const root = document.getElementById('loyalnest-widget')?.shadowRoot;
    const running = [...document.getAnimations(), ...(root?.getAnimations() ?? [])];
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Waits for the page to draw `count` more frames: a layout shift or a redraw is reported after its frame. */
export async function frames(page: Page, count = 2): Promise<void> {
  await page.evaluate(async (count) => {
    for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  }, count);
}

/**
 * Reopens the panel (closed, then the launcher clicked) in one page script and returns, a frame
 * later, what moves in the widget: its running animations, and its panel's elements whose
 * computed style animates or transitions. A 0.18 s fade is still running one frame in.
 */
export function motionOnReopen(page: Page): Promise<{ running: string[]; animated: string[] }> {
  return page.evaluate(async () => {
    const root = document.getElementById('loyalnest-widget')!.shadowRoot!;
    root.querySelector<HTMLElement>('[data-testid="loyalnest-close"]')!.click();
    root.querySelector<HTMLElement>('[data-testid="loyalnest-launcher"]')!.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const running = root.getAnimations().map((a) => (a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? a.constructor.name);
    const panel = root.querySelector<HTMLElement>('[data-testid="loyalnest-panel"]')!;
    const animated = [panel, ...Array.from(panel.querySelectorAll<HTMLElement>('*'))]
      .filter((e) => {
        const style = getComputedStyle(e);
        return style.animationName !== 'none' || style.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
      })
      .map((e) => e.dataset.testid ?? e.className ?? e.tagName);
    return { running, animated };
  });
}

/** Opens the panel from the launcher and waits for its dialog, shown in full. */
export async function openPanel(page: Page): Promise<Locator> {
  await hook(page, 'loyalnest-launcher').click();
  const panel = hook(page, 'loyalnest-panel');
  await panel.waitFor();
  await settled(page);
  return panel;
}

/**
 * Follows a link as a shopper would, in the same tab or in the one it opens (`target`), and
 * returns the page that shows where it led, once it got there.
 */
export async function follow(page: Page, link: Locator, arrived: (url: URL) => boolean): Promise<Page> {
  const opensTab = Boolean(await link.getAttribute('target')) && (await link.getAttribute('target')) !== '_self';
  const [landed] = await Promise.all([opensTab ? page.context().waitForEvent('page') : Promise.resolve(page), link.click()]);
  await landed.waitForURL(arrived);
  return landed;
}

/** Whether the element or any element it sits in (through the shadow host) is fixed-position. */
export function fixedOnScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((start) => {
    for (let e: Element | null = start; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
      if (getComputedStyle(e).position === 'fixed') return true;
    }
    return false;
  });
}

/** The deepest focused element (through open shadow roots): its test id, else its tag name. */
export function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return null;
    return element.getAttribute('data-testid') ?? element.tagName.toLowerCase();
  });
}

/** Whether the deepest focused element is inside the panel's dialog. */
export function focusInsidePanel(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return Boolean(element?.closest('[data-testid="loyalnest-panel"]'));
  });
}

/** The session the widget gets: the same request it makes, from the page, with the page's cookies. */
export async function sessionOf(page: Page): Promise<{ status: number; body: Record<string, any> }> {
  return page.evaluate(async () => {
    const host = document.getElementById('loyalnest-widget');
    const response = await fetch(`${host?.dataset.proxyPath ?? '/apps/loyalnest'}/session`, { headers: { accept: 'application/json' } });
    return { status: response.status, body: await response.json() };
  });
}

/** A GraphQL request sent from the page as the widget sends it: cross-origin, bearer token, no cookies. */
export async function gqlFromPage(page: Page, url: string, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  return page.evaluate(
    async ({ url, token, query, variables }) => {
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, ...(await response.json()) };
    },
    { url, token, query, variables },
  );
}

/** A screenshot in this run's folder, named for the widget's step it shows. */
export function shot(page: Page, step: string): Promise<string> {
  return screenshot(page, `widget-${step}`);
}

/** Digits of a number as the widget writes it in English (1,200). */
export function grouped(value: number): string {
  return value.toLocaleString('en-US');
}

/** A regular expression for a number as written in English, not inside a longer number. */
export function figure(value: number): RegExp {
  return new RegExp(`(^|[^\\d,.])${grouped(value)}($|[^\\d,])`);
}
