import { ADMIN_SCOPES, systemCaller } from '@loyalnest/kit';
import { randomUUID } from 'node:crypto';
import { SegmentDefinitionService } from '../../../subgraphs/segment/src/services/segment-definition.service.js';
import { SegmentRecomputeService, type SegmentRunStep, type SegmentRunView } from '../../../subgraphs/segment/src/services/segment-recompute.service.js';
import { withOwnerDb } from './db.js';
import type { TestGateway } from './gateway.js';
import { runtime, type TestMerchant } from './tenants.js';

const DAY_MS = 86_400_000;

/** An order fact as the facts consumer (H1) writes it: `daysAgo` before `asOf`, amounts in minor units. */
export interface OrderFact {
  customerId: string;
  daysAgo: number;
  totalMinor: number;
  refundedMinor?: number;
  cancelled?: boolean;
  orderId?: string;
}

/** A stateless service like the subgraph's own, for tests that step runs themselves. */
export const recomputes = new SegmentRecomputeService(new SegmentDefinitionService());

/** Writes order facts straight into the segment store, as the order events' consumer would. */
export async function insertOrders(merchant: TestMerchant, asOf: Date, orders: OrderFact[]): Promise<string[]> {
  const ids = orders.map((o) => o.orderId ?? randomUUID());
  await withOwnerDb('segment', (db) =>
    db.query(
      `insert into segment_order (merchant_id, order_id, customer_id, placed_at, total_minor, currency, refunded_minor, cancelled_at)
       select $1, o.order_id, o.customer_id, o.placed_at, o.total_minor, 'USD', o.refunded_minor, case when o.cancelled then o.placed_at end
         from jsonb_to_recordset($2::jsonb) as o(order_id text, customer_id uuid, placed_at timestamptz, total_minor bigint, refunded_minor bigint, cancelled boolean)`,
      [
        merchant.id,
        JSON.stringify(
          orders.map((o, i) => ({
            order_id: ids[i],
            customer_id: o.customerId,
            placed_at: new Date(asOf.getTime() - o.daysAgo * DAY_MS).toISOString(),
            total_minor: o.totalMinor,
            refunded_minor: o.refundedMinor ?? 0,
            cancelled: o.cancelled ?? false,
          })),
        ),
      ],
    ),
  );
  return ids;
}

/** `count` orders of one customer, the last `daysAgo` before `asOf` and each earlier one a day before it, `totalMinor` split among them. */
export function ordersOf(customerId: string, count: number, daysAgo: number, totalMinor: number): OrderFact[] {
  const each = Math.floor(totalMinor / count);
  return Array.from({ length: count }, (_, i) => ({ customerId, daysAgo: daysAgo + i, totalMinor: each + (i === 0 ? totalMinor - each * count : 0) }));
}

export interface ScoredCustomer {
  customer_id: string;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  segment: string | null;
  orders_in_window: number | null;
  spend_in_window_minor: string | null;
  segment_since: Date | null;
  last_order_at: Date | null;
}

/** The merchant's customers as the segment store holds them, by customer id. */
export async function scoresOf(merchant: TestMerchant): Promise<Record<string, ScoredCustomer>> {
  const { rows } = await withOwnerDb('segment', (db) =>
    db.query<ScoredCustomer>(
      'select customer_id, recency, frequency, monetary, segment, orders_in_window, spend_in_window_minor, segment_since, last_order_at from segment_customer where merchant_id = $1',
      [merchant.id],
    ),
  );
  return Object.fromEntries(rows.map((r) => [r.customer_id, r]));
}

/** Requests a run for the merchant and works it to its end, step by step, as the recompute job does; returns the steps and the run. */
export async function recomputeMerchant(gateway: TestGateway, merchant: TestMerchant, options: { batch?: number; asOf?: Date } = {}): Promise<{ run: SegmentRunView; steps: SegmentRunStep[] }> {
  const segment = runtime(gateway, 'segment');
  const ctx = () => segment.createContext(systemCaller(ADMIN_SCOPES, merchant.id));
  const requested = (await recomputes.request(ctx(), 'manual'))!;
  const steps: SegmentRunStep[] = [];
  for (;;) {
    const step = await recomputes.step(ctx(), options.batch ?? 1000, options.asOf);
    if (!step) break;
    steps.push(step);
    if (step.phase === 'finished') break;
  }
  const run = (await recomputes.run(ctx(), requested.id))!;
  return { run, steps };
}

/** The merchant's `segment.changed` events, oldest first. */
export async function segmentChangedEvents(merchant: TestMerchant): Promise<{ customerId: string; from: string | null; to: string | null; runId: string }[]> {
  const { rows } = await withOwnerDb('segment', (db) =>
    db.query<{ payload: { customerId: string; from: string | null; to: string | null; runId: string } }>(
      `select payload from outbox_event where merchant_id = $1 and topic = 'segment.changed' order by id`,
      [merchant.id],
    ),
  );
  return rows.map((r) => r.payload);
}

/** The merchant's history rows per customer. */
export async function historyOf(merchant: TestMerchant): Promise<{ customer_id: string; run_id: string; segment: string | null; previous_segment: string | null }[]> {
  const { rows } = await withOwnerDb('segment', (db) =>
    db.query<{ customer_id: string; run_id: string; segment: string | null; previous_segment: string | null }>(
      'select customer_id, run_id, segment, previous_segment from segment_history where merchant_id = $1 order by recorded_at, run_id, customer_id',
      [merchant.id],
    ),
  );
  return rows;
}

/** Saves the merchant's scoring settings as `updateSegments` would. */
export async function saveSettings(merchant: TestMerchant, settings: { scoring?: 'quintile' | 'threshold'; thresholds?: unknown; windowDays?: number; timezone?: string; version?: number }): Promise<void> {
  await withOwnerDb('segment', (db) =>
    db.query(
      `insert into segment_settings (merchant_id, window_days, scoring, thresholds, timezone, version, updated_at) values ($1, $2, $3, $4, $5, $6, now())
       on conflict (merchant_id) do update set window_days = excluded.window_days, scoring = excluded.scoring, thresholds = excluded.thresholds,
         timezone = excluded.timezone, version = excluded.version, updated_at = now()`,
      [merchant.id, settings.windowDays ?? 365, settings.scoring ?? 'quintile', settings.thresholds ? JSON.stringify(settings.thresholds) : null, settings.timezone ?? 'UTC', settings.version ?? 1],
    ),
  );
}
