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
 * null): there is no segment to enter. Nor for a first scoring in a merchant's first run, its
 * baseline: the whole customer base entering segments at install is not a movement a workflow
 * should answer (a welcome email to every existing customer at once); customers scored for the
 * first time in later runs (a new buyer entering New) do start it.
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
    if (movement.from === null && (await this.isBaseline(ctx, movement.runId))) return false;
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

  /** Whether the run is the merchant's first to score anyone: no run of theirs succeeded before it started. */
  private async isBaseline(ctx: RequestContext, runId: string): Promise<boolean> {
    const [row] = await ctx.em.execute<{ baseline: boolean }[]>(
      `select not exists (select 1 from segment_run s where s.merchant_id = r.merchant_id and s.status = 'succeeded' and s.id <> r.id and s.finished_at <= coalesce(r.started_at, r.requested_at)) as baseline
         from segment_run r where r.merchant_id = ? and r.id = ?`,
      [ctx.merchantId!, runId],
    );
    return row?.baseline ?? false;
  }
}
