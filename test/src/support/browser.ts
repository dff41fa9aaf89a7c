import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { APP_BRIDGE_SRC } from '../../../gateway/src/dashboard/dashboard-routes.js';
import type { TestGateway } from './gateway.js';
import { nowSeconds, sessionToken } from './tokens.js';

/**
 * Headless Chromium from Debian's `chromium` package (`.ci/run` installs it when missing):
 * Playwright's own browser download cannot reach the internet here. The flags keep it from
 * calling Google's services, which this machine's closed network refuses many at a time.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Where this run's screenshots go, for people to look at: `SCREENSHOTS_DIR`, which `npm test`
 * names per run (test/jest-shards.sh), else a folder of this process's own.
 */
export const SCREENSHOTS_DIR = process.env.SCREENSHOTS_DIR ?? join(process.cwd(), 'screenshots', `run-${new Date().toISOString().replace(/[:.]/g, '-')}`);

/** A full-page screenshot named after what it shows. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Where, and axe's own words for what fails there (e.g. the contrast ratio and both colours). */
  nodes: { target: string[]; html: string; summary?: string }[];
}

/**
 * axe-core's WCAG 2.1 A/AA rules on the page as it is now, or only inside the element `within`
 * names (with its shadow tree: the storefront widget is judged apart from the theme it sits in).
 * Returns the serious and critical violations, each with where it is, so a failing test says what
 * to fix.
 */
export async function seriousAxeViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (within) => {
    type AxeResult = Omit<AxeViolation, 'nodes'> & { nodes: { target: string[]; html: string; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeResult[] }> } }).axe;
    const context = within ? { include: [within] } : document;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), summary: n.failureSummary })) }));
  }, within);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Stands in for Shopify's App Bridge script, which the gateway's page loads from Shopify's CDN when
 * Shopify admin opens it. Like the real one, `shopify.idToken()` hands out the current session
 * token until it expires, then a new one, minted by the test (`__loyalnestIdToken`) exactly as
 * Shopify signs them (HS256 with the app secret, a one-minute life unless the test says less).
 */
const FAKE_APP_BRIDGE = `
(() => {
  let current = null;
  // The real script moves the app's menu into Shopify admin's own navigation and shows nothing in the page.
  customElements.define('ui-nav-menu', class extends HTMLElement {
    connectedCallback() { this.hidden = true; }
  });
  window.shopify = {
    config: { apiKey: document.querySelector('meta[name="shopify-api-key"]')?.content },
    async idToken() {
      if (!current || current.exp * 1000 <= Date.now()) current = await window.__loyalnestIdToken();
      return current.token;
    },
  };
})();
`;

export interface DashboardSession {
  context: BrowserContext;
  page: Page;
  /** Session tokens the fake App Bridge has handed out so far. */
  tokensIssued(): number;
  /** GraphQL requests the gateway answered 401 (an expired or invalid token). */
  unauthorizedResponses(): number;
  /** Documents the page has loaded: 1 until something reloads it or leaves it. */
  documentsLoaded(): number;
  /** Messages the page logged as errors, and uncaught exceptions, for tests to assert on. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface OpenDashboardOptions {
  /** The dashboard route, under /app (default: the overview). */
  path?: string;
  /** Lifetime of each session token the fake App Bridge mints (Shopify's: 60 s). */
  tokenLifetimeSeconds?: number;
  /**
   * How many of the first tokens are handed out already a minute past their expiry, as App Bridge
   * on a machine whose clock runs behind would: past the gateway's tolerance, so it answers 401.
   */
  staleTokens?: number;
  viewport?: { width: number; height: number };
}

/** The gateway's origin, from its GraphQL URL. */
export function originOf(gateway: TestGateway): string {
  return new URL(gateway.url).origin;
}

/**
 * The dashboard as Shopify admin opens it for `shop`: with `embedded=1`, `shop` and `host` in the
 * URL, App Bridge (the stand-in above) on the page, and a session token on every request.
 */
export async function openDashboard(browser: Browser, gateway: TestGateway, shop: string, options: OpenDashboardOptions = {}): Promise<DashboardSession> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  let issued = 0;
  let unauthorized = 0;
  await context.exposeFunction('__loyalnestIdToken', async () => {
    issued++;
    const stale = issued <= (options.staleTokens ?? 0);
    const exp = stale ? nowSeconds() - 60 : nowSeconds() + (options.tokenLifetimeSeconds ?? 60);
    return { token: await sessionToken(gateway.config, shop, stale ? { exp, iat: exp - 60, nbf: exp - 65 } : { exp }), exp };
  });
  await context.route(APP_BRIDGE_SRC, (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: FAKE_APP_BRIDGE }));
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // A client-side route change moves the URL without loading a document: only a load counts.
  let documents = 0;
  page.on('domcontentloaded', () => documents++);
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/graphql' && response.status() === 401) unauthorized++;
  });
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  const host = Buffer.from(`admin.shopify.com/store/${shop.replace('.myshopify.com', '')}`).toString('base64url');
  const path = options.path ?? '/';
  const separator = path.includes('?') ? '&' : '?';
  await page.goto(`${originOf(gateway)}/app${path}${separator}embedded=1&shop=${shop}&host=${host}`);
  return { context, page, tokensIssued: () => issued, unauthorizedResponses: () => unauthorized, documentsLoaded: () => documents, pageErrors, close: () => context.close() };
}
