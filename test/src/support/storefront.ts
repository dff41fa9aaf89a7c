import { startStorefront, type Storefront, type StorefrontOptions } from '../../../gateway/src/dev/storefront/storefront-stand-in.js';
import type { TestGateway } from './gateway.js';
import type { TestMerchant } from './tenants.js';

export type { Storefront };

/**
 * The shop's storefront for a test gateway's merchant (`startStorefront`): its app proxy signs
 * requests as `merchant`'s shop with the gateway's app secret, so the widget's session and referral
 * routes answer as they would on that shop. `customers` are the shoppers its sign-in page offers.
 */
export function startTestStorefront(
  gateway: TestGateway,
  merchant: TestMerchant,
  options: Partial<Omit<StorefrontOptions, 'gatewayUrl' | 'shopDomain'>> = {},
): Promise<Storefront> {
  return startStorefront({
    gatewayUrl: new URL(gateway.url).origin,
    shopDomain: merchant.shop,
    apiSecret: gateway.config.kit.shopify.apiSecret,
    ...options,
  });
}

export interface VisitResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * A shopper's browser without the browser, for tests that need no JavaScript: it keeps the
 * storefront's cookies between requests and does not follow redirects (the test looks at them).
 */
export class StorefrontVisitor {
  private readonly jar = new Map<string, string>();

  constructor(private readonly origin: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<VisitResponse> {
    return this.request('GET', path, undefined, headers);
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<VisitResponse> {
    return this.request('POST', path, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
  }

  /** Signs in as the Shopify customer `shopifyId` through the sign-in page's link. */
  async signIn(shopifyId: string): Promise<void> {
    const answer = await this.get(`/account/login?customer=${encodeURIComponent(shopifyId)}&return_to=/`);
    if (answer.status !== 302) throw new Error(`signing in as ${shopifyId} answered ${answer.status}: ${answer.text}`);
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  private async request(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<VisitResponse> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(`${this.origin}${path}`, { method, body, redirect: 'manual', headers: { ...headers, ...(cookie && { cookie }) } });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.jar.delete(name);
      else this.jar.set(name, pair.slice(at + 1).trim());
    }
    return { status: response.status, headers: response.headers, text: await response.text() };
  }
}

/** The app embed's host element's attributes after its id (its data attributes and style), from a page's HTML; null when absent. */
export function widgetHost(html: string): Record<string, string> | null {
  const element = /<div id="loyalnest-widget"([^>]*)>/.exec(html);
  if (!element) return null;
  const attributes: Record<string, string> = {};
  for (const [, name, value] of element[1].matchAll(/([\w-]+)="([^"]*)"/g)) attributes[name] = decodeEntities(value);
  return attributes;
}

/** The JSON the embed's strings script holds. */
export function widgetStrings(html: string): unknown {
  const script = /<script type="application\/json" id="loyalnest-strings">([\s\S]*?)<\/script>/.exec(html);
  return script ? JSON.parse(script[1]) : undefined;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (named[e] ?? whole),
  );
}
