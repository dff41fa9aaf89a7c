/**
 * `bench widget`: what the storefront widget costs a shopper's phone. Its figures:
 *
 * - The launcher's and the panel's (JS + CSS) gzipped sizes, from the build in
 *   extensions/loyalnest-widget/assets (built first when stale), as the size check counts them.
 * - In headless Chromium (Debian's), on a throttled profile: Lighthouse's "slow 4G" mobile figures
 *   as DevTools applies them, 150 ms latency per request, 1.6 Mbps down, 750 Kbps up (CDP
 *   `Network.emulateNetworkConditions`), and the CPU 4x slower (`Emulation.setCPUThrottlingRate`).
 *   Each run is a first visit (a new browser context: empty cache) of the local storefront
 *   stand-in's home page by a signed-in shopper:
 *   - `balance_ms`: from the page's load event to the balance drawn on the launcher (the launcher
 *     is a deferred script; the balance needs the app proxy's session, then a GraphQL request to
 *     the gateway). Negative would mean the balance came before the load event.
 *   - `blocking_ms`: main-thread blocking, each long task's time past 50 ms summed (Total Blocking
 *     Time's rule, from the `longtask` PerformanceObserver), from navigation to one second after
 *     the later of load and balance, with the widget minus the reference page without it
 *     (`/?nowidget=1`, the same theme page) measured alternately in the same run.
 *   Medians of `BENCH_RUNS` runs (default 7) of each page.
 *
 * The backend is one embedded gateway on its own databases, a fake Shopify, one installed shop
 * and one customer with points: on loopback, so the figures are the network profile's and the
 * browser's, not a server's.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { mintDevToken } from '../../gateway/src/auth/dev-token.js';
import { loadGatewayConfig } from '../../gateway/src/config.js';
import { startStorefront } from '../../gateway/src/dev/storefront/storefront-stand-in.js';
import { startEmbeddedGateway } from '../../gateway/src/modes.js';
import { migrateAll } from '../../gateway/src/operations.js';
import { subgraphModules } from '../../gateway/src/subgraphs.js';
import { CHROMIUM_PATH, launchBrowser } from '../src/support/browser.js';
import { startFakeShopify } from '../src/support/fake-shopify.js';
import { installShop } from '../src/support/install.js';
import { log, positiveInt } from './bench-env.js';
import { round } from './load.js';

const DATABASE_PREFIX = 'loyalnest_bench_widget';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASSETS = join(ROOT, 'extensions', 'loyalnest-widget', 'assets');
const BALANCE = 1234;

/** Lighthouse's mobile "slow 4G" as DevTools throttles (its `devtools` throttling method's inputs). */
const PROFILE = {
  name: 'slow 4G (Lighthouse mobile): 150 ms latency, 1.6 Mbps down, 750 Kbps up, CPU 4x slower',
  latencyMs: 150,
  downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
  uploadBytesPerSecond: (750 * 1024) / 8,
  cpuSlowdown: 4,
};

/**
 * Runs in every page before its own scripts: the load event's time, long tasks, and when the
 * launcher's balance first shows a digit. The widget's shadow root is open but attaching it fires
 * no DOM mutation, so `attachShadow` is wrapped to observe each new root from its first moment.
 */
const PROBE = `(() => {
  const state = (window.__bench = { load: null, balance: null, longTasks: [] });
  addEventListener('load', () => { state.load = performance.now(); });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const watch = (root) => {
    const check = () => {
      if (state.balance !== null) return;
      const el = root.querySelector('[data-testid="loyalnest-launcher-balance"]');
      if (el && /\\d/.test(el.textContent || '')) state.balance = performance.now();
    };
    new MutationObserver(check).observe(root, { subtree: true, childList: true, characterData: true });
    check();
  };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); watch(root); return root; };
})();`;

