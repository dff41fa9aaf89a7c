import { normalizeShopDomain, signQuery } from '@loyalnest/kit';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, rootField, send } from './stand-in-http.js';
import { StandInMetafields, type FakeCostBucket, type FakeMetafield } from './stand-in-metafields.js';

export type { FakeCostBucket, FakeMetafield } from './stand-in-metafields.js';

/** What `shop.json` answers for a shop. */
export interface FakeShopInfo {
  name: string;
  currency: string;
  primary_locale: string;
  /** The shop's IANA time zone, as Shopify's `shop.json` spells it (`ianaTimezone` in the Admin GraphQL API). */
  iana_timezone: string;
}

/**
 * How the fake misbehaves: drop the connection, answer non-JSON, never answer (until `close()`),
 * or answer this HTTP status. `lost-reset` and `lost-timeout` do the request's work (create the
 * discount, record the trigger), then drop the connection or never answer: an answer lost on the
 * way back, which the app cannot tell from a request that never arrived.
 */
export type FakeFailure = 'reset' | 'malformed' | 'timeout' | 'lost-reset' | 'lost-timeout' | number;

/** A discount code created through the Admin GraphQL API. */
export interface FakeDiscount {
  /** `gid://shopify/DiscountCodeNode/<n>` */
  id: string;
  mutation: 'discountCodeBasicCreate' | 'discountCodeFreeShippingCreate';
  code: string;
  /** The DiscountCodeBasicInput / DiscountCodeFreeShippingInput exactly as the app sent it. */
  input: Record<string, unknown>;
}

/** A Flow trigger received through `flowTriggerReceive`. */
export interface FakeFlowTrigger {
  handle: string;
  payload: unknown;
}

/** The query cost a THROTTLED answer reports; the app should wait (requested − available) / restoreRate seconds. */
export interface FakeThrottleCost {
  requestedQueryCost: number;
  currentlyAvailable: number;
  restoreRate: number;
}

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
  /** The root field of an Admin GraphQL request, e.g. `discountCodeBasicCreate`. */
  operation?: string;
}

