import type { RequestHandler } from 'express';

/** How long a browser may reuse a preflight's answer: one a day, not one per widget request. */
const PREFLIGHT_MAX_AGE_SECONDS = 86_400;

/**
 * CORS for `/graphql`. The storefront widget runs on the shop's own domain and calls the API on
 * the app's, cross-origin, with `Authorization: Bearer <token>` and a JSON body. Every origin may:
 * the API authenticates by that bearer token alone and never by a cookie, so a page of another
 * site gains nothing from calling it that it could not do without a browser, and credentials
 * (cookies) are never allowed. A cross-origin request without `content-type: application/json`
 * (a form's POST) is still refused, by Apollo Server's CSRF prevention behind this.
 */
export const graphqlCors: RequestHandler = (req, res, next) => {
  res.setHeader('access-control-allow-origin', '*');
  // Browsers hide every other response header from a cross-origin script. These two are what a
  // client acts on: when to retry a THROTTLED request, and the id to quote when reporting a failure.
  // (The widget reads neither today; THROTTLED's body carries `retryAfter` too.)
  res.setHeader('access-control-expose-headers', 'retry-after, x-request-id');
  if (req.method !== 'OPTIONS') return next();
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'authorization, content-type');
  res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
  res.status(204).end();
};
