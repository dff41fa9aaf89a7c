import { logger } from '@loyalnest/kit';
import express, { Router } from 'express';
import type { WebhookHeaders, WebhookService } from '../services/webhook.service.js';

/** Shopify's webhook body limit is far below this; anything larger is not from Shopify. */
const MAX_BODY = '2mb';

/** `POST /webhooks/shopify`: the body stays raw, because the HMAC is over the exact bytes sent. */
export function webhookRoutes(webhooks: WebhookService, service: string): Router {
  const router = Router();
  router.post('/webhooks/shopify', express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const outcome = await webhooks.receive(req.headers as WebhookHeaders, body);
      res.status(outcome.status).json(outcome.body);
    } catch (error) {
      logger(service).error({ err: error }, 'webhook failed');
      // Non-2xx makes Shopify retry later, which is what we want when the store is unavailable.
      res.status(500).json({ status: 'error' });
    }
  });
  return router;
}
