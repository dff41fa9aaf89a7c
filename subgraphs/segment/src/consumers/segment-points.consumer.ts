import { consume, type EventHandler, type TopicHandler } from '@loyalnest/kit';
import { POINTS_ADJUSTED, POINTS_EARNED, POINTS_EXPIRED, POINTS_REDEEMED, POINTS_RELEASED, POINTS_REVERSED, type LedgerEntryPosted } from '@loyalnest/points/topics';
import type { SegmentCustomerFactsService } from '../services/segment-customer-facts.service.js';

/**
 * The points domain's ledger events (every kind of entry `points_post_entry` posts) and the release
 * of held points: each reports the customer's balance after it, kept when it is the newest report
 * (see `SegmentCustomerFactsService`), for custom segments on points balance. A release moves held
 * points into the balance without a ledger entry of its own, so without it the balance would stay
 * short of the released points until the customer's next entry.
 */
export function segmentPointsConsumers(facts: SegmentCustomerFactsService): Record<string, EventHandler> {
  const entry: TopicHandler<LedgerEntryPosted> = (ctx, event) =>
    facts.applyPointsBalance(ctx, { customerId: event.payload.customerId, balance: event.payload.balance, at: new Date(event.occurredAt), id: event.payload.entryId });
  return {
    ...consume(POINTS_EARNED, entry),
    ...consume(POINTS_REVERSED, entry),
    ...consume(POINTS_REDEEMED, entry),
    ...consume(POINTS_ADJUSTED, entry),
    ...consume(POINTS_EXPIRED, entry),
    ...consume(POINTS_RELEASED, (ctx, event) => facts.applyPointsBalance(ctx, { customerId: event.payload.customerId, balance: event.payload.balance, at: new Date(event.occurredAt), id: event.id })),
  };
}
