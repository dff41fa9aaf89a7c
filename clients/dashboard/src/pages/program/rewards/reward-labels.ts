import type { RewardKind } from '../../../generated/graphql.js';
import type { RewardStatus } from './reward-form.js';
import type { rewardsMessages } from './rewards.messages.js';

type RewardsText = (typeof rewardsMessages)['en'];

export function kindLabel(kind: RewardKind, t: RewardsText): string {
  return { FIXED_AMOUNT: t.kindFixedAmount, PERCENTAGE: t.kindPercentage, FREE_SHIPPING: t.kindFreeShipping, FREE_PRODUCT: t.kindFreeProduct }[kind];
}

export function statusLabel(status: RewardStatus, t: RewardsText): string {
  return { ACTIVE: t.statusActive, INACTIVE: t.statusInactive, SCHEDULED: t.statusScheduled, ENDED: t.statusEnded }[status];
}
