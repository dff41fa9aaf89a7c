import { systemCaller, type FieldCipher, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { WebhookDispatchService } from '../services/webhook-dispatch.service.js';
import { WebhookHttpClient } from '../services/webhook-http.client.js';

/** A lease outlives the longest attempt by this much: the recording after it, and a slow database. */
const LEASE_MARGIN_MS = 30_000;
/** The least time between two passes woken by commits: a burst of new deliveries is claimed in one. */
const GAP_MS = 20;
/**
 * Sends outgoing webhooks (`WebhookDispatchService`), in the workers only. A pass claims up to
 * `concurrency` minus the drains still running of the subscriptions that have a delivery due,
 * across tenants and at most `WEBHOOK_DRAINS_PER_MERCHANT` per merchant (`loyalnest_webhook_claim`
 * counts its live leases; ids only, leased under a token of this pass: a drain's renew and release
 * hold for its own claim only), and starts one drain per subscription without waiting for it: a
 * slow endpoint holds its own drain, never a pass nor another endpoint's deliveries. A drain that
 * ends frees its place and runs a pass at once, for
 * what waited for a free place. Woken after the commit of new deliveries (the table's `markWake`);
 * retries whose backoff has passed are found by the poll (`WEBHOOK_POLL_MS`).
 *
 * Shutdown (the pump's stop, then `runtime.onClose`, which runs after the pumps have stopped)
 * aborts the requests in flight and waits for the drains, which record nothing for an aborted
 * attempt and let their leases go, so another worker sends those deliveries at once.
 */
export function webhookDispatchJob(runtime: SubgraphRuntime, cipher: FieldCipher): SubgraphJob {
  const config = runtime.config.webhooks;
  const http = new WebhookHttpClient({ policy: config.endpointPolicy, timeoutMs: config.timeoutMs, responseLimitBytes: config.responseLimitBytes });
  const dispatch = new WebhookDispatchService(config, cipher, http);
  const processId = `${hostname()}:${process.pid}`.slice(-60);
  const leaseMs = config.timeoutMs + LEASE_MARGIN_MS;
  const shutdown = new AbortController();
  /** The running drains, by their claim's token and subscription (a token is one pass's). */
  const drains = new Map<string, Promise<void>>();
  /** The subscriptions this process drains: a lease that expired under a stalled drain may be claimed again here, and must not start a second one. */
  const draining = new Set<string>();
  let passing: Promise<void> | null = null;
  let again = false;
  let linked = false;

  const startDrain = (subscriptionId: string, merchantId: string, owner: string) => {
    const ctx = runtime.createContext(systemCaller([], merchantId));
    const key = `${owner}/${subscriptionId}`;
    draining.add(subscriptionId);
    const drain = dispatch
      .drain(ctx, subscriptionId, { owner, leaseMs }, shutdown.signal)
      .then(
        () => {},
        (error: Error) => ctx.log.error({ err: error, subscriptionId }, 'webhook dispatch failed; the subscription is claimable again when its lease expires'),
      )
      .finally(() => {
        drains.delete(key);
        draining.delete(subscriptionId);
        // Not awaited: a failing pass is reported by the pump's next one.
        passes().catch(() => {});
      });
    drains.set(key, drain);
  };

  const pass = async () => {
    const room = config.concurrency - drains.size;
    if (room <= 0 || shutdown.signal.aborted) return;
    const owner = `${processId}:${randomUUID()}`;
    const claimer = runtime.createContext(systemCaller([], null));
    const claimed = await claimer.em.execute<{ subscription_id: string; merchant_id: string }[]>('select * from loyalnest_webhook_claim(?, ?, ?, ?)', [
      owner,
      leaseMs,
      room,
      config.drainsPerMerchant,
    ]);
    for (const { subscription_id: id, merchant_id: merchantId } of claimed) {
      // Still drained here under an older claim (its lease expired in a stall): that drain now
      // loses its lease at its next renew and stops; this claim is let go, for a later pass.
      if (draining.has(id)) {
        await runtime.createContext(systemCaller([], merchantId)).em.execute('update webhook_subscription set lease_owner = null, lease_until = null where id = ? and merchant_id = ? and lease_owner = ?', [id, merchantId, owner]);
        continue;
      }
      // Shut down while claiming: a drain that starts aborted only lets its lease go.
      startDrain(id, merchantId, owner);
    }
  };

  /** Runs passes one at a time; asked for during one, runs exactly one more after it. */
  const passes = (): Promise<void> => {
    if (passing) {
      again = true;
      return passing;
    }
    passing = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while (again && !shutdown.signal.aborted);
      } finally {
        passing = null;
      }
    })();
    return passing;
  };

  runtime.onClose(async () => {
    shutdown.abort();
    await passing?.catch(() => {});
    while (drains.size) await Promise.all(drains.values());
  });

  return {
    name: 'webhook dispatch',
    everyMs: config.pollMs,
    wakeOn: { table: 'webhook_subscription_delivery', gapMs: GAP_MS },
    run(signal) {
      // The pump's signal aborts when it stops, before `onClose`: the requests in flight are aborted from then on.
      if (!linked) signal.addEventListener('abort', () => shutdown.abort(), { once: true });
      linked = true;
      return signal.aborted ? Promise.resolve() : passes();
    },
  };
}
