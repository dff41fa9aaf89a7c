import { badInput, inRequestTransaction, isUuid, Scope, type RequestContext } from '@loyalnest/kit';
import { LockMode } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { REWARD_LOCALES, RewardEntity, type Reward, type RewardKind, type RewardNames } from '../entities/reward.entity.js';
import { RewardNotFoundError } from '../graphql/reward.error.js';
import type { CreateRewardInput, RewardNamesInput, UpdateRewardInput } from '../graphql/reward.input.js';

/** The fields of a reward the service checks together; what the input and the stored row share. */
type RewardShape = Pick<Reward, 'kind' | 'value' | 'variantId' | 'startsAt' | 'endsAt'>;

const TAKES_VALUE: RewardKind[] = ['fixed_amount', 'percentage'];

/** Statuses that hold a slot of a reward's usage limit. */
export const COUNTED_STATUSES = ['pending', 'issued', 'used', 'expired'] as const;

/** Whether the reward can be redeemed at `now`, limits per customer aside; the catalog's `activeOnly`. */
export function isRedeemable(reward: Reward, now = new Date()): boolean {
  return (
    reward.active &&
    !reward.archivedAt &&
    (!reward.startsAt || reward.startsAt <= now) &&
    (!reward.endsAt || reward.endsAt > now) &&
    (reward.usageLimit == null || reward.redemptionCount < reward.usageLimit)
  );
}

/** A reward's name for a shopper: in their language, else the merchant's, else English, else any. */
export function nameIn(names: RewardNames, ...locales: (string | null | undefined)[]): string {
  for (const locale of [...locales, 'en']) {
    const name = locale ? names[locale as keyof RewardNames] : undefined;
    if (name) return name;
  }
  return Object.values(names).find(Boolean) ?? '';
}

/** The merchant's catalog of rewards, managed by admins (`points:manage`), read by every caller. */
export class RewardCatalogService {
  /**
   * The catalog, or only what can be redeemed now. Callers without `points:read` (shoppers,
   * guests) always get the latter: a reward switched off, or one whose window has not opened yet,
   * is the merchant's unreleased plan, not something to show on the storefront.
   */
  async list(ctx: RequestContext, args: { activeOnly?: boolean | null }): Promise<Reward[]> {
    const rewards = await ctx.em.find(RewardEntity, { archivedAt: null }, { orderBy: { pointsCost: 'asc', id: 'asc' }, disableIdentityMap: true });
    if (!args.activeOnly && ctx.scopes.includes(Scope.POINTS_READ)) return rewards;
    const now = new Date();
    return rewards.filter((r) => isRedeemable(r, now));
  }

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<Reward[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? ctx.em.find(RewardEntity, { id: { $in: valid } }, { disableIdentityMap: true }) : [];
  }

  async create(ctx: RequestContext, input: CreateRewardInput): Promise<Reward> {
    const kind = input.kind as RewardKind;
    const shape: RewardShape = { kind, value: input.value ?? null, variantId: input.variantId ?? null, startsAt: input.startsAt ?? null, endsAt: input.endsAt ?? null };
    checkShape(shape, { value: input.value != null, variantId: input.variantId != null });
    const reward = ctx.em.create(RewardEntity, {
      id: uuidv7(),
      merchantId: ctx.merchantId!,
      ...shape,
      names: namesOf(input.names),
      pointsCost: input.pointsCost,
      minimumSubtotal: input.minimumSubtotal ?? null,
      usageLimit: input.usageLimit ?? null,
      usageLimitPerCustomer: input.usageLimitPerCustomer ?? null,
      codeValidityDays: input.codeValidityDays ?? null,
      active: input.active ?? true,
      archivedAt: null,
      redemptionCount: 0,
    });
    ctx.emit('reward.created', { rewardId: reward.id, kind, pointsCost: reward.pointsCost });
    await ctx.em.flush();
    return reward;
  }

