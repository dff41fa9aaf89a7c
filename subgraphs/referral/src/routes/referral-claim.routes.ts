import { checkAppProxyRequest, clientIp, ErrorCode, logger, Scope, systemCaller, type Caller, type PeerClient, type SubgraphRuntime } from '@loyalnest/kit';
import { json, Router, type NextFunction, type Request, type Response } from 'express';
import { createSecretKey, randomUUID } from 'node:crypto';
import type { ShopDirectory } from '../clicks/shop-directory.js';
import type { ReferralClaimService } from '../services/referral-claim.service.js';
import { REFERRAL_CLICK_PREFIX } from './referral-click.routes.js';

const CUSTOMER_BY_SHOPIFY_ID = /* GraphQL */ `
  query ReferralClaimingCustomer($id: ID!) { customerByShopifyId(shopifyId: $id) { id } }
`;

/** The claim's errors as HTTP statuses: what the storefront's script branches on, beside `error.code`. */
const STATUS_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.REFERRAL_CLAIM_INVALID]: 400,
  [ErrorCode.REFERRAL_CLAIM_BLOCKED]: 403,
  [ErrorCode.REFERRAL_CODE_NOT_FOUND]: 404,
  [ErrorCode.REFERRAL_PROGRAM_DISABLED]: 409,
  [ErrorCode.REFERRAL_ALREADY_CLAIMED]: 409,
  [ErrorCode.REFERRAL_DISCOUNT_UNAVAILABLE]: 503,
};

/** A claim body is an email and little else. */
const BODY_LIMIT = '4kb';

function fail(res: Response, status: number, code: string, message: string, field?: string): void {
  res.status(status).json({ error: { code, message, ...(field && { field }) } });
}

/**
 * The LoyalNest customer Shopify says is logged in (`logged_in_customer_id`, signed with the rest
 * of the query); null for a guest, and for a customer the customer domain does not know yet (they
 * claim as a guest, by email).
 */
async function loggedInCustomer(peers: PeerClient, merchantId: string, shopifyCustomerId: string | null): Promise<string | null> {
  if (!shopifyCustomerId) return null;
  const answer = await peers.query<{ customerByShopifyId: { id: string } | null }>('customer', CUSTOMER_BY_SHOPIFY_ID, { id: shopifyCustomerId }, systemCaller([Scope.CUSTOMERS_READ], merchantId));
  return answer.customerByShopifyId?.id ?? null;
}

/**
 * `POST /proxy/r/<code>/claim` with `{ "email": "…" }`, reached through Shopify's app proxy: how a
 * friend claims from the storefront, logged in or not. Checked like the click route (Shopify's
 * signature and freshness, an installed shop), then claimed as the shopper Shopify names, or as a
 * guest; the friend's IP (as `clientIp` reads it past `TRUSTED_PROXY_HOPS` proxies) and user agent go to the fraud
 * checks as keyed hashes only. Answers the claim (`{ referralId, discountCode, status, offer }`)
 * or `{ error: { code, message, field? } }` with a 4xx (503 when Shopify issued no code: retry).
 * Under the click route's prefix, so the gateway forwards it in networked mode as it does clicks.
 */
export function referralClaimRoutes(runtime: SubgraphRuntime, deps: { shops: ShopDirectory; claims: ReferralClaimService }): Router {
  const router = Router();
  const { appProxy } = runtime.config.shopify;
  const apiSecret = createSecretKey(Buffer.from(runtime.config.shopify.apiSecret, 'utf8'));
  const { trustedProxyHops: hops } = runtime.config.referrals;
  const log = logger(runtime.name);

  const claim = async (req: Request, res: Response) => {
    const params = new URL(req.originalUrl, 'http://proxy').searchParams;
    const checked = checkAppProxyRequest(params, apiSecret, appProxy.maxAgeSeconds);
    if ('status' in checked) return fail(res, checked.status, 'APP_PROXY_REFUSED', checked.error);
    const merchantId = await deps.shops.merchantOf(checked.shop);
    if (!merchantId) return fail(res, 403, 'SHOP_NOT_INSTALLED', 'The shop does not have the app installed');
    const email = (req.body as { email?: unknown } | undefined)?.email;
    if (typeof email !== 'string') return fail(res, 400, ErrorCode.REFERRAL_CLAIM_INVALID, 'email is missing: send { "email": "…" }', 'email');
    const customerId = await loggedInCustomer(runtime.peers, merchantId, params.get('logged_in_customer_id'));
    const caller: Caller = customerId
      ? { merchantId, actor: { kind: 'shopper', id: customerId }, customerId, scopes: [Scope.CUSTOMER_SELF], requestId: randomUUID() }
      : { merchantId, actor: { kind: 'shopper', id: 'guest' }, scopes: [], requestId: randomUUID() };
    const ctx = runtime.createContext(caller);
    const result = await deps.claims.claim(ctx, {
      code: String(req.params.code),
      email,
      friendCustomerId: customerId,
      ipAddress: clientIp(req, hops),
      userAgent: String(req.headers['user-agent'] ?? ''),
    });
    if ('referralId' in result) {
      const { kind, value, minimumOrderAmount, expiryDays } = result.reward;
      return void res.json({
        referralId: result.referralId,
        discountCode: result.discountCode,
        status: result.status,
        offer: { kind: kind.toUpperCase(), value, minimumOrderAmount, expiryDays, endsAt: result.endsAt?.toISOString() ?? null },
      });
    }
    fail(res, STATUS_OF[result.code] ?? 400, result.code, result.message, 'field' in result ? result.field : undefined);
  };

  router.post(`${REFERRAL_CLICK_PREFIX}/:code/claim`, json({ limit: BODY_LIMIT, type: () => true }), (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    claim(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'referral claim failed');
      fail(res, 503, 'UNAVAILABLE', 'The referral cannot be claimed now; try again shortly');
    });
  });
  // A body that is not JSON (or too large) never reaches the claim.
  router.use(`${REFERRAL_CLICK_PREFIX}/:code/claim`, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    res.setHeader('cache-control', 'no-store');
    fail(res, 400, ErrorCode.REFERRAL_CLAIM_INVALID, 'The body must be JSON of at most 4 KB: { "email": "…" }', 'email');
  });
  return router;
}