export interface FakeShopifyOptions {
  /** The app's client id (`SHOPIFY_API_KEY`). */
  apiKey: string;
  /** The app's client secret (`SHOPIFY_API_SECRET`). */
  apiSecret: string;
  /** Offline tokens valid from the start, per shop: a shop installed before the stand-in started (the demo shop). */
  tokens: Record<string, string>;
  /** The loopback port; 0 (the default) takes a free one. */
  port: number;
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
  /**
   * From now on, requests for `shop` whose path ends with `pathSuffix` fail this way; null heals
   * the shop of every injected failure (these, `failNext`, `throttle` and `costBucket`).
   */
  failRequests(shop: string, failure: FakeFailure | null, pathSuffix?: string): void;
  /**
   * The next `times` requests for `shop` whose path ends with `pathSuffix` (default
   * `/graphql.json`), and when `operation` is given whose GraphQL root field it is, fail this way,
   * then it answers normally again. A 429 carries `Retry-After` when `retryAfterSeconds` is given.
   */
  failNext(shop: string, failure: FakeFailure, times?: number, options?: { pathSuffix?: string; operation?: string; retryAfterSeconds?: number }): void;
  /** The next `times` Admin GraphQL requests for `shop` are answered THROTTLED with this cost (default: a 50 ms wait). */
  throttle(shop: string, times: number, cost?: Partial<FakeThrottleCost>): void;
  /** Discount codes in `shop` (created, not deleted), oldest first. */
  discounts(shop: string): FakeDiscount[];
  /** Discount codes deleted through `discountCodeDelete` in `shop`, in the order they were deleted. */
  deletedDiscounts(shop: string): FakeDiscount[];
  /** Flow triggers `shop` received, oldest first. */
  flowTriggers(shop: string): FakeFlowTrigger[];
  /** Metafields written in `shop` through `metafieldsSet`, one per owner, namespace and key (the last value), in the order first written. */
  metafields(shop: string): FakeMetafield[];
  /** The `metafieldsSet` calls of `shop` that wrote their values (not those answered THROTTLED or refused), each with its values, oldest first. */
  metafieldsSetCalls(shop: string): FakeMetafield[][];
  /** From now on `metafieldsSet` in `shop` refuses values for this customer, as Shopify does for a customer deleted there. */
  forgetCustomer(shop: string, shopifyCustomerId: string): void;
  /**
   * From now on every Admin GraphQL request of `shop` costs points from Shopify's leaky bucket
   * (full at first), answered THROTTLED with the bucket's state when it lacks them; null: no limit.
   */
  costBucket(shop: string, bucket: Partial<FakeCostBucket> | null): void;
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
const GRAPHQL_PATH = /^\/([^/]+)\/admin\/api\/([^/]+)\/graphql\.json$/;
const UNAUTHORIZED = { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' };

function shopKey(shop: string): string {
  return normalizeShopDomain(shop) ?? shop.toLowerCase();
}

/**
 * A local stand-in for the parts of Shopify's HTTP API the app uses: the OAuth code exchange,
 * `shop.json`, webhook subscriptions, and the Admin GraphQL mutations creating and deleting
 * discount codes, receiving Flow triggers and setting customer metafields (with Shopify's cost
 * throttle when a test asks for it), and the query looking a discount up by its code. It
 * checks credentials the way Shopify does, so a test that passes against it proves the app sends
 * them. The tests start it with failures to inject; `npm start` runs it as the demo shop's Shopify.
 */
export async function startFakeShopify(options: Partial<FakeShopifyOptions> = {}): Promise<FakeShopify> {
  const apiKey = options.apiKey ?? `fake-key-${randomBytes(6).toString('hex')}`;
  const apiSecret = options.apiSecret ?? randomBytes(32).toString('hex');
  const requests: RecordedRequest[] = [];
  /** Issued, not yet used codes → the shop they were issued for. */
  const codes = new Map<string, string>();
  /** Every offline token issued per shop, newest last: like Shopify, a new one does not revoke the old. */
  const tokens = new Map<string, string[]>(Object.entries(options.tokens ?? {}).map(([shop, token]) => [shopKey(shop), [token]]));
  const shops = new Map<string, Partial<FakeShopInfo>>();
  const failures = new Map<string, { failure: FakeFailure; pathSuffix: string }>();
  /** One-shot failures per shop, used up oldest first. */
  const nextFailures = new Map<string, { failure: FakeFailure; remaining: number; pathSuffix: string; operation?: string; retryAfterSeconds?: number }[]>();
  const throttles = new Map<string, { remaining: number; cost: FakeThrottleCost }>();
  const discounts = new Map<string, FakeDiscount[]>();
  const flowTriggers = new Map<string, FakeFlowTrigger[]>();
  const metafields = new StandInMetafields();
  const deleted = new Map<string, FakeDiscount[]>();
  let discountIds = 1000;
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
    const graphql = req.method === 'POST' && GRAPHQL_PATH.test(url.pathname) ? rootField(body) : undefined;
    const operation = typeof graphql === 'object' ? graphql.name : undefined;
    requests.push({ method: req.method ?? 'GET', path: url.pathname, shop, query: Object.fromEntries(url.searchParams), headers: req.headers, body, operation });

    const queued = nextFailures.get(shop)?.find((f) => f.remaining > 0 && url.pathname.endsWith(f.pathSuffix) && (!f.operation || f.operation === operation));
    if (queued) queued.remaining--;
    const persistent = failures.get(shop);
    const broken = queued ?? (persistent && url.pathname.endsWith(persistent.pathSuffix) ? persistent : undefined);
    const failure = broken?.failure;
    if (failure === 'reset') return void req.socket.destroy();
    // Held open until the client gives up or close() drops it, like a Shopify that hangs.
    if (failure === 'timeout') return;
    if (failure === 'malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('<html>Shopify is down for maintenance</html>');
    }
    if (typeof failure === 'number') {
      const retryAfter = broken && 'retryAfterSeconds' in broken && broken.retryAfterSeconds !== undefined ? { 'retry-after': String(broken.retryAfterSeconds) } : {};
      const text = JSON.stringify({ errors: 'Injected failure' });
      res.writeHead(failure, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...retryAfter });
      return void res.end(text);
    }
    // 'lost-reset' and 'lost-timeout': the work is done as usual; only the answer never reaches the app.
    const respond = (status: number, payload: unknown) => {
      if (failure === 'lost-reset') return void req.socket.destroy();
      if (failure === 'lost-timeout') return;
      send(res, status, payload);
    };

    if (req.method === 'POST' && GRAPHQL_PATH.test(url.pathname)) {
      if (!authorized(req, shop)) return respond(401, UNAUTHORIZED);
      const throttled = throttles.get(shop);
      if (throttled && throttled.remaining > 0) {
        throttled.remaining--;
        // Shopify answers throttling with a 200: a GraphQL error and the cost bucket's state.
        return respond(200, {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: { cost: { requestedQueryCost: throttled.cost.requestedQueryCost, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000, ...throttled.cost } } },
        });
      }
      const charged = metafields.charge(shop);
      if (charged?.throttled) return respond(200, charged.throttled);
      const field = graphql!;
      if (typeof field === 'string') return respond(200, { errors: [{ message: field }] });
      const payload = field.operation === 'query' ? lookUp(shop, field.name, field.args) : mutate(shop, field.name, field.args);
      if (payload === undefined) {
        const type = field.operation === 'query' ? 'QueryRoot' : 'Mutation';
        return respond(200, { errors: [{ message: `Field '${field.name}' doesn't exist on type '${type}'`, extensions: { code: 'undefinedField' } }] });
      }
      return respond(200, { data: { [field.name]: payload }, ...(charged && { extensions: { cost: charged.cost } }) });
    }

