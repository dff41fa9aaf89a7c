import { CustomerNotFoundError, normalizeShopDomain, Scope, systemCaller, textProblem, verifyWebhookHmac, type SubgraphRuntime } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { IdempotencyKeyReusedError, InsufficientPointsError } from '../graphql/points.error.js';
import type { CustomerDirectory } from './customer-directory.js';
import type { ChangeResult, PointsService } from './points.service.js';

/** The Flow actions this app defines (`extensions/flow-<handle>/shopify.extension.toml`). */
export const FLOW_ACTION_HANDLES = ['award-points', 'deduct-points'] as const;
export type FlowActionHandle = (typeof FLOW_ACTION_HANDLES)[number];

/**
 * What the endpoint answers. Flow reads only the status: 200 is done; any other 4xx but 429
 * fails the action run for good (shown to the merchant with our message); 5xx and timeouts are
 * retried for up to a day, which is safe because every run applies once (`action_run_id`).
 */
export interface FlowActionOutcome {
  status: 200 | 400 | 401 | 404 | 409 | 422;
  body: { status: 'applied' | 'duplicate'; entryId: string; balance: number } | { message: string };
}

/** The body Flow posts to an action's runtime URL. */
interface FlowActionRequest {
  shop_id?: unknown;
  shopify_domain?: unknown;
  action_run_id?: unknown;
  handle?: unknown;
  properties?: { customer_id?: unknown; points?: unknown; reason?: unknown } | null;
}

interface ParsedAction {
  shop: string;
  runId: string;
  shopifyCustomerId: string;
  points: number;
  reason: string | null;
}

const MAX_POINTS = 1_000_000;
/** Keeps `flow:run:<id>` within the ledger's 255-character key. */
const MAX_RUN_ID = 200;
const RUN_ID = /^[\x21-\x7e]+$/;
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/(\d+)$/;

const LOOKUP_SHOP = /* GraphQL */ `
  query PointsFlowShop($v: String!) { _callerByShop(shopDomain: $v) { merchantId status } }
`;

const fail = (status: 400 | 401 | 404 | 409 | 422, message: string): FlowActionOutcome => ({ status, body: { message } });

/**
 * Shopify Flow's action endpoints: `award-points` and `deduct-points` run the same service as the
 * `awardPoints` / `deductPoints` mutations, as the Flow actor with `points:write`. The signature is
 * checked on the raw body before anything else is read; the tenant comes from the signed body's
 * shop domain, and the customer from its Shopify id within that merchant only.
 */
export class FlowActionService {
  constructor(
    private readonly runtime: Pick<SubgraphRuntime, 'config' | 'peers' | 'createContext'>,
    private readonly points: PointsService,
    private readonly customers: CustomerDirectory,
  ) {}

  async run(handle: string, hmac: string | undefined, rawBody: Buffer): Promise<FlowActionOutcome> {
    if (!verifyWebhookHmac(rawBody, hmac, this.runtime.config.shopify.apiSecret)) return fail(401, 'HMAC verification failed');
    if (!(FLOW_ACTION_HANDLES as readonly string[]).includes(handle)) return fail(404, `Unknown Flow action "${handle}"`);
    const parsed = parse(handle, rawBody);
    if (typeof parsed === 'string') return fail(400, parsed);

    const merchant = await this.merchantOf(parsed.shop);
    if (!merchant) return fail(404, `The shop ${parsed.shop} has not installed LoyalNest`);
    if (merchant.status !== 'INSTALLED') return fail(422, `The shop ${parsed.shop} has uninstalled LoyalNest`);

    const ctx = this.runtime.createContext({
      merchantId: merchant.merchantId,
      // The run is who acted: the audit trail and the entry's outbox event name it.
      actor: { kind: 'flow', id: parsed.runId },
      scopes: [Scope.POINTS_WRITE],
      requestId: randomUUID(),
    });
    const customer = await this.customers.byShopifyId(ctx, parsed.shopifyCustomerId);
    if (!customer) return fail(422, `No customer with Shopify id ${parsed.shopifyCustomerId} in this shop`);
    const input = {
      customerId: customer.customerId,
      points: parsed.points,
      reason: parsed.reason ?? (handle === 'award-points' ? 'Shopify Flow award' : 'Shopify Flow deduction'),
      // Flow sends a run again when it saw no answer: the same run id is the same change.
      idempotencyKey: `run:${parsed.runId}`,
    };
    const result = handle === 'award-points' ? await this.points.award(ctx, input) : await this.points.deduct(ctx, input);
    return answer(result);
  }

  private async merchantOf(shop: string): Promise<{ merchantId: string; status: string } | null> {
    // The same lookup the gateway makes to authenticate a shop's session: the merchant subgraph owns shops.
    const answer = await this.runtime.peers.query<{ _callerByShop: { merchantId: string; status: string } | null }>(
      'merchant',
      LOOKUP_SHOP,
      { v: shop },
      systemCaller([Scope.AUTH_RESOLVE]),
    );
    return answer._callerByShop;
  }
}

function answer(result: ChangeResult): FlowActionOutcome {
  if (result instanceof InsufficientPointsError) return fail(422, result.message);
  if (result instanceof CustomerNotFoundError) return fail(422, result.message);
  if (result instanceof IdempotencyKeyReusedError) return fail(409, 'This action run was already applied with different properties');
  return { status: 200, body: { status: result.duplicate ? 'duplicate' : 'applied', entryId: result.entry.id, balance: result.account.balance } };
}

/** The request's fields, or what is wrong with them (naming the field). */
function parse(handle: string, rawBody: Buffer): ParsedAction | string {
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
  const points = typeof properties.points === 'string' && properties.points.trim() !== '' ? Number(properties.points) : properties.points;
  if (typeof points !== 'number' || !Number.isInteger(points) || points < 1 || points > MAX_POINTS) {
    return `properties.points: must be a whole number from 1 to ${MAX_POINTS.toLocaleString('en')}`;
  }
  if (properties.reason !== undefined && properties.reason !== null && typeof properties.reason !== 'string') return 'properties.reason: must be text';
  const reason = typeof properties.reason === 'string' ? properties.reason.trim() : '';
  if (reason.length > 255) return 'properties.reason: at most 255 characters';
  const unstorable = textProblem(reason);
  if (unstorable) return `properties.reason: ${unstorable}`;
  return {
    shop,
    runId: body.action_run_id,
    shopifyCustomerId,
    points,
    reason: reason || null,
  };
}

/** Flow sends a `customer_reference` as the numeric id; a GID is accepted too. */
function shopifyCustomerIdOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const id = CUSTOMER_GID.exec(text)?.[1] ?? (/^\d+$/.test(text) ? text : null);
  return id && id.length <= 19 && BigInt(id) > 0n && BigInt(id) <= 9_223_372_036_854_775_807n ? id : null;
}
