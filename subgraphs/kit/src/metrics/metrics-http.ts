import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import type { MetricsConfig } from '../config.js';
import { logger } from '../logger.js';
import { httpRequestDuration, metricsRegistry } from './metrics-registry.js';

export const METRICS_PATH = '/metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route a request matched, as the code wrote it (`/flow/actions/:handle`, `/graphql`), so
 * the label never carries a path's ids; what matched nothing is `unmatched`. `baseUrl` is the
 * request's own text of a mount path, and Express matches paths whatever their case: lowercased
 * (as every mount path is written), `/GraphQL` and `/gRaPhQl` are the one `/graphql` series
 * rather than a new series per spelling an anonymous client cares to send.
 */
function routeOf(req: Request): string {
  const pattern = req.route?.path;
  // No baseUrl at all on a request that matched nothing (Express's final 404).
  const route = `${(req.baseUrl ?? '').toLowerCase()}${typeof pattern === 'string' ? pattern : ''}`;
  return route || 'unmatched';
}

/** Times every request into `loyalnest_http_request_duration_seconds`; mount it first. */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const end = httpRequestDuration.startTimer();
  res.once('finish', () => {
    end({ route: routeOf(req), method: METHODS.has(req.method) ? req.method : 'OTHER', status_class: `${Math.floor(res.statusCode / 100)}xx` });
  });
  next();
};

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * `GET /metrics` in Prometheus's text format, on the process's own port. Who may read it:
 * - with `METRICS_TOKEN` set, only a request bearing it (`Authorization: Bearer <token>`), in
 *   every mode: Prometheus sends it from a Kubernetes Secret (`authorization.credentials`);
 * - without it, in development, anyone (a laptop's loopback);
 * - without it, outside development, nobody: the route answers 404 as if absent, since the
 *   gateway's port faces the internet and the series describe the deployment's load.
 * A token rather than a port of its own: every process (the worker too) keeps one port for probes
 * and scraping, and a Service or Ingress that forwards too much still exposes nothing.
 */
export function metricsRoute(config: MetricsConfig, development: boolean): Router {
  const expected = config.token === null ? null : digest(`Bearer ${config.token}`);
  const router = Router();
  router.get(METRICS_PATH, (req, res) => {
    if (expected === null && !development) {
      res.status(404).json({ error: 'Not found' });
      return;
    }
    // Compared as digests: equal lengths for timingSafeEqual, and no early exit on a prefix.
    if (expected !== null && !timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.status(401).set('www-authenticate', 'Bearer realm="metrics"').json({ error: 'A metrics token is required' });
      return;
    }
    metricsRegistry
      .metrics()
      .then((body) => {
        res.set('content-type', metricsRegistry.contentType).send(body);
      })
      .catch((error: unknown) => {
        logger('metrics').error({ err: error }, 'collecting metrics failed');
        res.status(500).json({ error: 'Collecting metrics failed' });
      });
  });
  return router;
}
