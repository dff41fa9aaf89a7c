import { systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import { purgedMerchantHash } from '../consumers/audit-gdpr.consumer.js';
import type { AuditService } from '../services/audit.service.js';

const MERCHANTS_PER_PASS = 100;
const ENTRIES_PER_BATCH = 500;
/** The least time between two runs' starts: the former poll interval, so batches stay as large under load. */
const GAP_MS = 100;

/**
 * Links staged audit entries into each merchant's chain, a batch per transaction. Woken after each
 * staging transaction's commit, through Redis, by the process that committed it (the
 * `audit_pending` insert trigger marks the transaction: the kit's `commit-wake.ts`), so an entry
 * shows in `auditEntries` milliseconds later; under load, runs start at least `GAP_MS` apart so
 * entries are chained in batches. Also polls as every pump of the store does (`events.pollMs`),
 * for entries whose wake was lost or whose chaining failed. A merchant purged meanwhile
 * (shop/redact) has its staged entries dropped instead.
 */
export function auditChainer(runtime: SubgraphRuntime, audit: AuditService): SubgraphJob {
  return {
    name: 'audit chainer',
    everyMs: runtime.config.events.pollMs,
    wakeOn: { table: 'audit_pending', gapMs: GAP_MS },
    async run() {
      const lister = runtime.createContext(systemCaller([], null));
      const merchants = await lister.em.execute<{ merchant_id: string }[]>('select merchant_id from loyalnest_audit_pending_merchants(?)', [MERCHANTS_PER_PASS]);
      for (const { merchant_id: merchantId } of merchants) {
        const hash = purgedMerchantHash(runtime.config, merchantId);
        for (;;) {
          const ctx = runtime.createContext(systemCaller([], merchantId));
          const chained = await audit.chainPending(ctx, ENTRIES_PER_BATCH, async (em) => (await em.execute('select 1 from purged_merchant where merchant_hash = ?', [hash])).length > 0);
          if (chained < ENTRIES_PER_BATCH) break;
        }
      }
    },
  };
}
