import { consume, type EventHandler, type SubgraphRuntime } from '@loyalnest/kit';
import { REFERRAL_COMPLETED } from '@loyalnest/referral/topics';
import type { ReferralRewardService } from '../services/referral-reward.service.js';

/** `referral.completed`: the advocate's points, posted once per referral (`ReferralRewardService.reward`). */
export function referralCompletedConsumer(services: (runtime: SubgraphRuntime) => { referrals: ReferralRewardService }): Record<string, EventHandler> {
  return consume(REFERRAL_COMPLETED, (ctx, { payload }, runtime) => services(runtime).referrals.reward(ctx, payload));
}
