import { FlowTriggerSender, type RequestContext, type SubgraphRuntime } from '@loyalnest/kit';
import { v5 as uuidv5 } from 'uuid';
import { shopifyCustomerIds } from '../customers/shopify-customer-ids.js';
import { segmentNamer } from '../movements/segment-names.js';
import type { SegmentChanged } from '../topics.js';

/** The Flow trigger the segment domain sends (`extensions/flow-trigger-customer-entered-segment/shopify.extension.toml`). */
export const SEGMENT_FLOW_TRIGGERS = {
  enteredSegment: 'customer-entered-segment',
} as const;

/** Namespaces the movement keys below (a fixed UUID of this trigger's own). */
const MOVEMENT_NAMESPACE = '5b0c1e52-3f5e-4c49-9d7e-0b7f1c8a2d61';

/**
 * Flow's `customer-entered-segment`, sent at most once per movement by the kit's `FlowTriggerSender`
 * (claims in the segment store's `flow_trigger_sent`). A movement is a customer in a run: its
 * claim is keyed by a UUID derived from the run and the customer, not by the event, so the same
 * movement emitted twice (a run's batch retried) starts the merchant's workflow once, as does the
 * same event delivered twice. Nothing is sent for a customer who left every RFM segment (`to`
 * null): there is no segment to enter.
 *
 * The segment store keeps no Shopify ids, so the customer subgraph names the customer; one it no
 * longer knows (redacted, or not the event's merchant's) has nothing Flow could name and sends
 * nothing. Names are in the shop's primary language (`segmentNamer`), as the definitions have them
 * when the event is handled.
 */
export class SegmentFlowTriggerService {
  private readonly sender = new FlowTriggerSender();

  async entered(ctx: RequestContext, runtime: SubgraphRuntime, movement: SegmentChanged): Promise<boolean> {
    if (movement.to === null) return false;
    const shopifyCustomerId = (await shopifyCustomerIds(ctx, [movement.customerId])).get(movement.customerId);
    if (!shopifyCustomerId) return false;
    const names = await segmentNamer(ctx);
    return this.sender.sendOnce(ctx, runtime, {
      handle: SEGMENT_FLOW_TRIGGERS.enteredSegment,
      eventId: uuidv5(`${movement.runId}/${movement.customerId}`, MOVEMENT_NAMESPACE),
      shopifyCustomerId,
      fields: {
        segment_handle: movement.to,
        segment_name: names.nameOf(movement.to),
        previous_segment_handle: movement.from ?? '',
        previous_segment_name: movement.from === null ? '' : names.nameOf(movement.from),
        recency: movement.recency ?? 0,
        frequency: movement.frequency ?? 0,
        monetary: movement.monetary ?? 0,
        run_id: movement.runId,
      },
    });
  }
}
