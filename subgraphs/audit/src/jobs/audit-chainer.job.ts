import { systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import { purgedMerchantHash } from '../consumers/audit-gdpr.consumer.js';
import type { AuditService } from '../services/audit.service.js';

const MERCHANTS_PER_PASS = 100;
const ENTRIES_PER_BATCH = 500;

/**
 * Links staged audit entries into each merchant's chain, a batch per transaction. Runs every
 * `everyMs`; that is how long an entry can wait before it shows in `auditEntries`. A merchant
 * purged meanwhile (shop/redact) has its staged entries dropped instead.
 */
export function auditChainer(runtime: SubgraphRuntime, audit: AuditService): SubgraphJob {
  return {
    name: 'audit chainer',
    everyMs: 100,
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
