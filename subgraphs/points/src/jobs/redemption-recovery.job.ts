import { ADMIN_SCOPES, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { RedemptionSettlement } from '../services/redemption-settlement.service.js';

const BATCH = 100;

/**
 * Settles redemptions left PENDING: the points were debited but the request never recorded
 * Shopify's answer (the process died, or the merchant subgraph could not be reached). It asks
 * Shopify again for the same code, so a code Shopify did create is not created twice, and gives
 * the points back once Shopify refuses or `maxAttempts` is reached: nothing stays debited without
 * a code. Then it checks the codes of redemptions that failed longer ago than the same timeout
 * once more at Shopify (`RedemptionSettlement.recheck`), for a create Shopify carried out late,
 * giving up after `maxRechecks` refusals of a shop that will not answer us any more.
 * Claiming bumps a row's `updated_at`, so replicas running this at once take different rows.
 */
export function redemptionRecovery(runtime: SubgraphRuntime, settlement: () => RedemptionSettlement): SubgraphJob {
  const { pendingTimeoutMs, maxAttempts, maxRechecks, jobsEveryMs } = runtime.config.redemptions;
  return {
    name: 'redemption recovery',
    everyMs: jobsEveryMs,
    async run(signal) {
      for (;;) {
        // Checked before claiming too: a claim bumps the rows' updated_at, delaying them a timeout.
        if (signal.aborted) return;
        const claimer = runtime.createContext(systemCaller([], null));
        const stale = await claimer.em.execute<{ id: string; merchant_id: string }[]>('select * from points_redemption_claim_stale(?, ?)', [pendingTimeoutMs, BATCH]);
        for (const redemption of stale) {
          // Claimed and not reached: claimable again after the timeout, like a crashed replica's.
          if (signal.aborted) return;
          const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, redemption.merchant_id));
          await settlement()
            .retry(ctx, redemption.id, maxAttempts)
            .catch((error: Error) => ctx.log.warn({ err: error, redemptionId: redemption.id }, `recovering redemption ${redemption.id} failed`));
        }
        if (stale.length < BATCH) break;
      }
      for (;;) {
        if (signal.aborted) return;
        const claimer = runtime.createContext(systemCaller([], null));
        const failed = await claimer.em.execute<{ id: string; merchant_id: string }[]>('select * from points_redemption_claim_recheck(?, ?)', [pendingTimeoutMs, BATCH]);
        for (const redemption of failed) {
          if (signal.aborted) return;
          const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, redemption.merchant_id));
          await settlement()
            .recheck(ctx, redemption.id, maxRechecks)
            .catch((error: Error) => ctx.log.warn({ err: error, redemptionId: redemption.id }, `rechecking failed redemption ${redemption.id} at Shopify failed`));
        }
        if (failed.length < BATCH) return;
      }
    },
  };
}
