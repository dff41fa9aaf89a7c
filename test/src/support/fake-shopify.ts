import { normalizeShopDomain, signQuery } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What `shop.json` answers for a shop. */
export interface FakeShopInfo {
  name: string;
  currency: string;
  primary_locale: string;
}

/** How the fake misbehaves: drop the connection, answer non-JSON, or answer this HTTP status. */
export type FakeFailure = 'reset' | 'malformed' | number;

/** One request the fake received, for assertions. */
export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. `/acme.myshopify.com/admin/oauth/access_token`. */
  path: string;
  /** The shop named by the first path segment. */
  shop: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON; undefined when empty. */
  body: unknown;
}

export interface FakeShopifyOptions {
  /** The app's client id (`SHOPIFY_API_KEY`). */
  apiKey: string;
  /** The app's client secret (`SHOPIFY_API_SECRET`). */
  apiSecret: string;
}

export interface FakeShopify {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** What the app's `SHOPIFY_BASE_URL` must be: `${origin}/{shop}`. */
  baseUrl: string;
  /** Env to hand to `startTestGateway`, so the app talks to this fake with matching credentials. */
  env: Record<string, string>;
  apiKey: string;
  apiSecret: string;
  /** Every request received, oldest first. */
  requests: RecordedRequest[];
  /** An authorization code for `shop`, as Shopify would put in the install callback; single use. */
  issueCode(shop: string): string;
  /** The offline token last issued for `shop`, if any. */
  tokenFor(shop: string): string | undefined;
  /** The webhook subscriptions the app has registered for `shop`. */
  webhookSubscriptions(shop: string): { id: number; topic: string; address: string; format: string }[];
  /** What `shop.json` answers for `shop` from now on. */
  setShop(shop: string, info: Partial<FakeShopInfo>): void;
  /** From now on, requests for `shop` whose path ends with `pathSuffix` fail this way; null heals them. */
  failRequests(shop: string, failure: FakeFailure | null, pathSuffix?: string): void;
  /** Requests for `shop`, optionally only those whose path ends with `pathSuffix`. */
  requestsFor(shop: string, pathSuffix?: string): RecordedRequest[];
  /**
   * A callback query signed the way Shopify signs it: `hmac` is the hex HMAC-SHA256, keyed with the
   * app secret, of the other parameters sorted by name and joined as `k=v&...`.
   */
  callbackQuery(params: { shop: string; code: string; state: string; timestamp?: string; host?: string }, secret?: string): URLSearchParams;
  close(): Promise<void>;
}

const ACCESS_TOKEN_PATH = /^\/([^/]+)\/admin\/oauth\/access_token$/;
const WEBHOOKS_JSON_PATH = /^\/([^/]+)\/admin\/api\/[^/]+\/webhooks\.json$/;
const SHOP_JSON_PATH = /^\/([^/]+)\/admin\/api\/([^/]+)\/shop\.json$/;

