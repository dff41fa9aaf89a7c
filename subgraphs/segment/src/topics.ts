import { defineTopic } from '@loyalnest/kit';

/**
 * The events the segment domain publishes. Payloads hold ids, handles and scores, never PII.
 */

/**
 * A recompute moved a customer from one RFM segment to another: once per customer per run that
 * changed their segment, in the run's transaction. Flow's `customer-entered-segment`, the live
 * activity feed and the Shopify metafield sync follow it.
 */
export type SegmentChanged = {
  /** The customer's LoyalNest id (`Customer.id`, a UUID). */
  customerId: string;
  /** The segment's handle before; null when the customer had none (first scored). */
  from: string | null;
  /** The segment's handle now; null when the customer left every RFM segment (no order in the window any more and none before it). */
  to: string | null;
  /** The run that moved them (`SegmentRun.id`). */
  runId: string;
  /** The scores behind `to` (null with it). */
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
};

/**
 * The merchant changed the segment definitions or scoring settings (`updateSegments`): the segment
 * domain recomputes after it when `rescore`, the metafield sync follows `syncMetafield`, and the
 * audit trail follows it.
 */
export type SegmentsUpdated = {
  /** The settings' version after the change. */
  version: number;
  /** The handles of every definition now, RFM first in position order. */
  handles: string[];
  windowDays: number;
  scoring: 'quintile' | 'threshold';
  syncMetafield: boolean;
  /** Whether what the scores and segments depend on changed (window, scoring, the definitions' rules or order), so a recompute follows; false when only names or the metafield sync changed. */
  rescore: boolean;
};

export const SEGMENT_CHANGED = defineTopic<SegmentChanged>('segment.changed');
export const SEGMENTS_UPDATED = defineTopic<SegmentsUpdated>('segments.updated');
