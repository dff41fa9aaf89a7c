import { systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { PendingReleaseService } from '../services/pending-release.service.js';
import { inMerchantTransaction } from './merchant-transaction.js';

const BATCH = 200;

/**
 * Releases pending points whose hold has ended, one transaction per account. Safe with several
 * replicas at once: each account is taken under its row lock with SKIP LOCKED, and what one
 * replica released is no longer pending for another. Accounts are walked in id order, so a run
 * ends even when it skips some (they stay due for the next run).
 */
export async function releaseDuePoints(runtime: SubgraphRuntime, releases: PendingReleaseService): Promise<number> {
  const claimer = runtime.createContext(systemCaller([], null));
  let after: string | null = null;
  let released = 0;
  for (;;) {
    const due: { merchant_id: string; account_id: string }[] = await claimer.em.execute('select * from points_due_release_accounts(?, ?)', [after, BATCH]);
    for (const { merchant_id, account_id } of due) {
      if (await inMerchantTransaction(runtime, merchant_id, (ctx) => releases.releaseAccount(ctx, account_id))) released += 1;
    }
    if (due.length < BATCH) return released;
    after = due[due.length - 1].account_id;
  }
}

export function pendingReleaseJob(runtime: SubgraphRuntime, releases: PendingReleaseService): SubgraphJob {
  return {
    name: 'pending release',
    everyMs: runtime.config.pointsJobs.releaseEveryMs,
    async run() {
      await releaseDuePoints(runtime, releases);
    },
  };
}