    if (req.method === 'POST' && ACCESS_TOKEN_PATH.test(url.pathname)) {
      const { client_id, client_secret, code } = (typeof body === 'object' && body) as { client_id?: unknown; client_secret?: unknown; code?: unknown };
      if (client_id !== apiKey || client_secret !== apiSecret) {
        return respond(400, { error: 'invalid_client', error_description: 'Client credentials are invalid' });
      }
      if (typeof code !== 'string' || codes.get(code) !== shop) {
        return respond(400, { error: 'invalid_request', error_description: 'The authorization code was not found or was already used' });
      }
      codes.delete(code);
      const token = `shpat_${randomBytes(16).toString('hex')}`;
      tokens.set(shop, [...(tokens.get(shop) ?? []), token]);
      return respond(200, { access_token: token, scope: 'read_customers,read_orders' });
    }

    if (req.method === 'POST' && WEBHOOKS_JSON_PATH.test(url.pathname)) {
      if (!authorized(req, shop)) return respond(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      const { webhook } = (typeof body === 'object' && body) as { webhook?: { topic?: string; address?: string; format?: string } };
      if (!webhook?.topic || !webhook.address) return respond(422, { errors: { topic: ["can't be blank"] } });
      const forShop = subscriptions.get(shop) ?? new Map();
      subscriptions.set(shop, forShop);
      const key = `${webhook.topic} ${webhook.address}`;
      if (forShop.has(key)) return respond(422, { errors: { address: ['for this topic has already been taken'] } });
      const created = { id: forShop.size + 1, topic: webhook.topic, address: webhook.address, format: webhook.format ?? 'json' };
      forShop.set(key, created);
      return respond(201, { webhook: created });
    }

    if (req.method === 'GET' && SHOP_JSON_PATH.test(url.pathname)) {
      if (!authorized(req, shop)) {
        return respond(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      }
      const info = shops.get(shop) ?? {};
      return respond(200, {
        shop: { name: info.name ?? `Fake ${shop}`, currency: info.currency ?? 'USD', primary_locale: info.primary_locale ?? 'en', iana_timezone: info.iana_timezone ?? 'UTC', myshopify_domain: shop },
      });
    }

    return respond(404, { errors: 'Not Found' });
  };

  const created = (shop: string) => {
    const forShop = discounts.get(shop) ?? [];
    discounts.set(shop, forShop);
    return forShop;
  };

  /** Answers a mutation's payload the way Shopify does: userErrors for what it refuses. */
  const mutate = (shop: string, name: string, args: Record<string, unknown>): unknown => {
    if (name === 'discountCodeBasicCreate' || name === 'discountCodeFreeShippingCreate') {
      const argument = name === 'discountCodeBasicCreate' ? 'basicCodeDiscount' : 'freeShippingCodeDiscount';
      const input = (args[argument] ?? {}) as Record<string, unknown>;
      const error = (field: string, code: string, message: string) => ({ codeDiscountNode: null, userErrors: [{ field: [argument, field], code, message }] });
      if (typeof input.code !== 'string' || !input.code) return error('code', 'BLANK', "Code can't be blank");
      if (typeof input.title !== 'string' || !input.title) return error('title', 'BLANK', "Title can't be blank");
      if (!input.context && !input.customerSelection) return error('context', 'BLANK', "Context can't be blank");
      if (name === 'discountCodeBasicCreate') {
        const value = (input.customerGets as { value?: { percentage?: number } } | undefined)?.value;
        if (!value) return error('customerGets', 'BLANK', "Customer gets can't be blank");
        if (value.percentage !== undefined && !(value.percentage > 0 && value.percentage <= 1)) {
          return error('customerGets', 'VALUE_OUTSIDE_RANGE', 'Value must be between 0.0 and 1.0');
        }
      }
      const code = input.code.toLowerCase();
      if (created(shop).some((d) => d.code.toLowerCase() === code)) return error('code', 'TAKEN', 'Code must be unique. Please try a different code.');
      const discount: FakeDiscount = { id: `gid://shopify/DiscountCodeNode/${discountIds++}`, mutation: name, code: input.code, input };
      created(shop).push(discount);
      return { codeDiscountNode: { id: discount.id }, userErrors: [] };
    }
    if (name === 'discountCodeDelete') {
      const forShop = created(shop);
      const index = forShop.findIndex((d) => d.id === args.id);
      if (index < 0) return { deletedCodeDiscountId: null, userErrors: [{ field: ['id'], code: 'INVALID', message: 'Discount does not exist' }] };
      const [discount] = forShop.splice(index, 1);
      deleted.set(shop, [...(deleted.get(shop) ?? []), discount]);
      return { deletedCodeDiscountId: discount.id, userErrors: [] };
    }
    if (name === 'metafieldsSet') return metafields.set(shop, args);
    if (name === 'flowTriggerReceive') {
      if (typeof args.handle !== 'string' || !args.handle) return { userErrors: [{ field: ['handle'], message: 'Handle is required' }] };
      if (args.payload === null || typeof args.payload !== 'object') return { userErrors: [{ field: ['payload'], message: 'Payload must be a JSON object' }] };
      flowTriggers.set(shop, [...(flowTriggers.get(shop) ?? []), { handle: args.handle, payload: args.payload }]);
      return { userErrors: [] };
    }
    return undefined;
  };

  /**
   * Answers a query the way Shopify does. `codeDiscountNodeByCode` matches the code without regard
   * to case and answers null when no discount holds it; the node comes back whole, whatever the
   * selection asked for.
   */
  const lookUp = (shop: string, name: string, args: Record<string, unknown>): unknown => {
    if (name === 'codeDiscountNodeByCode') {
      const code = typeof args.code === 'string' ? args.code.toLowerCase() : undefined;
      const discount = created(shop).find((d) => d.code.toLowerCase() === code);
      if (!discount) return null;
      const __typename = discount.mutation === 'discountCodeBasicCreate' ? 'DiscountCodeBasic' : 'DiscountCodeFreeShipping';
      return { id: discount.id, codeDiscount: { __typename, title: discount.input.title, codes: { nodes: [{ code: discount.code }] } } };
    }
    return undefined;
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, { errors: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
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
      if (failure === null) {
        failures.delete(shopKey(shop));
        nextFailures.delete(shopKey(shop));
        throttles.delete(shopKey(shop));
        metafields.setBucket(shopKey(shop), null);
      } else failures.set(shopKey(shop), { failure, pathSuffix });
    },
    failNext(shop, failure, times = 1, options = {}) {
      const key = shopKey(shop);
      nextFailures.set(key, [...(nextFailures.get(key) ?? []), { failure, remaining: times, pathSuffix: options.pathSuffix ?? '/graphql.json', operation: options.operation, retryAfterSeconds: options.retryAfterSeconds }]);
    },
    throttle(shop, times, cost = {}) {
      throttles.set(shopKey(shop), { remaining: times, cost: { requestedQueryCost: 10, currentlyAvailable: 5, restoreRate: 100, ...cost } });
    },
    discounts: (shop) => [...(discounts.get(shopKey(shop)) ?? [])],
    deletedDiscounts: (shop) => [...(deleted.get(shopKey(shop)) ?? [])],
    flowTriggers: (shop) => [...(flowTriggers.get(shopKey(shop)) ?? [])],
    metafields: (shop) => metafields.of(shopKey(shop)),
    metafieldsSetCalls: (shop) => metafields.calls(shopKey(shop)),
    forgetCustomer: (shop, shopifyCustomerId) => metafields.forgetOwner(shopKey(shop), shopifyCustomerId),
    costBucket(shop, bucket) {
      metafields.setBucket(shopKey(shop), bucket && { maximumAvailable: 1000, restoreRate: 50, requestCost: 10, ...bucket });
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
