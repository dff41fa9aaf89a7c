import { logger } from '@loyalnest/kit';
import type { SubgraphRuntime } from '@loyalnest/kit';
import { Router } from 'express';
import { InstallError, type InstallService } from '../services/install.service.js';

/** `/auth/install` and `/auth/callback`: Shopify's OAuth install, served on the gateway's port. */
export function installRoutes(install: InstallService, runtime: SubgraphRuntime): Router {
  const router = Router();
  const fail = (res: import('express').Response, error: unknown) => {
    if (error instanceof InstallError) return res.status(error.status).json({ error: error.message });
    logger(runtime.name).error({ err: error }, 'install failed');
    return res.status(500).json({ error: 'Install failed' });
  };
  router.get('/auth/install', async (req, res) => {
    try {
      res.redirect(302, await install.begin(typeof req.query.shop === 'string' ? req.query.shop : undefined));
    } catch (error) {
      fail(res, error);
    }
  });
  router.get('/auth/callback', async (req, res) => {
    try {
      const { redirectTo } = await install.complete(req.query as Record<string, unknown>);
      res.redirect(302, redirectTo);
    } catch (error) {
      fail(res, error);
    }
  });
  return router;
}
