import {
  auditWithChange,
  badInput,
  inRequestTransaction,
  isUuid,
  LIVE_TOPICS,
  MUTATION_EXECUTED,
  mutationExecuted,
  OutboxEventEntity,
  shopifyFailure,
  textProblem,
  type DiscountOutcome,
  type FieldCipher,
  type RedemptionFaultPoint,
  type RedemptionUpdatedMessage,
  type RequestContext,
  type ShopifyDiscounts,
} from '@loyalnest/kit';
import { LockMode } from '@mikro-orm/postgresql';
import { PointsAccountEntity } from '../entities/points-account.entity.js';
import { RedemptionEntity, type Redemption } from '../entities/redemption.entity.js';
import { RewardEntity, type Reward } from '../entities/reward.entity.js';
import { DiscountDeactivationFailedError, RedemptionNotCancellableError, RedemptionNotFoundError } from '../graphql/redemption.error.js';
import { DiscountCreationFailedError, DiscountFailureReason } from '../graphql/reward.error.js';
import type { EntryRequest, LedgerService } from './ledger.service.js';
import { codeAad } from './redemption-code.js';
import { nameIn } from './reward-catalog.service.js';
import { faultKill } from './redemption-fault.js';
import { v7 as uuidv7 } from 'uuid';

/**
 * Steps 2 and 3 of a redemption (see `RedemptionService`): asks Shopify for the code, then records
 * the answer. Every change is conditional on the redemption still being PENDING, under its row
 * lock, so the request and the recovery job can never both settle one.
 */
export class RedemptionSettlement {
  constructor(
    private readonly ledger: LedgerService,
    private readonly discounts: ShopifyDiscounts,
    private readonly cipher: FieldCipher,
    private readonly faultPoint: RedemptionFaultPoint | null = null,
  ) {}

  /**
   * The request's attempt. Shopify failing for good gives the points back at once; an unknown
   * outcome (the merchant subgraph unreachable) leaves the redemption PENDING for the recovery
   * job, because Shopify may have created the code.
   */
  async complete(ctx: RequestContext, redemption: Redemption, reward: Reward, code: string, customerShopifyId: string | null): Promise<Redemption | DiscountCreationFailedError> {
    const outcome = await this.ask(ctx, redemption, reward, code, customerShopifyId);
    if (outcome.outcome === 'created') {
      faultKill(this.faultPoint, 'after-shopify');
      return this.issue(ctx, redemption.id, outcome.shopifyDiscountId);
    }
    if (outcome.outcome === 'failed') {
      const settled = await this.giveBack(ctx, redemption.id, outcome.reason);
      return settled.status === 'failed' ? new DiscountCreationFailedError(settled.id, settled.pointsSpent, outcome.reason as DiscountFailureReason) : settled;
    }
    ctx.log.warn({ redemptionId: redemption.id, detail: outcome.detail }, `redemption ${redemption.id} left pending`);
    return this.noteAttempt(ctx, redemption.id);
  }

  /**
   * The recovery job's attempt at a redemption left PENDING: the same code again. Shopify refusing
   * it, or the attempts running out, gives the points back.
   */
  async retry(ctx: RequestContext, redemptionId: string, maxAttempts: number): Promise<void> {
    const redemption = await ctx.em.findOne(RedemptionEntity, { id: redemptionId, status: 'pending' }, { disableIdentityMap: true });
    if (!redemption) return;
    const reward = await ctx.em.findOneOrFail(RewardEntity, { id: redemption.rewardId }, { disableIdentityMap: true });
    const account = await ctx.em.findOne(PointsAccountEntity, { customerId: redemption.customerId }, { disableIdentityMap: true });
    const code = this.cipher.decrypt(redemption.codeEncrypted, codeAad(redemption.merchantId, redemption.id));
    const outcome = await this.ask(ctx, redemption, reward, code, account?.shopifyCustomerId ?? null);
    if (outcome.outcome === 'created') {
      await this.issue(ctx, redemption.id, outcome.shopifyDiscountId);
    } else if ((outcome.outcome === 'failed' && outcome.reason === 'SHOPIFY_REJECTED') || redemption.attempts + 1 >= maxAttempts) {
      await this.giveBack(ctx, redemption.id, outcome.outcome === 'failed' ? outcome.reason : 'SHOPIFY_UNAVAILABLE');
    } else {
      await this.noteAttempt(ctx, redemption.id);
    }
  }

