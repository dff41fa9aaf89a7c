import express, { Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../context.js';
import { systemCaller } from '../context.js';
import { logger } from '../logger.js';
import { Scope } from '../scopes.js';
import { normalizeShopDomain, verifyWebhookHmac } from '../shopify.js';
import type { SubgraphRuntime } from '../subgraph.js';

/**
 * What an action endpoint answers. Flow reads only the status: 200 is done; any other 4xx but 429
 * fails the action run for good (shown to the merchant with our message); 5xx and timeouts are
 * retried for up to a day, which is safe because every run applies once (`action_run_id`).
 */
export interface FlowActionOutcome {
  status: 200 | 400 | 401 | 404 | 409 | 422;
  body: Record<string, unknown>;
}

/** A signed run of an action, for the merchant whose shop sent it. */
export interface FlowActionRun<P> {
  /** As the Flow actor (`actor.id` is the run id) with the action's scopes, for the shop's merchant. */
  ctx: RequestContext;
  /** Flow's `action_run_id`: the same run sent again is the same change. */
  runId: string;
  /** The customer reference (`properties.customer_id`), as a Shopify id; which LoyalNest customer it is, the action finds within the merchant. */
  shopifyCustomerId: string;
  /** The action's own properties, as its `parse` read them. */
  properties: P;
}

/** One Flow action a subgraph serves at `POST /flow/actions/<handle>`. */
export interface FlowAction<P> {
  /** As in its `extensions/flow-<handle>/shopify.extension.toml`. */
  handle: string;
  /** What the Flow actor may do in this action. */
  scopes: string[];
  /** The action's properties besides `customer_id`, or what is wrong with them, naming the field (`properties.<key>: …`). */
  parse(properties: Record<string, unknown>): P | string;
  run(run: FlowActionRun<P>): Promise<FlowActionOutcome>;
}

/** The body Flow posts to an action's runtime URL. */
interface FlowActionRequest {
  shopify_domain?: unknown;
  action_run_id?: unknown;
  handle?: unknown;
  properties?: Record<string, unknown> | null;
}

/** Flow action bodies are a few properties; anything larger is not from Flow. */
const MAX_BODY = '256kb';
/** Keeps keys made of the run id (`flow:run:<id>` in the points ledger) within 255 characters. */
const MAX_RUN_ID = 200;
const RUN_ID = /^[\x21-\x7e]+$/;
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/(\d+)$/;

const LOOKUP_SHOP = /* GraphQL */ `
  query FlowActionShop($v: String!) { _callerByShop(shopDomain: $v) { merchantId status } }
`;

/** The gateway paths of these handles: each subgraph declares its own as `routePrefixes`, so a networked gateway sends each action to its owner. */
export function flowActionPaths(handles: readonly string[]): string[] {
  return handles.map((handle) => `/flow/actions/${handle}`);
}

const fail = (status: 400 | 401 | 404 | 409 | 422, message: string): FlowActionOutcome => ({ status, body: { message } });

/**
 * `POST /flow/actions/<handle>` for each of a subgraph's actions, shared by every subgraph that
 * serves Flow actions. The signature (base64 HMAC-SHA256 of the raw body with the app secret) is
 * checked on the exact bytes before anything else is read; the tenant comes from the signed body's
 * shop domain (an installed shop only), and the customer reference is a Shopify id the action
 * looks up within that merchant only. Each action then runs as the Flow actor with its own scopes.
 */
export function flowActionRoutes(runtime: Pick<SubgraphRuntime, 'name' | 'config' | 'peers' | 'createContext'>, actions: FlowAction<unknown>[]): Router {
  const router = Router();
  for (const action of actions) {
    router.post(`/flow/actions/${action.handle}`, express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const outcome = await receive(runtime, action, req.get('x-shopify-hmac-sha256'), body);
        res.status(outcome.status).json(outcome.body);
      } catch (error) {
        logger(runtime.name).error({ err: error, handle: action.handle }, 'Flow action failed');
        // A 5xx makes Flow run the action again later; the run id keeps that from applying twice.
        res.status(500).json({ message: 'LoyalNest could not apply the action right now; Flow will retry' });
      }
    });
  }
  return router;
}

async function receive<P>(runtime: Pick<SubgraphRuntime, 'config' | 'peers' | 'createContext'>, action: FlowAction<P>, hmac: string | undefined, rawBody: Buffer): Promise<FlowActionOutcome> {
  if (!verifyWebhookHmac(rawBody, hmac, runtime.config.shopify.apiSecret)) return fail(401, 'HMAC verification failed');
  const envelope = parseEnvelope(action.handle, rawBody);
  if (typeof envelope === 'string') return fail(400, envelope);
  const properties = action.parse(envelope.properties);
  if (typeof properties === 'string') return fail(400, properties);

  // The same lookup the gateway makes to authenticate a shop's session: the merchant subgraph owns shops.
  const { _callerByShop: merchant } = await runtime.peers.query<{ _callerByShop: { merchantId: string; status: string } | null }>(
    'merchant',
    LOOKUP_SHOP,
    { v: envelope.shop },
    systemCaller([Scope.AUTH_RESOLVE]),
  );
  if (!merchant) return fail(404, `The shop ${envelope.shop} has not installed LoyalNest`);
  if (merchant.status !== 'INSTALLED') return fail(422, `The shop ${envelope.shop} has uninstalled LoyalNest`);

  const ctx = runtime.createContext({
    merchantId: merchant.merchantId,
    // The run is who acted: the audit trail and the change's events name it.
    actor: { kind: 'flow', id: envelope.runId },
    scopes: action.scopes,
    requestId: randomUUID(),
  });
  return action.run({ ctx, runId: envelope.runId, shopifyCustomerId: envelope.shopifyCustomerId, properties });
}

/** The fields every action's body has, or what is wrong with them (naming the field). */
function parseEnvelope(handle: string, rawBody: Buffer): { shop: string; runId: string; shopifyCustomerId: string; properties: Record<string, unknown> } | string {
  let body: FlowActionRequest;
  try {
    body = JSON.parse(rawBody.toString('utf8')) as FlowActionRequest;
  } catch {
    return 'The body is not valid JSON';
  }
  if (!body || typeof body !== 'object') return 'The body must be a JSON object';
  const shop = normalizeShopDomain(typeof body.shopify_domain === 'string' ? body.shopify_domain : undefined);
  if (!shop) return 'shopify_domain: must be a *.myshopify.com domain';
  if (typeof body.action_run_id !== 'string' || !RUN_ID.test(body.action_run_id) || body.action_run_id.length > MAX_RUN_ID) {
    return `action_run_id: must be 1–${MAX_RUN_ID} printable characters`;
  }
  if (body.handle !== undefined && body.handle !== handle) return `handle: "${String(body.handle)}" does not match the endpoint's action "${handle}"`;
  const properties = body.properties && typeof body.properties === 'object' ? body.properties : {};
  const shopifyCustomerId = shopifyCustomerIdOf(properties.customer_id);
  if (!shopifyCustomerId) return 'properties.customer_id: must be a Shopify customer id (a number or a gid://shopify/Customer/… id)';
  return { shop, runId: body.action_run_id, shopifyCustomerId, properties };
}

/** Flow sends a `customer_reference` as the numeric id; a GID is accepted too. */
function shopifyCustomerIdOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const id = CUSTOMER_GID.exec(text)?.[1] ?? (/^\d+$/.test(text) ? text : null);
  return id && id.length <= 19 && BigInt(id) > 0n && BigInt(id) <= 9_223_372_036_854_775_807n ? id : null;
}
