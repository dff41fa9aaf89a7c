import { createHash } from 'node:crypto';
import type { RequestContext } from '../context.js';
import { inRequestTransaction } from '../transaction.js';
import type { FlowActionOutcome } from './flow-action-endpoint.js';

/** One run of an action, as `flow_action_run` keys it, and what it asked for. */
export interface FlowActionRunKey {
  handle: string;
  runId: string;
  /** The run's properties, normalized: the same run sent again must ask for the same thing. */
  properties: Record<string, unknown>;
  /** The LoyalNest customer the run is about, so that the customer's GDPR redaction removes its row. */
  customerId: string;
}

/** Thrown inside the run's transaction to roll its claim back with the refused change. */
class RunRefused extends Error {
  constructor(readonly outcome: FlowActionOutcome) {
    super('Flow action run refused');
  }
}

/**
 * Applies a Flow action run at most once, for actions whose change has no idempotency key of its
 * own (the points ledger keys its entries by run id; a tier assignment does not). The run is
 * recorded in the store's `flow_action_run` (each store using this creates the table and prunes it
 * on the dedupe window, longer than the day Flow retries for) in the same transaction as its change:
 * a run sent again while the first is in flight waits for it on the row's key, then answers what the
 * first answered (`status: 'duplicate'`), or 409 when the same run id asks for something else.
 * A refused run (any answer but 200) records nothing, so nothing of it is written.
 */
export class FlowActionRuns {
  async once(ctx: RequestContext, key: FlowActionRunKey, apply: () => Promise<FlowActionOutcome>): Promise<FlowActionOutcome> {
    const fingerprint = createHash('sha256').update(JSON.stringify(key.properties)).digest('hex');
    try {
      return await inRequestTransaction(ctx, async () => {
        const claimed = await ctx.em.execute<{ n: number }[]>(
          `insert into flow_action_run (merchant_id, handle, run_id, fingerprint, customer_id, answer, created_at)
           values (?, ?, ?, ?, ?, null, now()) on conflict do nothing returning 1 as n`,
          [ctx.merchantId!, key.handle, key.runId, fingerprint, key.customerId],
        );
        if (claimed.length === 0) return this.earlier(ctx, key, fingerprint);
        const outcome = await apply();
        if (outcome.status !== 200) throw new RunRefused(outcome);
        await ctx.em.execute('update flow_action_run set answer = ? where merchant_id = ? and handle = ? and run_id = ?', [
          JSON.stringify(outcome.body),
          ctx.merchantId!,
          key.handle,
          key.runId,
        ]);
        return outcome;
      });
    } catch (error) {
      if (error instanceof RunRefused) return error.outcome;
      throw error;
    }
  }

  private async earlier(ctx: RequestContext, key: FlowActionRunKey, fingerprint: string): Promise<FlowActionOutcome> {
    const [run] = await ctx.em.execute<{ fingerprint: string; answer: Record<string, unknown> | null }[]>(
      'select fingerprint, answer from flow_action_run where merchant_id = ? and handle = ? and run_id = ?',
      [ctx.merchantId!, key.handle, key.runId],
    );
    if (!run || run.fingerprint !== fingerprint) return { status: 409, body: { message: 'This action run was already applied with different properties' } };
    return { status: 200, body: { ...run.answer, status: 'duplicate' } };
  }
}