interface Run {
  loadMs: number;
  balanceMs: number | null;
  blockingMs: number;
  /** Each long task as `<start>+<duration>` ms, for telling the launcher's start-up from drawing the balance. */
  longTasks: string[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function gzKb(file: string): number {
  return gzipSync(readFileSync(join(ASSETS, file)), { level: 9 }).length / 1024;
}

/** The widget's build, made first when a source is newer (H2's build script, as `npm test` runs it). */
function buildWidget(): void {
  const script = join(ROOT, 'scripts', 'widget-build.mjs');
  if (!existsSync(script)) throw new Error('scripts/widget-build.mjs is missing: the widget cannot be built');
  const result = spawnSync(process.execPath, [script, '--if-stale'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`building the widget failed (exit ${result.status})`);
}

async function visit(browser: Browser, origin: string, loginQuery: string, path: string, widget: boolean): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    // Signed in before throttling: the storefront's login sets its cookie in this context.
    const login = await context.request.get(`${origin}/account/login?${loginQuery}`, { maxRedirects: 0 });
    if (login.status() !== 302 && login.status() !== 303) throw new Error(`signing in at the storefront answered HTTP ${login.status()}`);
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.latencyMs,
      downloadThroughput: PROFILE.downloadBytesPerSecond,
      uploadThroughput: PROFILE.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
    await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 120_000 });
    if (widget) await page.waitForFunction(() => (window as unknown as { __bench: { balance: number | null } }).__bench.balance !== null, null, { timeout: 120_000, polling: 100 });
    // Long tasks that the first view sets off (the session, the GraphQL answer, drawing) end within it.
    await page.waitForTimeout(1000);
    const state = await page.evaluate(() => (window as unknown as { __bench: { load: number; balance: number | null; longTasks: { start: number; duration: number }[] } }).__bench);
    if (widget) {
      const shown = await page.getByTestId('loyalnest-launcher-balance').textContent();
      if (!shown?.includes(BALANCE.toLocaleString('en-US'))) throw new Error(`the launcher shows "${shown}", not the balance ${BALANCE}`);
    }
    return {
      loadMs: state.load,
      balanceMs: state.balance === null ? null : state.balance - state.load,
      blockingMs: state.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      longTasks: state.longTasks.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`),
    };
  } finally {
    await context.close();
  }
}

export async function run(): Promise<void> {
  const runs = positiveInt('BENCH_RUNS', 7, 51);
  process.env.DATABASE_PREFIX = DATABASE_PREFIX;
  buildWidget();
  const launcherKb = gzKb('loyalnest-launcher.js');
  const panelJsKb = gzKb('loyalnest-panel.js');
  const panelCssKb = gzKb('loyalnest-panel.css');
  log(`sizes (gzip -9): launcher ${launcherKb.toFixed(2)} KB of 10; panel ${(panelJsKb + panelCssKb).toFixed(2)} KB of 35 (JS ${panelJsKb.toFixed(2)}, CSS ${panelCssKb.toFixed(2)})`);

  const fake = await startFakeShopify();
  Object.assign(process.env, fake.env);
  const config = loadGatewayConfig();
  config.port = 0;
  config.host = '127.0.0.1';
  log(`databases ${config.kit.databasePrefix}_*; migrating`);
  await migrateAll(config.kit, subgraphModules, log);
  const gateway = await startEmbeddedGateway(config, subgraphModules);
  let storefront: { origin: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  try {
    const origin = new URL(gateway.url).origin;
    const shop = `bench-widget-${randomBytes(4).toString('hex')}.myshopify.com`;
    await installShop(origin, fake, shop);
    const admin = { authorization: `Bearer ${await mintDevToken(config.devTokenSecret, { shop, role: 'admin' })}`, 'content-type': 'application/json' };
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const answer = (await (await fetch(`${origin}/graphql`, { method: 'POST', headers: admin, body: JSON.stringify({ query, variables }) })).json()) as { data?: Record<string, any>; errors?: unknown };
      if (answer.errors || !answer.data) throw new Error(`seeding failed: ${JSON.stringify(answer)}`);
      return answer.data;
    };
    const shopifyId = String(Date.now());
    const created = await gql('mutation($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { ... on UpsertCustomerSuccess { customer { id } } } }', {
      input: { shopifyId, email: `bench-${shopifyId}@example.com`, firstName: 'Bench' },
    });
    const customerId = created.upsertCustomer.customer.id as string;
    await gql('mutation($input: AwardPointsInput!) { awardPoints(input: $input) { __typename } }', { input: { customerId, points: BALANCE } });
    await gql('mutation($input: CreateRewardInput!) { createReward(input: $input) { __typename } }', { input: { kind: 'FIXED_AMOUNT', value: '5.00', names: { en: '5 off' }, pointsCost: 500 } });

    const store = await startStorefront({ gatewayUrl: origin, shopDomain: shop, apiSecret: config.kit.shopify.apiSecret, customers: [{ shopifyId, name: 'Bench' }] });
    storefront = store;
    browser = await launchBrowser();
    log(`Chromium ${browser.version()} (${CHROMIUM_PATH}); ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); profile: ${PROFILE.name}; ${runs} runs of each page, alternating`);
    const loginQuery = `customer=${shopifyId}&return_to=/`;
    // One visit of each unmeasured first: the server's first answers (compiling templates, JIT) are not the page's cost.
    await visit(browser, store.origin, loginQuery, '/', true);
    await visit(browser, store.origin, loginQuery, '/?nowidget=1', false);
    const withWidget: Run[] = [];
    const reference: Run[] = [];
    for (let i = 0; i < runs; i++) {
      withWidget.push(await visit(browser, store.origin, loginQuery, '/', true));
      reference.push(await visit(browser, store.origin, loginQuery, '/?nowidget=1', false));
      const w = withWidget[i];
      const r = reference[i];
      log(
        `run ${i + 1}: widget load ${round(w.loadMs, 0)} ms, balance +${round(w.balanceMs!, 0)} ms, blocking ${round(w.blockingMs, 0)} ms (long tasks [${w.longTasks.join(', ')}]); ` +
          `reference load ${round(r.loadMs, 0)} ms, blocking ${round(r.blockingMs, 0)} ms ([${r.longTasks.join(', ')}])`,
      );
    }
    const balanceMs = round(median(withWidget.map((r) => r.balanceMs!)), 0);
    const loadWidget = median(withWidget.map((r) => r.loadMs));
    const loadReference = median(reference.map((r) => r.loadMs));
    const blockingWidget = median(withWidget.map((r) => r.blockingMs));
    const blockingReference = median(reference.map((r) => r.blockingMs));
    const blockingMs = round(blockingWidget - blockingReference, 0);
    log(`load event: ${round(loadWidget, 0)} ms with the widget, ${round(loadReference, 0)} ms without (ratio ${round(loadWidget / loadReference, 2)})`);
    log(`balance on the launcher: ${balanceMs} ms after the load event (median)`);
    log(
      `main-thread blocking: ${round(blockingWidget, 0)} ms with the widget, ${round(blockingReference, 0)} ms without (ratio ${blockingReference > 0 ? round(blockingWidget / blockingReference, 2) : 'n/a: the reference blocks 0 ms'}); the widget adds ${blockingMs} ms`,
    );
    console.log(JSON.stringify({ bench: 'widget', launcher_gz_kb: round(launcherKb, 2), panel_gz_kb: round(panelJsKb + panelCssKb, 2), balance_ms: balanceMs, blocking_ms: blockingMs }));
  } finally {
    await browser?.close();
    await storefront?.close();
    await gateway.stop();
    await fake.close();
  }
}
