import type { RequestContext } from '@loyalnest/kit';
import { LockMode } from '@mikro-orm/postgresql';
import { fraudPolicyOf } from '../domain/referral-fraud-policy.js';
import { checkConversion, combineAssessments } from '../domain/referral-fraud.js';
import type { ReferralProgramSettings } from '../domain/referral-program.js';
import type { ReferralStatus } from '../domain/referral-status.js';
import { ReferralEntity, type Referral } from '../entities/referral.entity.js';
import { REFERRAL_BLOCKED, REFERRAL_COMPLETED } from '../topics.js';
import type { ReferralProgramService } from './referral-program.service.js';

/** Referrals one merchant's transaction completes at most; the rest wait for the next pass. */
const BATCH = 200;

/**
 * The end of the hold: a PENDING referral whose `holdUntil` has passed completes, and
 * `referral.completed` (what the points domain posts the advocate's points from, once per
 * referral) commits with it through the outbox. The cap is counted again at that moment, over the
 * referrals already completed: one that the cap now blocks goes BLOCKED instead, unless an admin
 * approved it. The advocate's points are the program's as of completion.
 */
export class ReferralCompletionService {
  constructor(private readonly programs: ReferralProgramService) {}

  /**
   * Completes the merchant's due referrals, each at most once however many workers run at once:
   * they are taken under their row lock with SKIP LOCKED, and a row another worker completed no
   * longer matches. Returns how many completed.
   */
  async completeDue(ctx: RequestContext, now: Date): Promise<number> {
    const due = await ctx.em.find(
      ReferralEntity,
      { merchantId: ctx.merchantId!, status: 'PENDING', holdUntil: { $lte: now } },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { holdUntil: 'asc' }, limit: BATCH, refresh: true },
    );
    if (!due.length) return 0;
    const program = await this.programs.program(ctx);
    let completed = 0;
    for (const referral of due) {
      if ((await this.complete(ctx, referral, program, now)) === 'COMPLETED') completed++;
    }
    return completed;
  }

  /** Completes one locked referral whose hold is over (or blocks it on the cap); returns where it went. */
  async complete(ctx: RequestContext, referral: Referral, program: ReferralProgramSettings, now: Date): Promise<ReferralStatus> {
    if (!referral.approvedAt) {
      const cap = checkConversion(fraudPolicyOf(program), {
        advocate: { customerId: referral.advocateId, normalizedEmail: null, recentIpHashes: [], shippingAddressHashes: [], ...(await this.rewardedCounts(ctx, referral, ['COMPLETED'], now)) },
        friend: { hadOrdersBeforeClaim: null },
        order: { customerId: null, normalizedEmail: null, shippingAddressHash: null },
      });
      if (cap.reasons.length) referral.fraud = combineAssessments(referral.fraud, cap);
      if (cap.verdict === 'BLOCKED') {
        Object.assign(referral, { status: 'BLOCKED', updatedAt: now });
        ctx.emit(REFERRAL_BLOCKED, {
          referralId: referral.id,
          advocateId: referral.advocateId,
          friendCustomerId: referral.friendCustomerId ?? null,
          stage: 'CONVERSION',
          reasons: referral.fraud.reasons.map((r) => r.reason),
        });
        await ctx.em.flush();
        return 'BLOCKED';
      }
    }
    Object.assign(referral, { status: 'COMPLETED', completedAt: now, pointsAwarded: program.advocatePoints, updatedAt: now });
    ctx.emit(REFERRAL_COMPLETED, {
      referralId: referral.id,
      advocateId: referral.advocateId,
      friendCustomerId: referral.friendCustomerId ?? null,
      points: program.advocatePoints,
      orderId: referral.orderId!,
      orderTotalMinor: referral.orderTotalMinor ?? 0,
      currency: referral.orderCurrency ?? null,
      completedAt: now.toISOString(),
    });
    await ctx.em.flush();
    return 'COMPLETED';
  }

  /**
   * The advocate's other referrals in `statuses`, this calendar month (UTC, by completion, else
   * conversion) and ever: what the caps count.
   */
  async rewardedCounts(ctx: RequestContext, referral: Referral, statuses: ReferralStatus[], now = new Date()): Promise<{ rewardedThisMonth: number; rewardedLifetime: number }> {
    const [row] = await ctx.em.execute<{ month: number; lifetime: number }[]>(
      `select count(*) filter (where coalesce(completed_at, converted_at) >= date_trunc('month', ?::timestamptz at time zone 'UTC') at time zone 'UTC')::int as month,
              count(*)::int as lifetime
         from referral where merchant_id = ? and advocate_id = ? and id <> ? and status = any(array(select jsonb_array_elements_text(?::jsonb)))`,
      [now, ctx.merchantId!, referral.advocateId, referral.id, JSON.stringify(statuses)],
    );
    return { rewardedThisMonth: row.month, rewardedLifetime: row.lifetime };
  }
}