  /** ISSUED redemptions whose code has expired become EXPIRED; the points stay spent (the code was usable). */
  async expire(ctx: RequestContext, redemptionIds: string[]): Promise<number> {
    return inRequestTransaction(ctx, async () => {
      const expired = await ctx.em.find(RedemptionEntity, { id: { $in: redemptionIds }, status: 'issued', expiresAt: { $lte: new Date() } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      for (const redemption of expired) {
        redemption.status = 'expired';
        ctx.emit('redemption.expired', { redemptionId: redemption.id, rewardId: redemption.rewardId, customerId: redemption.customerId });
        this.announce(ctx, redemption);
      }
      return expired.length;
    });
  }

  /**
   * The compensation of a FAILED redemption, from its `redemption.failed` event: an attempt
   * reported failed can still have created the code at Shopify (a timeout after Shopify did the
   * work), and the points are back, so the code must not work. Either failure qualifies: a refusal
   * can follow such an attempt too (the lookup of the then taken code refused). Marks the
   * redemption compensated once the merchant subgraph answers that no discount of ours holds the
   * code; anything else throws, so the event is retried with the consumer's backoff and
   * dead-lettered after the last attempt.
   */
  async compensate(ctx: RequestContext, redemptionId: string): Promise<void> {
    const redemption = await ctx.em.findOne(RedemptionEntity, { id: redemptionId }, { disableIdentityMap: true });
    if (!redemption || redemption.status !== 'failed' || redemption.compensatedAt) return;
    const code = this.cipher.decrypt(redemption.codeEncrypted, codeAad(redemption.merchantId, redemption.id));
    await this.discounts.deactivate(ctx, code);
    await ctx.em.nativeUpdate(RedemptionEntity, { id: redemption.id, compensatedAt: null }, { compensatedAt: new Date() });
  }

  /**
   * The recovery job's second look at a failed redemption's code, once the merchant subgraph's
   * Shopify deadline has passed since the failure: an attempt the first check raced (Shopify
   * creating the code late) has landed by now, and is deleted. Throws on any failure; the job
   * takes the redemption up again later. A shop that refuses (uninstalled, token revoked) is asked
   * `maxRechecks` times in all, then the redemption is marked abandoned, once, and logged: a shop
   * that refuses us may never answer again, and asking forever would cost a call per job run.
   */
  async recheck(ctx: RequestContext, redemptionId: string, maxRechecks: number): Promise<void> {
    const redemption = await ctx.em.findOne(RedemptionEntity, { id: redemptionId }, { disableIdentityMap: true });
    if (!redemption || redemption.status !== 'failed' || redemption.recheckedAt || redemption.recheckAbandonedAt) return;
    const code = this.cipher.decrypt(redemption.codeEncrypted, codeAad(redemption.merchantId, redemption.id));
    try {
      await this.discounts.deactivate(ctx, code);
    } catch (error) {
      if (shopifyFailure(error) !== 'SHOPIFY_REJECTED') throw error;
      const refusals = redemption.recheckRefusals + 1;
      if (refusals < maxRechecks) {
        await ctx.em.nativeUpdate(RedemptionEntity, { id: redemption.id, recheckAbandonedAt: null }, { recheckRefusals: refusals });
        throw error;
      }
      const abandoned = await ctx.em.nativeUpdate(RedemptionEntity, { id: redemption.id, recheckAbandonedAt: null }, { recheckRefusals: refusals, recheckAbandonedAt: new Date() });
      if (abandoned) {
        ctx.log.error({ redemptionId: redemption.id, refusals }, `redemption ${redemption.id}: its shop refused the recheck of its code ${refusals} times (uninstalled, or its token revoked); given up, the code may still work at Shopify`);
      }
      return;
    }
    await ctx.em.nativeUpdate(RedemptionEntity, { id: redemption.id, recheckedAt: null }, { recheckedAt: new Date() });
  }

  /**
   * An admin cancels an ISSUED redemption: the code is deleted in Shopify first, outside any
   * transaction, and only once Shopify confirms that no discount of ours holds it are the points
   * given back (a `reverse` of the debit, the usage slot freed), in one transaction under the row
   * lock. So a code that still works never has its points back: Shopify failing changes nothing.
   * Cancelling again answers the cancelled redemption. A code past its expiry is refused like an
   * EXPIRED one, whether or not the expiry job has run. An order that used the code before the
   * deletion, reported after it, takes the points again (`takeBackCancelled`).
   */
  async cancel(ctx: RequestContext, redemptionId: string, reason: string | null): Promise<Redemption | RedemptionNotFoundError | RedemptionNotCancellableError | DiscountDeactivationFailedError> {
    const found = isUuid(redemptionId) ? await ctx.em.findOne(RedemptionEntity, { id: redemptionId }, { disableIdentityMap: true }) : null;
    if (!found) return new RedemptionNotFoundError(redemptionId);
    if (found.status === 'cancelled') return found;
    const refused = notCancellable(found);
    if (refused) return refused;
    // Deleting the code cannot be undone: what the write after it carries must be known storable first.
    const unstorable = reason === null ? null : textProblem(reason);
    if (unstorable) throw badInput('input.reason', unstorable);
    try {
      await this.discounts.deactivate(ctx, this.cipher.decrypt(found.codeEncrypted, codeAad(found.merchantId, found.id)));
    } catch (error) {
      const failure = shopifyFailure(error);
      if (!failure) throw error;
      return new DiscountDeactivationFailedError(found.id, failure as DiscountFailureReason);
    }
    return inRequestTransaction(ctx, async () => {
      const redemption = await ctx.em.findOneOrFail(RedemptionEntity, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (redemption.status === 'cancelled') return redemption;
      const refusedNow = notCancellable(redemption);
      if (refusedNow) return refusedNow;
      const refundEntryId = await this.returnPoints(ctx, redemption, 'Redemption cancelled: points returned', { cancelReason: reason });
      redemption.status = 'cancelled';
      redemption.cancelledAt = new Date();
      redemption.refundEntryId = refundEntryId;
      ctx.emit('redemption.cancelled', { redemptionId: redemption.id, rewardId: redemption.rewardId, customerId: redemption.customerId, points: redemption.pointsSpent, refundEntryId, reason });
      this.announce(ctx, redemption);
      return redemption;
    });
  }

  /**
   * A cancelled redemption whose code an order had used before the cancellation deleted it: the
   * points given back are taken again (a reversal of the give-back, taking what the balance has
   * unless negative balances are allowed) and the usage slot is counted again (up to the limit), in the caller's
   * transaction, under the row lock the caller holds. The caller marks it USED.
   */
  async takeBackCancelled(ctx: RequestContext, redemption: Redemption, shopifyOrderId: string, allowNegative: boolean): Promise<void> {
    ctx.log.warn({ redemptionId: redemption.id, shopifyOrderId }, `redemption ${redemption.id} was cancelled after order ${shopifyOrderId} had used its code: taking the points back`);
    await this.postRewardEntry(
      ctx,
      redemption,
      {
        points: -redemption.pointsSpent,
        idempotencyKey: `redeem:${redemption.id}:used-after-cancel`,
        reversesEntryId: redemption.refundEntryId,
        reason: 'Cancelled reward used by an order: points taken back',
        metadata: { shopifyOrderId },
        clamp: true,
        allowNegative,
      },
      // Counted again, but never past the limit: another redemption may have taken the freed slot,
      // and the limit can only stay reached (the order already happened).
      'least(redemption_count + 1, usage_limit)',
    );
  }

  /** Queues the live `redemption.updated` message for after the commit. */
  announce(ctx: RequestContext, redemption: Redemption): void {
    const message: Omit<RedemptionUpdatedMessage, 'committedAt'> = {
      merchantId: redemption.merchantId,
      customerId: redemption.customerId,
      redemptionId: redemption.id,
      status: redemption.status,
    };
    ctx.afterCommit(() => ctx.live.publish(LIVE_TOPICS.redemptionUpdated, { ...message, committedAt: new Date().toISOString() }));
  }

  private ask(ctx: RequestContext, redemption: Redemption, reward: Reward, code: string, customerShopifyId: string | null): Promise<DiscountOutcome> {
    return this.discounts.create(ctx, {
      code,
      title: `${nameIn(reward.names)} (${code})`,
      kind: reward.kind,
      value: reward.value ?? null,
      variantId: reward.variantId ?? null,
      minimumSubtotal: reward.minimumSubtotal ?? null,
      startsAt: redemption.createdAt,
      endsAt: redemption.expiresAt ?? null,
      customerShopifyId,
    });
  }

  /**
   * Records Shopify's discount. A create that succeeds for a redemption already given back (a
   * late answer, racing the recovery job) left a working code without a debit: the compensation
   * is asked for again, through the outbox, so it happens even if this process dies now.
   */
  private async issue(ctx: RequestContext, redemptionId: string, shopifyDiscountId: string): Promise<Redemption> {
    const settled = await this.settleIssued(ctx, redemptionId, shopifyDiscountId);
    if (settled.status === 'failed') {
      await inRequestTransaction(ctx, async () => {
        await ctx.em.nativeUpdate(RedemptionEntity, { id: redemptionId }, { compensatedAt: null });
        ctx.emit('redemption.compensation_requested', { redemptionId, rewardId: settled.rewardId, customerId: settled.customerId });
        await ctx.em.flush();
      });
    }
    return settled;
  }

  private settleIssued(ctx: RequestContext, redemptionId: string, shopifyDiscountId: string): Promise<Redemption> {
    return this.settle(ctx, redemptionId, async (redemption) => {
      redemption.status = 'issued';
      redemption.shopifyDiscountId = shopifyDiscountId;
      redemption.issuedAt = new Date();
      redemption.errorCode = null;
      ctx.emit('reward.redeemed', { redemptionId: redemption.id, rewardId: redemption.rewardId, customerId: redemption.customerId, points: redemption.pointsSpent });
    });
  }

  /** Gives the points back with a reverse entry of the debit, frees the usage slot, marks it FAILED: one transaction. */
  private giveBack(ctx: RequestContext, redemptionId: string, reason: string): Promise<Redemption> {
    return this.settle(ctx, redemptionId, async (redemption) => {
      const refundEntryId = await this.returnPoints(ctx, redemption, 'Reward not issued: points returned', { errorCode: reason });
      redemption.status = 'failed';
      redemption.failedAt = new Date();
      redemption.errorCode = reason;
      redemption.refundEntryId = refundEntryId;
      ctx.emit('redemption.failed', {
        redemptionId: redemption.id,
        rewardId: redemption.rewardId,
        customerId: redemption.customerId,
        errorCode: reason,
        points: redemption.pointsSpent,
        refundEntryId,
      });
    });
  }

  /** The reverse entry of the redemption's debit, and its usage slot freed, in the caller's transaction; the entry's id. */
  private returnPoints(ctx: RequestContext, redemption: Redemption, why: string, metadata: Record<string, unknown>): Promise<string> {
    return this.postRewardEntry(
      ctx,
      redemption,
      { points: redemption.pointsSpent, idempotencyKey: `redeem:${redemption.id}:refund`, reversesEntryId: redemption.redeemEntryId, reason: why, metadata },
      'redemption_count - 1',
    );
  }

  /** A `reverse` ledger entry about the redemption, and its reward's usage count set to `count` (a SQL expression), in the caller's transaction; the entry's id. */
  private async postRewardEntry(
    ctx: RequestContext,
    redemption: Redemption,
    entry: Pick<EntryRequest, 'points' | 'idempotencyKey' | 'reversesEntryId' | 'reason' | 'clamp' | 'allowNegative'> & { metadata: Record<string, unknown> },
    count: 'redemption_count - 1' | 'least(redemption_count + 1, usage_limit)',
  ): Promise<string> {
    // The reward before the account, in the order redeeming takes them, so the two never deadlock.
    await ctx.em.execute('select 1 from reward where id = ? for update', [redemption.rewardId]);
    const posted = await this.ledger.post(ctx, {
      ...entry,
      customerId: redemption.customerId,
      kind: 'reverse',
      source: 'reward',
      metadata: { rewardId: redemption.rewardId, redemptionId: redemption.id, ...entry.metadata },
    });
    if (posted.outcome !== 'posted' && posted.outcome !== 'duplicate') throw new Error(`a reward entry of redemption ${redemption.id} met ledger outcome ${posted.outcome}`);
    await ctx.em.execute(`update reward set redemption_count = ${count} where id = ? and usage_limit is not null`, [redemption.rewardId]);
    return posted.entryId;
  }

  private noteAttempt(ctx: RequestContext, redemptionId: string): Promise<Redemption> {
    return this.settle(ctx, redemptionId, async () => {}, false);
  }

  /**
   * Applies `change` to the redemption under its row lock if it is still PENDING; answers it as it
   * then stands. The first settling of a redemption (by its request, or by the recovery job after
   * a crash cut the request short) also records the `redeemReward` call in the audit trail, in the
   * same transaction: each redemption's call is recorded once, whichever process settles it.
   */
  private settle(ctx: RequestContext, redemptionId: string, change: (redemption: Redemption) => Promise<void>, announce = true): Promise<Redemption> {
    return inRequestTransaction(ctx, async () => {
      const redemption = await ctx.em.findOneOrFail(RedemptionEntity, { id: redemptionId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (redemption.status !== 'pending') return redemption;
      const first = redemption.attempts === 0;
      redemption.attempts += 1;
      await change(redemption);
      if (first) await this.auditRequest(ctx, redemption);
      if (announce) this.announce(ctx, redemption);
      return redemption;
    });
  }

  /**
   * The `redeemReward` call's audit record, with what the call answers (or a retry of it with the
   * same key would answer: the request may have died). In the request, through the mutation
   * wrapper; in the recovery job, under the actor and request of the call, from the
   * `redemption.created` event its debit wrote (the job's own caller if that has been pruned).
   */
  private async auditRequest(ctx: RequestContext, redemption: Redemption): Promise<void> {
    const failed = redemption.status === 'failed';
    const outcome = failed ? DISCOUNT_FAILED_TYPENAME : REDEMPTION_TYPENAME;
    const errorCode = failed ? new DiscountCreationFailedError(redemption.id, redemption.pointsSpent, redemption.errorCode as DiscountFailureReason).code : null;
    if (auditWithChange(ctx, outcome, errorCode)) return;
    const [origin] = await ctx.em.execute<{ actor_kind: string | null; actor_id: string | null; request_id: string | null; correlation_id: string | null }[]>(
      `select actor_kind, actor_id, request_id, correlation_id from outbox_event where topic = 'redemption.created' and payload->>'redemptionId' = ? limit 1`,
      [redemption.id],
    );
    const args = { input: { customerId: redemption.customerId, rewardId: redemption.rewardId, idempotencyKey: redemption.idempotencyKey } };
    ctx.em.create(OutboxEventEntity, {
      id: uuidv7(),
      merchantId: redemption.merchantId,
      topic: MUTATION_EXECUTED,
      version: 1,
      payload: mutationExecuted('points', 'redeemReward', args, outcome, errorCode),
      publishedAt: null,
      actorKind: origin?.actor_kind ?? ctx.actor.kind,
      actorId: origin?.actor_id ?? ctx.actor.id,
      requestId: origin?.request_id ?? ctx.requestId,
      correlationId: origin ? origin.correlation_id : (ctx.correlationId ?? null),
    });
  }
}

/** The GraphQL typenames `redeemReward` answers a settled redemption with (see `RedeemRewardResult`). */
const REDEMPTION_TYPENAME = 'Redemption';
const DISCOUNT_FAILED_TYPENAME = 'DiscountCreationFailedError';

/** Why an uncancelled redemption cannot be cancelled, or null: only ISSUED ones within their expiry can (past it, Shopify no longer takes the code, whether or not the expiry job has marked it). */
function notCancellable(redemption: Redemption): RedemptionNotCancellableError | null {
  if (redemption.status !== 'issued') return new RedemptionNotCancellableError(redemption.id, redemption.status);
  const lapsed = redemption.expiresAt != null && redemption.expiresAt.getTime() <= Date.now();
  return lapsed ? new RedemptionNotCancellableError(redemption.id, 'expired') : null;
}
