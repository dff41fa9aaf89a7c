import { consume, type EventHandler } from '@loyalnest/kit';
import type { TierRecomputeService } from '../services/tier-recompute.service.js';
import { TIER_PROGRAM_UPDATED } from '../topics.js';

/**
 * The tier domain's own `tier_program.updated`: every member is re-placed under the new program,
 * in the background (the recompute job), not in this event's transaction.
 */
export function tierProgramUpdatedConsumer(recomputes: TierRecomputeService): Record<string, EventHandler> {
  return consume(TIER_PROGRAM_UPDATED, async (ctx, { payload }) => {
    await recomputes.start(ctx, payload.version);
  });
}
