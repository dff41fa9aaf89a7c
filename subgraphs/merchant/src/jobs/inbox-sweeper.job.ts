import { ADMIN_SCOPES, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import { webhookEventTopic } from '../services/webhook.service.js';

const BATCH = 200;

/**
 * Publishes again webhook deliveries left unprocessed. A delivery and its event commit together
 * and the relay republishes unacknowledged events, so a stale row means its consumer took the
 * event and did not apply it: it was dead-lettered (and not retried), or no domain handled its
 * topic when it arrived (a consumer deployed since). The new event has a new id; the consumers
 * are idempotent on Shopify's own ids and versions, so a delivery applied meanwhile changes
 * nothing. After `inboxMaxSweeps` attempts the row stays `received` for an operator.
 */
export function inboxSweeper(runtime: SubgraphRuntime): SubgraphJob {
  const { inboxStaleMs, inboxMaxSweeps } = runtime.config.events;
  return {
    name: 'inbox sweeper',
    everyMs: Math.max(1000, Math.floor(inboxStaleMs / 10)),
    async run() {
      for (;;) {
        const claimer = runtime.createContext(systemCaller([], null));
        const stale = await claimer.em.execute<{ id: string; merchant_id: string; topic: string }[]>('select * from loyalnest_inbox_claim_stale(?, ?, ?)', [
          inboxStaleMs,
          inboxMaxSweeps,
          BATCH,
        ]);
        for (const delivery of stale) {
          const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, delivery.merchant_id));
          ctx.emit(webhookEventTopic(delivery.topic), { deliveryId: delivery.id, topic: delivery.topic, swept: true });
          await ctx.em.flush();
        }
        if (stale.length < BATCH) return;
      }
    },
  };
}
