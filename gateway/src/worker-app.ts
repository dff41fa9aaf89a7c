import { healthRoutes } from '@loyalnest/kit';
import express, { type Express } from 'express';

/**
 * The worker's whole HTTP surface, built here only: `/healthz` (the process is alive) and
 * `/readyz` (`isReady` resolves: stores and Redis answer, event processing runs), for probes.
 * No GraphQL and no ingress: anything else is 404, so a worker's port exposes no tenant's data.
 */
export function createWorkerApp(isReady: () => Promise<void>): Express {
  const app = express();
  app.disable('x-powered-by');
  healthRoutes(app, isReady);
  return app;
}
