import { consume, type EventHandler } from '@loyalnest/kit';
import { POINTS_EARNED, POINTS_REVERSED } from '@loyalnest/points/topics';
import type { QualificationLedgerService } from '../services/qualification-ledger.service.js';
import type { TierMemberService } from '../services/tier-member.service.js';

/**
 * The points domain's earns and their reversals feed the `points_earned` metric. Entry bonuses
 * (source `tier`) never qualify, or a bonus could lift its own customer further; spending, expiry
 * and adjustments never reach the ledger, so spending points never lowers a tier. A reversal that
 * does not say what it reverses (events from before `reversesKind` existed) is left out.
 */
export function tierPointsConsumers(members: TierMemberService, ledger: QualificationLedgerService): Record<string, EventHandler> {
  return {
    ...consume(POINTS_EARNED, async (ctx, event) => {
      const p = event.payload;
      if (p.kind !== 'earn' || p.source === 'tier') return;
      await members.lock(ctx, [p.customerId]);
      await ledger.recordPoints(ctx, { entryId: p.entryId, customerId: p.customerId, points: p.points, earnedAt: new Date(event.occurredAt) });
      await members.evaluate(ctx, p.customerId, 'event');
    }),
    ...consume(POINTS_REVERSED, async (ctx, event) => {
      const p = event.payload;
      if (p.reversesKind !== 'earn' || p.reversesSource === 'tier' || !p.reversesEntryId) return;
      await members.lock(ctx, [p.customerId]);
      await ledger.recordPoints(ctx, { entryId: p.reversesEntryId, customerId: p.customerId, points: -Math.abs(p.points), earnedAt: null });
      await members.evaluate(ctx, p.customerId, 'event');
    }),
  };
}
