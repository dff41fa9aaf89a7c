import type { SubgraphJob, SubgraphRuntime } from '@loyalnest/kit';
import type { PointsExpiryService } from '../services/points-expiry.service.js';
import type { PointsProgramService } from '../services/points-program.service.js';
import { inMerchantTransaction, scheduledMerchants } from './merchant-transaction.js';

const BATCH = 500;

export interface ExpiryRun {
  expiredPoints: number;
  warnings: number;
}

/**
 * Expires points and warns ahead of it for every merchant whose points expire, one transaction
 * per account. The policy itself applies whether or not the program is switched on: switching it
 * off stops earning, not the clock of points already held. Correct however often it runs: what is
 * due is derived from the ledger each time, and each warning is remembered.
 */
export async function expirePoints(runtime: SubgraphRuntime, expiry: PointsExpiryService, program: PointsProgramService): Promise<ExpiryRun> {
  const run: ExpiryRun = { expiredPoints: 0, warnings: 0 };
  for (const merchantId of await scheduledMerchants(runtime, 'expiry')) {
    const rules = await inMerchantTransaction(runtime, merchantId, (ctx) => program.rules(ctx));
    if (rules.expiryPolicy === 'never') continue;
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const accounts: string[] = await inMerchantTransaction(runtime, merchantId, (ctx) => expiry.candidates(ctx, rules, from, BATCH));
      for (const accountId of accounts) {
        const done = await inMerchantTransaction(runtime, merchantId, (ctx) => expiry.processAccount(ctx, rules, accountId));
        run.expiredPoints += done.expired;
        run.warnings += done.warnings;
      }
      if (accounts.length < BATCH) break;
      after = accounts[accounts.length - 1];
    }
  }
  return run;
}

export function pointsExpiryJob(runtime: SubgraphRuntime, expiry: PointsExpiryService, program: PointsProgramService): SubgraphJob {
  return {
    name: 'points expiry',
    everyMs: runtime.config.pointsJobs.expiryEveryMs,
    async run() {
      await expirePoints(runtime, expiry, program);
    },
  };
}
