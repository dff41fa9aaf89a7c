import { inRequestTransaction, type RequestContext } from '@loyalnest/kit';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { checkReferralProgram } from '../domain/referral-program-check.js';
import { DEFAULT_REFERRAL_SETTINGS, type ReferralProgramDraft, type ReferralProgramSettings } from '../domain/referral-program.js';
import { ReferralProgramEntity, type ReferralProgram } from '../entities/referral-program.entity.js';
import { ReferralProgramInvalidError } from '../graphql/referral-program.error.js';
import { REFERRAL_PROGRAM_UPDATED } from '../topics.js';

/** A program as read: its settings and its change count (0: never saved, the defaults). */
export interface ReferralProgramView extends ReferralProgramSettings {
  version: number;
  updatedAt: Date | null;
}

/** Each merchant's referral program: read with `referrals:read`, replaced whole with `referrals:manage`. */
export class ReferralProgramService {
  /** @param changed runs after a change commits (the click path's cached offer is dropped). */
  constructor(private readonly changed: (merchantId: string) => Promise<void> = async () => {}) {}

  program(ctx: RequestContext): Promise<ReferralProgramView> {
    return this.programIn(ctx.em, ctx.merchantId!);
  }

  /** The program through any EntityManager confined to the merchant (the click path's cache fill has no request context). */
  async programIn(em: EntityManager, merchantId: string): Promise<ReferralProgramView> {
    return viewOf(await em.findOne(ReferralProgramEntity, { merchantId }, { disableIdentityMap: true }));
  }

  /**
   * Replaces the whole program, checked as a whole first: a problem returns before anything is
   * read or written. The change runs in one transaction under the program row's lock, so
   * concurrent changes apply one after the other, and the event reporting it commits with it.
   */
  async update(ctx: RequestContext, draft: ReferralProgramDraft): Promise<ReferralProgramView | ReferralProgramInvalidError> {
    const checked = checkReferralProgram(draft);
    if ('field' in checked) return new ReferralProgramInvalidError(checked);
    const merchantId = ctx.merchantId!;
    return inRequestTransaction(ctx, async () => {
      // The row exists from here on, so the lock below also serializes a merchant's first two saves.
      await ctx.em.execute(
        `insert into referral_program (merchant_id, enabled, advocate_points, friend_reward_kind, friend_reward_value, friend_minimum_order_amount, friend_expiry_days,
           friend_single_use, friend_once_per_customer, conversion_rule, minimum_order_value, hold_days, monthly_cap, lifetime_cap, fraud_policy, claim_burst_per_week, version, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 0, now()) on conflict (merchant_id) do nothing`,
        [merchantId, ...rowOf(DEFAULT_REFERRAL_SETTINGS)],
      );
      const program = await ctx.em.findOneOrFail(ReferralProgramEntity, { merchantId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      Object.assign(program, columnsOf(checked), { version: program.version + 1 });
      ctx.emit(REFERRAL_PROGRAM_UPDATED, {
        version: program.version,
        enabled: checked.enabled,
        advocatePoints: checked.advocatePoints,
        friendRewardKind: checked.friendReward.kind,
        friendRewardValue: checked.friendReward.value,
        conversionRule: checked.conversionRule,
        holdDays: checked.holdDays,
        monthlyCap: checked.monthlyCap,
        lifetimeCap: checked.lifetimeCap,
        fraudPolicy: { ...checked.fraudPolicy },
        claimBurstPerWeek: checked.claimBurstPerWeek,
      });
      ctx.afterCommit(() => this.changed(merchantId));
      await ctx.em.flush();
      return viewOf(program);
    });
  }
}

function columnsOf(s: ReferralProgramSettings) {
  return {
    enabled: s.enabled,
    advocatePoints: s.advocatePoints,
    friendRewardKind: s.friendReward.kind,
    friendRewardValue: s.friendReward.value,
    friendMinimumOrderAmount: s.friendReward.minimumOrderAmount,
    friendExpiryDays: s.friendReward.expiryDays,
    friendSingleUse: s.friendReward.singleUse,
    friendOncePerCustomer: s.friendReward.oncePerCustomer,
    conversionRule: s.conversionRule,
    minimumOrderValue: s.minimumOrderValue,
    holdDays: s.holdDays,
    monthlyCap: s.monthlyCap,
    lifetimeCap: s.lifetimeCap,
    fraudPolicy: s.fraudPolicy,
    claimBurstPerWeek: s.claimBurstPerWeek,
  };
}

function rowOf(s: ReferralProgramSettings): unknown[] {
  const c = columnsOf(s);
  return [
    c.enabled, c.advocatePoints, c.friendRewardKind, c.friendRewardValue, c.friendMinimumOrderAmount, c.friendExpiryDays, c.friendSingleUse,
    c.friendOncePerCustomer, c.conversionRule, c.minimumOrderValue, c.holdDays, c.monthlyCap, c.lifetimeCap, JSON.stringify(c.fraudPolicy), c.claimBurstPerWeek,
  ];
}

/** Amounts as PostgreSQL gives them back ("10.00"); a check added since the row was saved takes its default. */
function viewOf(program: ReferralProgram | null): ReferralProgramView {
  if (!program) return { ...DEFAULT_REFERRAL_SETTINGS, version: 0, updatedAt: null };
  return {
    enabled: program.enabled,
    advocatePoints: program.advocatePoints,
    friendReward: {
      kind: program.friendRewardKind,
      value: program.friendRewardValue ?? null,
      minimumOrderAmount: program.friendMinimumOrderAmount ?? null,
      expiryDays: program.friendExpiryDays ?? null,
      singleUse: program.friendSingleUse,
      oncePerCustomer: program.friendOncePerCustomer,
    },
    conversionRule: program.conversionRule,
    minimumOrderValue: program.minimumOrderValue ?? null,
    holdDays: program.holdDays,
    monthlyCap: program.monthlyCap ?? null,
    lifetimeCap: program.lifetimeCap ?? null,
    fraudPolicy: { ...DEFAULT_REFERRAL_SETTINGS.fraudPolicy, ...program.fraudPolicy },
    claimBurstPerWeek: program.claimBurstPerWeek,
    version: program.version,
    updatedAt: program.updatedAt,
  };
}
