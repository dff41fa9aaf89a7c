import { consume, type EventHandler } from '@loyalnest/kit';
import type { SegmentRecomputeService } from '../services/segment-recompute.service.js';
import { SEGMENTS_UPDATED } from '../topics.js';

/**
 * The segment domain's own `segments.updated`: the merchant changed the definitions or the scoring
 * settings, so a 'settings' run is requested in the event's transaction (joining the run under way,
 * which queues another when it ends if it started under older settings). A redelivered event is
 * consumed once (the kit's `consumed_event`), and a second request would only join the same run.
 */
export function segmentsUpdatedConsumer(recomputes: SegmentRecomputeService): Record<string, EventHandler> {
  return consume(SEGMENTS_UPDATED, async (ctx) => {
    await recomputes.request(ctx, 'settings');
  });
}
