import { checkAppProxyRequest, clientIp, logger, type SubgraphRuntime } from '@loyalnest/kit';
import { Router, type Request, type Response } from 'express';
import { createSecretKey } from 'node:crypto';
import type { ClickStore } from '../clicks/click-store.js';
import type { ShopDirectory } from '../clicks/shop-directory.js';
import { visitorHash, visitorKeyOf } from '../clicks/visitor.js';
import { parseReferralCode } from '../domain/referral-code.js';
import type { ReferralClickService } from '../services/referral-click.service.js';
import { referralLandingError, referralLandingPage } from './referral-landing.view.js';

/** The path Shopify's app proxy forwards `https://<shop><APP_PROXY_PATH>/r/<code>` to. */
export const REFERRAL_CLICK_PREFIX = '/proxy/r';

/** Every answer's errors: `{ error: { code, message } }`, so the storefront can tell them apart. */
type ClickErrorCode = 'APP_PROXY_REFUSED' | 'SHOP_NOT_INSTALLED' | 'REFERRAL_CODE_MALFORMED' | 'REFERRAL_CODE_NOT_FOUND' | 'UNAVAILABLE';

/** Shopify renders an app proxy's answer of this type as Liquid, inside the shop's theme. */
const LIQUID = 'application/liquid; charset=utf-8';

/** A browser's navigation to the link, rather than a client asking for JSON (which is also what a request that states no preference gets). */
function wantsPage(req: Request): boolean {
  return req.accepts(['json', 'html']) === 'html';
}

function fail(req: Request, res: Response, status: number, code: ClickErrorCode, message: string): void {
  if (wantsPage(req)) res.status(status).type(LIQUID).send(referralLandingError(String(req.params.code), code));
  else res.status(status).json({ error: { code, message } });
}

/**
 * `GET /proxy/r/<code>`, reached through Shopify's app proxy: checked like every proxy route
 * (Shopify's parameters once each, signature, freshness, an installed shop), then the code is
 * looked up within that shop's merchant and the click counted. Answers what the storefront needs
 * to show the offer: whether the program is on, and the friend's discount (kind, value, minimum,
 * expiry, currency). Nothing about the advocate: the link's owner is no business of the visitor.
 * A browser following the link (it prefers HTML) gets the same outcome as a Liquid page in the
 * shop's theme, where the widget finds it (see referral-landing.view.ts); the click counts the same.
 */
export function referralClickRoutes(runtime: SubgraphRuntime, deps: { store: ClickStore; shops: ShopDirectory; clicks: ReferralClickService }): Router {
  const router = Router();
  const { appProxy } = runtime.config.shopify;
  // Made once: building the HMAC key per request is a measurable share of a click.
  const apiSecret = createSecretKey(Buffer.from(runtime.config.shopify.apiSecret, 'utf8'));
  const visitorKey = visitorKeyOf(runtime.config.blindIndexKey);
  const { trustedProxyHops: hops } = runtime.config.referrals;
  const log = logger(runtime.name);

  router.get(`${REFERRAL_CLICK_PREFIX}/:code`, (req: Request, res: Response) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('vary', 'accept');
    const answer = async () => {
      const checked = checkAppProxyRequest(new URL(req.originalUrl, 'http://proxy').searchParams, apiSecret, appProxy.maxAgeSeconds);
      if ('status' in checked) return fail(req, res, checked.status, 'APP_PROXY_REFUSED', checked.error);
      const merchantId = await deps.shops.merchantOf(checked.shop);
      if (!merchantId) return fail(req, res, 403, 'SHOP_NOT_INSTALLED', 'The shop does not have the app installed');
      const parsed = parseReferralCode(String(req.params.code));
      if (!parsed.ok) return fail(req, res, 404, 'REFERRAL_CODE_MALFORMED', parsed.message);
      const { code } = parsed;
      const visitor = visitorHash(visitorKey, clientIp(req, hops), String(req.headers['user-agent'] ?? ''));
      const outcome = await deps.clicks.click(runtime, deps.store, merchantId, code, visitor);
      if (outcome.kind === 'unknown') return fail(req, res, 404, 'REFERRAL_CODE_NOT_FOUND', 'No referral code like this at this shop');
      const { offer } = outcome;
      const found = { code, enabled: offer.enabled, offer: offer.enabled ? { ...offer.reward, currency: offer.currency } : null };
      if (wantsPage(req)) res.type(LIQUID).send(referralLandingPage(code, found));
      else res.json(found);
    };
    answer().catch((error: unknown) => {
      log.error({ err: error }, 'referral click failed');
      fail(req, res, 503, 'UNAVAILABLE', 'The referral link cannot be read now; try again shortly');
    });
  });
  return router;
}
