import { healthRoutes, httpMetrics, metricsRoute, type KitConfig } from '@loyalnest/kit';
import express, { type Express } from 'express';

/**
 * The worker's whole HTTP surface, built here only: `/healthz` (the process is alive) and
 * `/readyz` (`isReady` resolves: stores and Redis answer, event processing runs), for probes, and
 * `/metrics` (behind `METRICS_TOKEN` outside development, like every process's). No GraphQL and no
 * ingress: anything else is 404, so a worker's port exposes no tenant's data.
 */
export function createWorkerApp(isReady: () => Promise<void>, kit: Pick<KitConfig, 'metrics' | 'development'>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetrics);
  healthRoutes(app, isReady);
  app.use(metricsRoute(kit.metrics, kit.development));
  return app;
}
