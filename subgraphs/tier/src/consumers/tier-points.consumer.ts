import { consume, type DomainEvent, type EventHandler } from '@loyalnest/kit';
import { POINTS_EARNED, POINTS_REVERSED, type LedgerEntryPosted } from '@loyalnest/points/topics';
import type { QualificationLedgerService } from '../services/qualification-ledger.service.js';
import type { TierBatchService } from '../services/tier-batch.service.js';

/**
 * Whether a points event moves the `points_earned` metric. Entry bonuses (source `tier`) never
 * qualify, or a bonus could lift its own customer further; spending, expiry and adjustments never
 * reach the ledger, so spending points never lowers a tier. A reversal that does not say what it
 * reverses (events from before `reversesKind` existed) is left out.
 */
function qualifies(topic: string, p: LedgerEntryPosted): boolean {
  if (topic === POINTS_EARNED.name) return p.kind === 'earn' && p.source !== 'tier';
  if (topic === POINTS_REVERSED.name) return p.reversesKind === 'earn' && p.reversesSource !== 'tier' && !!p.reversesEntryId;
  return false;
}

/** The customer whose ledger a points event writes (its batch locks them up front), or null when it writes none. */
export function pointsEventCustomer(event: DomainEvent): string | null {
  return qualifies(event.topic, event.payload as LedgerEntryPosted) ? (event.payload as LedgerEntryPosted).customerId : null;
}

/** The points domain's earns and their reversals feed the `points_earned` metric (see `qualifies`). */
export function tierPointsConsumers(batches: TierBatchService, ledger: QualificationLedgerService): Record<string, EventHandler> {
  return {
    ...consume(POINTS_EARNED, async (ctx, event, _runtime, prepared) => {
      const p = event.payload;
      if (!qualifies(event.topic, p)) return;
      const batch = batches.batchOf(ctx, prepared);
      await batches.lockFor(ctx, batch, p.customerId);
      await ledger.recordPoints(ctx, { entryId: p.entryId, customerId: p.customerId, points: p.points, earnedAt: new Date(event.occurredAt) });
      await batches.placeAfter(ctx, batch, event, p.customerId);
    }),
    ...consume(POINTS_REVERSED, async (ctx, event, _runtime, prepared) => {
      const p = event.payload;
      if (!qualifies(event.topic, p)) return;
      const batch = batches.batchOf(ctx, prepared);
      await batches.lockFor(ctx, batch, p.customerId);
      await ledger.recordPoints(ctx, { entryId: p.reversesEntryId!, customerId: p.customerId, points: -Math.abs(p.points), earnedAt: null });
      await batches.placeAfter(ctx, batch, event, p.customerId);
    }),
  };
}
