import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkAppProxyRequest } from '@loyalnest/kit';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStorefront, type Storefront } from '../../../gateway/src/dev/storefront/storefront-stand-in.js';
import { WIDGET_EXTENSION_DIR } from '../../../gateway/src/dev/storefront/storefront-theme.js';
import { StorefrontVisitor, widgetHost, widgetStrings } from '../support/storefront.js';

const SECRET = 'storefront-embed-test-secret';
const SHOP = 'embed-test.myshopify.com';

interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * The storefront stand-in's theme side: the app embed rendered by liquidjs from the extension's
 * block file (settings, locale, customer), its pages, and what its app proxy sends on. The app behind
 * the proxy is a recording server here (the gateway's own answers are storefront-proxy.test.ts's):
 * what is tested is what Shopify would send it and how Shopify shows its Liquid answers.
 */
describe('storefront stand-in: the app embed and the theme', () => {
  let extension: string;
  let storefront: Storefront;
  let app: Server;
  const received: Received[] = [];
  let nextAnswer: { status: number; type: string; body: string } = { status: 200, type: 'application/json', body: '{}' };

  beforeAll(async () => {
    // The extension's block, schema and schema locales as they are, with strings of the test's own,
    // so the test does not depend on the widget's copy, and assets standing in for its build.
    extension = mkdtempSync(join(tmpdir(), 'loyalnest-widget-'));
    cpSync(WIDGET_EXTENSION_DIR, extension, { recursive: true });
    writeFileSync(join(extension, 'locales', 'en.default.json'), JSON.stringify({ loyalnest: { launcher: 'Rewards', greeting: 'Hi {name}', welcome: 'Welcome, {{ name }}' } }));
    writeFileSync(join(extension, 'locales', 'es.json'), JSON.stringify({ loyalnest: { launcher: 'Recompensas', welcome: 'Hola, {{ name }}' } }));
    writeFileSync(join(extension, 'snippets', 'loyalnest-strings.liquid'), `{"launcher": {{ 'loyalnest.launcher' | t | json }}, "greeting": {{ 'loyalnest.greeting' | t | json }}, "absent": {{ 'loyalnest.absent' | t | json }}}`);
    writeFileSync(join(extension, 'assets', 'loyalnest-launcher.js'), '(() => { window.launched = true; })();\n');

    app = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://app');
        received.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(nextAnswer.status, { 'content-type': nextAnswer.type, 'set-cookie': 'app=1' });
        res.end(nextAnswer.body);
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    storefront = await startStorefront({
      gatewayUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}`,
      shopDomain: SHOP,
      apiSecret: SECRET,
      customers: [{ shopifyId: '7001', name: 'Ada Lovelace' }],
      extensionDir: extension,
      currency: 'EUR',
    });
  });

  afterAll(async () => {
    await storefront.close();
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
    rmSync(extension, { recursive: true, force: true });
  });

  const visitor = () => new StorefrontVisitor(storefront.origin);

  describe('the embed', () => {
    it("renders the contract's host element with the schema's defaults for a guest", async () => {
      const page = await visitor().get('/');
      expect(page.status).toBe(200);
      expect(widgetHost(page.text)).toEqual({
        'data-proxy-path': '/apps/loyalnest',
        'data-customer': '',
        'data-locale': 'en',
        'data-currency': 'EUR',
        'data-sign-in-url': '/account/login',
        'data-register-url': '/account/register',
        'data-placement': 'bottom-right',
        'data-launcher-text': '',
        'data-panel-script': '/cdn/extensions/loyalnest-widget/assets/loyalnest-panel.js',
        'data-panel-styles': '/cdn/extensions/loyalnest-widget/assets/loyalnest-panel.css',
        style: '--loyalnest-accent: #1a1a1a; --loyalnest-on-accent: #ffffff;',
      });
      expect(page.text).toContain('<script src="/cdn/extensions/loyalnest-widget/assets/loyalnest-launcher.js" defer></script>');
      // at the end of the body, after the theme's content, as Shopify places a body embed
      expect(page.text.indexOf('id="loyalnest-widget"')).toBeGreaterThan(page.text.indexOf('</main>'));
      expect(page.text).not.toContain('{% schema %}');
      expect(page.text).not.toContain('"settings"');
    });

    it('renders the settings a merchant chose, escaping the launcher text', async () => {
      const page = await visitor().get(`/?placement=bottom-left&accent_color=${encodeURIComponent('#0a7d33')}&text_color=${encodeURIComponent('#FFF')}&launcher_text=${encodeURIComponent('Points & "perks" <3')}`);
      const host = widgetHost(page.text)!;
      expect(host['data-placement']).toBe('bottom-left');
      expect(host.style).toBe('--loyalnest-accent: #0a7d33; --loyalnest-on-accent: #FFF;');
      expect(host['data-launcher-text']).toBe('Points & "perks" <3');
      expect(page.text).toContain('data-launcher-text="Points &amp; &quot;perks&quot; &lt;3"');
    });

    it("keeps the defaults for values the theme editor would not offer (no CSS through a 'color')", async () => {
      const page = await visitor().get(`/?placement=top-left&accent_color=${encodeURIComponent('red; } body { display: none')}`);
      const host = widgetHost(page.text)!;
      expect(host['data-placement']).toBe('bottom-right');
      expect(host.style).toBe('--loyalnest-accent: #1a1a1a; --loyalnest-on-accent: #ffffff;');
    });

    it("prints the strings in the shopper's language, else the default locale's, placeholders left for the widget", async () => {
      const english = await visitor().get('/');
      expect(widgetStrings(english.text)).toEqual({ launcher: 'Rewards', greeting: 'Hi {name}', absent: 'translation missing: en.loyalnest.absent' });
      const spanish = await visitor().get('/?locale=es');
      expect(widgetHost(spanish.text)!['data-locale']).toBe('es');
      expect(spanish.text).toContain('<html lang="es">');
      expect(widgetStrings(spanish.text)).toEqual({ launcher: 'Recompensas', greeting: 'Hi {name}', absent: 'translation missing: es.loyalnest.absent' });
    });

    it('marks a signed-in shopper, and not after signing out', async () => {
      const shopper = visitor();
      await shopper.signIn('7001');
      const signedIn = await shopper.get('/');
      expect(widgetHost(signedIn.text)!['data-customer']).toBe('1');
      expect(signedIn.text).toContain('Signed in as Ada Lovelace');
      const out = await shopper.get('/account/logout');
      expect(out.status).toBe(302);
      expect(shopper.cookie('storefront_customer')).toBeUndefined();
      expect(widgetHost((await shopper.get('/')).text)!['data-customer']).toBe('');
    });

    it('leaves the embed out with nowidget=1, the rest of the page unchanged', async () => {
      const [withWidget, without] = await Promise.all([visitor().get('/'), visitor().get('/?nowidget=1')]);
      expect(without.status).toBe(200);
      expect(widgetHost(without.text)).toBeNull();
      expect(without.text).not.toContain('loyalnest');
      const body = (html: string) => html.slice(html.indexOf('<body>'), html.indexOf('</main>'));
      expect(body(without.text)).toBe(body(withWidget.text));
    });

    it('comes with hostile theme CSS (global button, div and * rules)', async () => {
      const page = await visitor().get('/');
      expect(page.text).toMatch(/\*\s*\{[^}]*letter-spacing/);
      expect(page.text).toMatch(/button[^{]*\{[^}]*!important/);
      expect(page.text).toMatch(/\ndiv\s*\{/);
    });

    it('asks the browser for nothing the stand-in does not serve (no favicon request to fail)', async () => {
      const page = await visitor().get('/');
      expect(page.text).toContain('<link rel="icon" href="data:,">');
    });
  });

  describe('pages', () => {
    it('lists the shoppers on the sign-in page and signs in by link, back to a local page only', async () => {
      const login = await visitor().get('/account/login');
      expect(login.text).toContain('href="/account/login?customer=7001&amp;return_to=%2F"');
      expect(login.text).toContain('Ada Lovelace');
      const shopper = visitor();
      const signIn = await shopper.get('/account/login?customer=7001&return_to=/cart');
      expect(signIn.status).toBe(302);
      expect(signIn.headers.get('location')).toBe('/cart');
      expect(shopper.cookie('storefront_customer')).toBe('7001');
      const offsite = await visitor().get(`/account/login?customer=7001&return_to=${encodeURIComponent('//evil.example/')}`);
      expect(offsite.headers.get('location')).toBe('/');
      expect((await visitor().get('/account/login?customer=not-an-id')).status).toBe(400);
    });

    it("applies a discount code from Shopify's /discount/<code> link and shows it on the cart", async () => {
      const shopper = visitor();
      expect((await shopper.get('/cart')).text).toContain('No discount code applied.');
      const link = await shopper.get('/discount/LN-ABC123?redirect=/cart');
      expect(link.status).toBe(302);
      expect(link.headers.get('location')).toBe('/cart');
      expect(shopper.cookie('discount_code')).toBe('LN-ABC123');
      expect((await shopper.get('/cart')).text).toContain('Discount code applied: <strong>LN-ABC123</strong>');
      expect((await visitor().get(`/discount/X?redirect=${encodeURIComponent('https://evil.example/')}`)).headers.get('location')).toBe('/');
      expect((await visitor().get('/discount/%E0%A4%A')).status).toBe(404);
    });

    it("serves the extension's built assets by file name only", async () => {
      const launcher = await visitor().get('/cdn/extensions/loyalnest-widget/assets/loyalnest-launcher.js');
      expect(launcher.status).toBe(200);
      expect(launcher.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(launcher.text).toContain('window.launched');
      expect((await visitor().get('/cdn/extensions/loyalnest-widget/assets/loyalnest-missing.js')).status).toBe(404);
      const escape = await visitor().get('/cdn/extensions/loyalnest-widget/assets/..%2Fblocks%2Floyalnest-embed.liquid');
      expect(escape.status).toBe(404);
      expect(escape.text).not.toContain('schema');
    });
  });

  describe("Shopify's app proxy", () => {
    it("signs each request as the shop, with the visitor's parameters and the signed-in customer", async () => {
      const shopper = visitor();
      await shopper.signIn('7001');
      received.length = 0;
      nextAnswer = { status: 200, type: 'application/json; charset=utf-8', body: '{"ok":true}' };
      const answer = await shopper.get('/apps/loyalnest/session?ref=abc', { accept: 'application/json' });
      expect(answer.status).toBe(200);
      expect(answer.text).toBe('{"ok":true}');
      // Shopify's app proxy drops the app's cookies
      expect(answer.headers.get('set-cookie')).toBeNull();
      const [request] = received;
      expect(request.path).toBe('/proxy/session');
      expect([...request.query.keys()]).toEqual(['ref', 'shop', 'logged_in_customer_id', 'path_prefix', 'timestamp', 'signature']);
      expect(request.query.get('shop')).toBe(SHOP);
      expect(request.query.get('logged_in_customer_id')).toBe('7001');
      expect(request.query.get('path_prefix')).toBe('/apps/loyalnest');
      expect(checkAppProxyRequest(request.query, SECRET, 60)).toEqual({ shop: SHOP });
      expect(checkAppProxyRequest(request.query, 'another app', 60)).toMatchObject({ status: 401 });
      // the shop's cookies stay on the shop
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.accept).toBe('application/json');
      expect(request.headers['x-forwarded-for']).toBe('127.0.0.1');
    });

    it('sends an empty customer for a guest, and a POST with its body', async () => {
      received.length = 0;
      nextAnswer = { status: 404, type: 'application/json', body: '{"error":"no such code"}' };
      const answer = await visitor().post('/apps/loyalnest/r/ABC/claim', { email: 'friend@example.com' });
      expect(answer).toMatchObject({ status: 404, text: '{"error":"no such code"}' });
      const [request] = received;
      expect(request).toMatchObject({ method: 'POST', path: '/proxy/r/ABC/claim', body: '{"email":"friend@example.com"}' });
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.query.get('logged_in_customer_id')).toBe('');
      expect(checkAppProxyRequest(request.query, SECRET, 60)).toEqual({ shop: SHOP });
    });

    it("renders an application/liquid answer inside the theme's layout, with the embed and the page's objects", async () => {
      nextAnswer = { status: 200, type: 'application/liquid', body: `<div id="loyalnest-referral" data-code="ABC">{{ 'loyalnest.welcome' | t: name: 'Grace' }} {{ shop.currency }} {% if customer %}{{ customer.name }}{% endif %}</div>` };
      const shopper = visitor();
      await shopper.signIn('7001');
      const page = await shopper.get('/apps/loyalnest/r/ABC?locale=es', { accept: 'text/html' });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<div id="loyalnest-referral" data-code="ABC">Hola, Grace EUR Ada Lovelace</div>');
      expect(page.text).toContain('<header class="site">');
      expect(widgetHost(page.text)!['data-locale']).toBe('es');
    });

    it('answers 502 when the app is not there', async () => {
      const orphan = await startStorefront({ gatewayUrl: 'http://127.0.0.1:9', shopDomain: SHOP, apiSecret: SECRET, extensionDir: extension });
      try {
        expect((await new StorefrontVisitor(orphan.origin).get('/apps/loyalnest/session')).status).toBe(502);
      } finally {
        await orphan.close();
      }
    });
  });
});

/** The extension as it is in the repository (the widget's own strings), through the same rendering. */
describe('storefront stand-in: the real extension', () => {
  let storefront: Storefront;
  beforeAll(async () => {
    storefront = await startStorefront({ gatewayUrl: 'http://127.0.0.1:9', shopDomain: SHOP, apiSecret: SECRET });
  });
  afterAll(() => storefront.close());

  it.each(['en', 'es', 'fr'])('renders the embed in %s with every string translated, as JSON', async (locale) => {
    const page = await new StorefrontVisitor(storefront.origin).get(`/?locale=${locale}`);
    expect(widgetHost(page.text)!['data-locale']).toBe(locale);
    const strings = widgetStrings(page.text);
    expect(typeof strings).toBe('object');
    expect(JSON.stringify(strings)).not.toContain('translation missing');
  });
});
