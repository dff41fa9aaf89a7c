import {
  blindIndex,
  CustomerNotFoundError,
  decodeCursor,
  ErrorResult,
  forbidden,
  isUuid,
  pageSize,
  Scope,
  toPage,
  type FieldCipher,
  type PageInfo,
  type RedemptionFaultPoint,
  type RequestContext,
} from '@loyalnest/kit';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { PointsAccountEntity } from '../entities/points-account.entity.js';
import { RedemptionEntity, type Redemption } from '../entities/redemption.entity.js';
import { RewardEntity, type Reward } from '../entities/reward.entity.js';
import { IdempotencyKeyReusedError, InsufficientPointsError } from '../graphql/points.error.js';
import type { RedeemRewardInput } from '../graphql/redeem-reward.input.js';
import { DiscountCreationFailedError, DiscountFailureReason, RewardNotFoundError, RewardUnavailableError, RewardUnavailableReason } from '../graphql/reward.error.js';
import type { CustomerDirectory } from './customer-directory.js';
import type { LedgerService } from './ledger.service.js';
import type { PointsProgramService } from './points-program.service.js';
import { CODE_PREFIX, codeAad, newDiscountCode } from './redemption-code.js';
import type { RedemptionSettlement } from './redemption-settlement.service.js';
import { COUNTED_STATUSES, nameIn } from './reward-catalog.service.js';
import { inTransactionOr, Rollback } from './transaction.js';
import { clientKey } from './client-key.js';
import { faultKill } from './redemption-fault.js';

export type RedeemResult =
  | Redemption
  | InsufficientPointsError
  | RewardNotFoundError
  | RewardUnavailableError
  | DiscountCreationFailedError
  | CustomerNotFoundError
  | IdempotencyKeyReusedError;

const DAY_MS = 86_400_000;

/**
 * Redeeming a reward, in three steps so that no path loses points or issues a code without a debit:
 * (1) one transaction checks the reward and its limits under the reward's row lock, debits the
 * points through the ledger and records the redemption PENDING with its code (encrypted);
 * (2) outside any transaction the merchant subgraph creates the code in Shopify;
 * (3) the redemption becomes ISSUED, or FAILED with the points given back in the same transaction.
 * A crash between (1) and (3) leaves a PENDING redemption that the recovery job settles.
 * The request's own work is these two transactions and the Shopify call: the mutation's audit
 * record commits with (3), and events, live messages and Flow triggers follow from the outbox.
 */
export class RedemptionService {
  constructor(
    private readonly ledger: LedgerService,
    private readonly customers: CustomerDirectory,
    private readonly program: PointsProgramService,
    private readonly settlement: RedemptionSettlement,
    private readonly cipher: FieldCipher,
    private readonly blindIndexKey: string,
    private readonly faultPoint: RedemptionFaultPoint | null = null,
  ) {}

  /** A shopper redeems for their own customer only; everyone else needs `points:write`. */
  assertCanRedeem(ctx: RequestContext, customerId: string): void {
    if (ctx.scopes.includes(Scope.POINTS_WRITE)) return;
    if (ctx.scopes.includes(Scope.CUSTOMER_SELF)) {
      if (ctx.customerId === customerId) return;
      throw forbidden('A shopper may redeem rewards for themselves only');
    }
    throw forbidden('Missing scope: points:write');
  }

  /** A shopper may read their own redemptions only; everyone else needs `points:read`. */
  assertCanRead(ctx: RequestContext, customerId: string): void {
    if (ctx.scopes.includes(Scope.POINTS_READ)) return;
    if (ctx.scopes.includes(Scope.CUSTOMER_SELF) && ctx.customerId === customerId) return;
    throw forbidden('Missing scope: points:read');
  }

