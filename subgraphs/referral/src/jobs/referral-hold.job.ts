import { ADMIN_SCOPES, inRequestTransaction, systemCaller, type SubgraphJob, type SubgraphRuntime } from '@loyalnest/kit';
import type { ReferralCompletionService } from '../services/referral-completion.service.js';

export interface ReferralHoldRun {
  merchants: number;
  completed: number;
  /** Merchants whose transaction failed; they stay due for the next pass. */
  failed: number;
}

/**
 * Completes the referrals whose hold has ended: the merchants with any are read across tenants
 * (the store's SECURITY DEFINER function, ids only), then each merchant's in a transaction of its
 * own, under its tenant, so one merchant's failure leaves the others' completions standing.
 */
export async function completeDueReferrals(runtime: SubgraphRuntime, completion: ReferralCompletionService, now = new Date()): Promise<ReferralHoldRun> {
  const claimer = runtime.createContext(systemCaller([], null));
  const merchants = await claimer.em.execute<{ merchant_id: string }[]>('select merchant_id from referral_due_hold_merchants(?)', [now]);
  const run: ReferralHoldRun = { merchants: merchants.length, completed: 0, failed: 0 };
  for (const { merchant_id: merchantId } of merchants) {
    const ctx = runtime.createContext(systemCaller(ADMIN_SCOPES, merchantId));
    try {
      run.completed += await inRequestTransaction(ctx, () => completion.completeDue(ctx, now));
    } catch (error) {
      run.failed++;
      ctx.log.error({ err: error, merchantId }, 'referral hold completion failed');
    }
  }
  return run;
}

/** Every `REFERRAL_HOLD_EVERY_MS` (a minute by default). */
export function referralHoldJob(runtime: SubgraphRuntime, completion: ReferralCompletionService): SubgraphJob {
  return {
    name: 'referral hold',
    everyMs: runtime.config.referrals.holdEveryMs,
    run: async () => {
      await completeDueReferrals(runtime, completion);
    },
  };
}
