import { logger } from '@loyalnest/kit';
import express, { Router } from 'express';
import type { FlowActionService } from '../services/flow-action.service.js';

/** Flow action bodies are a few properties; anything larger is not from Flow. */
const MAX_BODY = '256kb';

/** `POST /flow/actions/<handle>`: the body stays raw, because the HMAC is over the exact bytes sent. */
export function flowRoutes(actions: FlowActionService, service: string): Router {
  const router = Router();
  router.post('/flow/actions/:handle', express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const hmac = req.get('x-shopify-hmac-sha256');
      const outcome = await actions.run(String(req.params.handle), hmac, body);
      res.status(outcome.status).json(outcome.body);
    } catch (error) {
      logger(service).error({ err: error }, 'Flow action failed');
      // A 5xx makes Flow run the action again later; the run id keeps that from applying twice.
      res.status(500).json({ message: 'LoyalNest could not apply the action right now; Flow will retry' });
    }
  });
  return router;
}