  async redeem(ctx: RequestContext, input: RedeemRewardInput): Promise<RedeemResult> {
    this.assertCanRedeem(ctx, input.customerId);
    if (!isUuid(input.customerId)) return new CustomerNotFoundError(input.customerId);
    if (!isUuid(input.rewardId)) return new RewardNotFoundError(input.rewardId);
    // Client keys in their own namespace per kind of caller, as for manual points changes.
    const key = clientKey(ctx, input.idempotencyKey);
    let started: Started | Earlier | ErrorResult | typeof NO_ACCOUNT;
    try {
      started = await this.start(ctx, input, key, true);
      // No account yet: only the customer subgraph knows whether the customer exists. Asked
      // outside any transaction; then the same checks again, which answer why nothing was spent.
      if (started === NO_ACCOUNT) {
        if (!(await this.customers.byId(ctx, input.customerId))) return new CustomerNotFoundError(input.customerId);
        started = (await this.start(ctx, input, key, false)) as Started | Earlier | ErrorResult;
      }
    } catch (error) {
      // The same key raced in from another request: that request's redemption is the answer.
      if (error instanceof UniqueConstraintViolationException && error.message.includes('redemption_merchant_key_unique')) {
        return (await this.replay(ctx, key, input))!;
      }
      throw error;
    }
    if (started instanceof ErrorResult) return started as RedeemResult;
    if ('earlier' in started) return started.earlier;
    faultKill(this.faultPoint, 'after-debit');
    return this.settlement.complete(ctx, started.redemption, started.reward, started.code, started.shopifyCustomerId);
  }

  async byId(ctx: RequestContext, id: string): Promise<Redemption | null> {
    if (!isUuid(id)) return null;
    const redemption = await ctx.em.findOne(RedemptionEntity, { id }, { disableIdentityMap: true });
    if (redemption) this.assertCanRead(ctx, redemption.customerId);
    return redemption;
  }

  async ofCustomer(ctx: RequestContext, customerId: string, args: { first?: number | null; after?: string | null }): Promise<{ nodes: Redemption[]; pageInfo: PageInfo }> {
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    if (!isUuid(customerId)) return toPage([], size);
    const rows = await ctx.em.find(
      RedemptionEntity,
      { customerId, ...(after && { id: { $lt: after } }) },
      { orderBy: { id: 'desc' }, limit: size + 1, disableIdentityMap: true },
    );
    return toPage(rows, size);
  }

