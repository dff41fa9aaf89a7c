import { appProxySignature, WIDGET_PROXY_PATH } from '@loyalnest/kit';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { cartPage, homePage, layout, loginPage, registerPage } from './storefront-pages.js';
import { ASSET_PATH, StorefrontTheme, WIDGET_EXTENSION_DIR, type ThemeCustomer, type ThemeRequest } from './storefront-theme.js';

export interface StorefrontOptions {
  /** The gateway's origin (`http://127.0.0.1:4000`): app proxy requests go to its `/proxy/…` routes. */
  gatewayUrl: string;
  /** The shop this storefront is: Shopify signs every proxied request as it. */
  shopDomain: string;
  /** The app's client secret (`SHOPIFY_API_SECRET`), which Shopify signs app proxy requests with. */
  apiSecret: string;
  /** The app proxy's path on the shop (the app's proxy settings: prefix `apps`, subpath `loyalnest`). */
  proxyPath?: string;
  /** The shoppers the sign-in page offers. Any other numeric id can still sign in by URL (a shopper the program does not know). */
  customers?: ThemeCustomer[];
  port?: number;
  /** The theme app extension to render (tests render a copy with strings of their own). */
  extensionDir?: string;
  shopName?: string;
  currency?: string;
}

export interface Storefront {
  /** `http://127.0.0.1:<port>`, with no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

const CUSTOMER_COOKIE = 'storefront_customer';
const DISCOUNT_COOKIE = 'discount_code';
const SETTING_NAMES = ['placement', 'accent_color', 'text_color', 'launcher_text'];
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
/** Headers of the visitor's request that Shopify's app proxy passes on (never the shop's cookies). */
const FORWARDED_HEADERS = ['accept', 'accept-language', 'content-type', 'user-agent'];
/** Headers of the app's answer that reach the visitor. */
const RETURNED_HEADERS = ['content-type', 'cache-control', 'location'];

/**
 * A shop's storefront and Shopify's app proxy, on a loopback port, for development and the widget's
 * tests: theme pages with the widget's app embed rendered from the extension's real block file,
 * shoppers who sign in by choosing a name, Shopify's `/discount/<code>` link, the extension's assets
 * as Shopify's CDN would serve them, and `<proxyPath>/*` forwarded to the gateway's `/proxy/*` with
 * Shopify's signed parameters, so the widget talks to the real gateway as on a real shop.
 *
 * Page query parameters, on any page: `locale` (the shopper's language, default en), `nowidget=1`
 * (no app embed: the benchmark's reference page), and the embed's settings by id (`placement`,
 * `accent_color`, `text_color`, `launcher_text`), as a merchant would set them in the theme editor.
 */
export async function startStorefront(options: StorefrontOptions): Promise<Storefront> {
  const { gatewayUrl, shopDomain, apiSecret, proxyPath = WIDGET_PROXY_PATH, customers = [], port = 0 } = options;
  const extensionDir = options.extensionDir ?? WIDGET_EXTENSION_DIR;
  const shopName = options.shopName ?? shopDomain.replace(/\.myshopify\.com$/, '');
  const currency = options.currency ?? 'USD';
  const theme = new StorefrontTheme(extensionDir, { domain: shopDomain, name: shopName, currency });
  const gateway = new URL(gatewayUrl).origin;

  const customerOf = (req: IncomingMessage): ThemeCustomer | null => {
    const id = cookies(req)[CUSTOMER_COOKIE];
    if (!id || !/^\d{1,20}$/.test(id)) return null;
    return customers.find((c) => c.shopifyId === id) ?? { shopifyId: id, name: `Customer ${id}` };
  };
  const themeRequest = (req: IncomingMessage, url: URL): ThemeRequest => ({
    locale: /^[a-z]{2}(-[A-Z]{2})?$/.test(url.searchParams.get('locale') ?? '') ? url.searchParams.get('locale')! : 'en',
    customer: customerOf(req),
    settings: theme.settings(Object.fromEntries(SETTING_NAMES.map((name) => [name, url.searchParams.get(name) ?? undefined]))),
  });
  const page = async (res: ServerResponse, req: IncomingMessage, url: URL, title: string, content: string, status = 200) => {
    const request = themeRequest(req, url);
    const embed = url.searchParams.get('nowidget') === '1' ? null : await theme.renderEmbed(request);
    sendHtml(res, status, layout(content, { title, shopName, locale: request.locale, customer: request.customer, embed }));
  };

  const proxy = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    // Shopify keeps the visitor's own query parameters and appends its own, signing them all.
    const params = new URLSearchParams(url.searchParams);
    params.append('shop', shopDomain);
    params.append('logged_in_customer_id', customerOf(req)?.shopifyId ?? '');
    params.append('path_prefix', proxyPath);
    params.append('timestamp', String(Math.floor(Date.now() / 1000)));
    params.append('signature', appProxySignature(params, apiSecret));
    const headers = new Headers();
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    // Shopify's proxy appends the visitor's address, which the referral routes' fraud checks read.
    const forwardedFor = req.headers['x-forwarded-for'];
    headers.set('x-forwarded-for', [typeof forwardedFor === 'string' ? forwardedFor : '', req.socket.remoteAddress ?? ''].filter(Boolean).join(', '));
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readRaw(req);
    const target = `${gateway}/proxy${url.pathname.slice(proxyPath.length) || '/'}?${params}`;
    let upstream: Response;
    try {
      upstream = await fetch(target, { method: req.method, headers, body: body && new Uint8Array(body), redirect: 'manual' });
    } catch {
      sendText(res, 502, 'The app did not answer (is the gateway running?)');
      return;
    }
    const contentType = upstream.headers.get('content-type') ?? '';
    if (contentType.startsWith('application/liquid')) {
      // Shopify renders such an answer as Liquid inside the theme's layout, app embeds included.
      const request = themeRequest(req, url);
      const content = await theme.render(await upstream.text(), request);
      const embed = url.searchParams.get('nowidget') === '1' ? null : await theme.renderEmbed(request);
      sendHtml(res, upstream.status, layout(content, { title: shopName, shopName, locale: request.locale, customer: request.customer, embed }));
      return;
    }
    res.statusCode = upstream.status;
    for (const name of RETURNED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    res.end(Buffer.from(await upstream.arrayBuffer()));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://storefront');
    const path = url.pathname;
    if (path === proxyPath || path.startsWith(`${proxyPath}/`)) return proxy(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    if (path === '/') return page(res, req, url, 'Home', homePage(currency, themeRequest(req, url).locale));
    if (path === '/account/login') {
      const chosen = url.searchParams.get('customer');
      const returnTo = localPath(url.searchParams.get('return_to'));
      if (chosen === null) return page(res, req, url, 'Sign in', loginPage(customers, returnTo));
      if (!/^\d{1,20}$/.test(chosen)) return sendText(res, 400, 'customer must be a Shopify customer id (digits)');
      return redirect(res, returnTo, [cookie(CUSTOMER_COOKIE, chosen)]);
    }
    if (path === '/account/logout') return redirect(res, '/', [cookie(CUSTOMER_COOKIE, '', 0)]);
    if (path === '/account/register') return page(res, req, url, 'Create an account', registerPage());
    if (path.startsWith('/discount/')) {
      const code = decoded(path.slice('/discount/'.length));
      if (!code || code.length > 255) return sendText(res, 404, 'Not found');
      return redirect(res, localPath(url.searchParams.get('redirect')), [cookie(DISCOUNT_COOKIE, code)]);
    }
    if (path === '/cart') return page(res, req, url, 'Cart', cartPage(cookies(req)[DISCOUNT_COOKIE] ?? null));
    if (path.startsWith(ASSET_PATH)) return asset(res, join(extensionDir, 'assets'), decoded(path.slice(ASSET_PATH.length)) ?? '');
    return page(res, req, url, 'Not found', '<h1>Page not found</h1>', 404);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `storefront stand-in: ${(error as Error).message}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function asset(res: ServerResponse, dir: string, file: string): Promise<void> {
  // A file name, never a path: nothing outside the extension's assets is served.
  if (!/^[\w.-]+$/.test(file) || file.startsWith('.')) return sendText(res, 404, 'Not found');
  let content: Buffer;
  try {
    content = await readFile(join(dir, file));
  } catch {
    return sendText(res, 404, `${file} is not built (build the widget)`);
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': content.length, 'cache-control': 'no-cache' });
  res.end(content);
}

/** A path segment decoded, or null when it is not valid percent-encoding (a 404, not a 500). */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A path on this storefront for `return_to` and `redirect`, never another site ("//evil.example"). */
function localPath(given: string | null): string {
  return given && given.startsWith('/') && !given.startsWith('//') && !given.startsWith('/\\') ? given : '/';
}

function cookies(req: IncomingMessage): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) found[part.slice(0, at).trim()] = decoded(part.slice(at + 1).trim()) ?? '';
  }
  return found;
}

function cookie(name: string, value: string, maxAge?: number): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;
}

function redirect(res: ServerResponse, location: string, setCookies: string[]): void {
  res.writeHead(302, { location, 'set-cookie': setCookies, 'content-length': 0 });
  res.end();
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store' });
  res.end(html);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
