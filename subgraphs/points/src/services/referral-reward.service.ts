import { isUuid, type RequestContext } from '@loyalnest/kit';
import type { ReferralCompleted } from '@loyalnest/referral/topics';
import type { CustomerDirectory } from './customer-directory.js';
import type { EntryRequest, LedgerService } from './ledger.service.js';

/**
 * The points domain's side of a completed referral (`referral.completed`): the advocate's reward,
 * posted to the ledger once per referral, in the event consumer's transaction. The idempotency key
 * is the referral's, not the event's, so a redelivery, or the referral domain emitting the
 * completion again under another event id, pays nothing twice.
 *
 * The reward is the referral program's promise, made when the friend claimed: it is posted whether
 * or not the points program earns at the moment (unlike signup and tier bonuses), and not
 * multiplied by the advocate's tier. The friend's order is recorded in the entry's metadata, not as
 * its `orderId`: that column names the customer's own orders, whose refunds reverse their points.
 *
 * An advocate without an account yet gets one when the customer subgraph confirms the customer, as
 * a manual award opens it; a customer the merchant does not have (another merchant's, or redacted
 * since) is given nothing.
 */
export class ReferralRewardService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly customers: CustomerDirectory,
  ) {}

  async reward(ctx: RequestContext, completed: ReferralCompleted): Promise<void> {
    checkCompleted(completed);
    const request: EntryRequest = {
      customerId: completed.advocateId,
      kind: 'earn',
      source: 'referral',
      points: completed.points,
      idempotencyKey: `referral:${completed.referralId}:advocate`,
      reason: 'Referral reward',
      metadata: { referralId: completed.referralId, friendOrderId: completed.orderId },
    };
    let result = await this.ledger.post(ctx, request);
    if (result.outcome === 'no_account') {
      const known = await this.customers.byId(ctx, completed.advocateId);
      if (!known) {
        ctx.log.warn({ referralId: completed.referralId, advocateId: completed.advocateId }, 'referral completed for an advocate the merchant does not have; no points posted');
        return;
      }
      await this.ledger.openAccount(ctx, known.customerId, known.shopifyCustomerId);
      result = await this.ledger.post(ctx, request);
    }
    // Posted already under this referral's key with another amount (the event was re-emitted after a change): once is once.
    if (result.outcome === 'key_reused') ctx.log.warn({ referralId: completed.referralId, points: completed.points }, 'referral reward already posted under its key with another amount; not posted again');
  }
}

/**
 * The referral domain's payloads are typed where they are emitted; a malformed one is its defect,
 * so the event is refused whole (dead-lettered with the reason) rather than applied in part.
 */
function checkCompleted(completed: ReferralCompleted): void {
  const refuse = (what: string) => {
    throw new Error(`referral.completed for referral ${String(completed.referralId)}: ${what}`);
  };
  if (!isUuid(completed.referralId)) refuse('the referral id is not a UUID');
  if (!isUuid(completed.advocateId)) refuse('the advocate id is not a UUID');
  if (!Number.isSafeInteger(completed.points) || completed.points <= 0) refuse(`${completed.points} points is not a positive integer`);
}
