import { consume, type EventHandler } from '@loyalnest/kit';
import type { SegmentRecomputeService } from '../services/segment-recompute.service.js';
import { SEGMENTS_UPDATED } from '../topics.js';
import type { MovementServices } from './segment-movement.consumer.js';

/**
 * The segment domain's own `segments.updated`: the merchant changed the definitions or the scoring
 * settings. In the event's transaction, a 'settings' run is requested when the change touched what
 * scores and segments depend on (joining the run under way, which queues another when it ends if
 * it started under older settings), and the Shopify metafield sync learns whether it is on
 * (switched on, every scored customer is queued). A redelivered event is consumed once (the kit's
 * `consumed_event`); a second request would only join the same run.
 */
export function segmentsUpdatedConsumer(recomputes: SegmentRecomputeService, movements: MovementServices): Record<string, EventHandler> {
  return consume(SEGMENTS_UPDATED, async (ctx, event, runtime) => {
    // An event from before `rescore` existed says nothing: recompute, to be safe.
    if (event.payload.rescore !== false) await recomputes.request(ctx, 'settings');
    await movements(runtime).metafieldSync.settingsChanged(ctx, event.payload);
  });
}
