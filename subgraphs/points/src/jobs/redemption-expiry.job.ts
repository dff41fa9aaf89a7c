import { ADMIN_SCOPES, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { RedemptionSettlement } from '../services/redemption-settlement.service.js';

const BATCH = 500;

/**
 * Marks ISSUED redemptions whose code has passed its expiry EXPIRED. The points are not given
 * back: the code was the customer's to use until then, and Shopify stops accepting it at the same
 * moment (the discount was created with that end date).
 */
export function redemptionExpiry(runtime: SubgraphRuntime, settlement: () => RedemptionSettlement): SubgraphJob {
  return {
    name: 'redemption expiry',
    everyMs: runtime.config.redemptions.jobsEveryMs,
    async run(signal) {
      for (;;) {
        const finder = runtime.createContext(systemCaller([], null));
        const due = await finder.em.execute<{ id: string; merchant_id: string }[]>('select * from points_redemption_find_expired(?)', [BATCH]);
        const byMerchant = new Map<string, string[]>();
        for (const row of due) byMerchant.set(row.merchant_id, [...(byMerchant.get(row.merchant_id) ?? []), row.id]);
        for (const [merchantId, ids] of byMerchant) {
          if (signal.aborted) return;
          await settlement().expire(runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId)), ids);
        }
        if (due.length < BATCH) return;
      }
    },
  };
}