function shopKey(shop: string): string {
  return normalizeShopDomain(shop) ?? shop.toLowerCase();
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A local stand-in for the parts of Shopify's HTTP API the install uses: the OAuth code exchange
 * and `shop.json`. It checks credentials the way Shopify does, so a test that passes against it
 * proves the app sends them.
 */
export async function startFakeShopify(options: Partial<FakeShopifyOptions> = {}): Promise<FakeShopify> {
  const apiKey = options.apiKey ?? `fake-key-${randomBytes(6).toString('hex')}`;
  const apiSecret = options.apiSecret ?? randomBytes(32).toString('hex');
  const requests: RecordedRequest[] = [];
  /** Issued, not yet used codes → the shop they were issued for. */
  const codes = new Map<string, string>();
  /** Every offline token issued per shop, newest last: like Shopify, a new one does not revoke the old. */
  const tokens = new Map<string, string[]>();
  const shops = new Map<string, Partial<FakeShopInfo>>();
  const failures = new Map<string, { failure: FakeFailure; pathSuffix: string }>();
  /** Webhook subscriptions per shop, keyed `topic address` as Shopify keeps them unique. */
  const subscriptions = new Map<string, Map<string, { id: number; topic: string; address: string; format: string }>>();
  const authorized = (req: IncomingMessage, shop: string) => {
    const token = req.headers['x-shopify-access-token'];
    return typeof token === 'string' && Boolean(tokens.get(shop)?.includes(token));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake-shopify');
    const body = await readBody(req);
    const shop = shopKey(decodeURIComponent(url.pathname.split('/')[1] ?? ''));
    requests.push({ method: req.method ?? 'GET', path: url.pathname, shop, query: Object.fromEntries(url.searchParams), headers: req.headers, body });

    const broken = failures.get(shop);
    if (broken && url.pathname.endsWith(broken.pathSuffix)) {
      if (broken.failure === 'reset') return void req.socket.destroy();
      if (broken.failure === 'malformed') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('<html>Shopify is down for maintenance</html>');
      }
      return send(res, broken.failure, { errors: 'Injected failure' });
    }

    if (req.method === 'POST' && ACCESS_TOKEN_PATH.test(url.pathname)) {
      const { client_id, client_secret, code } = (typeof body === 'object' && body) as { client_id?: unknown; client_secret?: unknown; code?: unknown };
      if (client_id !== apiKey || client_secret !== apiSecret) {
        return send(res, 400, { error: 'invalid_client', error_description: 'Client credentials are invalid' });
      }
      if (typeof code !== 'string' || codes.get(code) !== shop) {
        return send(res, 400, { error: 'invalid_request', error_description: 'The authorization code was not found or was already used' });
      }
      codes.delete(code);
      const token = `shpat_${randomBytes(16).toString('hex')}`;
      tokens.set(shop, [...(tokens.get(shop) ?? []), token]);
      return send(res, 200, { access_token: token, scope: 'read_customers,read_orders' });
    }

    if (req.method === 'POST' && WEBHOOKS_JSON_PATH.test(url.pathname)) {
      if (!authorized(req, shop)) return send(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      const { webhook } = (typeof body === 'object' && body) as { webhook?: { topic?: string; address?: string; format?: string } };
      if (!webhook?.topic || !webhook.address) return send(res, 422, { errors: { topic: ["can't be blank"] } });
      const forShop = subscriptions.get(shop) ?? new Map();
      subscriptions.set(shop, forShop);
      const key = `${webhook.topic} ${webhook.address}`;
      if (forShop.has(key)) return send(res, 422, { errors: { address: ['for this topic has already been taken'] } });
      const created = { id: forShop.size + 1, topic: webhook.topic, address: webhook.address, format: webhook.format ?? 'json' };
      forShop.set(key, created);
      return send(res, 201, { webhook: created });
    }

    if (req.method === 'GET' && SHOP_JSON_PATH.test(url.pathname)) {
      if (!authorized(req, shop)) {
        return send(res, 401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      }
      const info = shops.get(shop) ?? {};
      return send(res, 200, {
        shop: { name: info.name ?? `Fake ${shop}`, currency: info.currency ?? 'USD', primary_locale: info.primary_locale ?? 'en', myshopify_domain: shop },
      });
    }

    return send(res, 404, { errors: 'Not Found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, { errors: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const baseUrl = `${origin}/{shop}`;

  return {
    origin,
    baseUrl,
    env: { SHOPIFY_BASE_URL: baseUrl, SHOPIFY_API_KEY: apiKey, SHOPIFY_API_SECRET: apiSecret },
    apiKey,
    apiSecret,
    requests,
    issueCode(shop) {
      const code = randomBytes(16).toString('hex');
      codes.set(code, shopKey(shop));
      return code;
    },
    tokenFor: (shop) => tokens.get(shopKey(shop))?.at(-1),
    webhookSubscriptions: (shop) => [...(subscriptions.get(shopKey(shop))?.values() ?? [])],
    setShop(shop, info) {
      shops.set(shopKey(shop), { ...shops.get(shopKey(shop)), ...info });
    },
    failRequests(shop, failure, pathSuffix = '') {
      if (failure === null) failures.delete(shopKey(shop));
      else failures.set(shopKey(shop), { failure, pathSuffix });
    },
    requestsFor: (shop, pathSuffix = '') => requests.filter((r) => r.shop === shopKey(shop) && r.path.endsWith(pathSuffix)),
    callbackQuery(params, secret = apiSecret) {
      const query: Record<string, string> = {
        code: params.code,
        shop: params.shop,
        state: params.state,
        timestamp: params.timestamp ?? String(Math.floor(Date.now() / 1000)),
        host: params.host ?? Buffer.from(`admin.shopify.com/store/${params.shop.split('.')[0]}`).toString('base64'),
      };
      return new URLSearchParams({ ...query, hmac: signQuery(query, secret) });
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