  /**
   * An order used discount codes: those that are ours (`LN-…`, matched by their blind index, case
   * aside: Shopify matches codes without case) mark their redemption USED, in the caller's
   * transaction (the order webhook's consumer). ISSUED ones, and EXPIRED ones too: Shopify took the
   * code, so it was still valid when the order was placed, whatever the expiry job did since. A
   * CANCELLED one too: the order used the code before the cancellation deleted it (its webhook came
   * later), so the points the cancellation gave back are taken again. A second delivery of the
   * order finds them USED and changes nothing.
   */
  async markUsed(ctx: RequestContext, order: { shopifyOrderId: string; discountCodes: string[] }): Promise<number> {
    const ours = order.discountCodes.map((code) => code.toUpperCase()).filter((code) => code.startsWith(CODE_PREFIX));
    if (!ours.length) return 0;
    const indexes = ours.map((code) => blindIndex(this.blindIndexKey, ctx.merchantId!, code));
    const used = await ctx.em.find(RedemptionEntity, { codeIndex: { $in: indexes }, status: { $in: ['issued', 'expired', 'cancelled'] } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    for (const redemption of used) {
      if (redemption.status === 'cancelled') {
        const rules = await this.program.rules(ctx);
        await this.settlement.takeBackCancelled(ctx, redemption, order.shopifyOrderId, rules.allowNegativeBalance);
      }
      redemption.status = 'used';
      redemption.usedAt = new Date();
      redemption.usedOrderId = order.shopifyOrderId;
      ctx.emit('redemption.used', { redemptionId: redemption.id, rewardId: redemption.rewardId, customerId: redemption.customerId, shopifyOrderId: order.shopifyOrderId });
      this.settlement.announce(ctx, redemption);
    }
    return used.length;
  }

  /** The code in clear, once it works in Shopify (never for a pending or failed redemption). */
  code(redemption: Redemption): string | null {
    if (!['issued', 'used', 'expired'].includes(redemption.status)) return null;
    return this.cipher.decrypt(redemption.codeEncrypted, codeAad(redemption.merchantId, redemption.id));
  }

  /** The redemption another request made under the same key, as `answerOf` answers it. */
  private async replay(ctx: RequestContext, key: string, input: RedeemRewardInput): Promise<Redemption | IdempotencyKeyReusedError | DiscountCreationFailedError | null> {
    const earlier = await ctx.em.findOne(RedemptionEntity, { idempotencyKey: key }, { disableIdentityMap: true });
    return earlier && answerOf(earlier, input);
  }

  /**
   * Step 1, the request's first transaction and its only reads: an earlier redemption under the
   * same key (answered again), the customer's account, the rules, availability and limits, the
   * debit and the PENDING redemption. `NO_ACCOUNT` when `needAccount` and the customer has none.
   */
  private async start(ctx: RequestContext, input: RedeemRewardInput, key: string, needAccount: boolean): Promise<Started | Earlier | ErrorResult | typeof NO_ACCOUNT> {
    return inTransactionOr(ctx, async () => {
      const earlier = await ctx.em.findOne(RedemptionEntity, { idempotencyKey: key }, { disableIdentityMap: true });
      if (earlier) throw new Rollback({ earlier: answerOf(earlier, input) });
      const account = await ctx.em.findOne(PointsAccountEntity, { customerId: input.customerId }, { fields: ['customerId', 'shopifyCustomerId'], disableIdentityMap: true });
      if (!account && needAccount) throw new Rollback(NO_ACCOUNT);
      const rules = await this.program.rules(ctx);
      const reward = await lockReward(ctx, input.rewardId);
      if (!reward) throw new Rollback(new RewardNotFoundError(input.rewardId));
      const reason = unavailability(reward, rules.enabled);
      if (reason) throw new Rollback(new RewardUnavailableError(reward.id, reason));
      if (reward.usageLimitPerCustomer != null) {
        const [row] = await ctx.em.execute<{ n: number }[]>('select count(*)::int as n from redemption where reward_id = ? and customer_id = ? and status in (?)', [
          reward.id,
          input.customerId,
          COUNTED_STATUSES,
        ]);
        if (row.n >= reward.usageLimitPerCustomer) throw new Rollback(new RewardUnavailableError(reward.id, RewardUnavailableReason.CUSTOMER_LIMIT_REACHED));
      }
      const id = uuidv7();
      const posted = await this.ledger.post(ctx, {
        customerId: input.customerId,
        kind: 'redeem',
        source: 'reward',
        points: -reward.pointsCost,
        idempotencyKey: `redeem:${id}`,
        reason: `Reward: ${nameIn(reward.names)}`.slice(0, 255),
        metadata: { rewardId: reward.id, redemptionId: id },
      });
      if (posted.outcome === 'insufficient') {
        const { balance } = posted.account;
        throw new Rollback(balance < 0 ? new RewardUnavailableError(reward.id, RewardUnavailableReason.NEGATIVE_BALANCE) : new InsufficientPointsError(balance, reward.pointsCost));
      }
      if (posted.outcome === 'no_account') throw new Rollback(new InsufficientPointsError(0, reward.pointsCost));
      if (posted.outcome !== 'posted') throw new Error(`a fresh redemption key met ledger outcome ${posted.outcome}`);
      if (reward.usageLimit != null) reward.redemptionCount += 1;
      const code = newDiscountCode();
      const redemption = ctx.em.create(RedemptionEntity, {
        id,
        merchantId: ctx.merchantId!,
        rewardId: reward.id,
        customerId: input.customerId,
        pointsSpent: reward.pointsCost,
        status: 'pending',
        idempotencyKey: key,
        codeEncrypted: this.cipher.encrypt(code, codeAad(ctx.merchantId!, id)),
        codeIndex: blindIndex(this.blindIndexKey, ctx.merchantId!, code),
        shopifyDiscountId: null,
        // Fixed now, so every attempt asks Shopify for the same end date.
        expiresAt: reward.codeValidityDays ? new Date(Date.now() + reward.codeValidityDays * DAY_MS) : null,
        errorCode: null,
        redeemEntryId: posted.entryId,
        refundEntryId: null,
        attempts: 0,
        issuedAt: null,
      });
      ctx.emit('redemption.created', { redemptionId: id, rewardId: reward.id, customerId: input.customerId, points: reward.pointsCost, entryId: posted.entryId });
      await ctx.em.flush();
      this.settlement.announce(ctx, redemption);
      return { redemption, reward, code, shopifyCustomerId: account?.shopifyCustomerId ?? null };
    });
  }
}

interface Started {
  redemption: Redemption;
  reward: Reward;
  code: string;
  shopifyCustomerId: string | null;
}

/** A redemption made earlier under the same key: what its first request answered. */
interface Earlier {
  earlier: Redemption | IdempotencyKeyReusedError | DiscountCreationFailedError;
}

const NO_ACCOUNT = Symbol('no points account');

/**
 * The first attempt's answer again. A redemption that failed answered a typed error the first
 * time, so its replay answers the same error rather than the FAILED redemption: a client retrying
 * after a lost answer must not see a different outcome than it would have.
 */
function answerOf(earlier: Redemption, input: RedeemRewardInput): Redemption | IdempotencyKeyReusedError | DiscountCreationFailedError {
  if (earlier.customerId !== input.customerId || earlier.rewardId !== input.rewardId) return new IdempotencyKeyReusedError(input.idempotencyKey);
  if (earlier.status === 'failed' && isFailureReason(earlier.errorCode)) return new DiscountCreationFailedError(earlier.id, earlier.pointsSpent, earlier.errorCode);
  return earlier;
}

function unavailability(reward: Reward, programEnabled: boolean, now = new Date()): RewardUnavailableReason | null {
  if (!programEnabled) return RewardUnavailableReason.PROGRAM_DISABLED;
  if (reward.archivedAt) return RewardUnavailableReason.ARCHIVED;
  if (!reward.active) return RewardUnavailableReason.INACTIVE;
  if (reward.startsAt && reward.startsAt > now) return RewardUnavailableReason.NOT_STARTED;
  if (reward.endsAt && reward.endsAt <= now) return RewardUnavailableReason.ENDED;
  if (reward.usageLimit != null && reward.redemptionCount >= reward.usageLimit) return RewardUnavailableReason.USAGE_LIMIT_REACHED;
  return null;
}

const isFailureReason = (code: string | null | undefined): code is DiscountFailureReason => Object.values<unknown>(DiscountFailureReason).includes(code);

const limited = (reward: Reward) => reward.usageLimit != null || reward.usageLimitPerCustomer != null;

/**
 * A reward with limits is locked exclusively, so concurrent redemptions count and take its slots
 * one at a time; one without is locked shared, so they run side by side and only a change of
 * the reward (which may set a limit and count what exists) waits for them. Should a limit appear
 * between the first read and the shared lock, the exclusive lock is taken instead.
 */
async function lockReward(ctx: RequestContext, rewardId: string): Promise<Reward | null> {
  const seen = await ctx.em.findOne(RewardEntity, { id: rewardId }, { disableIdentityMap: true });
  if (!seen) return null;
  const mode = limited(seen) ? LockMode.PESSIMISTIC_WRITE : LockMode.PESSIMISTIC_READ;
  const locked = await ctx.em.findOne(RewardEntity, { id: rewardId }, { lockMode: mode, refresh: true });
  if (!locked || mode === LockMode.PESSIMISTIC_WRITE || !limited(locked)) return locked;
  return ctx.em.findOne(RewardEntity, { id: rewardId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}