  /**
   * Under the reward's row lock, which redemptions of it hold (shared when it has no limits), so
   * a newly set usage limit counts every redemption already made, even one still committing.
   */
  async update(ctx: RequestContext, input: UpdateRewardInput): Promise<Reward | RewardNotFoundError> {
    if (!isUuid(input.id)) return new RewardNotFoundError(input.id);
    return inRequestTransaction(ctx, async () => {
      const reward = await ctx.em.findOne(RewardEntity, { id: input.id, archivedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!reward) return new RewardNotFoundError(input.id);
      const kind = (input.kind ?? reward.kind) as RewardKind;
      const kindChanged = kind !== reward.kind;
      const keep = <K extends 'value' | 'variantId'>(field: K) => (input[field] !== undefined ? input[field] ?? null : kindChanged ? null : reward[field]);
      const shape: RewardShape = {
        kind,
        value: keep('value'),
        variantId: keep('variantId'),
        startsAt: input.startsAt !== undefined ? input.startsAt : reward.startsAt,
        endsAt: input.endsAt !== undefined ? input.endsAt : reward.endsAt,
      };
      checkShape(shape, { value: input.value != null, variantId: input.variantId != null });
      const changes: Partial<Reward> = { ...shape };
      if (input.names != null) changes.names = namesOf(input.names);
      if (input.pointsCost != null) changes.pointsCost = input.pointsCost;
      if (input.active != null) changes.active = input.active;
      for (const field of ['minimumSubtotal', 'usageLimit', 'usageLimitPerCustomer', 'codeValidityDays'] as const) {
        if (input[field] !== undefined) (changes as Record<string, unknown>)[field] = input[field];
      }
      if (changes.usageLimit != null) {
        const counted = await this.countedRedemptions(ctx, reward.id);
        if (changes.usageLimit < counted) throw badInput('usageLimit', `must be at least the ${counted} redemptions already made`);
        changes.redemptionCount = counted;
      }
      const fields = Object.keys(changes).filter((key) => JSON.stringify(changes[key as keyof Reward]) !== JSON.stringify(reward[key as keyof Reward]));
      ctx.em.assign(reward, changes);
      ctx.emit('reward.updated', { rewardId: reward.id, fields });
      return reward;
    });
  }

  async archive(ctx: RequestContext, id: string): Promise<Reward | RewardNotFoundError> {
    const reward = isUuid(id) ? await ctx.em.findOne(RewardEntity, { id }) : null;
    if (!reward) return new RewardNotFoundError(id);
    if (reward.archivedAt) return reward;
    reward.archivedAt = new Date();
    reward.active = false;
    ctx.emit('reward.archived', { rewardId: reward.id });
    await ctx.em.flush();
    return reward;
  }

  private async countedRedemptions(ctx: RequestContext, rewardId: string): Promise<number> {
    const [row] = await ctx.em.execute<{ n: number }[]>('select count(*)::int as n from redemption where reward_id = ? and status in (?)', [rewardId, COUNTED_STATUSES]);
    return row.n;
  }
}

function namesOf(input: RewardNamesInput): RewardNames {
  const names: RewardNames = {};
  for (const locale of REWARD_LOCALES) {
    const name = input[locale]?.trim();
    if (name) names[locale] = name;
  }
  if (!Object.keys(names).length) throw badInput('names', `needs a name in at least one of ${REWARD_LOCALES.join(', ')}`);
  return names;
}

/** `given`: which of value / variantId the caller set, so a leftover of an old kind is cleared rather than refused. */
function checkShape(shape: RewardShape, given: { value: boolean; variantId: boolean }): void {
  if (TAKES_VALUE.includes(shape.kind)) {
    const value = shape.value == null ? NaN : Number(shape.value);
    if (!(value > 0)) throw badInput('value', `is required and must be more than 0 for ${shape.kind.toUpperCase()} rewards`);
    if (shape.kind === 'percentage' && value > 100) throw badInput('value', 'is a percentage and must be at most 100');
  } else if (given.value) {
    throw badInput('value', 'is only for FIXED_AMOUNT and PERCENTAGE rewards');
  } else {
    shape.value = null;
  }
  if (shape.kind === 'free_product') {
    if (!shape.variantId) throw badInput('variantId', 'is required for FREE_PRODUCT rewards');
  } else if (given.variantId) {
    throw badInput('variantId', 'is only for FREE_PRODUCT rewards');
  } else {
    shape.variantId = null;
  }
  if (shape.startsAt && shape.endsAt && shape.endsAt <= shape.startsAt) throw badInput('endsAt', 'must be after startsAt');
}
