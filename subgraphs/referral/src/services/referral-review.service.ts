import { inRequestTransaction, isUuid, type RequestContext } from '@loyalnest/kit';
import { LockMode } from '@mikro-orm/postgresql';
import type { ReferralStatus } from '../domain/referral-status.js';
import { ReferralEntity, type Referral } from '../entities/referral.entity.js';
import { ReferralNotDecidableError, ReferralNotFoundError, ReferralReviewInvalidError } from '../graphql/referral-review.error.js';
import { REFERRAL_VOIDED } from '../topics.js';
import type { ReferralCompletionService } from './referral-completion.service.js';
import type { ReferralProgramService } from './referral-program.service.js';

const REJECTABLE: readonly ReferralStatus[] = ['CLAIMED', 'PENDING', 'BLOCKED'];
const REASON_MAX = 500;

/**
 * An admin's decisions on referrals (`referrals:manage`). Approval lifts a block and takes the
 * referral where it would be without it: CLAIMED before any order (the friend's next claim issues
 * their code), PENDING inside the hold, COMPLETED (with `referral.completed`) once the hold is
 * over. Rejection ends a CLAIMED, PENDING or BLOCKED referral (`referral.voided`, status
 * REJECTED). Each runs under the referral's row lock, so a decision and the hold job or an order
 * event never both move one referral. Who decided is the admin's actor id.
 */
export class ReferralReviewService {
  constructor(
    private readonly programs: ReferralProgramService,
    private readonly completion: ReferralCompletionService,
  ) {}

  approve(ctx: RequestContext, id: string): Promise<Referral | ReferralNotFoundError | ReferralNotDecidableError> {
    return this.decide(ctx, id, async (referral, now) => {
      if (referral.status !== 'BLOCKED') return new ReferralNotDecidableError(id, referral.status, 'approve', 'a BLOCKED referral');
      Object.assign(referral, { approvedAt: now, decidedBy: ctx.actor.id, updatedAt: now });
      if (!referral.orderId) referral.status = 'CLAIMED';
      else if (referral.holdUntil && referral.holdUntil > now) referral.status = 'PENDING';
      else await this.completion.complete(ctx, referral, await this.programs.program(ctx), now);
      return referral;
    });
  }

  reject(ctx: RequestContext, id: string, reason: string | null): Promise<Referral | ReferralNotFoundError | ReferralNotDecidableError | ReferralReviewInvalidError> {
    const note = reason?.trim() || null;
    if (note && note.length > REASON_MAX) return Promise.resolve(new ReferralReviewInvalidError('reason', `at most ${REASON_MAX} characters; ${note.length} were given`));
    return this.decide(ctx, id, async (referral, now) => {
      if (!REJECTABLE.includes(referral.status)) return new ReferralNotDecidableError(id, referral.status, 'reject', 'a CLAIMED, PENDING or BLOCKED referral');
      Object.assign(referral, { status: 'REJECTED', rejectedAt: now, rejectionReason: note, decidedBy: ctx.actor.id, updatedAt: now });
      ctx.emit(REFERRAL_VOIDED, { referralId: referral.id, advocateId: referral.advocateId, friendCustomerId: referral.friendCustomerId ?? null, status: 'REJECTED', reason: 'REJECTED_BY_ADMIN' });
      return referral;
    });
  }

  /** The merchant's referral under its row lock, `change`d and saved in one transaction; another merchant's id is not found. */
  private decide<E>(ctx: RequestContext, id: string, change: (referral: Referral, now: Date) => Promise<Referral | E>): Promise<Referral | ReferralNotFoundError | E> {
    if (!isUuid(id)) return Promise.resolve(new ReferralNotFoundError(id));
    return inRequestTransaction(ctx, async () => {
      const referral = await ctx.em.findOne(ReferralEntity, { merchantId: ctx.merchantId!, id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!referral) return new ReferralNotFoundError(id);
      const result = await change(referral, new Date());
      await ctx.em.flush();
      return result;
    });
  }
}
